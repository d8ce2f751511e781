// When the rep should write next, from the state's cadence. The clock starts at the later of the
// last tracked mail and the state entry: a rep who just wrote is not due again until the cadence
// has elapsed, and a contact that just changed state gets a full interval in its new state.
import type { LiveState } from './contact-state.ts';
import { DAY } from './day.ts';
import type { Policy } from './policy.ts';
import type { Intent } from './schema.ts';

export interface CadenceFacts {
  state: LiveState;
  /** When the contact entered `state`. */
  since: number;
  intent: Intent;
  lastSentAt: number | null;
  lastOrderAt: number | null;
  /** Start of the contact's current silence: its last own signal, else the first mail. */
  silentSince: number | null;
  /** A snooze still in force: the follow-up waits until then. */
  snoozedUntil: number | null;
}

export function nextFollowUp(facts: CadenceFacts, policy: Policy): number {
  const cadence = policy.cadenceDays;
  const anchor = Math.max(facts.lastSentAt ?? facts.since, facts.since);
  let next: number;
  switch (facts.state) {
    case 'ordered':
      // The thank-you and after-sales question come a week after each order, unless the rep has
      // written since; after that the slower keep-in-touch cadence applies.
      next =
        facts.lastOrderAt !== null && (facts.lastSentAt === null || facts.lastSentAt < facts.lastOrderAt)
          ? facts.lastOrderAt + cadence.ordered.first * DAY
          : anchor + cadence.ordered.every * DAY;
      break;
    case 'replied':
      next = anchor + cadence.replied[facts.intent] * DAY;
      break;
    case 'opened-no-reply':
      next = anchor + cadence['opened-no-reply'] * DAY;
      break;
    case 'inactive': {
      // Judged at the anchor (the last mail), so the interval does not change while it runs.
      const { every, slow, slowAfterSilentDays } = cadence.inactive;
      const silent = facts.silentSince !== null && anchor - facts.silentSince >= slowAfterSilentDays * DAY;
      next = anchor + (silent ? slow : every) * DAY;
      break;
    }
  }
  return facts.snoozedUntil !== null && facts.snoozedUntil > next ? facts.snoozedUntil : next;
}
