// Which of a contact's opens stored as human still count, and whether each was of a mail to several
// people. Resolution only ever turns a stored human verdict into another kind, and other opens
// never make a human one a repeat (open-verdict.ts), so only what decides human opens is judged.
// The rules are resolveOpenVerdicts', judged in place on the contact's slots: through its four maps,
// building them would cost more than the judging.
import { HUMAN_OPEN, SELF_VIEW, SENT, SENT_SHARED } from './contact-logs.ts';
import { sameId, type ContactHistory } from './contact-history.ts';
import { DEFAULT_OPEN_WINDOWS, resolveOpenVerdicts } from './open-verdict.ts';
import type { AccountEvent, Verdict } from './schema.ts';

export interface HumanOpens {
  /** For each past open stored as human, in replay order: shared (true), own (false), not counted (null). */
  shared: Array<boolean | null>;
  /** Whether any copy in the log is a counted open of a mail to this contact alone, or to several. */
  sawOwnOpen: boolean;
  sawSharedOpen: boolean;
}

const NONE: HumanOpens = { shared: [], sawOwnOpen: false, sawSharedOpen: false };
/** Up to this many opens are judged in place, where a check of every pair for a reused id stays cheap. */
const FEW_OPENS = 16;
const { tooSoonMs, selfViewBeforeMs, selfViewAfterMs, dedupeMs } = DEFAULT_OPEN_WINDOWS;

/** `verdicts`: final verdicts by open id, when the caller has them; else they are judged here. */
export function judgeHumanOpens(history: ContactHistory, now: number, verdicts: ReadonlyMap<string, Verdict> | undefined): HumanOpens {
  if (history.humanOpens === 0) return NONE;
  if (verdicts === undefined && history.order === null && history.humanOpens <= FEW_OPENS) {
    const judged = judgeInPlace(history, now);
    if (judged !== null) return judged;
  }
  // Copies, a reused id, many opens or verdicts passed in: by open id, as resolveOpenVerdicts judges.
  const { log, from, to } = history;
  const { at, code } = log;
  const byId = verdicts ?? resolveOpenVerdicts(judgedFrom(history, now));
  const shared: Array<boolean | null> = [];
  let sawOwnOpen = false;
  let sawSharedOpen = false;
  for (let slot = from; slot < to; slot++) {
    if (code[slot] !== HUMAN_OPEN || at[slot]! > now) continue;
    const own = humanOpenShared(history, slot, now, byId);
    if (own === true) sawSharedOpen = true;
    else if (own === false) sawOwnOpen = true;
  }
  const past = history.order ?? slotsUpTo(history, now);
  for (const slot of past) if (code[slot] === HUMAN_OPEN) shared.push(humanOpenShared(history, slot, now, byId));
  return { shared, sawOwnOpen, sawSharedOpen };
}

/**
 * The common case: the slots are the past in (at, id) order with no copies, so the human opens are
 * the ones replayed, in that order, and each is judged where it stands. Null when two of them
 * share an id: resolveOpenVerdicts judges by id, so then only the by-id path gives its answer.
 */
function judgeInPlace(history: ContactHistory, now: number): HumanOpens | null {
  const { log, from, to } = history;
  const { at, code } = log;
  const shared = new Array<boolean | null>(history.humanOpens);
  let opens = 0;
  let sawOwnOpen = false;
  let sawSharedOpen = false;
  for (let slot = from; slot < to; slot++) {
    if (code[slot] !== HUMAN_OPEN || at[slot]! > now) continue;
    const facts = around(history, slot, now);
    if ((facts & REUSED_ID) !== 0) return null;
    const own = keyBeforeRepeat(facts) === STORED && !repeat(history, slot, now) ? sharedFrom(facts) : null;
    if (own === true) sawSharedOpen = true;
    else if (own === false) sawOwnOpen = true;
    shared[opens++] = own;
  }
  return { shared, sawOwnOpen, sawSharedOpen };
}

// What the contact's past slots say about one human open, found in one scan, as bits.
/** A self-view beacon of its message close enough to it: the rep's own view. */
const SELF_VIEWED = 1;
/** A mail of its message; one of them long enough before it (not too soon after the send). */
const MAILED = 2;
const MAILED_BEFORE = 4;
/** Whether the last mail of its message in slot order went to several people, or to this one alone. */
const SHARED = 8;
const OWN = 16;
/** An earlier human open has the same id. */
const REUSED_ID = 32;

/** One scan of the contact's past slots for what decides the human open in `slot`: the bits above. */
function around(history: ContactHistory, slot: number, now: number): number {
  const { log, from, to } = history;
  const { at, code, message } = log;
  const time = at[slot]!;
  const of = message[slot]!;
  let facts = 0;
  for (let other = from; other < to; other++) {
    if (at[other]! > now) continue;
    const what = code[other]!;
    if (what === HUMAN_OPEN) {
      if (other < slot && sameId(log, other, slot)) facts |= REUSED_ID;
    } else if (message[other] !== of) {
      continue;
    } else if (what === SELF_VIEW) {
      if (time >= at[other]! - selfViewBeforeMs && time <= at[other]! + selfViewAfterMs) facts |= SELF_VIEWED;
    } else if (what === SENT || what === SENT_SHARED) {
      facts |= time - at[other]! >= tooSoonMs ? MAILED | MAILED_BEFORE : MAILED;
      facts = (facts & ~(SHARED | OWN)) | (what === SENT_SHARED ? SHARED : OWN);
    }
  }
  return facts;
}

const STORED = 0;
const SELF_VIEW_KEY = 1;
const TOO_SOON = 2;

/**
 * What a human open's verdict is before the repeat rule: its stored reason, or a downgrade. Too
 * soon means after the first send of its message, that is, after every send of it.
 */
function keyBeforeRepeat(facts: number): number {
  if ((facts & SELF_VIEWED) !== 0) return SELF_VIEW_KEY;
  return (facts & MAILED) !== 0 && (facts & MAILED_BEFORE) === 0 ? TOO_SOON : STORED;
}

/** Whether the mail an open is of went to several people; null when the contact has no mail of it. */
function sharedFrom(facts: number): boolean | null {
  return (facts & SHARED) !== 0 ? true : (facts & OWN) !== 0 ? false : null;
}

/** A repeat of an earlier human open of the same message, with the same verdict, inside the dedupe span. */
function repeat(history: ContactHistory, slot: number, now: number): boolean {
  const { log, from } = history;
  const { at, code, message } = log;
  const time = at[slot]!;
  for (let earlier = slot - 1; earlier >= from; earlier--) {
    if (code[earlier] !== HUMAN_OPEN || at[earlier]! > now) continue;
    if (time - at[earlier]! >= dedupeMs) break;
    if (message[earlier] !== message[slot] || keyBeforeRepeat(around(history, earlier, now)) !== STORED) continue;
    if (reason(history, earlier) === reason(history, slot)) return true;
  }
  return false;
}

/** What verdicts of human opens are judged from, up to now: mails, self-views, human opens. */
function judgedFrom(history: ContactHistory, now: number): AccountEvent[] {
  const { log, from, to } = history;
  const events: AccountEvent[] = [];
  for (const wanted of [SENT, SELF_VIEW, HUMAN_OPEN]) {
    for (let slot = from; slot < to; slot++) {
      const what = log.code[slot]!;
      if ((what === wanted || (wanted === SENT && what === SENT_SHARED)) && log.at[slot]! <= now) events.push(log.events[log.source[slot]!]!);
    }
  }
  return events;
}

function slotsUpTo(history: ContactHistory, now: number): number[] {
  const slots: number[] = [];
  for (let slot = history.from; slot < history.to; slot++) if (history.log.at[slot]! <= now) slots.push(slot);
  return slots;
}

function reason(history: ContactHistory, slot: number): string {
  const open = history.log.events[history.log.source[slot]!]!;
  return open.type === 'open' ? open.verdict.reason : '';
}

/** Whether a human open counts and is shared; null when resolution took human away or its message is unknown. */
function humanOpenShared(history: ContactHistory, slot: number, now: number, verdicts: ReadonlyMap<string, Verdict>): boolean | null {
  const final = verdicts.get(history.log.events[history.log.source[slot]!]!.id);
  if (final !== undefined && final.kind !== 'human') return null;
  return sharedMessage(history, slot, now);
}

/** Whether the mail an open is of went to several people (its last past copy decides); null when unknown. */
function sharedMessage(history: ContactHistory, slot: number, now: number): boolean | null {
  const { log, from, to } = history;
  const { at, code, message } = log;
  for (let other = to - 1; other >= from; other--) {
    if (message[other] !== message[slot] || at[other]! > now) continue;
    const what = code[other]!;
    if (what === SENT) return false;
    if (what === SENT_SHARED) return true;
  }
  return null;
}
