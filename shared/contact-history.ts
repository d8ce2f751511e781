// One contact's events made ready for replay in a single pass: the past in time order with copies
// counted once, what the future holds back, and the few facts classify needs before replaying.
// One pass matters: on a large account each event is touched here for the first time, and that
// first touch, not the arithmetic, is most of what classifying costs. For the same reason nothing
// is copied when the log is already in order, as it is when it comes from the API.
import type { AccountEvent, OpenEvent, SelfViewEvent, SentEvent } from './schema.ts';

export interface ContactHistory {
  /**
   * Events up to now, sorted by (at, id), copies of one event (same id and time) once: the first
   * `pastCount` of `past`. When the log is in that order already, `past` is the log itself.
   */
  past: readonly AccountEvent[];
  pastCount: number;
  /** Whether the past holds every past event of the log, in log order: none sorted or dropped. */
  asLogged: boolean;
  /** Distinct events dated after now, and the earliest of their times (Infinity when none). */
  futureCount: number;
  firstFuture: number;
  /**
   * What open verdicts are judged from, each up to now, copies included and in log order: the
   * mails, the rep's self-view beacons and the opens stored as human (only those can promote).
   */
  mails: SentEvent[];
  selfViews: readonly SelfViewEvent[];
  humanOpens: OpenEvent[];
  sawReplyOrOrder: boolean;
}

export function readHistory(events: readonly AccountEvent[], now: number): ContactHistory {
  let past: AccountEvent[] | null = null; // made only once the past stops being a prefix of the log
  let pastCount = 0;
  let sorted = true;
  let droppedCopy = false;
  let futureCount = 0;
  let firstFutureIndex = 0;
  let firstFuture = Infinity;
  const mails: SentEvent[] = [];
  let selfViews: SelfViewEvent[] | null = null; // rare
  const humanOpens: OpenEvent[] = [];
  let sawReplyOrOrder = false;
  let contact: string | null = null;
  let previous: AccountEvent | undefined;
  let previousAt = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const at = event.at;
    if (at > now) {
      if (futureCount++ === 0) firstFutureIndex = i;
      if (at < firstFuture) firstFuture = at;
      continue;
    }
    let copy = false;
    if (previous !== undefined && previousAt >= at) {
      // A copy of the event just kept is dropped here rather than after sorting, but still read.
      if (previousAt === at && previous.id === event.id) copy = droppedCopy = true;
      else if (previousAt > at || previous.id > event.id) sorted = false;
    }
    if (!copy) {
      if (past === null && i === pastCount) pastCount++;
      else {
        past ??= events.slice(0, pastCount);
        past.push(event);
        pastCount++;
      }
      previous = event;
      previousAt = at;
    }
    switch (event.type) {
      case 'sent':
        mails.push(event);
        break;
      case 'self-view':
        (selfViews ??= []).push(event);
        break;
      case 'open':
        if (event.verdict.kind === 'human') humanOpens.push(event);
        break;
      case 'reply':
      case 'order':
        sawReplyOrOrder = true;
        contact = sameContact(contact, event.contact);
        break;
      default:
        contact = sameContact(contact, event.contact);
        break;
    }
  }
  if (!sorted) {
    past ??= events.slice(0, pastCount);
    past.sort(byTimeThenId);
    if (dropCopies(past)) droppedCopy = true;
    pastCount = past.length;
  }
  return {
    past: past ?? events,
    pastCount,
    asLogged: sorted && !droppedCopy,
    futureCount: futureCount > 1 ? distinctFuture(events, firstFutureIndex, futureCount, now) : futureCount,
    firstFuture,
    mails,
    selfViews: selfViews ?? NO_SELF_VIEWS,
    humanOpens,
    sawReplyOrOrder,
  };
}

const NO_SELF_VIEWS: readonly SelfViewEvent[] = [];

/** How many of the `count` events after now have distinct ids; the first of them is `events[from]`. */
function distinctFuture(events: readonly AccountEvent[], from: number, count: number, now: number): number {
  if (count > FEW_FUTURE) {
    const ids = new Set<string>();
    for (let i = from; i < events.length; i++) if (events[i]!.at > now) ids.add(events[i]!.id);
    return ids.size;
  }
  let distinct = 0;
  for (let i = from; i < events.length; i++) if (events[i]!.at > now && !earlierCopy(events, from, i, now)) distinct++;
  return distinct;
}

/** Whether a future event between `from` and `i` has the id of `events[i]`. */
function earlierCopy(events: readonly AccountEvent[], from: number, i: number, now: number): boolean {
  const id = events[i]!.id;
  for (let j = from; j < i; j++) if (events[j]!.at > now && events[j]!.id === id) return true;
  return false;
}

/** Up to this many, copies among the future are found pair by pair rather than through a Set. */
const FEW_FUTURE = 8;

/** Keeps the first of each run of events with the same time and id; true when any was dropped. */
function dropCopies(sorted: AccountEvent[]): boolean {
  let kept = 0;
  for (const event of sorted) {
    const previous = kept > 0 ? sorted[kept - 1] : undefined;
    if (previous !== undefined && previous.at === event.at && previous.id === event.id) continue;
    sorted[kept++] = event;
  }
  const dropped = kept < sorted.length;
  sorted.length = kept;
  return dropped;
}

/** Events of two contacts mixed up are a caller's bug: grouping is contact-events.ts's job. */
function sameContact(known: string | null, contact: string): string {
  if (known !== null && known !== contact) throw new Error(`classify takes one contact's events, got ${known} and ${contact}`);
  return contact;
}

function byTimeThenId(a: AccountEvent, b: AccountEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
