// One contact is one normalised address. Per-contact events name it; sent mail names it among its
// recipients; opens and self-view beacons name only the pixel's message, so they follow the
// message to every one of its recipients (classify then treats them as shared).
import type { AccountEvent, Email, EventOf, SentEvent } from './schema.ts';

/** A mail to several people: an open of it says "someone on this message", not who. */
export function isSharedMessage(sent: SentEvent): boolean {
  const recipients = sent.recipients;
  if (recipients.length === 1) return false;
  const first = recipients[0];
  return recipients.some((recipient) => recipient !== first);
}

/**
 * Splits an account's log into one list per contact. Lists keep the log's order, except opens and
 * self-views logged before their mail, which come last (classify sorts by time anyway). Opens of a
 * message nobody was recorded sending to belong to no contact and are left out. Pixel message ids
 * are unique per mail; should one appear in two sent events, its opens follow the first.
 *
 * About one Map lookup per event: on a large account this is the costly part of the daily list,
 * so an open finds its recipients directly by message id. A first pass only notes whose each event
 * is; the lists are then made at their final size and filled in log order, which costs far less
 * than growing ten thousand lists an event at a time.
 */
export function groupEventsByContact(events: readonly AccountEvent[]): Map<Email, AccountEvent[]> {
  const contacts: Email[] = [];
  const indexOf = new Map<Email, number>();
  const contactOf = (contact: Email): number => {
    let index = indexOf.get(contact);
    if (index === undefined) indexOf.set(contact, (index = contacts.push(contact) - 1));
    return index;
  };
  // A mail's recipients by its message id: one contact, or several (a mail to several people).
  const byMessage = new Map<string, Recipients>();
  // Whose each event is, by its position in the log; a mail to several people and its opens are
  // SEVERAL, noted apart, and opens and self-views logged before their mail are placed last.
  const owner = new Int32Array(events.length);
  const several = new Map<number, number[]>();
  const early: Array<EventOf<'open'> | EventOf<'self-view'>> = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    let to: Recipients | undefined;
    if (event.type === 'sent') {
      const recipients = event.recipients;
      if (recipients.length === 1) to = contactOf(recipients[0]!);
      else {
        const indexes = [...new Set(recipients)].map(contactOf);
        to = indexes.length === 1 ? indexes[0]! : indexes;
      }
      if (byMessage.get(event.messageId) === undefined) byMessage.set(event.messageId, to);
    } else if (event.type === 'open' || event.type === 'self-view') {
      to = byMessage.get(event.messageId);
      if (to === undefined) {
        early.push(event);
        owner[i] = EARLY;
        continue;
      }
    } else {
      to = contactOf(event.contact);
    }
    if (typeof to === 'number') owner[i] = to;
    else {
      owner[i] = SEVERAL;
      several.set(i, to);
    }
  }

  const sizes = new Int32Array(contacts.length);
  for (let i = 0; i < events.length; i++) {
    const to = owner[i]!;
    if (to >= 0) sizes[to]!++;
    else if (to === SEVERAL) for (const index of several.get(i)!) sizes[index]!++;
  }
  for (const event of early) count(byMessage.get(event.messageId), sizes);
  const lists = Array.from(sizes, (size) => new Array<AccountEvent>(size));
  const filled = new Int32Array(contacts.length);
  for (let i = 0; i < events.length; i++) {
    const to = owner[i]!;
    if (to >= 0) lists[to]![filled[to]!++] = events[i]!;
    else if (to === SEVERAL) for (const index of several.get(i)!) lists[index]![filled[index]!++] = events[i]!;
  }
  for (const event of early) {
    const to = byMessage.get(event.messageId);
    if (typeof to === 'number') lists[to]![filled[to]!++] = event;
    else if (to !== undefined) for (const index of to) lists[index]![filled[index]!++] = event;
  }

  const byContact = new Map<Email, AccountEvent[]>();
  for (let index = 0; index < contacts.length; index++) byContact.set(contacts[index]!, lists[index]!);
  return byContact;
}

/** One contact by its index, or several. */
type Recipients = number | number[];
const SEVERAL = -1;
const EARLY = -2;

function count(to: Recipients | undefined, sizes: Int32Array): void {
  if (typeof to === 'number') sizes[to]!++;
  else if (to !== undefined) for (const index of to) sizes[index]!++;
}

/** The events of one contact, for the sidebar; the same rules as groupEventsByContact. */
export function eventsForContact(events: readonly AccountEvent[], contact: Email): AccountEvent[] {
  const messages = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent' && event.recipients.includes(contact)) messages.add(event.messageId);
  }
  return events.filter((event) => ('contact' in event ? event.contact === contact : messages.has(event.messageId)));
}
