// Where one correspondent stands: a pure function of its events, the policy and now. The state
// machine lives in contact-replay.ts; this file reads the contact's slots (contact-logs.ts), feeds
// them in and reads off the flags, the next follow-up and the template to propose.
import { readHistory, type ContactHistory } from './contact-history.ts';
import {
  ARCHIVE,
  columnsOf,
  HUMAN_OPEN,
  INTENT,
  INTENTS,
  ORDER,
  REPLY,
  SAMPLE_ORDER,
  SENT,
  SENT_SHARED,
  SNOOZE,
  UNARCHIVE,
  type ContactLogs,
  type EventColumns,
} from './contact-logs.ts';
import { judgeHumanOpens, type HumanOpens } from './contact-opens.ts';
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
  return classifySlots(columnsOf(events, now), 0, events.length, policy, now, verdicts);
}

/** classify for contact `contact` of an account split by groupContacts: the same answer, read from its slots. */
export function classifyContact(logs: ContactLogs, contact: number, policy: Policy, now: number): Classification {
  return classifySlots(logs, logs.start[contact]!, logs.start[contact + 1]!, policy, now, undefined);
}

function classifySlots(
  log: EventColumns,
  from: number,
  to: number,
  policy: Policy,
  now: number,
  verdicts: ReadonlyMap<string, Verdict> | undefined,
): Classification {
  const history = readHistory(log, from, to, now);
  const opens = judgeHumanOpens(history, now, verdicts);
  // Untrackable is judged on the whole log: one seen open proves that the contact's mail client
  // shows opens, so from then on every missing open means something.
  const untrackable = history.sawReplyOrOrder && !opens.sawOwnOpen && !opens.sawSharedOpen;
  const replay = new ContactReplay(policy, untrackable);
  const intent = replayPast(history, opens, replay, now);
  replay.expire(now);
  return conclude(replay, history, opens, untrackable, intent, policy, now);
}

/** Feeds the past to the replay in order; returns the intent the rep last set. */
function replayPast(history: ContactHistory, opens: HumanOpens, replay: ContactReplay, now: number): Intent {
  const { log, from, to, order } = history;
  const { at, code } = log;
  let intent: Intent = 'interested';
  let humanOpen = 0;
  if (history.pastCount > 0) replay.seen(history.firstPast);
  // The past is the slots themselves less the future, or `order` when they needed sorting.
  const count = order === null ? to - from : order.length;
  for (let i = 0; i < count; i++) {
    const slot = order === null ? from + i : order[i]!;
    const time = at[slot]!;
    if (time > now) continue;
    const what = code[slot]!;
    switch (what) {
      case SENT:
      case SENT_SHARED:
        replay.sent(time);
        break;
      case HUMAN_OPEN:
        // Other verdicts and shared opens are evidence for the timeline; they never promote.
        if (opens.shared[humanOpen++] === false) replay.ownOpen(time);
        break;
      case REPLY:
        replay.reply(time);
        break;
      case ORDER:
      case SAMPLE_ORDER:
        replay.order(time, what === SAMPLE_ORDER ? 'sample' : 'order');
        break;
      case SNOOZE:
        replay.snoozedUntil = log.snoozeEnds[log.message[slot]!]!;
        break;
      case ARCHIVE:
        replay.archive(time);
        break;
      case UNARCHIVE:
        replay.unarchive(time);
        break;
      default:
        // Intents; notes, profile, tier, stars, size, source, tags, other opens and self-views do not move the state.
        if (what >= INTENT) intent = INTENTS[what - INTENT]!;
        break;
    }
  }
  return intent;
}

/** Reads the classification off a finished replay. */
function conclude(
  replay: ContactReplay,
  history: ContactHistory,
  opens: HumanOpens,
  untrackable: boolean,
  intent: Intent,
  policy: Policy,
  now: number,
): Classification {
  const { level, firstAt, firstSentAt, lastSentAt, lastSignalAt, archivedByRepAt } = replay;
  const future: ReasonStep | null =
    history.futureCount > 0 ? { code: 'future-events', at: history.firstFuture, count: history.futureCount } : null;
  const reasons: ReasonStep[] =
    firstAt !== null ? replay.reasons(future) : future === null ? [{ code: 'no-events' }] : [{ code: 'no-events' }, future];

  const archivedBy = archivedByRepAt !== null ? 'rep' : level === ZOMBIE ? 'silence' : null;
  const live = archivedBy === null && level >= INACTIVE ? LEVEL_STATE[level]! : null;
  const state: ContactState = archivedBy !== null ? 'archived' : (live ?? 'inactive');
  const silentSince = lastSignalAt ?? firstSentAt;

  const flags: ContactFlag[] = [];
  if (untrackable) flags.push('untrackable');
  if (opens.sawSharedOpen && !opens.sawOwnOpen) flags.push('shared-open-only');
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
