import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DAY } from '../../shared/day.ts';
import type { AccountEvent, ClientEvent } from '../../shared/schema.ts';
import { TidewiseDb } from '../db.ts';
import { FakeWorker } from '../test/fake-worker.ts';
import { serve, type Handlers } from '../requests.ts';
import { noticesFor, summarise } from './alerts.ts';
import { createHandlers, importEvents } from './handlers.ts';
import { pixelBlockRules } from './pixel-rules.ts';
import { saveAccount, saveSettings } from './settings-store.ts';
import { syncOnce } from './sync.ts';
import { loadSettings } from './settings-store.ts';
import { apiConfig } from './handlers.ts';

const T0 = Date.UTC(2026, 10, 2, 9);
const MSG = 'AAAAAAAAAAAAAAAAAAAAAA';
let db: TidewiseDb;
let worker: FakeWorker;
let clock: number;
let handlers: Handlers;
const syncCalls = vi.fn();

beforeEach(async () => {
  db = new TidewiseDb(`test-${crypto.randomUUID()}`);
  worker = new FakeWorker();
  clock = T0;
  const f = worker.fetch as typeof fetch;
  handlers = createHandlers({
    db,
    now: () => clock,
    fetch: f,
    sync: async () => {
      syncCalls();
      return { ...(await syncOnce(db, apiConfig(await loadSettings(db), f), { now: () => clock })) };
    },
    afterChange: async () => undefined,
  });
  await saveSettings(db, { workerUrl: 'https://t.example', token: 'tw_test', timeZone: 'UTC' });
});
afterEach(() => db.delete());

const sent = (at: number, recipients = ['buyer@example.com'], messageId = MSG): ClientEvent => ({
  id: crypto.randomUUID(), type: 'sent', at, messageId, recipients, subject: 'LED panel quotation', threadKey: 't1', provider: 'gmail',
});
const open = (at: number, messageId = MSG): AccountEvent => ({
  id: crypto.randomUUID(), type: 'open', at, messageId, verdict: { kind: 'human', reason: 'gmail-proxy' }, timezone: 'Europe/Berlin',
});

describe('contact views', () => {
  test('a buyer with no history, then opened-no-reply once an open is synced', async () => {
    expect((await handlers['contact-views']({ type: 'contact-views', emails: ['buyer@example.com'] })).contacts[0]).toMatchObject({
      email: 'buyer@example.com', timeline: [], classification: { state: 'inactive' },
    });
    await handlers['record-events']({ type: 'record-events', events: [sent(T0 - 3 * DAY)] });
    worker.append(open(T0 - 2 * DAY));
    await handlers['sync-now']({ type: 'sync-now' });
    const [view] = (await handlers['contact-views']({ type: 'contact-views', emails: ['buyer@example.com'] })).contacts;
    expect(view?.classification.state).toBe('opened-no-reply');
    expect(view?.timeline.map((e) => e.type)).toEqual(['sent', 'open']);
    expect(view?.template?.state).toBe('opened-no-reply');
  });

  test('a self-view beacon recorded later turns the open into a self-view', async () => {
    await handlers['record-events']({ type: 'record-events', events: [sent(T0 - 3 * DAY)] });
    const hit = open(T0 - 2 * DAY);
    worker.append(hit);
    await handlers['sync-now']({ type: 'sync-now' });
    await handlers['record-events']({ type: 'record-events', events: [{ id: crypto.randomUUID(), type: 'self-view', at: hit.at + 1000, messageId: MSG }] });
    const [view] = (await handlers['contact-views']({ type: 'contact-views', emails: ['buyer@example.com'] })).contacts;
    expect(view?.timeline.find((e) => e.type === 'open')).toMatchObject({ verdict: { kind: 'self-view' } });
    expect(view?.classification.state).toBe('inactive');
  });
});

describe('the daily list', () => {
  test('lists contacts due, with counts per state and profiles from an import', async () => {
    await handlers['import-contacts']({ type: 'import-contacts', rows: [{ email: 'anna@firma.de', firstName: 'Anna', company: 'Firma GmbH', tier: 'A' }] });
    await handlers['record-events']({ type: 'record-events', events: [sent(T0 - 40 * DAY, ['anna@firma.de'])] });
    const view = await handlers['daily-list']({ type: 'daily-list' });
    expect(view.list.counts.inactive).toBe(1);
    const inactive = view.list.groups.find((g) => g.state === 'inactive');
    expect(inactive?.contacts.map((c) => c.contact)).toEqual(['anna@firma.de']);
    expect(view.profiles['anna@firma.de']).toMatchObject({ firstName: 'Anna', company: 'Firma GmbH' });
  });
});

describe('settings and connection', () => {
  test('the token never leaves the background', async () => {
    const settings = await handlers['settings-get']({ type: 'settings-get' });
    expect(settings).not.toHaveProperty('token');
    expect(settings.hasToken).toBe(true);
  });

  test.each([
    ['the right token', 'tw_test', { ok: true }],
    ['a wrong token', 'tw_nope', { ok: false, kind: 'unauthorized' }],
    ['no token', '', { ok: false, kind: 'no-token' }],
  ])('testing the connection with %s', async (_name, token, expected) => {
    expect(await handlers['connection-test']({ type: 'connection-test', token })).toMatchObject(expected);
  });

  test('an unreachable Worker and a URL that is not a Worker have their own messages', async () => {
    worker.faults.push('network');
    expect(await handlers['connection-test']({ type: 'connection-test' })).toMatchObject({ ok: false, kind: 'unreachable' });
    worker.faults.push({ status: 404, text: '<html><body>Not Found</body></html>' });
    expect(await handlers['connection-test']({ type: 'connection-test' })).toMatchObject({ ok: false, kind: 'not-tidewise' });
  });

  test('switching to another account clears the old log and its cursor, so the new one is pulled whole', async () => {
    await handlers['connection-test']({ type: 'connection-test' });
    await handlers['record-events']({ type: 'record-events', events: [sent(T0 - DAY)] });
    await handlers['sync-now']({ type: 'sync-now' });
    expect(await db.events.count()).toBe(1);
    expect((await db.kv.get('cursor'))?.value).toBe('1');
    await saveAccount(db, { accountId: 'acc_2', name: 'Other', pixelPrefix: 'pfx_OTHERPREFIX0', pixelKey: 'A'.repeat(43), pixelBase: 'https://t.example/p/pfx_OTHERPREFIX0/', tokenId: 'tok_2' });
    expect(await db.events.count()).toBe(0);
    expect(await db.kv.get('cursor')).toBeUndefined();
    // The same account again is not a switch.
    await handlers['connection-test']({ type: 'connection-test' });
    await saveAccount(db, (await loadSettings(db)).account);
    expect((await db.kv.get('syncedAccountId'))?.value).toBe('acc_1');
  });

  test('a pixel is minted only with an account, as a URL under its prefix', async () => {
    await expect(handlers['mint-pixel']({ type: 'mint-pixel' })).rejects.toThrow(/not connected/);
    await handlers['connection-test']({ type: 'connection-test' });
    const pixel = await handlers['mint-pixel']({ type: 'mint-pixel' });
    expect(pixel.url).toMatch(/^https:\/\/t\.example\/p\/pfx_ABCDEFGHIJKL\/[A-Za-z0-9_-]{44}\.gif$/);
  });

  test('an edited template replaces the default until it is reset', async () => {
    const { templates } = await handlers['templates-list']({ type: 'templates-list' });
    const first = templates[0]!;
    const saved = await handlers['template-save']({ type: 'template-save', template: { ...first, subject: 'Edited {{firstName}}' } });
    expect(saved.templates[0]?.subject).toBe('Edited {{firstName}}');
    expect(saved.customKeys).toEqual([first.key]);
    expect((await handlers['template-reset']({ type: 'template-reset', key: first.key })).templates[0]?.subject).toBe(first.subject);
  });
});

describe('messages', () => {
  const listener = () => serve(handlers, 'ext-id', 'chrome-extension://ext-id');

  test.each([
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['a web page', { id: 'ext-id', url: 'https://evil.example/' }],
  ])('messages from %s are ignored', (_name, sender) => {
    expect(listener()({ type: 'settings-get' }, sender)).toBeUndefined();
  });

  test('a malformed request gets a readable error, a good one its answer', async () => {
    const answer = await listener()({ type: 'record-events', events: [{ type: 'note' }] }, { id: 'ext-id', url: 'https://mail.google.com/mail/u/0/' });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/^bad request: events\.0/) });
    expect(await listener()({ type: 'settings-get' }, { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' })).toMatchObject({ ok: true });
  });
});

describe('notifications', () => {
  test('the first human open of a message notifies once; a repeat and a later open do not', async () => {
    const settings = await loadSettings(db);
    await handlers['record-events']({ type: 'record-events', events: [sent(T0 - DAY)] });
    const first = open(T0 - 1000);
    worker.append(first);
    const pulled = await syncOnce(db, apiConfig(settings, worker.fetch as typeof fetch), { now: () => clock });
    expect(pulled.fresh).toHaveLength(1);
    const notices = await noticesFor(db, pulled.fresh, settings, clock);
    expect(notices).toEqual([{ id: first.id, kind: 'open', title: 'Opened: buyer@example.com', message: '"LED panel quotation" was just opened.' }]);
    expect(await noticesFor(db, pulled.fresh, settings, clock)).toEqual([]);
    const later = open(T0 + DAY);
    worker.append(later);
    const again = await syncOnce(db, apiConfig(settings, worker.fetch as typeof fetch), { now: () => clock });
    expect(await noticesFor(db, again.fresh, settings, clock)).toEqual([]);
  });

  test('a burst becomes one summary', () => {
    const burst = Array.from({ length: 5 }, (_, i) => ({ id: `n${i}`, kind: (i < 4 ? 'open' : 'reply') as 'open' | 'reply', title: 't', message: 'm' }));
    expect(summarise(burst.slice(0, 3), 'en')).toHaveLength(3);
    expect(summarise(burst, 'en')).toEqual([{ id: 'summary-n0', kind: 'summary', title: 'Tidewise: new activity', message: '4 tracked mails opened, 1 new replies. Open Tidewise to see who.' }]);
  });

  test('history pulled on a first sync does not notify', async () => {
    const settings = await loadSettings(db);
    const old: AccountEvent = { id: crypto.randomUUID(), type: 'reply', at: T0 - 10 * DAY, contact: 'buyer@example.com', providerMessageId: 'g0', provider: 'gmail' };
    expect(await noticesFor(db, [old], settings, clock)).toEqual([]);
  });

  test('in Chinese, and not at all when switched off', async () => {
    const reply: AccountEvent = { id: crypto.randomUUID(), type: 'reply', at: T0, contact: 'buyer@example.com', providerMessageId: 'g1', provider: 'gmail' };
    const zh = await saveSettings(db, { language: 'zh' });
    expect((await noticesFor(db, [reply], zh, clock))[0]?.title).toBe('buyer@example.com 回复了');
    const off = await saveSettings(db, { notifications: false });
    expect(await noticesFor(db, [{ ...reply, id: crypto.randomUUID() }], off, clock)).toEqual([]);
  });
});

test('pixel block rules match direct and Outlook-proxied loads of our prefix only', () => {
  const [direct, outlook] = pixelBlockRules('pfx_ABCDEFGHIJKL');
  expect(direct?.condition.urlFilter).toBe('/p/pfx_ABCDEFGHIJKL/');
  const regex = new RegExp(outlook!.condition.regexFilter!, 'i');
  const pixel = 'https://t.example.com/p/pfx_ABCDEFGHIJKL/AAAA.gif';
  expect(regex.test(`https://outlook.office.com/actions/ei?u=${encodeURIComponent(pixel)}&d=1`)).toBe(true);
  expect(regex.test(`https://outlook.office.com/actions/ei?u=${encodeURIComponent(encodeURIComponent(pixel))}`)).toBe(true);
  expect(regex.test(`https://outlook.office.com/actions/ei?u=${encodeURIComponent(pixel.replace('pfx_ABCDEFGHIJKL', 'pfx_OTHERPREFIX0'))}`)).toBe(false);
});

test('a CSV row becomes profile, tier, stars, source, tags and note events', () => {
  const events = importEvents([{ email: 'li@example.cn', firstName: 'Li', company: 'Acme', tier: 'B', stars: 2, source: 'trade-show', tags: ['LED'], note: 'Canton Fair' }], T0);
  expect(events.map((e) => e.type)).toEqual(['profile', 'tier', 'stars', 'source', 'tags', 'note']);
  expect(events[0]).toMatchObject({ contact: 'li@example.cn', firstName: 'Li', company: 'Acme' });
});
