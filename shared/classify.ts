// Where one correspondent stands: a pure function of its events, the policy and now.
//
// The events are replayed in time order through a small machine. A signal (a human open of a mail
// to this contact alone, a reply, a logged order) lifts the contact at once to the signal's level
// or restarts the silence clock of its current level. Between signals, a level that hears nothing
// of its own kind (or better) for its silence period drops one step, and the next level's clock
// starts at that moment. Replaying, rather than looking only at the latest events, is what makes
// the stepwise downgrades and the reason chain exact.
//
// Archive decisions: a rep's archive is an overlay. The machine keeps running underneath it, a
// new reply or order lifts it, and unarchiving shows whatever the contact has become meanwhile.
// An automatic archive (a zombie after a year of silence) is a level: any signal lifts it, and
// unarchiving restarts the contact as inactive from that moment.
import { isSharedMessage } from './contact-events.ts';
import type { ContactState, LiveState } from './contact-state.ts';
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

// Levels, highest first. A zombie is auto-archived; "unstarted" has never been written to.
const ORDERED = 3;
const REPLIED = 2;
const OPENED = 1;
const INACTIVE = 0;
const ZOMBIE = -1;
const UNSTARTED = -2;
const LEVEL_STATE: readonly LiveState[] = ['inactive', 'opened-no-reply', 'replied', 'ordered'];

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
  const finalVerdicts = verdicts ?? resolveOpenVerdicts(past);
  const sharedByMessage = new Map<string, boolean>();
  for (const event of past) if (event.type === 'sent') sharedByMessage.set(event.messageId, isSharedMessage(event));
  // Human opens (null: not one, or of a message nobody was recorded sending to), and whether this
  // contact is untrackable: judged on the whole log, because one seen open proves that the
  // contact's mail client shows opens, so from then on every missing open means something.
  const humanOpenShared = (event: EventOf<'open'>) =>
    (finalVerdicts.get(event.id) ?? event.verdict).kind === 'human' ? (sharedByMessage.get(event.messageId) ?? null) : null;
  let sawOwnOpen = false;
  let sawSharedOpen = false;
  let sawReplyOrOrder = false;
  for (const event of past) {
    if (event.type === 'reply' || event.type === 'order') sawReplyOrOrder = true;
    else if (event.type === 'open') {
      const shared = humanOpenShared(event);
      if (shared === true) sawSharedOpen = true;
      else if (shared === false) sawOwnOpen = true;
    }
  }
  const untrackable = sawReplyOrOrder && !sawOwnOpen && !sawSharedOpen;

  const silence = policy.silenceDays;
  const silenceMs = [silence.inactive * DAY, silence['opened-no-reply'] * DAY, silence.replied * DAY, silence.ordered * DAY];

  let level = UNSTARTED;
  let since = 0;
  let clock = 0; // start of the current level's silence period
  let held = false; // kept at opened-no-reply because its opens cannot be seen
  let archivedByRepAt: number | null = null;
  let reasons: ReasonStep[] = [];
  let lastIsRefresh = false;
  let firstAt: number | null = null;
  let firstSentAt: number | null = null;
  let lastSentAt: number | null = null;
  let lastSignalAt: number | null = null;
  let lastOrderAt: number | null = null;
  let lastOrderKind: 'sample' | 'order' | null = null;
  let sentSinceEntry = 0;
  let sentSinceOrder = 0;
  let intent: Intent = 'interested';
  let snoozedUntil: number | null = null;

  const enter = (to: number, at: number) => {
    level = to;
    since = at;
    clock = at;
    held = false;
    sentSinceEntry = 0;
  };

  // Applies every drop whose deadline is at or before `until`.
  const expire = (until: number) => {
    while (level >= INACTIVE) {
      const deadline = clock + (held ? silenceMs[INACTIVE]! : silenceMs[level]!);
      if (deadline > until) return;
      if (level === OPENED && !held && untrackable) {
        // They answer but their mail client never shows us an open: missing opens prove nothing.
        held = true;
        clock = deadline;
        reasons.push({ code: 'kept-untrackable', at: deadline, silentDays: silence['opened-no-reply'] });
        lastIsRefresh = false;
        continue;
      }
      const from = LEVEL_STATE[level]!;
      const silentDays = held ? silence.inactive : silence[from];
      const to = held ? ZOMBIE : level - 1;
      enter(to, deadline);
      reasons.push({ code: 'downgraded', at: deadline, from, to: to === ZOMBIE ? 'archived' : LEVEL_STATE[to]!, silentDays });
      lastIsRefresh = false;
    }
  };

  const signal = (signalLevel: number, at: number, step: ReasonStep) => {
    lastSignalAt = at;
    if (signalLevel >= REPLIED) {
      archivedByRepAt = null; // an answer or an order overrides the rep's archive
      snoozedUntil = null; // and deserves a look now, not after the snooze
    }
    if (signalLevel > level) {
      enter(signalLevel, at);
      reasons = archivedByRepAt === null ? [step] : [{ code: 'archived-by-rep', at: archivedByRepAt }, step];
      lastIsRefresh = false;
    } else if (signalLevel >= Math.min(level, REPLIED)) {
      clock = at;
      held = false;
      if (lastIsRefresh) reasons[reasons.length - 1] = step;
      else reasons.push(step);
      lastIsRefresh = true;
    }
  };

  let contact: string | null = null;
  for (const event of past) {
    if ('contact' in event && event.contact !== (contact ??= event.contact)) {
      throw new Error(`classify takes one contact's events, got ${contact} and ${event.contact}`);
    }
    expire(event.at);
    const at = event.at;
    if (firstAt === null) {
      firstAt = at;
      reasons = [{ code: 'not-written-yet', at }];
    }
    switch (event.type) {
      case 'sent':
        firstSentAt ??= at;
        lastSentAt = at;
        sentSinceEntry++;
        sentSinceOrder++;
        if (level === UNSTARTED) {
          enter(INACTIVE, at); // the mail that starts the state is not one of its follow-ups
          reasons = [{ code: 'first-mail', at }];
        }
        break;
      case 'open':
        // Other verdicts and shared opens are evidence for the timeline; they never promote.
        if (humanOpenShared(event) === false) signal(OPENED, at, { code: 'open', at });
        break;
      case 'reply':
        signal(REPLIED, at, { code: 'reply', at });
        break;
      case 'order':
        lastOrderAt = at;
        lastOrderKind = event.kind;
        sentSinceOrder = 0;
        signal(ORDERED, at, { code: 'order', at, kind: event.kind });
        break;
      case 'intent':
        intent = event.intent;
        break;
      case 'snooze':
        snoozedUntil = event.until;
        break;
      case 'archive':
        if (archivedByRepAt === null) {
          archivedByRepAt = at;
          reasons.push({ code: 'archived-by-rep', at });
          lastIsRefresh = false;
        }
        break;
      case 'unarchive':
        if (archivedByRepAt === null && level !== ZOMBIE) break;
        archivedByRepAt = null;
        if (level === ZOMBIE) enter(INACTIVE, at);
        reasons.push({ code: 'unarchived', at });
        lastIsRefresh = false;
        break;
      default:
        break; // notes, tier, stars, size, source, tags and self-views do not move the state
    }
  }
  expire(now);

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

  const activeSnooze = snoozedUntil !== null && snoozedUntil > now ? snoozedUntil : null;
  let nextFollowUpAt: number | null = null;
  if (live !== null) {
    nextFollowUpAt = nextFollowUp(
      { state: live, since, intent, lastSentAt, lastOrderAt, silentSince, snoozedUntil: activeSnooze },
      policy,
    );
  } else if (archivedBy === null) {
    // Known but never written to: the first mail is due from the day the contact appeared.
    nextFollowUpAt = firstAt === null ? null : Math.max(firstAt, activeSnooze ?? firstAt);
  }

  return {
    state,
    since: archivedByRepAt ?? (level === UNSTARTED ? firstAt : since),
    archivedBy,
    reasons,
    flags,
    intent,
    nextFollowUpAt,
    snoozedUntil: activeSnooze,
    templateKey: proposeTemplate({
      state,
      intent,
      sentSinceEntry,
      sentSinceOrder: lastOrderAt === null ? null : sentSinceOrder,
      lastOrderKind,
      everSent: firstSentAt !== null,
      switchContact,
      now,
    }),
    lastSentAt,
    lastSignalAt,
  };
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
    if (previous !== undefined && previous.id === event.id && previous.at === event.at) continue;
    past[kept++] = event;
  }
  past.length = kept;
  return { past, futureCount: futureIds?.size ?? 0, firstFuture };
}

function byTimeThenId(a: AccountEvent, b: AccountEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
