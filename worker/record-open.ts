// recordOpen: the one way a pixel hit reaches storage. It runs after the GIF has been answered
// (inside waitUntil). With the OPENS queue bound (production), the hit is queued and
// consumeOpens writes up to 100 at a time; D1 has a single writer at ~1 ms per round trip, so
// one row per write caps throughput (measured in npm run bench:pixel). Without the queue, or when
// sending keeps failing, the hit is written to D1 directly. Transient errors are retried (D1 does
// not retry writes itself); a hit that still cannot be stored is logged in full, never dropped silently.
import { z } from 'zod';
import { PREFIX_PATTERN } from '../shared/pixel-token.ts';
import { openEvent } from '../shared/schema.ts';
import { insertOpens, type OpenRow } from './db.ts';

const TRANSIENT = /network connection lost|connection reset|reset because its code was updated|storage caused object to be reset|overloaded|timed? ?out|internal error|try again|too many requests|429/i;

/** A queued hit, validated again when it comes out of the queue. */
export const openRow = z.object({
  pixelPrefix: z.string().regex(PREFIX_PATTERN),
  event: openEvent,
  payloadHash: z.string(),
});

export interface RetryOptions {
  attempts: number;
  /** Base delay of the jittered exponential backoff. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 50 };

export type RecordOutcome = 'queued' | 'written' | 'lost';

export async function recordOpen(
  env: { DB: D1Database; OPENS?: Queue | undefined },
  row: OpenRow,
  options = DEFAULT_RETRY,
): Promise<RecordOutcome> {
  if (env.OPENS) {
    const queue = env.OPENS;
    const sent = await withRetries(() => queue.send(row), options);
    if (sent.ok) return 'queued';
    console.warn(JSON.stringify({ msg: 'tidewise: queue send failed, writing the hit directly', error: sent.error }));
  }
  const written = await withRetries(() => insertOpens(env.DB, [row]), options);
  if (written.ok) return 'written';
  console.error(JSON.stringify({ msg: 'tidewise: pixel hit not recorded', error: written.error, hit: row }));
  return 'lost';
}

/** Queue consumer: one D1 batch per message batch; the whole batch is retried on failure (idempotent). */
export async function consumeOpens(batch: MessageBatch<unknown>, env: { DB: D1Database }, options = DEFAULT_RETRY): Promise<void> {
  const rows: OpenRow[] = [];
  const valid: Message<unknown>[] = [];
  for (const message of batch.messages) {
    const parsed = openRow.safeParse(message.body);
    if (parsed.success) {
      rows.push(parsed.data);
      valid.push(message);
    } else {
      // Retrying cannot fix a malformed message: log it whole and let it go.
      console.error(JSON.stringify({ msg: 'tidewise: malformed queued hit dropped', id: message.id, body: message.body }));
      message.ack();
    }
  }
  if (rows.length === 0) return;
  const written = await withRetries(() => insertOpens(env.DB, rows), options);
  if (written.ok) {
    for (const message of valid) message.ack();
  } else {
    console.error(JSON.stringify({ msg: 'tidewise: queued hits not written yet, retrying later', error: written.error, count: rows.length }));
    for (const message of valid) message.retry({ delaySeconds: 5 });
  }
}

async function withRetries(work: () => Promise<unknown>, options: RetryOptions): Promise<{ ok: true } | { ok: false; error: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!TRANSIENT.test(message) || attempt >= options.attempts) return { ok: false, error: `${message} (after ${attempt} attempt${attempt > 1 ? 's' : ''})` };
      const delay = options.baseDelayMs * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * delay));
    }
  }
}
