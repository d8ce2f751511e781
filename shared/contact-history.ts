// One contact's events made ready for replay in a single pass: the past in time order with copies
// counted once, what the future holds back, and the few facts classify needs before replaying.
// One pass matters: on a large account each event is touched here for the first time, and that
// first touch, not the arithmetic, is most of what classifying costs.
import { isSharedMessage } from './contact-events.ts';
import type { AccountEvent, EventOf } from './schema.ts';

export interface ContactHistory {
  /** Events up to now, sorted by (at, id), copies of one event (same id and time) once. */
  past: AccountEvent[];
  /** Distinct events dated after now, and the earliest of their times (Infinity when none). */
  futureCount: number;
  firstFuture: number;
  /** Whether each tracked mail went to several people, by pixel message id. */
  sharedByMessage: Map<string, boolean>;
  /** What open verdicts are resolved from: mails, self-view beacons and opens stored as human. */
  forVerdicts: AccountEvent[];
  storedHumanOpens: Array<EventOf<'open'>>;
  sawReplyOrOrder: boolean;
}

export function readHistory(events: readonly AccountEvent[], now: number): ContactHistory {
  const past: AccountEvent[] = [];
  const sharedByMessage = new Map<string, boolean>();
  const forVerdicts: AccountEvent[] = [];
  const storedHumanOpens: Array<EventOf<'open'>> = [];
  let sawReplyOrOrder = false;
  let contact: string | null = null;
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
    switch (event.type) {
      case 'sent':
        sharedByMessage.set(event.messageId, isSharedMessage(event));
        forVerdicts.push(event);
        break;
      case 'self-view':
        forVerdicts.push(event);
        break;
      case 'open':
        if (event.verdict.kind !== 'human') break;
        forVerdicts.push(event);
        storedHumanOpens.push(event);
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
  if (!sorted) past.sort(byTimeThenId);
  let kept = 0;
  for (const event of past) {
    const previous = kept > 0 ? past[kept - 1] : undefined;
    if (previous !== undefined && previous.at === event.at && previous.id === event.id) continue;
    past[kept++] = event;
  }
  past.length = kept;
  return { past, futureCount: futureIds?.size ?? 0, firstFuture, sharedByMessage, forVerdicts, storedHumanOpens, sawReplyOrOrder };
}

/** Events of two contacts mixed up are a caller's bug: grouping is contact-events.ts's job. */
function sameContact(known: string | null, contact: string): string {
  if (known !== null && known !== contact) throw new Error(`classify takes one contact's events, got ${known} and ${contact}`);
  return contact;
}

function byTimeThenId(a: AccountEvent, b: AccountEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
