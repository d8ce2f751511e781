// One contact is one normalised address. Per-contact events name it; sent mail names it among its
// recipients; opens and self-view beacons name only the pixel's message, so they follow the
// message to every one of its recipients (classify then treats them as shared).
import type { AccountEvent, Email, SentEvent } from './schema.ts';

/** A mail to several people: an open of it says "someone on this message", not who. */
export function isSharedMessage(sent: SentEvent): boolean {
  const first = sent.recipients[0];
  return sent.recipients.some((recipient) => recipient !== first);
}

/** The recipients of every tracked message in the log, by pixel message id. */
export function recipientsByMessage(events: readonly AccountEvent[]): Map<string, Email[]> {
  const recipients = new Map<string, Email[]>();
  for (const event of events) {
    if (event.type !== 'sent') continue;
    const known = recipients.get(event.messageId);
    if (known === undefined) recipients.set(event.messageId, [...new Set(event.recipients)]);
    else for (const address of event.recipients) if (!known.includes(address)) known.push(address);
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
  const add = (contact: Email, event: AccountEvent) => {
    const list = byContact.get(contact);
    if (list === undefined) byContact.set(contact, [event]);
    else list.push(event);
  };
  for (const event of events) {
    if ('contact' in event) add(event.contact, event);
    else for (const contact of byMessage.get(event.messageId) ?? []) add(contact, event);
  }
  return byContact;
}

/** The events of one contact, for the sidebar; the same rules as groupEventsByContact. */
export function eventsForContact(events: readonly AccountEvent[], contact: Email): AccountEvent[] {
  const messages = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent' && event.recipients.includes(contact)) messages.add(event.messageId);
  }
  return events.filter((event) => ('contact' in event ? event.contact === contact : messages.has(event.messageId)));
}
