// Why a contact is where it is. classify records structured steps (cheap, translatable); the
// English sentences are built only when a rep looks, so the hot path never formats a date.
import type { LiveState } from './contact-state.ts';

export type ReasonStep =
  | { code: 'no-events' }
  | { code: 'not-written-yet'; at: number }
  | { code: 'first-mail'; at: number }
  | { code: 'order'; at: number; kind: 'sample' | 'order' }
  | { code: 'reply'; at: number }
  | { code: 'open'; at: number }
  | { code: 'downgraded'; at: number; from: LiveState; to: LiveState | 'archived'; silentDays: number }
  | { code: 'kept-untrackable'; at: number; silentDays: number }
  | { code: 'archived-by-rep'; at: number }
  | { code: 'unarchived'; at: number }
  | { code: 'future-events'; at: number; count: number };

export type ContactFlag = 'untrackable' | 'shared-open-only' | 'awaiting-first-open' | 'switch-contact';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Mar 2026", in UTC so the same event reads the same for every rep. */
export function formatDay(at: number): string {
  const date = new Date(at);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

// What "silence" means for each level: the signal whose absence pushed the contact down. Archiving
// always follows a year with no signal at all, whichever level it comes from.
const MISSING: Record<LiveState | 'archived', string> = {
  ordered: 'no order or reply',
  replied: 'no reply',
  'opened-no-reply': 'no human open',
  inactive: 'no signal at all',
  archived: 'no signal at all',
};

export function describeStep(step: ReasonStep): string {
  switch (step.code) {
    case 'no-events':
      return 'nothing recorded for this address yet';
    case 'not-written-yet':
      return `added ${formatDay(step.at)}; no tracked mail sent yet`;
    case 'first-mail':
      return `first tracked mail sent ${formatDay(step.at)}`;
    case 'order':
      return `${step.kind === 'sample' ? 'sample order' : 'order'} logged ${formatDay(step.at)}`;
    case 'reply':
      return `replied ${formatDay(step.at)}`;
    case 'open':
      return `opened a tracked mail ${formatDay(step.at)}`;
    case 'downgraded': {
      const what = step.to === 'archived' ? 'archived' : `downgraded to ${step.to}`;
      return `${MISSING[step.to === 'archived' ? 'archived' : step.from]} for ${step.silentDays} days: ${what} on ${formatDay(step.at)}`;
    }
    case 'kept-untrackable':
      return (
        `no human open for ${step.silentDays} days, but opens cannot be seen for this contact: ` +
        `kept at opened-no-reply on ${formatDay(step.at)}`
      );
    case 'archived-by-rep':
      return `archived by you on ${formatDay(step.at)}`;
    case 'unarchived':
      return `unarchived on ${formatDay(step.at)}`;
    case 'future-events':
      return `${step.count} ${step.count === 1 ? 'event is' : 'events are'} dated after now (from ${formatDay(step.at)}): not counted yet`;
  }
}

/** The chain as one line: "replied 12 Mar 2026; no reply for 60 days: downgraded to opened-no-reply on 11 May 2026". */
export function describeReasons(steps: readonly ReasonStep[]): string {
  return steps.map(describeStep).join('; ');
}

export function describeFlag(flag: ContactFlag): string {
  switch (flag) {
    case 'untrackable':
      return 'replies, but no tracked mail ever recorded an open (images blocked?): missing opens do not count against this contact';
    case 'shared-open-only':
      return 'the only opens came from mails with several recipients: someone on those messages opened, maybe not this contact';
    case 'awaiting-first-open':
      return 'first mail sent recently: too early to call this contact inactive';
    case 'switch-contact':
      return 'silent for months: try another sending mailbox or another person at the company';
  }
}
