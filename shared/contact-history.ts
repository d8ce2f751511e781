// One contact's slots (contact-logs.ts) made ready for replay in a single pass: whether they are the
// past in time order already, what the future holds back, and the few facts classify needs before
// replaying. Only the columns are read; an event object is touched only to break a tie in time or
// when two ids hash alike (copies of one event, mostly).
import { HUMAN_OPEN, ORDER, REPLY, SAMPLE_ORDER, type EventColumns } from './contact-logs.ts';

export interface ContactHistory {
  log: EventColumns;
  /** The contact's slots: from up to to. */
  from: number;
  to: number;
  /**
   * The past in replay order, when the slots are not that already: slots up to now sorted by
   * (at, id), copies of one event (same id and time) once, the first given kept. Null when the
   * slots from..to, leaving out those after now, are the past in that order with no copies.
   */
  order: number[] | null;
  pastCount: number;
  /** The time of the first past event (Infinity when none). */
  firstPast: number;
  /** Distinct events dated after now, and the earliest of their times (Infinity when none). */
  futureCount: number;
  firstFuture: number;
  /** Past opens stored as human, copies included: only those can promote. */
  humanOpens: number;
  sawReplyOrOrder: boolean;
}

export function readHistory(log: EventColumns, from: number, to: number, now: number): ContactHistory {
  const { at, code } = log;
  let pastCount = 0;
  let sorted = true;
  let copies = false;
  let futureCount = 0;
  let firstFutureSlot = from;
  let firstFuture = Infinity;
  let humanOpens = 0;
  let sawReplyOrOrder = false;
  let previous = -1;
  let previousAt = 0;
  for (let slot = from; slot < to; slot++) {
    const time = at[slot]!;
    if (time > now) {
      if (futureCount++ === 0) firstFutureSlot = slot;
      if (time < firstFuture) firstFuture = time;
      continue;
    }
    let copy = false;
    if (previous >= 0 && previousAt >= time) {
      // A copy of the event just kept is dropped here rather than after sorting, but still read.
      if (previousAt > time) sorted = false;
      else {
        const order = compareIds(log, previous, slot);
        if (order === 0) copy = copies = true;
        else if (order > 0) sorted = false;
      }
    }
    if (!copy) {
      pastCount++;
      previous = slot;
      previousAt = time;
    }
    const what = code[slot]!;
    if (what === HUMAN_OPEN) humanOpens++;
    else if (what === REPLY || what === ORDER || what === SAMPLE_ORDER) sawReplyOrOrder = true;
  }
  let order: number[] | null = null;
  let firstPast = pastCount > 0 ? firstPastSlotTime(at, from, to, now) : Infinity;
  if (!sorted || copies) {
    order = [];
    for (let slot = from; slot < to; slot++) if (at[slot]! <= now) order.push(slot);
    order.sort((a, b) => at[a]! - at[b]! || compareIds(log, a, b));
    dropCopies(log, order);
    pastCount = order.length;
    firstPast = at[order[0]!]!;
  }
  return {
    log,
    from,
    to,
    order,
    pastCount,
    firstPast,
    futureCount: futureCount > 1 ? distinctFuture(log, firstFutureSlot, to, futureCount, now) : futureCount,
    firstFuture,
    humanOpens,
    sawReplyOrOrder,
  };
}

function firstPastSlotTime(at: Float64Array, from: number, to: number, now: number): number {
  for (let slot = from; slot < to; slot++) if (at[slot]! <= now) return at[slot]!;
  return Infinity;
}

/** Whether two slots' events have the same id. */
export function sameId(log: EventColumns, a: number, b: number): boolean {
  return log.idHash[a] === log.idHash[b] && log.events[log.source[a]!]!.id === log.events[log.source[b]!]!.id;
}

/** The ids of two slots' events, compared as strings. */
function compareIds(log: EventColumns, a: number, b: number): number {
  const first = log.events[log.source[a]!]!.id;
  const second = log.events[log.source[b]!]!.id;
  return first < second ? -1 : first > second ? 1 : 0;
}

/** How many of the `count` slots after now have distinct ids; the first of them is `from`. */
function distinctFuture(log: EventColumns, from: number, to: number, count: number, now: number): number {
  const { at, events, source } = log;
  if (count > FEW_FUTURE) {
    const ids = new Set<string>();
    for (let slot = from; slot < to; slot++) if (at[slot]! > now) ids.add(events[source[slot]!]!.id);
    return ids.size;
  }
  let distinct = 0;
  for (let slot = from; slot < to; slot++) if (at[slot]! > now && !earlierCopy(log, from, slot, now)) distinct++;
  return distinct;
}

/** Whether a future slot between `from` and `slot` has the id of `slot`'s event. */
function earlierCopy(log: EventColumns, from: number, slot: number, now: number): boolean {
  for (let earlier = from; earlier < slot; earlier++) if (log.at[earlier]! > now && sameId(log, earlier, slot)) return true;
  return false;
}

/** Up to this many, copies among the future are found pair by pair (by id hash) rather than through a Set. */
const FEW_FUTURE = 64;

/** Keeps the first of each run of slots with the same time and id. */
function dropCopies(log: EventColumns, sorted: number[]): void {
  let kept = 0;
  for (const slot of sorted) {
    const previous = kept > 0 ? sorted[kept - 1]! : -1;
    if (previous >= 0 && log.at[previous] === log.at[slot] && compareIds(log, previous, slot) === 0) continue;
    sorted[kept++] = slot;
  }
  sorted.length = kept;
}
