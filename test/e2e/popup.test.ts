// The popup in real Chromium with the built extension, after a sync with the real Worker: a rep's
// log pushed through the API (sends, a reply with its intent, an order, an archive, names) and
// opens made by real pixel hits, then the daily list, its groups and the funnel, in both languages.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { popupText } from '../../extension/i18n/popup.ts';
import type { Responses } from '../../extension/messaging.ts';
import { DAY } from '../../shared/day.ts';
import { fromBase64Url, importAccountKey, mintPixelToken, pixelPath } from '../../shared/pixel-token.ts';
import { me, type ClientEvent } from '../../shared/schema.ts';
import { startTestWorker, type TestWorker } from '../tools/miniflare-worker.ts';
import { askFrom, launchWithExtension, type ExtensionBrowser } from './browser.ts';

// How Gmail fetches images for a reader (a human open) and how Apple Mail prefetches on delivery (not one).
const GMAIL_PROXY_UA = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const APPLE_PREFETCH_UA = 'Mozilla/5.0';

let worker: TestWorker;
let browser: ExtensionBrowser;

beforeAll(async () => {
  worker = await startTestWorker({ persistTo: false });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const CONTACTS = {
  anna: 'anna.mueller@mueller-handel.de', // replied 10 days ago, interested: due 7 days ago
  nana: 'ouyang@hk-import.com.hk', // opened 20 days ago, no reply: due 6 days ago
  kenji: 'kenji.tanaka@osaka-shoji.jp', // sent 40 days ago, only Apple's prefetch since: due 10 days ago
  jose: 'jose@distribuidora.es', // sent 35 days ago, nothing since: due 5 days ago
  wei: 'zhang.wei@shanghai-trade.cn', // ordered 2 days ago: thanks due in 5 days
  claire: 'claire@dubois-sarl.fr', // opened today: next follow-up in 14 days
  marco: 'marco@rossi-spa.it', // archived by the rep
} as const;

interface Pushed {
  now: number;
  /** When each due contact fell due, by the default policy. */
  dueAt: Record<'anna' | 'nana' | 'kenji' | 'jose', number>;
}

/** A realistic log for one account, through the API and the pixel, as the extension and the buyers' mail clients would make it. */
async function pushLog(token: string): Promise<Pushed> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${worker.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
  const account = me.parse(await (await api('/api/me')).json());
  const key = await importAccountKey(fromBase64Url(account.pixelKey)!);

  const now = Date.now();
  const ago = (days: number) => now - days * DAY;
  const id = () => crypto.randomUUID();
  const events: ClientEvent[] = [];
  const tokens: Partial<Record<keyof typeof CONTACTS, string>> = {};
  const send = async (who: keyof typeof CONTACTS, daysAgo: number, subject: string) => {
    const pixel = await mintPixelToken(key, account.pixelPrefix);
    tokens[who] = pixel.token;
    events.push({ id: id(), type: 'sent', at: ago(daysAgo), messageId: pixel.messageId, recipients: [CONTACTS[who]], subject, threadKey: `thread-${who}`, provider: 'gmail' });
  };
  const profile = (who: keyof typeof CONTACTS, firstName: string, lastName: string, company: string, country: string) =>
    events.push({ id: id(), type: 'profile', at: ago(60), contact: CONTACTS[who], firstName, lastName, company, country });

  profile('anna', 'Anna', 'Müller', 'Müller Handels GmbH', 'DE');
  profile('nana', '娜娜', '欧阳', '香港进口有限公司', 'HK');
  profile('wei', '伟', '张', '上海贸易有限公司', 'CN');
  await send('anna', 14, 'LED panel lights: quotation');
  events.push({ id: id(), type: 'reply', at: ago(10), contact: CONTACTS.anna, providerMessageId: 'gmail-reply-anna-1', threadKey: 'thread-anna', provider: 'gmail' });
  events.push({ id: id(), type: 'intent', at: ago(10), contact: CONTACTS.anna, intent: 'interested' });
  await send('nana', 25, 'New LED catalogue 2026');
  await send('kenji', 40, 'Solar street lights for Osaka');
  await send('jose', 35, 'Distribuidor en España');
  await send('wei', 60, 'Panel light samples');
  events.push({ id: id(), type: 'reply', at: ago(50), contact: CONTACTS.wei, providerMessageId: 'gmail-reply-wei-1', threadKey: 'thread-wei', provider: 'gmail' });
  events.push({ id: id(), type: 'order', at: ago(2), contact: CONTACTS.wei, kind: 'order', amount: 12_500, currency: 'USD' });
  await send('claire', 5, 'Offre panneaux LED');
  await send('marco', 50, 'LED panels for Rossi SpA');
  events.push({ id: id(), type: 'archive', at: ago(45), contact: CONTACTS.marco });

  const posted = await api('/api/events', { method: 'POST', body: JSON.stringify({ events }) });
  expect(await posted.json()).toEqual({ accepted: events.length, duplicates: 0 });

  // The buyers' mail clients load the pixels. The Worker stamps a hit with its own clock, so Nana's
  // open, which happened 20 days ago in this story, is aged in D1 once recorded.
  const hit = async (who: keyof typeof CONTACTS, userAgent: string) => {
    const response = await fetch(`${worker.url}${pixelPath(account.pixelPrefix, tokens[who]!)}`, { headers: { 'User-Agent': userAgent } });
    expect(response.headers.get('Content-Type')).toBe('image/gif');
    await response.arrayBuffer();
  };
  await hit('anna', GMAIL_PROXY_UA);
  await hit('nana', GMAIL_PROXY_UA);
  await hit('claire', GMAIL_PROXY_UA);
  await hit('kenji', APPLE_PREFETCH_UA);
  await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'open'"), { timeout: 10_000 }).toBe(4);
  expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'open' AND json_extract(payload, '$.verdict.kind') = 'human'")).toBe(3);
  const nanaMessage = events.find((event) => event.type === 'sent' && event.recipients[0] === CONTACTS.nana)!;
  await worker.db
    .prepare("UPDATE events SET at = ?1, payload = json_set(payload, '$.at', ?1) WHERE type = 'open' AND message_id = ?2")
    .bind(ago(20), 'messageId' in nanaMessage ? nanaMessage.messageId : '')
    .run();

  return {
    now,
    dueAt: {
      anna: ago(10) + 3 * DAY, // replied, interested: every 3 days from the reply
      nana: ago(20) + 14 * DAY, // opened, no reply: every 14 days from the open
      kenji: ago(40) + 30 * DAY, // inactive: every 30 days from the mail
      jose: ago(35) + 30 * DAY,
    },
  };
}

const byId = (page: Page, id: string) => page.locator(`[data-testid=${id}]`);

/** Whole UTC days between the due time and today (the rep's time zone is set to UTC). */
const overdueDays = (dueAt: number) => Math.floor(Date.now() / DAY) - Math.floor(dueAt / DAY);

async function rows(page: Page) {
  return byId(page, 'due-contact').evaluateAll((items) =>
    items.map((item) => {
      const get = (id: string) => item.querySelector(`[data-testid=${id}]`);
      return {
        contact: item.getAttribute('data-contact'),
        state: item.getAttribute('data-state'),
        name: get('contact-name')?.textContent,
        days: Number(get('overdue')?.getAttribute('data-days')),
        intent: get('intent')?.getAttribute('data-intent') ?? null,
        template: get('template')?.getAttribute('data-template') ?? null,
        why: get('why')?.textContent ?? '',
      };
    }),
  );
}

async function funnel(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const state of ['ordered', 'replied', 'opened-no-reply', 'inactive', 'archived']) counts[state] = Number(await byId(page, `funnel-count-${state}`).innerText());
  return counts;
}

async function showPopup(page: Page): Promise<void> {
  await page.reload();
  await byId(page, 'daily-list').waitFor();
}

test('after a sync the popup lists the due contacts by state, most overdue first, with the funnel of what was pushed', async () => {
  const account = await worker.createAccount('Ningbo Bright Lighting');
  const pushed = await pushLog(account.token);

  const page = await browser.open('popup.html');
  await page.setViewportSize({ width: 380, height: 700 });
  await askFrom(page, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token, timeZone: 'UTC', language: 'en' } });
  const synced = await askFrom<Responses['sync-now']>(page, { type: 'sync-now' });
  expect(synced).toMatchObject({ unsynced: 0, lastError: null });
  await showPopup(page);

  expect(await byId(page, 'daily-list').getAttribute('data-due')).toBe('4');
  expect(await byId(page, 'due-count').innerText()).toBe('4');
  const groups = await page.locator('[data-testid^=due-group-]').evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
  expect(groups).toEqual(['due-group-replied', 'due-group-opened-no-reply', 'due-group-inactive']);

  const shown = await rows(page);
  expect(shown.map(({ contact, state, name, days, intent }) => ({ contact, state, name, days, intent }))).toEqual([
    { contact: CONTACTS.anna, state: 'replied', name: 'Anna Müller', days: overdueDays(pushed.dueAt.anna), intent: 'interested' },
    { contact: CONTACTS.nana, state: 'opened-no-reply', name: '欧阳娜娜', days: overdueDays(pushed.dueAt.nana), intent: null },
    { contact: CONTACTS.kenji, state: 'inactive', name: CONTACTS.kenji, days: overdueDays(pushed.dueAt.kenji), intent: null },
    { contact: CONTACTS.jose, state: 'inactive', name: CONTACTS.jose, days: overdueDays(pushed.dueAt.jose), intent: null },
  ]);
  expect(shown[0]!.template).toMatch(/^replied\.interested\./);
  expect(shown[1]!.template).toMatch(/^opened-no-reply\./);
  expect(shown[2]!.template).toMatch(/^inactive\./);
  for (const row of shown) expect(row.why.length, row.contact!).toBeGreaterThan(10);
  expect(await byId(page, 'state-badge').evaluateAll((badges) => badges.map((badge) => badge.textContent))).toEqual(['Replied', 'Opened, no reply', 'Inactive']);

  // Wei ordered two days ago and Claire opened today: counted, not due.
  expect(await funnel(page)).toEqual({ ordered: 1, replied: 1, 'opened-no-reply': 2, inactive: 2, archived: 1 });
  expect(await byId(page, 'funnel-total').innerText()).toBe('7 contacts in all');
  expect(await byId(page, 'unsynced').getAttribute('data-count')).toBe('0');
  expect(await byId(page, 'unsynced').innerText()).toBe(popupText.en['sync.allSynced']);
  expect(await byId(page, 'sync-error').count()).toBe(0);
  await browser.screenshot(page, 'popup-en');

  // 简体中文: the same list, every label in Chinese.
  await askFrom(page, { type: 'settings-save', patch: { language: 'zh' } });
  await showPopup(page);
  const zh = popupText.zh;
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  expect((await rows(page)).map((row) => row.contact)).toEqual(shown.map((row) => row.contact));
  expect(await byId(page, 'state-badge').evaluateAll((badges) => badges.map((badge) => badge.textContent))).toEqual([
    zh['state.replied'],
    zh['state.opened-no-reply'],
    zh['state.inactive'],
  ]);
  expect(await byId(page, 'funnel').locator('.tw-funnel-label').allInnerTexts()).toEqual([zh['state.ordered'], zh['state.replied'], zh['state.opened-no-reply'], zh['state.inactive']]);
  expect(await byId(page, 'sync-now').innerText()).toBe(zh['sync.now']);
  expect(await byId(page, 'unsynced').innerText()).toBe(zh['sync.allSynced']);
  expect(await byId(page, 'intent').innerText()).toBe(zh['intent.interested']);
  expect(await byId(page, 'overdue').first().innerText()).toBe(zh['row.overdueMany'].replace('{n}', '7'));
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).toContain(zh['list.heading']);
  expect(text).toContain(zh['funnel.heading']);
  expect(text).toContain(zh['funnel.total'].replace('{n}', '7'));
  // No English label is left (names, addresses and companies are the rep's data and stay as written).
  const english = Object.values(popupText.en)
    .flatMap((value) => value.split(/\{\w+\}/).map((piece) => piece.trim()))
    .filter((piece) => piece.length > 3 && new RegExp(`(?<![A-Za-z])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(text));
  expect(english).toEqual([]);
  for (const row of await rows(page)) expect(row.why, row.contact!).toMatch(/\p{Script=Han}/u);
  await browser.screenshot(page, 'popup-zh');
  await page.close();
});
