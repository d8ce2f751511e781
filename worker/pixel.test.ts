import { env } from 'cloudflare:test';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { call, flakyDb, newAccount, rows, type TestAccount } from './test/helpers.ts';

const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const GIF_BASE64 = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

async function snapshot(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: [...response.headers.entries()].sort(), bytes: [...bytes] };
}

const reference = {
  status: 200,
  headers: [
    ['cache-control', 'no-store, no-cache, must-revalidate, private, max-age=0'],
    ['content-length', '43'],
    ['content-type', 'image/gif'],
    ['expires', '0'],
    ['pragma', 'no-cache'],
    ['referrer-policy', 'no-referrer'],
    ['x-content-type-options', 'nosniff'],
  ],
  bytes: [...Uint8Array.from(atob(GIF_BASE64), (c) => c.charCodeAt(0))],
};

afterEach(() => vi.restoreAllMocks());

describe('a valid pixel hit', () => {
  test('answers the GIF and records one open with its verdict inputs and no IP', async () => {
    const account = await newAccount();
    const { path, messageId } = await account.mint();
    const response = await call(path, {
      headers: { 'User-Agent': GOOGLE_PROXY, 'CF-Connecting-IP': '66.249.84.10' },
      cf: { country: 'DE', timezone: 'Europe/Berlin' },
    });
    expect(await snapshot(response)).toEqual(reference);
    const row = await env.DB.prepare("SELECT * FROM events WHERE account_id = ?1 AND type = 'open'")
      .bind(account.accountId)
      .first<Record<string, unknown>>();
    expect(row).not.toBeNull();
    const stored = JSON.parse(String(row?.payload));
    expect(stored).toMatchObject({
      type: 'open', messageId, verdict: { kind: 'human', reason: 'gmail-proxy' },
      network: 'google', country: 'DE', timezone: 'Europe/Berlin', userAgent: GOOGLE_PROXY,
    });
    expect(JSON.stringify(row)).not.toContain('66.249.84.10');
  });

  test.each([
    ['with query-string junk', '?a=1&a=2&utm=x'],
    ['with repeated params', '?x=1&x=2'],
  ])('%s still records', async (_name, query) => {
    const account = await newAccount();
    const { path } = await account.mint();
    expect(await snapshot(await call(path + query, { headers: { 'User-Agent': GOOGLE_PROXY } }))).toEqual(reference);
    expect(await rows(account.accountId, 'open')).toBe(1);
  });

  test('conditional and range requests still get the full GIF and are recorded', async () => {
    const account = await newAccount();
    const { path } = await account.mint();
    for (const headers of [{ 'If-None-Match': '"abc"' }, { 'If-Modified-Since': 'Wed, 21 Oct 2015 07:28:00 GMT' }, { Range: 'bytes=0-0' }] as Record<string, string>[]) {
      expect(await snapshot(await call(path, { headers: { ...headers, 'User-Agent': GOOGLE_PROXY } }))).toEqual(reference);
    }
    expect(await rows(account.accountId, 'open')).toBe(3);
  });

  test.each([
    ['no user agent', {}, 'bot', 'no-user-agent'],
    ['an 8 KB user agent', { 'User-Agent': `Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0 ${'x'.repeat(8192)}` }, undefined, undefined],
    ['non-ASCII bytes in the user agent', { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0 \u00ff\u00fe' }, 'human', 'direct-load'],
    ['the Apple MPP user agent', { 'User-Agent': 'Mozilla/5.0' }, 'apple-prefetch', 'apple-mpp-user-agent'],
  ])('%s: GIF, one row, user agent kept short and clean', async (_name, headers, kind, reason) => {
    const account = await newAccount();
    const { path } = await account.mint();
    expect(await snapshot(await call(path, { headers }))).toEqual(reference);
    const row = await env.DB.prepare("SELECT payload FROM events WHERE account_id = ?1 AND type = 'open'")
      .bind(account.accountId)
      .first<{ payload: string }>();
    const stored = JSON.parse(row!.payload);
    if (kind) expect(stored.verdict).toEqual({ kind, reason });
    expect((stored.userAgent ?? '').length).toBeLessThanOrEqual(256);
    expect(stored.userAgent ?? '').toMatch(/^[\x20-\x7e]*$/);
  });

  test('HEAD gets the same headers and is recorded as a bot', async () => {
    const account = await newAccount();
    const { path } = await account.mint();
    const response = await call(path, { method: 'HEAD', headers: { 'User-Agent': GOOGLE_PROXY } });
    expect(response.status).toBe(200);
    expect([...response.headers.entries()].sort()).toEqual(reference.headers);
    const row = await env.DB.prepare("SELECT payload FROM events WHERE account_id = ?1").bind(account.accountId).first<{ payload: string }>();
    expect(JSON.parse(row!.payload).verdict).toEqual({ kind: 'bot', reason: 'head-request' });
  });
});

describe('bad pixel requests: identical GIF and headers, zero rows', () => {
  let account: TestAccount;
  let valid: { token: string; path: string };

  const variants: Array<[string, () => Promise<string> | string, RequestInit?]> = [
    ['empty id', () => `/p/${account.pixelPrefix}/.gif`],
    ['one-character id', () => `/p/${account.pixelPrefix}/a.gif`],
    ['10 KB id', () => `/p/${account.pixelPrefix}/${'A'.repeat(10_240)}.gif`],
    ['non-base64url characters', () => `/p/${account.pixelPrefix}/${'!'.repeat(44)}.gif`],
    ['%00', () => `/p/${account.pixelPrefix}/${valid.token.slice(0, 41)}%00.gif`],
    ['%2F', () => `/p/${account.pixelPrefix}%2F${valid.token}.gif`],
    ['..%2F', () => `/p/..%2F${account.pixelPrefix}/${valid.token}.gif`],
    ['%252F', () => `/p/${account.pixelPrefix}%252F${valid.token}.gif`],
    ['Unicode lookalike', () => `/p/${account.pixelPrefix}/${encodeURIComponent(`${valid.token.slice(0, 43)}\u0410`)}.gif`],
    ['upper-cased token', () => `/p/${account.pixelPrefix}/${valid.token.toUpperCase()}.gif`],
    ['lower-cased token', () => `/p/${account.pixelPrefix}/${valid.token.toLowerCase()}.gif`],
    ['bad MAC', () => `/p/${account.pixelPrefix}/${valid.token.slice(0, 40)}${valid.token[40] === 'A' ? 'B' : 'A'}${valid.token.slice(41)}.gif`],
    ['MAC truncated by one byte', () => `/p/${account.pixelPrefix}/${valid.token.slice(0, 42)}.gif`],
    ['unknown version', () => `/p/${account.pixelPrefix}/B${valid.token.slice(1)}.gif`],
    ['no .gif suffix', () => `/p/${account.pixelPrefix}/${valid.token}`],
    ['.png suffix', () => `/p/${account.pixelPrefix}/${valid.token}.png`],
    ['unknown prefix', () => `/p/AAAAAAAAAAAAAAAA/${valid.token}.gif`],
    ['bare /p/', () => '/p/'],
    ['POST on a valid pixel', () => valid.path, { method: 'POST', body: 'x' }],
    ['OPTIONS on a valid pixel', () => valid.path, { method: 'OPTIONS' }],
    ['headers close to the size limit', () => `/p/${account.pixelPrefix}/${'A'.repeat(44)}.gif`, { headers: { 'X-Big': 'y'.repeat(15_000), Cookie: 'z'.repeat(15_000) } }],
  ];

  test.each(variants)('%s', async (_name, makePath, init) => {
    account = await newAccount();
    valid = await account.mint();
    const path = await makePath();
    const response = await call(path, init);
    expect(await snapshot(response)).toEqual(reference);
    expect(await rows(account.accountId)).toBe(0);
  });

  test('a token minted for another account writes nothing to either', async () => {
    const alice = await newAccount('Alice');
    const bob = await newAccount('Bob');
    const alicePixel = await alice.mint();
    const path = `/p/${bob.pixelPrefix}/${alicePixel.token}.gif`;
    expect(await snapshot(await call(path))).toEqual(reference);
    expect(await rows(alice.accountId)).toBe(0);
    expect(await rows(bob.accountId)).toBe(0);
  });
});

describe('database faults never reach the pixel', () => {
  test('D1 losing its connection 3 times: retried, exactly one row', async () => {
    const account = await newAccount();
    const { path } = await account.mint();
    const db = flakyDb(3);
    expect(await snapshot(await call(path, { headers: { 'User-Agent': GOOGLE_PROXY } }, { DB: db }))).toEqual(reference);
    expect(db.calls).toBe(4);
    expect(await rows(account.accountId, 'open')).toBe(1);
  });

  test('D1 always failing: the GIF is still served and the lost hit is logged in full', async () => {
    const account = await newAccount();
    const { path, messageId } = await account.mint();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = flakyDb(Number.POSITIVE_INFINITY);
    expect(await snapshot(await call(path, { headers: { 'User-Agent': GOOGLE_PROXY } }, { DB: db }))).toEqual(reference);
    expect(await rows(account.accountId)).toBe(0);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain('pixel hit not recorded');
    expect(String(log.mock.calls[0]?.[0])).toContain(messageId);
  });

  test('a non-transient D1 error is not retried', async () => {
    const account = await newAccount();
    const { path } = await account.mint();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = flakyDb(1, 'D1_ERROR: no such table: events');
    expect(await snapshot(await call(path, {}, { DB: db }))).toEqual(reference);
    expect(db.calls).toBe(1);
  });
});
