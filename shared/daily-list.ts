// The rep's work list: every contact due today or overdue, grouped by state (best customers first)
// and most overdue first, with how many contacts sit in each state for the funnel.
import { classifyContact, type Classification } from './classify.ts';
import { groupContacts } from './contact-logs.ts';
import { LIVE_STATES, type ContactState, type LiveState } from './contact-state.ts';
import type { Policy } from './policy.ts';
import type { AccountEvent, Email } from './schema.ts';
import { localDayCounter } from './time-zone.ts';

export interface DueContact {
  contact: Email;
  classification: Classification;
  dueAt: number;
  /** Whole local days since the follow-up fell due: 0 means due today. */
  overdueDays: number;
}

export interface DailyList {
  groups: Array<{ state: LiveState; contacts: DueContact[] }>;
  counts: Record<ContactState, number>;
}

/** Every contact in an account's log, classified. */
export function classifyAll(events: readonly AccountEvent[], policy: Policy, now: number): Map<Email, Classification> {
  return new Map(classifyEach(events, policy, now));
}

/**
 * Each contact's slots hold every sent mail, self-view and open of its messages, so its opens are
 * judged from its own slots: small ranges keep that work in cache, which on a 200,000-event log is
 * faster than judging the whole log at once. A list, not a Map: the daily list only walks it, and
 * filling a Map with ten thousand contacts costs more than that walk.
 */
function classifyEach(events: readonly AccountEvent[], policy: Policy, now: number): Array<readonly [Email, Classification]> {
  const logs = groupContacts(events);
  const classified: Array<readonly [Email, Classification]> = [];
  for (let contact = 0; contact < logs.contacts.length; contact++) {
    classified.push([logs.contacts[contact]!, classifyContact(logs, contact, policy, now)]);
  }
  return classified;
}

/**
 * The list from classifications already made. "Today" is the rep's local day in `timeZone`
 * (an IANA name; unknown names throw), so a follow-up due at 23:30 yesterday is one day overdue.
 */
export function buildDailyList(
  classified: Iterable<readonly [Email, Classification]>,
  now: number,
  timeZone = 'UTC',
): DailyList {
  const localDay = localDayCounter(timeZone);
  const today = localDay(now);
  const counts: Record<ContactState, number> = { ordered: 0, replied: 0, 'opened-no-reply': 0, inactive: 0, archived: 0 };
  const due: Record<LiveState, DueContact[]> = { ordered: [], replied: [], 'opened-no-reply': [], inactive: [] };
  for (const [contact, classification] of classified) {
    const { state, nextFollowUpAt: dueAt } = classification;
    counts[state]++;
    if (dueAt === null || state === 'archived') continue;
    const day = localDay(dueAt);
    if (day <= today) due[state].push({ contact, classification, dueAt, overdueDays: today - day });
  }
  const groups = LIVE_STATES.map((state) => ({ state, contacts: due[state].sort(mostOverdueFirst) }));
  return { groups, counts };
}

export function dailyList(
  events: readonly AccountEvent[],
  policy: Policy,
  now: number,
  options: { timeZone?: string } = {},
): DailyList {
  return buildDailyList(classifyEach(events, policy, now), now, options.timeZone);
}

function mostOverdueFirst(a: DueContact, b: DueContact): number {
  return a.dueAt - b.dueAt || (a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0);
}
