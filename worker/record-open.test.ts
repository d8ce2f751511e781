import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { afterEach, describe, expect, test, vi } from 'vitest';
import worker from './index.ts';
import { consumeOpens, recordOpen } from './record-open.ts';
import { call, flakyDb, newAccount, rows, type TestAccount } from './test/helpers.ts';

const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const fast = { attempts: 4, baseDelayMs: 1 };

afterEach(() => vi.restoreAllMocks());

async function hitRow(account: TestAccount) {
  const { messageId } = await account.mint();
  return {
    pixelPrefix: account.pixelPrefix,
    event: { id: crypto.randomUUID(), type: 'open' as const, at: Date.now(), messageId, verdict: { kind: 'human' as const, reason: 'gmail-proxy' } },
    payloadHash: 'hash',
  };
}

/** A queue binding whose send() fails the first `failures` times, then forwards to the real queue. */
function flakyQueue(failures: number): Queue & { sends: number } {
  let left = failures;
  const state = { sends: 0 };
  return new Proxy(env.OPENS, {
    get(target, prop) {
      if (prop === 'sends') return state.sends;
      if (prop === 'send') {
        return async (body: unknown, options?: QueueSendOptions) => {
          state.sends++;
          if (left-- > 0) throw new Error('Queue send failed: Too Many Requests (429)');
          return target.send(body, options);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Queue & { sends: number };
}

describe('through the real OPENS queue', () => {
  test('a pixel hit is queued and the consumer writes it', async () => {
    const account = await newAccount();
    const { path } = await account.mint();
    await call(path, { headers: { 'User-Agent': GOOGLE_PROXY } }, { OPENS: env.OPENS });
    await vi.waitFor(async () => expect(await rows(account.accountId, 'open')).toBe(1), { timeout: 10_000, interval: 100 });
  });

  test('queue sends failing twice are retried: one message', async () => {
    const account = await newAccount();
    const queue = flakyQueue(2);
    expect(await recordOpen({ DB: env.DB, OPENS: queue }, await hitRow(account), fast)).toBe('queued');
    expect(queue.sends).toBe(3);
    await vi.waitFor(async () => expect(await rows(account.accountId, 'open')).toBe(1), { timeout: 10_000, interval: 100 });
  });

  test('a queue that keeps failing falls back to writing D1 directly', async () => {
    const account = await newAccount();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await recordOpen({ DB: env.DB, OPENS: flakyQueue(Infinity) }, await hitRow(account), fast)).toBe('written');
    expect(await rows(account.accountId, 'open')).toBe(1);
  });
});

describe('the queue consumer', () => {
  test('writes a batch in one go and acknowledges every message; a replayed batch adds nothing', async () => {
    const account = await newAccount();
    const bodies = await Promise.all(Array.from({ length: 100 }, () => hitRow(account)));
    const messages = bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body }));
    for (let round = 0; round < 2; round++) {
      const batch = createMessageBatch('tidewise-opens', messages);
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      const result = await getQueueResult(batch, ctx);
      expect(result.explicitAcks).toHaveLength(100);
      expect(result.retryMessages).toHaveLength(0);
    }
    expect(await rows(account.accountId, 'open')).toBe(100);
  });

  test('a malformed message is logged and acknowledged; the rest are written', async () => {
    const account = await newAccount();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const batch = createMessageBatch('tidewise-opens', [
      { id: 'good', timestamp: new Date(), attempts: 1, body: await hitRow(account) },
      { id: 'bad', timestamp: new Date(), attempts: 1, body: { pixelPrefix: '../x', event: 'nope' } },
    ]);
    const ctx = createExecutionContext();
    await consumeOpens(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(['bad', 'good']);
    expect(String(log.mock.calls[0]?.[0])).toContain('malformed queued hit');
    expect(await rows(account.accountId, 'open')).toBe(1);
  });

  test('D1 failing throughout: every message is retried later, nothing acknowledged', async () => {
    const account = await newAccount();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const batch = createMessageBatch('tidewise-opens', [{ id: 'a', timestamp: new Date(), attempts: 1, body: await hitRow(account) }]);
    const ctx = createExecutionContext();
    await consumeOpens(batch, { DB: flakyDb(Infinity) }, fast);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['a']);
    expect(await rows(account.accountId)).toBe(0);
  });

  test('D1 losing its connection twice: written once, acknowledged', async () => {
    const account = await newAccount();
    const batch = createMessageBatch('tidewise-opens', [{ id: 'a', timestamp: new Date(), attempts: 1, body: await hitRow(account) }]);
    const ctx = createExecutionContext();
    await consumeOpens(batch, { DB: flakyDb(2) }, fast);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['a']);
    expect(await rows(account.accountId, 'open')).toBe(1);
  });
});
