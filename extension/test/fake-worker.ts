// An in-memory stand-in for the Worker's event API, for unit tests of the background's sync
// logic (the real Worker is exercised by the Chromium tests). It follows the same contract:
// idempotent by id, 409 with the conflicting ids, pages by cursor. Faults are scripted per call.
import { postEventsBody } from '../../shared/schema.ts';
import type { AccountEvent } from '../../shared/schema.ts';

export type Fault = { status: number; headers?: Record<string, string>; body?: unknown; text?: string } | 'network' | 'hang';

export class FakeWorker {
  log: Array<{ seq: number; event: AccountEvent; hash: string }> = [];
  posts = 0;
  gets = 0;
  faults: Fault[] = [];

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const fault = this.faults.shift();
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (fault === 'hang') {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason ?? new Error('aborted')));
      });
    }
    if (fault?.text !== undefined) return new Response(fault.text, { status: fault.status, headers: { 'Content-Type': 'text/html' } });
    if (fault) return json(fault.body ?? { error: `scripted ${fault.status}` }, fault.status, fault.headers);
    if (new Headers(init.headers).get('Authorization') !== 'Bearer tw_test') return json({ error: 'unknown or revoked API token' }, 401);
    if (url.pathname === '/api/me') return json({ accountId: 'acc_1', name: 'Rep', pixelPrefix: 'pfx_ABCDEFGHIJKL', pixelKey: 'A'.repeat(43), pixelBase: 'https://t.example/p/pfx_ABCDEFGHIJKL/', tokenId: 'tok_1' });
    if (url.pathname === '/api/events' && init.method === 'POST') {
      this.posts++;
      const parsed = postEventsBody.safeParse(JSON.parse(String(init.body)));
      if (!parsed.success) return json({ error: `invalid request body: ${parsed.error.issues[0]?.message}` }, 400);
      const conflicts = parsed.data.events.filter((e) => this.log.some((row) => row.event.id === e.id && row.hash !== JSON.stringify(e))).map((e) => e.id);
      if (conflicts.length > 0) return json({ error: 'conflict', conflicts, accepted: 0 }, 409);
      let accepted = 0;
      for (const event of parsed.data.events) {
        if (this.log.some((row) => row.event.id === event.id)) continue;
        this.log.push({ seq: this.log.length + 1, event, hash: JSON.stringify(event) });
        accepted++;
      }
      return json({ accepted, duplicates: parsed.data.events.length - accepted });
    }
    if (url.pathname === '/api/events') {
      this.gets++;
      const after = Number(url.searchParams.get('after') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '200');
      const rows = this.log.filter((row) => row.seq > after);
      const page = rows.slice(0, limit);
      return json({ events: page.map(({ seq, event }) => ({ seq, event })), cursor: String(page.at(-1)?.seq ?? after), more: rows.length > limit });
    }
    return json({ error: 'no such endpoint' }, 404);
  };

  /** An event appended by "the Worker" (e.g. an open recorded by the pixel). */
  append(event: AccountEvent): void {
    this.log.push({ seq: this.log.length + 1, event, hash: JSON.stringify(event) });
  }
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
