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
 * One pass, and about one Map lookup per event: on a large account this is the costly part of the
 * daily list, so an open finds its recipients' lists directly by message id.
 */
export function groupEventsByContact(events: readonly AccountEvent[]): Map<Email, AccountEvent[]> {
  const byContact = new Map<Email, AccountEvent[]>();
  const byMessage = new Map<string, AccountEvent[]>(); // mail to one person: that person's list
  const bySharedMessage = new Map<string, AccountEvent[][]>(); // mail to several people
  const early: Array<EventOf<'open'> | EventOf<'self-view'>> = [];
  for (const event of events) {
    if (event.type === 'sent') {
      if (event.recipients.length === 1) {
        const list = listOf(byContact, event.recipients[0]!);
        list.push(event);
        if (!byMessage.has(event.messageId) && !bySharedMessage.has(event.messageId)) byMessage.set(event.messageId, list);
      } else {
        const lists = [...new Set(event.recipients)].map((contact) => listOf(byContact, contact));
        for (const list of lists) list.push(event);
        if (byMessage.has(event.messageId) || bySharedMessage.has(event.messageId)) continue;
        if (lists.length === 1) byMessage.set(event.messageId, lists[0]!);
        else bySharedMessage.set(event.messageId, lists);
      }
    } else if (event.type === 'open' || event.type === 'self-view') {
      if (!place(event, byMessage, bySharedMessage)) early.push(event);
    } else {
      listOf(byContact, event.contact).push(event);
    }
  }
  for (const event of early) place(event, byMessage, bySharedMessage);
  return byContact;
}

function listOf(byContact: Map<Email, AccountEvent[]>, contact: Email): AccountEvent[] {
  let list = byContact.get(contact);
  if (list === undefined) byContact.set(contact, (list = []));
  return list;
}

/** Puts an open or self-view in its message's lists; false when the mail is not known (yet). */
function place(
  event: EventOf<'open'> | EventOf<'self-view'>,
  byMessage: Map<string, AccountEvent[]>,
  bySharedMessage: Map<string, AccountEvent[][]>,
): boolean {
  const list = byMessage.get(event.messageId);
  if (list !== undefined) {
    list.push(event);
    return true;
  }
  const lists = bySharedMessage.get(event.messageId);
  if (lists === undefined) return false;
  for (const shared of lists) shared.push(event);
  return true;
}

/** The events of one contact, for the sidebar; the same rules as groupEventsByContact. */
export function eventsForContact(events: readonly AccountEvent[], contact: Email): AccountEvent[] {
  const messages = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent' && event.recipients.includes(contact)) messages.add(event.messageId);
  }
  return events.filter((event) => ('contact' in event ? event.contact === contact : messages.has(event.messageId)));
}
