// The local copy of the account's event log and the outbox that feeds the Worker. A rep's action
// is written to the outbox and the log in one strict transaction before it is reported done, so a
// killed service worker, a closed browser or a dead network never loses it.
import type { ClientEvent, AccountEvent, Email } from '../../shared/schema.ts';
import { toStored, type OutboxItem, type TidewiseDb } from '../db.ts';

/** Queues the rep's events; returns how many were new (replays of a known id are ignored). */
export async function recordEvents(db: TidewiseDb, events: readonly ClientEvent[], now: number): Promise<{ queued: number; contacts: Set<string> }> {
  return db.transaction('rw', db.outbox, db.events, async () => {
    const known = new Set((await db.events.bulkGet(events.map((e) => e.id))).flatMap((row) => (row ? [row.id] : [])));
    const fresh = uniqueById(events).filter((event) => !known.has(event.id));
    const items: OutboxItem[] = fresh.map((event) => ({ id: event.id, event, queuedAt: now, attempts: 0, nextAttemptAt: now, status: 'pending' }));
    await db.outbox.bulkPut(items);
    await db.events.bulkPut(fresh.map((event) => toStored(event, 0)));
    return { queued: fresh.length, contacts: await contactsOf(db, fresh) };
  });
}

/**
 * Stores a page pulled from the Worker (its version wins: it carries the sequence number and,
 * for opens, the current verdict). Returns the events not seen before and the contacts touched.
 */
export async function storePulled(
  db: TidewiseDb,
  page: ReadonlyArray<{ seq: number; event: AccountEvent }>,
): Promise<{ fresh: AccountEvent[]; contacts: Set<string> }> {
  return db.transaction('rw', db.events, async () => {
    const existing = await db.events.bulkGet(page.map((row) => row.event.id));
    const fresh = page.filter((_, i) => existing[i] === undefined).map((row) => row.event);
    await db.events.bulkPut(page.map((row) => toStored(row.event, row.seq)));
    return { fresh, contacts: await contactsOf(db, page.map((row) => row.event)) };
  });
}

/** Every contact an event concerns: opens and self-views reach the recipients of their message. */
async function contactsOf(db: TidewiseDb, events: readonly AccountEvent[]): Promise<Set<string>> {
  const contacts = new Set<string>();
  const messages = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent') for (const r of event.recipients) contacts.add(r);
    else if ('contact' in event) contacts.add(event.contact);
    else messages.add(event.messageId);
  }
  if (messages.size > 0) {
    const sends = await db.events.where('messageId').anyOf([...messages]).filter((row) => row.type === 'sent').toArray();
    for (const row of sends) for (const contact of row.contacts) contacts.add(contact);
  }
  return contacts;
}

/** One contact's events: its own, its sent mails, and the opens and self-views of those mails. */
export async function eventsOfContact(db: TidewiseDb, contact: Email): Promise<AccountEvent[]> {
  const own = await db.events.where('contacts').equals(contact).toArray();
  const messages = own.flatMap((row) => (row.type === 'sent' ? [row.messageId] : []));
  const related = messages.length > 0 ? await db.events.where('messageId').anyOf(messages).toArray() : [];
  const byId = new Map<string, AccountEvent>();
  for (const row of [...own, ...related]) byId.set(row.id, row.event);
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

export async function allEvents(db: TidewiseDb): Promise<AccountEvent[]> {
  return (await db.events.toArray()).map((row) => row.event);
}

function uniqueById<T extends { id: string }>(events: readonly T[]): T[] {
  return [...new Map(events.map((event) => [event.id, event])).values()];
}
