// The whole loop as a rep lives it in Gmail, in real Chromium with the built extension, against the
// real Worker: open a buyer's thread, reply (tracked), the buyer reads it, replies, says "later",
// orders a sample, then goes silent while the test build's clock moves forward. Each step is
// asserted on the sidebar the rep sees and on the Worker, with a screenshot.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestWorker, type TestWorker } from '../tools/miniflare-worker.ts';
import { askFrom, launchWithExtension, OUTPUT_DIR, type ExtensionBrowser } from './browser.ts';
import { serveGmail, type ServedGmail } from './gmail-fixture.ts';

const BUYER = 'procurement@gulf-trading.ae';
const THREAD = 'FMfcgzzuMVbtdjXAzNmtaWJVMekFFleN';
const DAY = 86_400_000;
const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

let worker: TestWorker;
let browser: ExtensionBrowser;
let gmail: ServedGmail;
let page: Page;
let extensionPage: Page;
let account: { token: string; pixelPrefix: string };
const pixelLoadsFromRepTab: string[] = [];
const pixelBlocksInRepTab: string[] = [];

beforeAll(async () => {
  worker = await startTestWorker();
  account = await worker.createAccount('Rita Chen');
  browser = await launchWithExtension();
  gmail = await serveGmail(browser.context);
  extensionPage = await browser.open('popup.html');
  await askFrom(extensionPage, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token, timeZone: 'UTC' } });
  expect(await askFrom<{ ok: boolean }>(extensionPage, { type: 'connection-test' })).toMatchObject({ ok: true });
  page = await browser.context.newPage();
  const ours = (url: string) => url.startsWith(`${worker.url}/p/${account.pixelPrefix}/`);
  page.on('requestfinished', (request) => void (ours(request.url()) && pixelLoadsFromRepTab.push(request.url())));
  page.on('requestfailed', (request) => void (ours(request.url()) && pixelBlocksInRepTab.push(request.failure()?.errorText ?? '')));
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const card = () => page.locator(`[data-testid=contact-card][data-contact="${BUYER}"]`);

async function shot(name: string) {
  await page.screenshot({ path: `${OUTPUT_DIR}/gmail-${name}.png` });
}

/** Leaves the thread and comes back, as a rep does; the sidebar reloads the contact. */
async function reopenThread() {
  await page.evaluate(() => (window as unknown as { fakeGmail: { route(h: string): void } }).fakeGmail.route('#inbox'));
  await page.locator('[data-testid=daily-list], [data-testid=sidebar-empty]').first().waitFor();
  await page.evaluate((t) => (window as unknown as { fakeGmail: { route(h: string): void } }).fakeGmail.route(`#inbox/${t}`), THREAD);
  await card().waitFor();
}

async function syncAndReopen() {
  await askFrom(extensionPage, { type: 'sync-now' });
  await reopenThread();
}

test('the whole follow-up loop in Gmail', async () => {
  // 1. Open the buyer's thread: the sidebar shows the buyer, with no history yet.
  await page.goto(gmail.url({ hash: `#inbox/${THREAD}`, undoMs: 400 }));
  await card().waitFor({ timeout: 20_000 });
  await expect.poll(() => card().getAttribute('data-state')).toBe('inactive');
  expect(await card().locator('[data-testid=timeline-item]').count()).toBe(0);
  await shot('1-no-history');

  // 2. Reply and send: exactly one pixel in the sent body, a sent event on the Worker,
  //    and the rep's own tab never loads the pixel.
  await page.evaluate(() => (window as unknown as { fakeGmail: { reply(): void } }).fakeGmail.reply());
  const editor = page.locator('div.Am.Al.editable[contenteditable=true]').last();
  await editor.waitFor();
  await editor.click();
  await page.keyboard.type('Dear procurement team, please find our offer for one 40HQ of kitchen textiles attached.');
  await page.locator('[data-testid=track-toggle]').last().waitFor();
  expect(await page.locator('[data-testid=track-toggle]').last().getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => gmail.sends().length, { timeout: 10_000 }).toBe(1);
  const sentAt = Date.now();
  const [sent] = gmail.sends();
  const rawBody = gmail.syncPosts.at(-1)?.body ?? '';
  const inBody = new Set([...rawBody.matchAll(new RegExp(`/p/${account.pixelPrefix}/[A-Za-z0-9_-]{44}\\.gif`, 'g'))].map((m) => m[0]));
  expect(inBody.size).toBe(1);
  expect(sent?.pixels.filter((p) => p.prefix === account.pixelPrefix)).toHaveLength(1);
  const pixelUrl = sent!.pixels[0]!.url;
  expect(pixelUrl.startsWith(worker.url)).toBe(true);
  await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'sent'"), { timeout: 15_000 }).toBe(1);
  expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'sent' AND payload LIKE ?1", `%${BUYER}%`)).toBe(1);
  await shot('2-sent');

  // 3. Not opens: Apple's prefetch on delivery, and the rep viewing the sent mail through Gmail's
  //    proxy (the extension's self-view beacon explains Google's fetch).
  await fetch(pixelUrl, { headers: { 'User-Agent': 'Mozilla/5.0' } });
  await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'self-view'"), { timeout: 15_000 }).toBeGreaterThan(0);
  await fetch(pixelUrl, { headers: { 'User-Agent': GOOGLE_PROXY } }); // Google fetching for the rep's own view
  await syncAndReopen();
  expect(await card().getAttribute('data-state')).toBe('inactive');
  const ignored = await card().locator('[data-testid=timeline-item][data-type=open]').evaluateAll((items) => items.map((i) => i.getAttribute('data-verdict')));
  expect(ignored.sort()).toEqual(['apple-prefetch', 'self-view']);
  await shot('3-prefetch-and-self-view-ignored');

  // 4. The buyer opens it (Gmail's image proxy, past the too-soon and self-view windows).
  const selfViewAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, selfViewAt + 61_000 - Date.now(), sentAt + 31_000 - Date.now())));
  await fetch(pixelUrl, { headers: { 'User-Agent': GOOGLE_PROXY } });
  await syncAndReopen();
  await expect.poll(() => card().getAttribute('data-state')).toBe('opened-no-reply');
  expect(await card().locator('[data-testid=template]').getAttribute('data-template')).toMatch(/^opened-no-reply\./);
  expect(await card().locator('[data-testid=next-follow-up]').getAttribute('data-due')).toBe('upcoming');
  await shot('4-opened-no-reply');

  // The proposed template goes into Gmail's reply box, unfilled placeholders marked for the rep.
  await card().locator('[data-testid=insert-template]').click();
  const replyBox = page.locator('div.Am.Al.editable[contenteditable=true]').last();
  await expect.poll(() => replyBox.innerText(), { timeout: 10_000 }).toMatch(/\[\[\w+\?\]\]/);
  expect(await replyBox.innerText()).toContain('Dear');
  await shot('4b-template-inserted');
  await page.evaluate(() => {
    // Leave without sending: Gmail's discard (trash) button on the inline reply.
    const discard = [...document.querySelectorAll<HTMLElement>('[data-tooltip^="Discard"], [aria-label^="Discard"]')].at(-1);
    discard?.click();
  });

  // 5. The buyer replies in the thread (an out-of-office first, which is not a reply).
  await page.evaluate((t) => (window as unknown as { fakeGmail: { addIncomingMessage(t: string, o: object): string } }).fakeGmail.addIncomingMessage(t, { from: 'procurement@gulf-trading.ae', name: 'Gulf Trading Procurement', autoReply: true }), THREAD);
  await reopenThread();
  expect(await card().getAttribute('data-state')).toBe('opened-no-reply');
  await page.evaluate((t) => (window as unknown as { fakeGmail: { addIncomingMessage(t: string, o: object): string } }).fakeGmail.addIncomingMessage(t, { from: 'procurement@gulf-trading.ae', name: 'Gulf Trading Procurement', body: 'Thank you. Please send the price for 2 containers and your payment terms.' }), THREAD);
  await expect.poll(async () => { await reopenThread(); return card().getAttribute('data-state'); }, { timeout: 20_000 }).toBe('replied');
  expect(await card().locator('[data-testid=template]').getAttribute('data-template')).toMatch(/^replied\.interested\./);
  await shot('5-replied');

  // 6. Intent "later": another template and a slower cadence.
  const interestedDue = await card().locator('[data-testid=next-follow-up]').getAttribute('data-days');
  await card().locator('[data-testid=intent-later]').click();
  await expect.poll(() => card().locator('[data-testid=template]').getAttribute('data-template')).toMatch(/^replied\.later\./);
  expect(Number(await card().locator('[data-testid=next-follow-up]').getAttribute('data-days'))).toBeGreaterThan(Number(interestedDue ?? 0));
  await shot('6-intent-later');

  // 7. Log as sample customer: ordered, with the thank-you / after-sales template.
  await card().locator('[data-testid=log-sample]').click();
  await expect.poll(() => card().getAttribute('data-state')).toBe('ordered');
  // A sample order gets the sample's thank-you and feedback request (a full order: ordered.thanks-feedback).
  expect(await card().locator('[data-testid=template]').getAttribute('data-template')).toBe('ordered.sample-feedback');
  await shot('7-ordered');

  // 8. Silence: the test build's clock moves forward; each downgrade appears with its reason.
  const steps: Array<[number, string]> = [
    [181 * DAY, 'replied'],
    [242 * DAY, 'opened-no-reply'],
    [303 * DAY, 'inactive'],
    [670 * DAY, 'archived'],
  ];
  for (const [offsetMs, state] of steps) {
    await askFrom(extensionPage, { type: 'test-clock', offsetMs });
    await reopenThread();
    await expect.poll(() => card().getAttribute('data-state')).toBe(state);
    expect(await card().locator('[data-testid=why]').innerText()).toMatch(/downgraded|archived|降级|归档/i);
    await shot(`8-${state}`);
  }

  // Through all of it, the rep's tab never fetched the pixel: the compose's copy was blocked by the
  // extension's rule, and the Worker saw only the three fetches this test made itself.
  expect(pixelLoadsFromRepTab).toEqual([]);
  expect(pixelBlocksInRepTab.length).toBeGreaterThan(0);
  expect(pixelBlocksInRepTab.every((error) => /BLOCKED_BY_CLIENT/.test(error))).toBe(true);
  expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'open'")).toBe(3);
}, 240_000);
