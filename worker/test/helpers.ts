// Test helpers: requests go through the real Hono app inside workerd against the migrated D1,
// and every request's waitUntil work is awaited before the test looks at the database.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { fromBase64Url, importAccountKey, mintPixelToken, pixelPath } from '../../shared/pixel-token.ts';
import { me as meSchema, type ClientEvent } from '../../shared/schema.ts';
import { app } from '../index.ts';

export const ADMIN = 'test-admin-secret';
export const ORIGIN = 'https://t.example.com';

/**
 * One request through the app. By default pixel hits are written to D1 directly (no OPENS queue)
 * so tests can count rows at once; pass `{ OPENS: env.OPENS }` to go through the real queue.
 */
export async function call(path: string, init: RequestInit & { cf?: Record<string, unknown> } = {}, overrides: Partial<Env> = {}) {
  const ctx = createExecutionContext();
  const response = await app.request(new Request(`${ORIGIN}${path}`, init as RequestInit), undefined, { ...env, OPENS: undefined, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

export interface TestAccount {
  token: string;
  accountId: string;
  pixelPrefix: string;
  mint(): Promise<{ token: string; messageId: string; path: string }>;
}

export async function newAccount(name = 'Test rep'): Promise<TestAccount> {
  const created = await call('/api/accounts', {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (created.status !== 201) throw new Error(`account not created: ${created.status} ${await created.text()}`);
  const { token, accountId, pixelPrefix } = (await created.json()) as { token: string; accountId: string; pixelPrefix: string };
  const me = meSchema.parse(await (await call('/api/me', { headers: { Authorization: `Bearer ${token}` } })).json());
  const key = await importAccountKey(fromBase64Url(me.pixelKey)!);
  return {
    token,
    accountId,
    pixelPrefix,
    async mint() {
      const minted = await mintPixelToken(key, pixelPrefix);
      return { ...minted, path: pixelPath(pixelPrefix, minted.token) };
    },
  };
}

export function authed(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } };
}

export function postEvents(token: string, events: unknown[]) {
  return call('/api/events', authed(token, { method: 'POST', body: JSON.stringify({ events }) }));
}

let counter = 0;
/** A fresh UUID-shaped id, readable in failures. */
export function uuid(): string {
  counter++;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function sentEvent(messageId: string, at: number, recipients = ['buyer@example.com']): ClientEvent {
  return { id: crypto.randomUUID(), type: 'sent', at, messageId, recipients, subject: 'Quotation for LED panels', threadKey: 'thread-1', provider: 'gmail' };
}

export async function rows(accountId?: string, type?: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM events WHERE (?1 IS NULL OR account_id = ?1) AND (?2 IS NULL OR type = ?2)')
    .bind(accountId ?? null, type ?? null)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** env.DB whose batch() throws a D1 network error the first `failures` times (Infinity: always). */
export function flakyDb(failures: number, message = 'D1_ERROR: Network connection lost.'): D1Database & { calls: number } {
  let left = failures;
  const state = { calls: 0 };
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'calls') return state.calls;
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          state.calls++;
          if (left > 0) {
            left--;
            throw new Error(message);
          }
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as D1Database & { calls: number };
}
