import { describe, expect, test } from 'vitest';
import { authed, call, newAccount, postEvents, rows, sentEvent } from './test/helpers.ts';

const DAY = 86_400_000;
const now = () => Date.now();
const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

async function page(token: string, query = '') {
  const response = await call(`/api/events${query}`, authed(token));
  return { status: response.status, body: (await response.json()) as any };
}

describe('POST /api/events', () => {
  test('appends a batch of every event type and pages it back in order', async () => {
    const account = await newAccount();
    const { messageId } = await account.mint();
    const t = now() - 10 * DAY;
    const contact = 'Buyer@Example.com';
    const events = [
      sentEvent(messageId, t),
      { id: crypto.randomUUID(), type: 'reply', at: t + DAY, contact, providerMessageId: 'gm-1', provider: 'gmail' },
      { id: crypto.randomUUID(), type: 'order', at: t + 2 * DAY, contact, kind: 'sample' },
      { id: crypto.randomUUID(), type: 'order', at: t + 3 * DAY, contact, kind: 'order', amount: 1200.5, currency: 'USD' },
      { id: crypto.randomUUID(), type: 'intent', at: t + 3 * DAY, contact, intent: 'later' },
      { id: crypto.randomUUID(), type: 'snooze', at: t + 3 * DAY, contact, until: t + 30 * DAY },
      { id: crypto.randomUUID(), type: 'archive', at: t + 4 * DAY, contact },
      { id: crypto.randomUUID(), type: 'unarchive', at: t + 4 * DAY, contact },
      { id: crypto.randomUUID(), type: 'note', at: t + 4 * DAY, contact, text: 'Met at Canton Fair <b>booth</b>' },
      { id: crypto.randomUUID(), type: 'tier', at: t + 4 * DAY, contact, tier: 'A' },
      { id: crypto.randomUUID(), type: 'stars', at: t + 4 * DAY, contact, stars: 3 },
      { id: crypto.randomUUID(), type: 'buyer-size', at: t + 4 * DAY, contact, size: 'wholesaler' },
      { id: crypto.randomUUID(), type: 'source', at: t + 4 * DAY, contact, source: 'trade-show' },
      { id: crypto.randomUUID(), type: 'tags', at: t + 4 * DAY, contact, tags: ['LED', '德国'] },
      { id: crypto.randomUUID(), type: 'self-view', at: t + 5 * DAY, messageId },
    ];
    const response = await postEvents(account.token, events);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 15, duplicates: 0 });

    const first = await page(account.token, '?limit=10');
    expect(first.body.events).toHaveLength(10);
    expect(first.body.more).toBe(true);
    const second = await page(account.token, `?after=${first.body.cursor}&limit=10`);
    expect(second.body.events).toHaveLength(5);
    expect(second.body.more).toBe(false);
    const all = [...first.body.events, ...second.body.events];
    expect(all.map((e: any) => e.event.id)).toEqual(events.map((e) => e.id));
    expect(all[1].event.contact).toBe('buyer@example.com');
    const seqs = all.map((e: any) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const empty = await page(account.token, `?after=${second.body.cursor}`);
    expect(empty.body).toEqual({ events: [], cursor: second.body.cursor, more: false });
  });

  test('the same batch replayed five times is stored once', async () => {
    const account = await newAccount();
    const { messageId } = await account.mint();
    const batch = [sentEvent(messageId, now() - DAY)];
    for (let i = 0; i < 5; i++) expect((await postEvents(account.token, batch)).status).toBe(200);
    expect(await (await postEvents(account.token, batch)).json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(await rows(account.accountId)).toBe(1);
  });

  test('the same id with different content is a 409 naming the id; nothing of that batch is stored', async () => {
    const account = await newAccount();
    const { messageId } = await account.mint();
    const original = sentEvent(messageId, now() - DAY);
    await postEvents(account.token, [original]);
    const changed = { ...original, subject: 'Changed' };
    const fresh = sentEvent(messageId, now() - DAY);
    const response = await postEvents(account.token, [fresh, changed]);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ conflicts: [original.id], accepted: 0 });
    expect(await rows(account.accountId)).toBe(1);
  });

  test('the same idempotency key sent concurrently lands once', async () => {
    const account = await newAccount();
    const { messageId } = await account.mint();
    const batch = [sentEvent(messageId, now() - DAY)];
    const responses = await Promise.all(Array.from({ length: 8 }, () => postEvents(account.token, batch)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await rows(account.accountId)).toBe(1);
  });

  test('a duplicate id inside one batch: same content counts once, different content is a 400', async () => {
    const account = await newAccount();
    const { messageId } = await account.mint();
    const event = sentEvent(messageId, now() - DAY);
    expect(await (await postEvents(account.token, [event, event])).json()).toEqual({ accepted: 1, duplicates: 0 });
    const other = await newAccount();
    const clash = await postEvents(other.token, [event, { ...event, subject: 'changed' }]);
    expect(clash.status).toBe(400);
    expect(await clash.json()).toEqual({ error: `event id ${event.id} appears twice in this batch with different content` });
    expect(await rows(other.accountId)).toBe(0);
  });
});

describe('bad event bodies: a readable 4xx and nothing stored', () => {
  const t = Date.UTC(2026, 0, 5);
  const good = () => ({ id: crypto.randomUUID(), type: 'note', at: t, contact: 'buyer@example.com', text: 'hello' });
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  const cases: Array<[string, RequestInit, number, RegExp]> = [
    ['non-JSON body', { body: 'events=1' }, 400, /JSON/i],
    ['text/plain holding JSON', { body: JSON.stringify({ events: [good()] }), headers: { 'Content-Type': 'text/plain' } }, 415, /application\/json/],
    ['gzip-encoded body', { body: 'x', headers: { 'Content-Encoding': 'gzip' } }, 415, /uncompressed/],
    ['no events key', { body: '{}' }, 400, /events/],
    ['string number', { body: JSON.stringify({ events: [{ ...good(), at: String(t) }] }) }, 400, /events\.0\.at/],
    ['unknown extra field', { body: JSON.stringify({ events: [{ ...good(), extra: true }] }) }, 400, /extra/],
    ['__proto__ key', { body: `{"events":[${JSON.stringify(good()).slice(0, -1)},"__proto__":{"admin":true}}]}` }, 400, /__proto__/],
    ['constructor key', { body: JSON.stringify({ events: [{ ...good(), constructor: 1 }] }) }, 400, /constructor/],
    ['JSON nested 10k levels', { body: `{"events":${deep}}` }, 400, /events/],
    ['1 MB body', { body: JSON.stringify({ events: [{ ...good(), text: 'x'.repeat(1_048_576) }] }) }, 413, /larger than/],
    ['101 events', { body: JSON.stringify({ events: Array.from({ length: 101 }, good) }) }, 400, /at most 100/],
    ['10k events', { body: JSON.stringify({ events: Array.from({ length: 10_000 }, good) }) }, 413, /larger than/],
    ['negative time', { body: JSON.stringify({ events: [{ ...good(), at: -1 }] }) }, 400, /before the year 2000/],
    ['NaN time (null in JSON)', { body: JSON.stringify({ events: [{ ...good(), at: Number.NaN }] }) }, 400, /events\.0\.at/],
    ['time 1e20', { body: JSON.stringify({ events: [{ ...good(), at: 1e20 }] }) }, 400, /events\.0\.at: must be a whole number/],
    ['year 9999', { body: JSON.stringify({ events: [{ ...good(), at: Date.UTC(9999, 0, 1) }] }) }, 400, /after the year 2100/],
    ['a week in the future', { body: JSON.stringify({ events: [{ ...good(), at: Date.now() + 7 * 86_400_000 }] }) }, 400, /clock/],
    ['a 320-character email', { body: JSON.stringify({ events: [{ ...good(), contact: `${'a'.repeat(60)}@${'b'.repeat(256)}.com` }] }) }, 400, /254/],
    ['not an email', { body: JSON.stringify({ events: [{ ...good(), contact: 'Hans Müller' }] }) }, 400, /email/],
    ['unknown event type', { body: JSON.stringify({ events: [{ ...good(), type: 'open' }] }) }, 400, /type/],
  ];

  test.each(cases)('%s', async (_name, init, status, message) => {
    const account = await newAccount();
    const response = await call('/api/events', authed(account.token, { method: 'POST', ...init, headers: { 'Content-Type': 'application/json', ...(init.headers as object) } }));
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(message);
    expect(await rows(account.accountId)).toBe(0);
  });

  test('emails are normalised (case, whitespace, Unicode)', async () => {
    const account = await newAccount();
    await postEvents(account.token, [{ ...good(), contact: '  Jürgen.Weiß@Beispiel.DE ' }]);
    const { body } = await page(account.token);
    expect(body.events[0].event.contact).toBe('jürgen.weiß@beispiel.de');
  });
});

describe('GET /api/events: bad queries', () => {
  test.each([
    ['limit=-1', /limit must be at least 1/],
    ['limit=1e9', /limit must be at most 500/],
    ['limit=abc', /limit/],
    ['after=abc', /cursor/],
    ['after=-5', /cursor/],
    ['after=1&bogus=1', /bogus/],
  ])('%s is a readable 400', async (query, message) => {
    const account = await newAccount();
    const { status, body } = await page(account.token, `?${query}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  test('a cursor far in the future returns nothing, not an error', async () => {
    const account = await newAccount();
    expect((await page(account.token, '?after=999999999999')).body).toEqual({ events: [], cursor: '999999999999', more: false });
  });
});

describe('accounts never see each other', () => {
  test('events and opens are scoped by the token, and ids are per account', async () => {
    const alice = await newAccount('Alice');
    const bob = await newAccount('Bob');
    const pixel = await alice.mint();
    const shared = sentEvent(pixel.messageId, now() - DAY);
    expect((await postEvents(alice.token, [shared])).status).toBe(200);
    // Bob reusing Alice's event id with other content is not a conflict: it is Bob's own log.
    expect((await postEvents(bob.token, [{ ...shared, subject: 'Bob' }])).status).toBe(200);
    await call(pixel.path, { headers: { 'User-Agent': GOOGLE_PROXY } });
    const alices = await page(alice.token);
    const bobs = await page(bob.token);
    expect(alices.body.events.map((e: any) => e.event.type)).toEqual(['sent', 'open']);
    expect(bobs.body.events.map((e: any) => e.event.subject)).toEqual(['Bob']);
  });
});

describe('verdicts on read', () => {
  test('an open is human until the self-view beacon that explains it lands, even later', async () => {
    const account = await newAccount();
    const pixel = await account.mint();
    await postEvents(account.token, [sentEvent(pixel.messageId, now() - DAY)]);
    await call(pixel.path, { headers: { 'User-Agent': GOOGLE_PROXY } });
    const before = await page(account.token);
    expect(before.body.events[1].event.verdict).toEqual({ kind: 'human', reason: 'gmail-proxy' });

    await postEvents(account.token, [{ id: crypto.randomUUID(), type: 'self-view', at: now(), messageId: pixel.messageId }]);
    const after = await page(account.token);
    expect(after.body.events[1].event.verdict).toEqual({ kind: 'self-view', reason: 'near-sender-view' });
  });

  test('a hit right after the send is too soon; repeats are folded, not lost', async () => {
    const account = await newAccount();
    const pixel = await account.mint();
    await postEvents(account.token, [sentEvent(pixel.messageId, now() - 5_000)]);
    await call(pixel.path, { headers: { 'User-Agent': GOOGLE_PROXY } });
    await call(pixel.path, { headers: { 'User-Agent': 'Mozilla/5.0' } });
    await call(pixel.path, { headers: { 'User-Agent': 'Mozilla/5.0' } });
    const { body } = await page(account.token);
    expect(body.events.slice(1).map((e: any) => e.event.verdict)).toEqual([
      { kind: 'too-soon', reason: 'within-30s-of-send' },
      { kind: 'apple-prefetch', reason: 'apple-mpp-user-agent' },
      { kind: 'repeat', reason: 'within-dedupe-window' },
    ]);
  });
});
