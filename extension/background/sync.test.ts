import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ClientEvent } from '../../shared/schema.ts';
import { TidewiseDb } from '../db.ts';
import { FakeWorker } from '../test/fake-worker.ts';
import { recordEvents } from './event-store.ts';
import { backoff, pullLog, pushOutbox, syncOnce } from './sync.ts';

const T0 = Date.UTC(2026, 10, 25, 9);
let db: TidewiseDb;
let worker: FakeWorker;
let clock: number;
const now = () => clock;
const api = () => ({ workerUrl: 'https://t.example', token: 'tw_test', fetch: worker.fetch as typeof fetch, timeoutMs: 200 });

function note(n: number, contact = 'buyer@example.com'): ClientEvent {
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type: 'note', at: T0 - n, contact, text: `note ${n}` };
}

beforeEach(async () => {
  db = new TidewiseDb(`test-${crypto.randomUUID()}`);
  worker = new FakeWorker();
  clock = T0;
});
afterEach(() => db.delete());

describe('the outbox', () => {
  test('recording writes the outbox and the local log together; replays are ignored', async () => {
    expect((await recordEvents(db, [note(1), note(2)], T0)).queued).toBe(2);
    expect((await recordEvents(db, [note(1)], T0)).queued).toBe(0);
    expect(await db.outbox.count()).toBe(2);
    expect((await db.events.get(note(1).id))?.seq).toBe(0);
  });

  test('250 events go out in batches of at most 100 and leave the outbox empty', async () => {
    await recordEvents(db, Array.from({ length: 250 }, (_, i) => note(i + 1)), T0);
    expect(await pushOutbox(db, api(), { now })).toBe(250);
    expect(worker.posts).toBe(3);
    expect(await db.outbox.count()).toBe(0);
    expect(worker.log).toHaveLength(250);
  });

  test.each([
    ['a 500', { status: 500 }, 'server'],
    ['a network failure', 'network' as const, 'cannot reach'],
    ['a timeout', 'hang' as const, 'cannot reach'],
  ])('%s defers every item with backoff, then a later replay delivers exactly once', async (_name, fault, message) => {
    await recordEvents(db, [note(1), note(2)], T0);
    worker.faults.push(fault);
    await expect(pushOutbox(db, api(), { now, random: () => 0.5 })).rejects.toThrow(message === 'server' ? /failed/ : /cannot reach/);
    const items = await db.outbox.toArray();
    expect(items.map((i) => [i.attempts, i.nextAttemptAt - T0])).toEqual([[1, 2000], [1, 2000]]);
    expect(await pushOutbox(db, api(), { now })).toBe(0); // not due yet: nothing sent
    clock = T0 + 2000;
    expect(await pushOutbox(db, api(), { now })).toBe(2);
    expect(worker.log).toHaveLength(2);
  });

  test('429 with Retry-After waits at least that long', async () => {
    await recordEvents(db, [note(1)], T0);
    worker.faults.push({ status: 429, headers: { 'Retry-After': '120' } });
    await expect(pushOutbox(db, api(), { now, random: () => 0 })).rejects.toThrow();
    expect((await db.outbox.get(note(1).id))!.nextAttemptAt).toBe(T0 + 120_000);
  });

  test('a 409 sets the conflicting event aside with a message, sends the rest, and never loops', async () => {
    worker.append({ ...note(1), text: 'what the Worker has' } as never);
    await recordEvents(db, [note(1), note(2), note(3)], T0);
    expect(await pushOutbox(db, api(), { now })).toBe(2);
    expect(worker.posts).toBe(2);
    const conflicted = await db.outbox.get(note(1).id);
    expect(conflicted).toMatchObject({ status: 'conflict', lastError: expect.stringContaining('different event') });
    expect(await pushOutbox(db, api(), { now })).toBe(0);
    expect(worker.posts).toBe(2);
  });

  test('an event the Worker refuses is found alone and set aside; the others go through', async () => {
    await recordEvents(db, [note(1), note(2), note(3)], T0);
    worker.faults.push({ status: 400, body: { error: 'invalid request body: events.1.at: is after the year 2100' } });
    worker.faults.push(undefined as never, { status: 400, body: { error: 'invalid request body: events.0.at: is after the year 2100' } });
    expect(await pushOutbox(db, api(), { now })).toBe(2);
    const rejected = await db.outbox.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ status: 'rejected', lastError: expect.stringContaining('2100') });
  });

  test('a refused token stops the push and keeps everything', async () => {
    await recordEvents(db, [note(1)], T0);
    await expect(pushOutbox(db, { ...api(), token: 'tw_wrong' }, { now })).rejects.toThrow(/refused the token/);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('pulling the log', () => {
  test('pages by cursor, stores sequence numbers, reports only new events and resumes from the cursor', async () => {
    for (let i = 1; i <= 1200; i++) worker.append(note(i, `c${i % 7}@example.com`) as never);
    const first = await pullLog(db, api());
    expect(first.pulled).toBe(1200);
    expect(first.fresh).toHaveLength(1200);
    expect(first.contacts.size).toBe(7);
    expect(worker.gets).toBe(3);
    expect((await db.kv.get('cursor'))?.value).toBe('1200');
    worker.append(note(5000) as never);
    const second = await pullLog(db, api());
    expect(second.pulled).toBe(1);
    expect((await db.events.get(note(5000).id))?.seq).toBe(1201);
  });

  test("an event recorded here and pulled back is not new, and takes the Worker's sequence number", async () => {
    await recordEvents(db, [note(1)], T0);
    const result = await syncOnce(db, api(), { now });
    expect(result).toMatchObject({ pushed: 1, pulled: 1, unsynced: 0, lastError: null });
    expect(result.fresh).toHaveLength(0);
    expect((await db.events.get(note(1).id))?.seq).toBe(1);
  });

  test('a failed sync is remembered for the popup', async () => {
    worker.faults.push('network');
    const result = await syncOnce(db, api(), { now });
    expect(result.lastError).toMatch(/cannot reach/);
  });
});

test.each([
  [1, 0.5, 0, 2000],
  [2, 0.5, 0, 4000],
  [3, 0, 0, 4000],
  [30, 0.5, 0, 600_000],
  [1, 0.5, 90_000, 90_000],
])('backoff(attempt %i, random %f, Retry-After %i) = %i ms', (attempts, random, retryAfter, expected) => {
  expect(backoff(attempts, () => random, retryAfter)).toBe(expected);
});
