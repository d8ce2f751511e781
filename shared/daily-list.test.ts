import { describe, expect, test } from 'vitest';
import { classify, type Classification } from './classify.ts';
import { eventsForContact } from './contact-events.ts';
import { buildDailyList, classifyAll, dailyList } from './daily-list.ts';
import { DAY } from './day.ts';
import { eventFactory } from './event-fixtures.ts';
import { DEFAULT_POLICY } from './policy.ts';
import type { AccountEvent } from './schema.ts';

const T0 = Date.UTC(2026, 2, 12, 9);
const day = (n: number) => T0 + n * DAY;

// One account: a customer, two buyers who replied, a reader, a silent prospect, a zombie.
function account(): AccountEvent[] {
  const f = eventFactory();
  const toCustomer = f.sent(day(-20), ['customer@example.com']);
  const toEarly = f.sent(day(-10), ['early@example.com']);
  const toLate = f.sent(day(-10), ['late@example.com']);
  const toReader = f.sent(day(-5), ['reader@example.com']);
  return [
    toCustomer,
    f.open(day(-19), toCustomer),
    f.order(day(-7), 'order', 'customer@example.com'), // due day 0
    toEarly,
    f.reply(day(-6), 'early@example.com'), // interested: due day -3
    toLate,
    f.reply(day(-4), 'late@example.com'), // due day -1
    toReader,
    f.open(day(-4), toReader), // due day 10
    f.sent(day(-1), ['new@example.com']), // due day 29
    f.sent(day(-400), ['zombie@example.com']),
  ];
}

describe('daily list', () => {
  test('due and overdue contacts by state, most overdue first, with the funnel', () => {
    const list = dailyList(account(), DEFAULT_POLICY, day(0));
    const summary = list.groups.map(({ state, contacts }) => [state, contacts.map((c) => [c.contact, c.overdueDays])]);
    expect(summary).toEqual([
      ['ordered', [['customer@example.com', 0]]],
      ['replied', [['early@example.com', 3], ['late@example.com', 1]]],
      ['opened-no-reply', []],
      ['inactive', []],
    ]);
    expect(list.counts).toEqual({ ordered: 1, replied: 2, 'opened-no-reply': 1, inactive: 1, archived: 1 });
  });

  test('the same classification as classifying each contact on its own', () => {
    const f = eventFactory('x@example.com', 7);
    const mail = f.sent(day(-3), ['x@example.com']);
    // A late self-view beacon and a future reply: both must be judged the same way in bulk.
    const events = [...account(), mail, f.open(day(-2), mail), f.selfView(day(-2) + 10_000, mail), f.reply(day(1))];
    const all = classifyAll(events, DEFAULT_POLICY, day(0));
    for (const [contact, classification] of all) {
      expect(classification).toEqual(classify(eventsForContact(events, contact), DEFAULT_POLICY, day(0)));
    }
    expect(all.get('x@example.com')?.state).toBe('inactive');
  });

  test('an empty account has an empty list', () => {
    expect(dailyList([], DEFAULT_POLICY, day(0))).toEqual({
      groups: [
        { state: 'ordered', contacts: [] },
        { state: 'replied', contacts: [] },
        { state: 'opened-no-reply', contacts: [] },
        { state: 'inactive', contacts: [] },
      ],
      counts: { ordered: 0, replied: 0, 'opened-no-reply': 0, inactive: 0, archived: 0 },
    });
  });
});

describe('"today" is the rep\u2019s local day', () => {
  const base = classify([eventFactory().sent(day(0))], DEFAULT_POLICY, day(1));
  const dueAt = (iso: string): [string, Classification] => [iso, { ...base, nextFollowUpAt: Date.parse(iso) }];
  const overdue = (now: string, timeZone: string, ...due: string[]) => {
    const list = buildDailyList(due.map(dueAt), Date.parse(now), timeZone);
    return Object.fromEntries(list.groups.flatMap((g) => g.contacts).map((c) => [c.contact, c.overdueDays]));
  };

  test.each<[string, string, string, Record<string, number>]>([
    // 00:30 on 20 March in Shanghai is still 19 March in UTC.
    ['Asia/Shanghai', '2026-03-19T16:30:00Z', 'Shanghai, just after midnight', { '2026-03-19T15:30:00Z': 1, '2026-03-19T17:00:00Z': 0 }],
    ['UTC', '2026-03-19T16:30:00Z', 'UTC, the same instant', { '2026-03-19T15:30:00Z': 0, '2026-03-19T17:00:00Z': 0 }],
    // 23:30 on 19 March in Los Angeles is already 20 March in UTC.
    ['America/Los_Angeles', '2026-03-20T06:30:00Z', 'Los Angeles, just before midnight', { '2026-03-19T07:30:00Z': 0, '2026-03-19T06:30:00Z': 1 }],
    // Berlin moved to summer time on 29 March: 23:30 on the 28th was UTC+1, so it is two days ago.
    ['Europe/Berlin', '2026-03-29T22:30:00Z', 'Berlin, across the DST switch', { '2026-03-28T22:30:00Z': 2, '2026-03-28T23:30:00Z': 1 }],
  ])('%s: %s (%s)', (timeZone, now, _name, expected) => {
    const candidates = [...Object.keys(expected), '2026-04-30T00:00:00Z'];
    expect(overdue(now, timeZone, ...candidates)).toEqual(expected);
  });

  test('an unknown time zone is an error, not a silent UTC', () => {
    expect(() => buildDailyList([], day(0), 'Mars/Olympus')).toThrow(RangeError);
  });
});
