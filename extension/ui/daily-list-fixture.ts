// A realistic account for the list, funnel and popup tests, classified by shared's real
// dailyList() from events, so these tests break when the domain changes shape.
import { dailyList } from '../../shared/daily-list.ts';
import { DAY } from '../../shared/day.ts';
import { eventFactory } from '../../shared/event-fixtures.ts';
import { DEFAULT_POLICY } from '../../shared/policy.ts';
import type { AccountEvent } from '../../shared/schema.ts';
import type { DailyListData } from './daily-list.tsx';

export const NOW = Date.UTC(2026, 2, 12, 9);
const day = (n: number) => NOW + n * DAY;

/** Due today: a sample customer, a buyer who replied, a reader, two silent prospects; and some not due. */
export function accountEvents(): AccountEvent[] {
  const f = eventFactory();
  const toCustomer = f.sent(day(-20), ['customer@example.com']);
  const toEarly = f.sent(day(-10), ['early@example.com']);
  const toLate = f.sent(day(-10), ['late@example.com']);
  const toReader = f.sent(day(-20), ['reader@example.com']);
  const toFaded = f.sent(day(-200), ['faded@example.com']);
  return [
    toCustomer,
    f.open(day(-19), toCustomer),
    f.order(day(-7), 'sample', 'customer@example.com'), // ordered, first follow-up due today
    toEarly,
    f.reply(day(-6), 'early@example.com'), // replied, interested: due 3 days ago
    toLate,
    f.reply(day(-4), 'late@example.com'),
    f.intent(day(-4), 'later', 'late@example.com'), // replied, later: not due yet
    toReader,
    f.open(day(-16), toReader), // opened, no reply: due 2 days ago
    f.sent(day(-40), ['silent@example.com']), // inactive: due 10 days ago
    toFaded,
    f.open(day(-199), toFaded),
    f.reply(day(-190), 'faded@example.com'), // replied, then downgraded twice: due 40 days ago
    f.sent(day(-1), ['new@example.com']), // inactive, first mail yesterday: not due
    f.sent(day(-400), ['zombie@example.com']), // archived by a year of silence
  ];
}

export function dailyListView(events: readonly AccountEvent[] = accountEvents(), sync: Partial<DailyListData> = {}): DailyListData {
  return {
    list: dailyList(events, DEFAULT_POLICY, NOW),
    profiles: {
      'customer@example.com': { firstName: 'Anna', lastName: 'Schmidt', company: 'Schmidt Haushaltswaren GmbH', country: 'DE' },
      'reader@example.com': { company: 'Lopez Importaciones' },
    },
    unsynced: 0,
    conflicts: 0,
    lastSyncAt: NOW - 5 * 60_000,
    lastError: null,
    ...sync,
  };
}

/** Words the fixture itself brings (addresses, names, companies): allowed on a Chinese screen. */
export const FIXTURE_WORDS = [
  /[\w.+-]+@example\.com/g,
  /Anna Schmidt|Schmidt Haushaltswaren GmbH|Lopez Importaciones/g,
];
