// recordOpen: the one way a pixel hit reaches storage. It runs after the GIF has been answered
// (inside waitUntil), retries the transient errors D1 does not retry itself, and logs the hit
// in full when it finally cannot be written, so nothing is lost silently.
import { insertOpens, type OpenRow } from './db.ts';

const TRANSIENT = /network connection lost|connection reset|reset because its code was updated|storage caused object to be reset|overloaded|timed? ?out|internal error|try again/i;

export interface RecordOptions {
  attempts: number;
  /** Base delay of the jittered exponential backoff. */
  baseDelayMs: number;
}

export const DEFAULT_RECORD_OPTIONS: RecordOptions = { attempts: 4, baseDelayMs: 50 };

export async function recordOpen(db: D1Database, row: OpenRow, options = DEFAULT_RECORD_OPTIONS): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Idempotent by event id, so a retry after an ambiguous failure cannot double-count.
      await insertOpens(db, [row]);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!TRANSIENT.test(message) || attempt >= options.attempts) {
        console.error(JSON.stringify({ msg: 'tidewise: pixel hit not recorded', attempts: attempt, error: message, hit: row }));
        return false;
      }
      const delay = options.baseDelayMs * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * delay));
    }
  }
}
