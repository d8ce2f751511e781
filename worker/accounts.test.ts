import { describe, expect, test } from 'vitest';
import { ADMIN, authed, call, newAccount } from './test/helpers.ts';

describe('accounts', () => {
  test('creating an account needs the admin secret', async () => {
    const body = JSON.stringify({ name: 'Mallory' });
    const headers = { 'Content-Type': 'application/json' };
    expect((await call('/api/accounts', { method: 'POST', headers, body })).status).toBe(401);
    const wrong = await call('/api/accounts', { method: 'POST', headers: { ...headers, Authorization: 'Bearer nope' }, body });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: expect.stringContaining('ADMIN_SECRET') });
    const ok = await call('/api/accounts', { method: 'POST', headers: { ...headers, Authorization: `Bearer ${ADMIN}` }, body });
    expect(ok.status).toBe(201);
    const created = (await ok.json()) as Record<string, string>;
    expect(created.token).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
    expect(created.pixelPrefix).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  test('an empty name is a readable 400', async () => {
    const response = await call('/api/accounts', {
      method: 'POST', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: '' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid request body: name: name cannot be empty' });
  });

  test('GET /api/me tells the extension who it is and how to mint pixels', async () => {
    const account = await newAccount('Lin Wei');
    const me = (await (await call('/api/me', authed(account.token))).json()) as Record<string, string>;
    expect(me).toMatchObject({ accountId: account.accountId, name: 'Lin Wei', pixelPrefix: account.pixelPrefix });
    expect(me.pixelBase).toBe(`https://t.example.com/p/${account.pixelPrefix}/`);
    expect(me.pixelKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test('tokens are stored only as hashes', async () => {
    const { env } = await import('cloudflare:test');
    const account = await newAccount();
    const stored = await env.DB.prepare('SELECT token_hash FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.id = ?1')
      .bind(account.accountId).first<{ token_hash: string }>();
    expect(stored?.token_hash).not.toContain(account.token.slice(3));
  });

  test('a second token works; a revoked token is refused; another account cannot revoke it', async () => {
    const account = await newAccount();
    const other = await newAccount();
    const second = (await (await call('/api/tokens', authed(account.token, { method: 'POST', body: '{}' }))).json()) as Record<string, string>;
    expect((await call('/api/me', authed(second.token!))).status).toBe(200);
    expect((await call(`/api/tokens/${second.tokenId}`, authed(other.token, { method: 'DELETE' }))).status).toBe(404);
    expect((await call(`/api/tokens/${second.tokenId}`, authed(account.token, { method: 'DELETE' }))).status).toBe(200);
    const refused = await call('/api/me', authed(second.token!));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'unknown or revoked API token' });
    expect((await call('/api/me', authed(account.token))).status).toBe(200);
  });
});

describe('authentication', () => {
  test.each<[string, (token: string) => Record<string, string>, string, number]>([
    ['no Authorization header', () => ({}), '', 401],
    ['an empty bearer token', () => ({ Authorization: 'Bearer ' }), '', 401],
    ['a lower-case scheme', (t) => ({ Authorization: `bearer ${t}` }), '', 401],
    ['a 10k-character token', () => ({ Authorization: `Bearer tw_${'a'.repeat(10_000)}` }), '', 401],
    ['a well-formed unknown token', () => ({ Authorization: `Bearer tw_${'a'.repeat(43)}` }), '', 401],
    ['the token in the query string', () => ({}), '?token=x', 400],
  ])('%s is refused with a readable error', async (_name, headers, query, status) => {
    const account = await newAccount();
    const response = await call(`/api/me${query}`, { headers: headers(account.token) });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(10);
  });

  test('two Authorization headers are refused', async () => {
    const account = await newAccount();
    const headers = new Headers();
    headers.append('Authorization', `Bearer ${account.token}`);
    headers.append('Authorization', `Bearer ${account.token}`);
    expect((await call('/api/me', { headers })).status).toBe(401);
  });
});

describe('CORS', () => {
  test('extension origins may call the API', async () => {
    const response = await call('/api/me', {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
  });

  test('a web page origin gets no CORS grant', async () => {
    const response = await call('/api/me', {
      method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  test('the pixel sends no CORS headers', async () => {
    const account = await newAccount();
    const { path } = await account.mint();
    const response = await call(path, { headers: { Origin: 'chrome-extension://abc' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

test('unknown API paths answer a JSON 404', async () => {
  const response = await call('/api/nope');
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: 'no such endpoint: GET /api/nope' });
});
