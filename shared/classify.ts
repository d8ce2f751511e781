// Where one correspondent stands: a pure function of its events, the policy and now. The state
// machine lives in contact-replay.ts; this file prepares the events, feeds them in and reads off the
// flags, the next follow-up and the template to propose.
import { isSharedMessage } from './contact-events.ts';
import { ContactReplay, INACTIVE, LEVEL_STATE, UNSTARTED, ZOMBIE } from './contact-replay.ts';
import type { ContactState } from './contact-state.ts';
import { nextFollowUp } from './next-follow-up.ts';
import { resolveOpenVerdicts } from './open-verdict.ts';
import { DAY, type Policy } from './policy.ts';
import { proposeTemplate } from './propose-template.ts';
import type { ContactFlag, ReasonStep } from './reasons.ts';
import type { AccountEvent, EventOf, Intent, Verdict } from './schema.ts';
import type { TemplateKey } from './templates.ts';

export interface Classification {
  state: ContactState;
  /** When the contact entered `state`; null when nothing has happened yet. */
  since: number | null;
  archivedBy: 'rep' | 'silence' | null;
  /** Why the contact is here, oldest step first (see reasons.ts for the English). */
  reasons: ReasonStep[];
  flags: ContactFlag[];
  intent: Intent;
  /** When to write next; null when archived or when there is nothing to follow up. */
  nextFollowUpAt: number | null;
  /** A snooze still in force (later than now), else null. */
  snoozedUntil: number | null;
  templateKey: TemplateKey | null;
  lastSentAt: number | null;
  /** The contact's own last signal: human open of a mail to it alone, reply or order. */
  lastSignalAt: number | null;
}

/**
 * Classifies one correspondent. `events` are that contact's events (see contact-events.ts) in any
 * order, duplicates allowed. Events dated after `now` have not happened yet and are only counted
 * in the reasons. `verdicts` lets a caller that resolved a whole account's opens at once pass them
 * in; by default they are resolved from `events`.
 */
export function classify(
  events: readonly AccountEvent[],
  policy: Policy,
  now: number,
  verdicts?: ReadonlyMap<string, Verdict>,
): Classification {
  const { past, futureCount, firstFuture } = pastInOrder(events, now);
  const finalVerdicts = verdicts ?? humanVerdicts(past);
  const sharedByMessage = new Map<string, boolean>();
  for (const event of past) if (event.type === 'sent') sharedByMessage.set(event.messageId, isSharedMessage(event));

  // Untrackable is judged on the whole log: one seen open proves that the contact's mail client
  // shows opens, so from then on every missing open means something.
  let sawOwnOpen = false;
  let sawSharedOpen = false;
  let sawReplyOrOrder = false;
  for (const event of past) {
    if (event.type === 'reply' || event.type === 'order') sawReplyOrOrder = true;
    else if (event.type === 'open') {
      const shared = humanOpenShared(event, finalVerdicts, sharedByMessage);
      if (shared === true) sawSharedOpen = true;
      else if (shared === false) sawOwnOpen = true;
    }
  }
  const untrackable = sawReplyOrOrder && !sawOwnOpen && !sawSharedOpen;

  const replay = new ContactReplay(policy, untrackable);
  let intent: Intent = 'interested';
  let contact: string | null = null;
  for (const event of past) {
    if ('contact' in event && event.contact !== (contact ??= event.contact)) {
      throw new Error(`classify takes one contact's events, got ${contact} and ${event.contact}`);
    }
    replay.expire(event.at);
    replay.seen(event.at);
    switch (event.type) {
      case 'sent':
        replay.sent(event.at);
        break;
      case 'open':
        // Other verdicts and shared opens are evidence for the timeline; they never promote.
        if (humanOpenShared(event, finalVerdicts, sharedByMessage) === false) replay.ownOpen(event.at);
        break;
      case 'reply':
        replay.reply(event.at);
        break;
      case 'order':
        replay.order(event.at, event.kind);
        break;
      case 'intent':
        intent = event.intent;
        break;
      case 'snooze':
        replay.snoozedUntil = event.until;
        break;
      case 'archive':
        replay.archive(event.at);
        break;
      case 'unarchive':
        replay.unarchive(event.at);
        break;
      default:
        break; // notes, profile, tier, stars, size, source, tags and self-views do not move the state
    }
  }
  replay.expire(now);

  const { level, firstAt, firstSentAt, lastSentAt, lastSignalAt, archivedByRepAt } = replay;
  let reasons = replay.reasons;
  if (futureCount > 0) reasons.push({ code: 'future-events', at: firstFuture, count: futureCount });
  if (firstAt === null) reasons = [{ code: 'no-events' }];

  const archivedBy = archivedByRepAt !== null ? 'rep' : level === ZOMBIE ? 'silence' : null;
  const live = archivedBy === null && level >= INACTIVE ? LEVEL_STATE[level]! : null;
  const state: ContactState = archivedBy !== null ? 'archived' : (live ?? 'inactive');
  const silentSince = lastSignalAt ?? firstSentAt;

  const flags: ContactFlag[] = [];
  if (untrackable) flags.push('untrackable');
  if (sawSharedOpen && !sawOwnOpen) flags.push('shared-open-only');
  if (live === 'inactive' && lastSignalAt === null && firstSentAt !== null && now - firstSentAt < policy.awaitingFirstOpenDays * DAY) {
    flags.push('awaiting-first-open');
  }
  const switchContact = live === 'inactive' && silentSince !== null && now - silentSince >= policy.switchContactAfterSilentDays * DAY;
  if (switchContact) flags.push('switch-contact');

  const snoozedUntil = replay.snoozedUntil !== null && replay.snoozedUntil > now ? replay.snoozedUntil : null;
  let nextFollowUpAt: number | null = null;
  if (live !== null) {
    const { since, lastOrderAt } = replay;
    nextFollowUpAt = nextFollowUp({ state: live, since, intent, lastSentAt, lastOrderAt, silentSince, snoozedUntil }, policy);
  } else if (archivedBy === null && firstAt !== null) {
    // Known but never written to: the first mail is due from the day the contact appeared.
    nextFollowUpAt = Math.max(firstAt, snoozedUntil ?? firstAt);
  }

  return {
    state,
    since: archivedByRepAt ?? (level === UNSTARTED ? firstAt : replay.since),
    archivedBy,
    reasons,
    flags,
    intent,
    nextFollowUpAt,
    snoozedUntil,
    templateKey: proposeTemplate({
      state,
      intent,
      sentSinceEntry: replay.sentSinceEntry,
      sentSinceOrder: replay.lastOrderAt === null ? null : replay.sentSinceOrder,
      lastOrderKind: replay.lastOrderKind,
      everSent: firstSentAt !== null,
      switchContact,
      now,
    }),
    lastSentAt,
    lastSignalAt,
  };
}

const NO_VERDICTS: ReadonlyMap<string, Verdict> = new Map();

/**
 * The final verdicts that matter here: those of opens stored as human. Resolution only ever turns
 * a stored human verdict into another kind, and other opens never make a human one a repeat, so
 * only the mails, the self-view beacons and the human opens are judged: on real logs, full of
 * proxy and prefetch hits, that is a fraction of the work. Other opens keep their stored verdict.
 */
function humanVerdicts(past: readonly AccountEvent[]): ReadonlyMap<string, Verdict> {
  const relevant: AccountEvent[] = [];
  let opens = 0;
  for (const event of past) {
    if (event.type === 'open') {
      if (event.verdict.kind !== 'human') continue;
      opens++;
    } else if (event.type !== 'sent' && event.type !== 'self-view') continue;
    relevant.push(event);
  }
  return opens === 0 ? NO_VERDICTS : resolveOpenVerdicts(relevant);
}

/** Whether an open is human and shared; null when it is not human or its message is unknown. */
function humanOpenShared(
  open: EventOf<'open'>,
  verdicts: ReadonlyMap<string, Verdict>,
  sharedByMessage: ReadonlyMap<string, boolean>,
): boolean | null {
  if ((verdicts.get(open.id) ?? open.verdict).kind !== 'human') return null;
  return sharedByMessage.get(open.messageId) ?? null;
}

/**
 * The events up to `now`, sorted by (at, id) with copies of one event (same id and time) counted
 * once, plus how many later ones were left out. Sorting is skipped when the input is in order.
 */
function pastInOrder(events: readonly AccountEvent[], now: number) {
  const past: AccountEvent[] = [];
  let futureIds: Set<string> | null = null;
  let firstFuture = Infinity;
  let sorted = true;
  for (const event of events) {
    if (event.at > now) {
      (futureIds ??= new Set()).add(event.id);
      if (event.at < firstFuture) firstFuture = event.at;
      continue;
    }
    const previous = past[past.length - 1];
    if (previous !== undefined && byTimeThenId(previous, event) > 0) sorted = false;
    past.push(event);
  }
  if (!sorted) past.sort(byTimeThenId);
  let kept = 0;
  for (let i = 0; i < past.length; i++) {
    const event = past[i]!;
    const previous = kept > 0 ? past[kept - 1] : undefined;
    if (previous !== undefined && previous.at === event.at && previous.id === event.id) continue;
    past[kept++] = event;
  }
  past.length = kept;
  return { past, futureCount: futureIds?.size ?? 0, firstFuture };
}

function byTimeThenId(a: AccountEvent, b: AccountEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
