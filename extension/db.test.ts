import { afterEach, expect, test } from 'vitest';
import { TidewiseDb, toStored } from './db.ts';

let db: TidewiseDb | undefined;
afterEach(() => db?.delete());

// The declared schema is a contract with every installed copy: changing it needs a new version
// (with an upgrade) below the existing ones, never an edit of version 1.
test('schema version 1 has the tables and indexes the background queries', async () => {
  db = new TidewiseDb(`schema-${crypto.randomUUID()}`);
  await db.open();
  expect(db.verno).toBe(1);
  const indexes = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name)]]));
  expect(indexes).toEqual({
    events: ['id', 'seq', 'type', 'at', 'contacts', 'messageId'],
    contacts: ['email', 'state', 'nextFollowUpAt'],
    outbox: ['id', 'status', 'nextAttemptAt'],
    kv: ['key'],
    templates: ['key'],
    notified: ['eventId'],
  });
});

test('an event is indexed under the contacts it belongs to', () => {
  const at = Date.UTC(2026, 0, 1);
  expect(toStored({ id: 'e1', type: 'sent', at, messageId: 'AAAAAAAAAAAAAAAAAAAAAA', recipients: ['a@x.com', 'b@x.com'], subject: 's', threadKey: 't', provider: 'gmail' }, 3)).toMatchObject({
    seq: 3, contacts: ['a@x.com', 'b@x.com'], messageId: 'AAAAAAAAAAAAAAAAAAAAAA',
  });
  expect(toStored({ id: 'e2', type: 'reply', at, contact: 'a@x.com', providerMessageId: 'p', provider: 'gmail' }, 0)).toMatchObject({ contacts: ['a@x.com'], messageId: '' });
});
