// The contacts table caches each contact's classification, so lists open instantly. A contact is
// reclassified when its events change; everyone is reclassified when time has moved on enough for
// a downgrade or a due date to change (at most every few minutes, and on every new day).
import { classify, classifyContact, type Classification } from '../../shared/classify.ts';
import { groupContacts, profileEventsOf } from '../../shared/contact-logs.ts';
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
  for (const contact of list) {
    const events = await eventsOfContact(db, contact);
    rows.push(toRow(contact, classify(events, policy, now), events, now));
  }
  await db.contacts.bulkPut(rows);
}

/** Reclassifies every contact from the whole log in one pass. */
export async function refreshAllContacts(db: TidewiseDb, policy: Policy, now: number): Promise<number> {
  const events = (await db.events.toArray()).map((row) => row.event);
  const logs = groupContacts(events);
  const rows: ContactRow[] = [];
  for (let c = 0; c < logs.contacts.length; c++) {
    rows.push(toRow(logs.contacts[c]!, classifyContact(logs, c, policy, now), profileEventsOf(logs, c), now));
  }
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

/** `events`: the contact's events, or at least all its profile events. */
function toRow(contact: Email, classification: Classification, events: readonly AccountEvent[], now: number): ContactRow {
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
