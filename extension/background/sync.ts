// Sync with the Worker: push the outbox, then pull the log from the saved cursor. Pushes retry
// with exponential backoff and jitter, honouring Retry-After; a 409 marks the conflicting events
// and never loops; an event the Worker rejects as invalid is set aside with the Worker's message.
// Everything here is restartable: state lives in Dexie, so a killed service worker picks up where
// it stopped.
import type { AccountEvent } from '../../shared/schema.ts';
import { ApiError, getEventPage, postEvents, type ApiConfig, type ApiErrorKind } from '../api-client.ts';
import type { OutboxItem, TidewiseDb } from '../db.ts';
import type { SyncStatus } from '../messaging.ts';
import { storePulled } from './event-store.ts';

const BATCH = 100;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 10 * 60_000;

export interface SyncResult extends SyncStatus {
  pulled: number;
  pushed: number;
  /** Events pulled for the first time (for notifications) and contacts whose events changed. */
  fresh: AccountEvent[];
  contacts: Set<string>;
}

export interface SyncOptions {
  now: () => number;
  random?: () => number;
  /** Send everything pending now, ignoring backoff (the rep pressed "sync now"). */
  force?: boolean;
}

/** Delay before the next attempt: doubling from 2 s up to 10 min, ±50 % jitter, at least Retry-After. */
export function backoff(attempts: number, random: () => number, retryAfterMs = 0): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(retryAfterMs, Math.round(exponential * (0.5 + random())));
}

export async function pushOutbox(db: TidewiseDb, api: ApiConfig, options: SyncOptions): Promise<number> {
  const random = options.random ?? Math.random;
  let pushed = 0;
  for (;;) {
    const due = await db.outbox
      .where('nextAttemptAt')
      .belowOrEqual(options.force ? Number.POSITIVE_INFINITY : options.now())
      .filter((item) => item.status === 'pending')
      .limit(BATCH)
      .toArray();
    if (due.length === 0) return pushed;
    due.sort((a, b) => a.queuedAt - b.queuedAt || a.event.at - b.event.at);
    try {
      await postEvents(api, due.map((item) => item.event));
      await db.outbox.bulkDelete(due.map((item) => item.id));
      pushed += due.length;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.kind === 'conflict') {
        const conflicts = conflictIds(error.body).filter((id) => due.some((item) => item.id === id));
        // The Worker stored nothing of a batch with a conflict: set the conflicting events aside
        // (the rep sees them) and send the rest again right away.
        await db.outbox.bulkUpdate(
          conflicts.map((id) => ({ key: id, changes: { status: 'conflict' as const, lastError: 'the Worker already holds a different event with this id' } })),
        );
        if (conflicts.length === 0) await deferAll(db, due, error, random, options.now());
        continue;
      }
      if (error.kind === 'rejected' && due.length > 1) {
        // Find the event the Worker refuses by sending one at a time; the others go through.
        for (const item of due) pushed += await pushOne(db, api, item, random, options.now());
        continue;
      }
      if (error.kind === 'rejected') {
        await db.outbox.update(due[0]!.id, { status: 'rejected', lastError: error.message });
        continue;
      }
      await deferAll(db, due, error, random, options.now());
      throw error;
    }
  }
}

async function pushOne(db: TidewiseDb, api: ApiConfig, item: OutboxItem, random: () => number, now: number): Promise<number> {
  try {
    await postEvents(api, [item.event]);
    await db.outbox.delete(item.id);
    return 1;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.kind === 'rejected' || error.kind === 'conflict') {
      await db.outbox.update(item.id, { status: error.kind === 'conflict' ? 'conflict' : 'rejected', lastError: error.message });
    } else {
      await deferAll(db, [item], error, random, now);
    }
    return 0;
  }
}

async function deferAll(db: TidewiseDb, items: OutboxItem[], error: ApiError, random: () => number, now: number): Promise<void> {
  await db.outbox.bulkUpdate(
    items.map((item) => ({
      key: item.id,
      changes: { attempts: item.attempts + 1, nextAttemptAt: now + backoff(item.attempts + 1, random, error.retryAfterMs), lastError: error.message },
    })),
  );
}

function conflictIds(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('conflicts' in body) || !Array.isArray(body.conflicts)) return [];
  return body.conflicts.filter((id): id is string => typeof id === 'string');
}

export async function pullLog(db: TidewiseDb, api: ApiConfig): Promise<{ pulled: number; fresh: AccountEvent[]; contacts: Set<string> }> {
  let cursor = String((await db.kv.get('cursor'))?.value ?? '0');
  const fresh: AccountEvent[] = [];
  const contacts = new Set<string>();
  let pulled = 0;
  for (;;) {
    const page = await getEventPage(api, cursor);
    const stored = await storePulled(db, page.events);
    fresh.push(...stored.fresh);
    for (const contact of stored.contacts) contacts.add(contact);
    pulled += page.events.length;
    cursor = page.cursor;
    await db.kv.put({ key: 'cursor', value: cursor });
    if (!page.more) return { pulled, fresh, contacts };
  }
}

export async function syncStatus(db: TidewiseDb): Promise<SyncStatus> {
  const [unsynced, conflicts, lastSyncAt, lastError, lastErrorKind] = await Promise.all([
    db.outbox.where('status').equals('pending').count(),
    db.outbox.where('status').anyOf('conflict', 'rejected').count(),
    db.kv.get('lastSyncAt'),
    db.kv.get('lastSyncError'),
    db.kv.get('lastSyncErrorKind'),
  ]);
  return {
    unsynced,
    conflicts,
    lastSyncAt: typeof lastSyncAt?.value === 'number' ? lastSyncAt.value : null,
    lastError: typeof lastError?.value === 'string' ? lastError.value : null,
    lastErrorKind: typeof lastErrorKind?.value === 'string' ? (lastErrorKind.value as ApiErrorKind) : null,
  };
}

/** Push then pull; remembers when it last succeeded and the last error, for the popup. */
export async function syncOnce(db: TidewiseDb, api: ApiConfig, options: SyncOptions): Promise<SyncResult> {
  let pushed = 0;
  let pulled = { pulled: 0, fresh: [] as AccountEvent[], contacts: new Set<string>() };
  try {
    pushed = await pushOutbox(db, api, options);
    pulled = await pullLog(db, api);
    await db.kv.bulkPut([
      { key: 'lastSyncAt', value: options.now() },
      { key: 'lastSyncError', value: null },
      { key: 'lastSyncErrorKind', value: null },
    ]);
  } catch (error) {
    await db.kv.bulkPut([
      { key: 'lastSyncError', value: error instanceof Error ? error.message : String(error) },
      { key: 'lastSyncErrorKind', value: error instanceof ApiError ? error.kind : 'server' },
    ]);
  }
  return { ...(await syncStatus(db)), pushed, ...pulled };
}
