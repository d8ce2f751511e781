// Where one correspondent stands: a pure function of its events, the policy and now. The state
// machine lives in contact-replay.ts; this file prepares the events, feeds them in and reads off the
// flags, the next follow-up and the template to propose.
import { readHistory } from './contact-history.ts';
import { judgeHumanOpens } from './contact-opens.ts';
import { ContactReplay, INACTIVE, LEVEL_STATE, UNSTARTED, ZOMBIE } from './contact-replay.ts';
import type { ContactState } from './contact-state.ts';
import { DAY } from './day.ts';
import { nextFollowUp } from './next-follow-up.ts';
import type { Policy } from './policy.ts';
import { proposeTemplate } from './propose-template.ts';
import type { ContactFlag, ReasonStep } from './reasons.ts';
import type { AccountEvent, Intent, Verdict } from './schema.ts';
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
 * in the reasons. `verdicts` (final verdicts by open id, as resolveOpenVerdicts gives them) lets a
 * caller that has them already pass them in; by default they are resolved from `events`. A final
 * verdict can only take "human" away from a stored one, never grant it.
 */
export function classify(
  events: readonly AccountEvent[],
  policy: Policy,
  now: number,
  verdicts?: ReadonlyMap<string, Verdict>,
): Classification {
  const history = readHistory(events, now);
  const { past, pastCount } = history;
  const opens = judgeHumanOpens(history, verdicts);

  // Untrackable is judged on the whole log: one seen open proves that the contact's mail client
  // shows opens, so from then on every missing open means something.
  const { sawOwnOpen, sawSharedOpen } = opens;
  const untrackable = history.sawReplyOrOrder && !sawOwnOpen && !sawSharedOpen;

  const replay = new ContactReplay(policy, untrackable);
  let intent: Intent = 'interested';
  let humanOpen = 0;
  if (pastCount > 0) replay.seen(past[0]!.at);
  // Each case reads the time itself: one read that every kind of event passes through makes V8
  // box the number into a new heap object each time.
  for (let i = 0; i < pastCount; i++) {
    const event = past[i]!;
    switch (event.type) {
      case 'sent':
        replay.sent(event.at);
        break;
      case 'open':
        // Other verdicts and shared opens are evidence for the timeline; they never promote.
        if (event.verdict.kind === 'human' && opens.shared[humanOpen++] === false) replay.ownOpen(event.at);
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
  const reasons: ReasonStep[] = firstAt === null ? [{ code: 'no-events' }] : replay.reasons;
  if (history.futureCount > 0) reasons.push({ code: 'future-events', at: history.firstFuture, count: history.futureCount });

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
