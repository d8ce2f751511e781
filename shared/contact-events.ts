// One contact is one normalised address. Per-contact events name it; sent mail names it among its
// recipients; opens and self-view beacons name only the pixel's message, so they follow the
// message to every one of its recipients (classify then treats them as shared).
import type { AccountEvent, Email, SentEvent } from './schema.ts';

/** A mail to several people: an open of it says "someone on this message", not who. */
export function isSharedMessage(sent: SentEvent): boolean {
  const recipients = sent.recipients;
  if (recipients.length === 1) return false;
  const first = recipients[0];
  return recipients.some((recipient) => recipient !== first);
}

/** The recipients of every tracked message in the log, by pixel message id. */
export function recipientsByMessage(events: readonly AccountEvent[]): Map<string, readonly Email[]> {
  const recipients = new Map<string, readonly Email[]>();
  for (const event of events) {
    if (event.type !== 'sent') continue;
    const known = recipients.get(event.messageId);
    const list = event.recipients;
    // Almost every mail has one recipient: keep the event's own list (never mutated), copy to dedupe.
    if (known === undefined) recipients.set(event.messageId, list.length === 1 ? list : [...new Set(list)]);
    else if (list.some((address) => !known.includes(address))) recipients.set(event.messageId, [...new Set([...known, ...list])]);
  }
  return recipients;
}

/**
 * Splits an account's log into one list per contact, each in the log's order. Opens and self-views
 * of a message nobody was recorded sending to belong to no contact and are left out.
 */
export function groupEventsByContact(events: readonly AccountEvent[]): Map<Email, AccountEvent[]> {
  const byMessage = recipientsByMessage(events);
  const byContact = new Map<Email, AccountEvent[]>();
  for (const event of events) {
    if ('contact' in event) add(byContact, event.contact, event);
    else if (event.type === 'sent' && event.recipients.length === 1) add(byContact, event.recipients[0]!, event);
    else {
      const recipients = byMessage.get(event.messageId);
      if (recipients !== undefined) for (const contact of recipients) add(byContact, contact, event);
    }
  }
  return byContact;
}

function add(byContact: Map<Email, AccountEvent[]>, contact: Email, event: AccountEvent): void {
  const list = byContact.get(contact);
  if (list === undefined) byContact.set(contact, [event]);
  else list.push(event);
}

/** The events of one contact, for the sidebar; the same rules as groupEventsByContact. */
export function eventsForContact(events: readonly AccountEvent[], contact: Email): AccountEvent[] {
  const messages = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent' && event.recipients.includes(contact)) messages.add(event.messageId);
  }
  return events.filter((event) => ('contact' in event ? event.contact === contact : messages.has(event.messageId)));
}
