// One contact is one normalised address. Per-contact events name it; sent mail names it among its
// recipients; opens and self-view beacons name only the pixel's message, so they follow the
// message to every one of its recipients (classify then treats them as shared). Splitting a whole
// account's log is contact-logs.ts's job; this file holds the rules for one contact.
import type { AccountEvent, Email, SentEvent } from './schema.ts';

/** A mail to several people: an open of it says "someone on this message", not who. */
export function isSharedMessage(sent: SentEvent): boolean {
  const recipients = sent.recipients;
  if (recipients.length === 1) return false;
  const first = recipients[0];
  return recipients.some((recipient) => recipient !== first);
}

/** The events of one contact, for the sidebar; the same rules as groupContacts, straightforwardly. */
export function eventsForContact(events: readonly AccountEvent[], contact: Email): AccountEvent[] {
  const messages = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent' && event.recipients.includes(contact)) messages.add(event.messageId);
  }
  return events.filter((event) => ('contact' in event ? event.contact === contact : messages.has(event.messageId)));
}
