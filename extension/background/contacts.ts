// The contacts table caches each contact's classification, so lists open instantly. A contact is
// reclassified when its events change; everyone is reclassified when time has moved on enough for
// a downgrade or a due date to change (at most every few minutes, and on every new day).
import { classify } from '../../shared/classify.ts';
import { groupEventsByContact } from '../../shared/contact-events.ts';
import type { Policy } from '../../shared/policy.ts';
import type { AccountEvent, Email } from '../../shared/schema.ts';
import type { ContactRow, TidewiseDb } from '../db.ts';
import { eventsOfContact } from './event-store.ts';

const REFRESH_ALL_AFTER_MS = 5 * 60_000;

/** Past this many contacts one pass over the whole log beats a pair of index queries per contact. */
const WHOLE_LOG_THRESHOLD = 50;

export async function refreshContacts(db: TidewiseDb, contacts: Iterable<string>, policy: Policy, now: number): Promise<void> {
  const list = [...contacts];
  if (list.length > WHOLE_LOG_THRESHOLD) {
    await refreshAllContacts(db, policy, now);
    return;
  }
  const rows: ContactRow[] = [];
  for (const contact of list) rows.push(toRow(contact, await eventsOfContact(db, contact), policy, now));
  await db.contacts.bulkPut(rows);
}

/** Reclassifies every contact from the whole log in one pass. */
export async function refreshAllContacts(db: TidewiseDb, policy: Policy, now: number): Promise<number> {
  const events = (await db.events.toArray()).map((row) => row.event);
  const rows: ContactRow[] = [];
  for (const [contact, own] of groupEventsByContact(events)) rows.push(toRow(contact, own, policy, now));
  await db.transaction('rw', db.contacts, db.kv, async () => {
    await db.contacts.clear();
    await db.contacts.bulkPut(rows);
    await db.kv.put({ key: 'contactsRefreshedAt', value: now });
  });
  return rows.length;
}

/** Refreshes everyone when the cache is older than a few minutes or from another day. */
export async function refreshAllIfStale(db: TidewiseDb, policy: Policy, now: number): Promise<void> {
  const last = (await db.kv.get('contactsRefreshedAt'))?.value;
  const stale = typeof last !== 'number' || now - last > REFRESH_ALL_AFTER_MS || new Date(last).toDateString() !== new Date(now).toDateString() || last > now;
  if (stale) await refreshAllContacts(db, policy, now);
}

/** Forces the next list to reclassify everyone (after the policy changed). */
export async function markContactsStale(db: TidewiseDb): Promise<void> {
  await db.kv.delete('contactsRefreshedAt');
}

function toRow(contact: Email, events: readonly AccountEvent[], policy: Policy, now: number): ContactRow {
  const classification = classify(events, policy, now);
  return {
    email: contact,
    state: classification.state,
    nextFollowUpAt: classification.nextFollowUpAt ?? Number.POSITIVE_INFINITY,
    classification,
    ...profileOf(events),
    updatedAt: now,
  };
}

/** The latest value of each profile field the rep or an import gave. */
export function profileOf(events: readonly AccountEvent[]): Pick<ContactRow, 'firstName' | 'lastName' | 'company' | 'country'> {
  const profile: Pick<ContactRow, 'firstName' | 'lastName' | 'company' | 'country'> = {};
  const sorted = events.filter((e) => e.type === 'profile').sort((a, b) => a.at - b.at);
  for (const event of sorted) {
    if (event.type !== 'profile') continue;
    if (event.firstName !== undefined) profile.firstName = event.firstName;
    if (event.lastName !== undefined) profile.lastName = event.lastName;
    if (event.company !== undefined) profile.company = event.company;
    if (event.country !== undefined) profile.country = event.country;
  }
  return profile;
}
