// Every SQL statement of the Worker, typed, with rows mapped to domain types here and nowhere else.
import { accountEvent, type AccountEvent } from '../shared/schema.ts';

export interface TokenOwner {
  accountId: string;
  tokenId: string;
  name: string;
  pixelPrefix: string;
}

export async function createAccount(
  db: D1Database,
  account: { id: string; name: string; pixelPrefix: string; tokenId: string; tokenHash: string; now: number },
): Promise<void> {
  await db.batch([
    db
      .prepare('INSERT INTO accounts (id, name, pixel_prefix, created_at) VALUES (?1, ?2, ?3, ?4)')
      .bind(account.id, account.name, account.pixelPrefix, account.now),
    insertTokenStatement(db, account.id, account.tokenId, account.tokenHash, account.now),
  ]);
}

export async function createToken(
  db: D1Database,
  token: { accountId: string; tokenId: string; tokenHash: string; now: number },
): Promise<void> {
  await insertTokenStatement(db, token.accountId, token.tokenId, token.tokenHash, token.now).run();
}

function insertTokenStatement(db: D1Database, accountId: string, tokenId: string, tokenHash: string, now: number) {
  return db
    .prepare('INSERT INTO api_tokens (id, account_id, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(tokenId, accountId, tokenHash, now);
}

export async function findTokenOwner(db: D1Database, tokenHash: string): Promise<TokenOwner | null> {
  const row = await db
    .prepare(
      `SELECT t.id AS token_id, a.id AS account_id, a.name, a.pixel_prefix
         FROM api_tokens t JOIN accounts a ON a.id = t.account_id
        WHERE t.token_hash = ?1 AND t.revoked_at IS NULL`,
    )
    .bind(tokenHash)
    .first<{ token_id: string; account_id: string; name: string; pixel_prefix: string }>();
  return row && { accountId: row.account_id, tokenId: row.token_id, name: row.name, pixelPrefix: row.pixel_prefix };
}

/** Revokes one of the account's own tokens; false when no such live token belongs to it. */
export async function revokeToken(db: D1Database, accountId: string, tokenId: string, now: number): Promise<boolean> {
  const result = await db
    .prepare('UPDATE api_tokens SET revoked_at = ?3 WHERE id = ?1 AND account_id = ?2 AND revoked_at IS NULL')
    .bind(tokenId, accountId, now)
    .run();
  return result.meta.changes > 0;
}

export interface EventRow {
  event: AccountEvent;
  messageId: string | null;
  contact: string | null;
  payloadHash: string;
}

/** Appends events; ids already in the log are left as they are (the caller compares hashes). */
export async function insertEvents(db: D1Database, accountId: string, rows: EventRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  const statement = db.prepare(
    `INSERT INTO events (account_id, id, type, at, message_id, contact, payload, payload_hash, received_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
     ON CONFLICT (account_id, id) DO NOTHING`,
  );
  await db.batch(
    rows.map((row) =>
      statement.bind(
        accountId, row.event.id, row.event.type, row.event.at, row.messageId, row.contact,
        JSON.stringify(row.event), row.payloadHash, now,
      ),
    ),
  );
}

/** Payload hashes of those of `ids` already in the account's log. */
export async function eventHashes(db: D1Database, accountId: string, ids: string[]): Promise<Map<string, string>> {
  const { results } = await db
    .prepare('SELECT id, payload_hash FROM events WHERE account_id = ?1 AND id IN (SELECT value FROM json_each(?2))')
    .bind(accountId, JSON.stringify(ids))
    .all<{ id: string; payload_hash: string }>();
  return new Map(results.map((row) => [row.id, row.payload_hash]));
}

export interface OpenRow {
  pixelPrefix: string;
  event: AccountEvent & { type: 'open' };
  payloadHash: string;
}

/**
 * Records pixel hits in one round trip. The account is found by the pixel prefix inside the
 * statement, so the pixel handler never reads the database; replays of the same hit are no-ops.
 */
export async function insertOpens(db: D1Database, rows: OpenRow[]): Promise<void> {
  if (rows.length === 0) return;
  const statement = db.prepare(
    `INSERT INTO events (account_id, id, type, at, message_id, contact, payload, payload_hash, received_at)
     SELECT id, ?2, 'open', ?3, ?4, NULL, ?5, ?6, ?3 FROM accounts WHERE pixel_prefix = ?1
     ON CONFLICT (account_id, id) DO NOTHING`,
  );
  await db.batch(
    rows.map((row) =>
      statement.bind(row.pixelPrefix, row.event.id, row.event.at, row.event.messageId, JSON.stringify(row.event), row.payloadHash),
    ),
  );
}

export interface StoredRow {
  seq: number;
  event: AccountEvent;
}

export async function pageEvents(db: D1Database, accountId: string, after: number, limit: number): Promise<StoredRow[]> {
  const { results } = await db
    .prepare('SELECT seq, payload FROM events WHERE account_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3')
    .bind(accountId, after, limit)
    .all<{ seq: number; payload: string }>();
  return results.map(toStored);
}

/** Sends, self-views and opens of the given messages: the context an open's final verdict needs. */
export async function messageContext(db: D1Database, accountId: string, messageIds: string[]): Promise<AccountEvent[]> {
  if (messageIds.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT seq, payload FROM events
        WHERE account_id = ?1 AND message_id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(accountId, JSON.stringify(messageIds))
    .all<{ seq: number; payload: string }>();
  return results.map((row) => toStored(row).event);
}

function toStored(row: { seq: number; payload: string }): StoredRow {
  return { seq: row.seq, event: accountEvent.parse(JSON.parse(row.payload)) };
}

export async function countEvents(db: D1Database, accountId: string, type?: string): Promise<number> {
  const row = await db
    .prepare('SELECT count(*) AS n FROM events WHERE account_id = ?1 AND (?2 IS NULL OR type = ?2)')
    .bind(accountId, type ?? null)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Retention

/** Opens recorded before `cutoff`, oldest first, with the recipients of their message. */
export async function oldOpens(
  db: D1Database,
  cutoff: number,
  limit: number,
): Promise<Array<{ seq: number; accountId: string; event: AccountEvent; recipients: string[] }>> {
  const { results } = await db
    .prepare(
      `SELECT o.seq, o.account_id, o.payload,
              (SELECT s.payload FROM events s
                WHERE s.account_id = o.account_id AND s.message_id = o.message_id AND s.type = 'sent'
                ORDER BY s.seq LIMIT 1) AS sent_payload
         FROM events o
        WHERE o.type = 'open' AND o.received_at < ?1
        ORDER BY o.seq LIMIT ?2`,
    )
    .bind(cutoff, limit)
    .all<{ seq: number; account_id: string; payload: string; sent_payload: string | null }>();
  return results.map((row) => {
    const sent = row.sent_payload === null ? undefined : accountEvent.parse(JSON.parse(row.sent_payload));
    return {
      seq: row.seq,
      accountId: row.account_id,
      event: accountEvent.parse(JSON.parse(row.payload)),
      recipients: sent?.type === 'sent' ? sent.recipients : [],
    };
  });
}

export interface Aggregate {
  accountId: string;
  contact: string;
  verdict: string;
  hits: number;
  firstAt: number;
  lastAt: number;
}

/** Adds the counts and deletes the raw rows they summarise, atomically. */
export async function foldOpens(db: D1Database, aggregates: Aggregate[], seqs: number[]): Promise<void> {
  const upsert = db.prepare(
    `INSERT INTO open_aggregates (account_id, contact, verdict, hits, first_at, last_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
     ON CONFLICT (account_id, contact, verdict) DO UPDATE SET
       hits = hits + excluded.hits,
       first_at = min(first_at, excluded.first_at),
       last_at = max(last_at, excluded.last_at)`,
  );
  await db.batch([
    ...aggregates.map((a) => upsert.bind(a.accountId, a.contact, a.verdict, a.hits, a.firstAt, a.lastAt)),
    db.prepare('DELETE FROM events WHERE seq IN (SELECT value FROM json_each(?1))').bind(JSON.stringify(seqs)),
  ]);
}

export async function aggregatesFor(db: D1Database, accountId: string): Promise<Omit<Aggregate, 'accountId'>[]> {
  const { results } = await db
    .prepare(
      `SELECT contact, verdict, hits, first_at, last_at FROM open_aggregates
        WHERE account_id = ?1 ORDER BY contact, verdict`,
    )
    .bind(accountId)
    .all<{ contact: string; verdict: string; hits: number; first_at: number; last_at: number }>();
  return results.map((r) => ({ contact: r.contact, verdict: r.verdict, hits: r.hits, firstAt: r.first_at, lastAt: r.last_at }));
}
