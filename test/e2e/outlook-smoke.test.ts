// Smoke test in real Chromium with the built extension against the real Worker: the fixture
// Outlook on the web (English and German) shows the correspondent card for the open conversation,
// and a tracked send goes out through CreateItem with our pixel and becomes a sent event.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestWorker, type TestWorker } from '../tools/miniflare-worker.ts';
import { askFrom, launchWithExtension, OUTPUT_DIR, type ExtensionBrowser } from './browser.ts';
import { serveOutlook, type ServedOutlook } from './outlook-fixture.ts';

const BUYER = 'anna.schmidt@schmidt-haushalt.de';
const CONVERSATION = 'AAQkADanna01';

let worker: TestWorker;
let browser: ExtensionBrowser;
let outlook: ServedOutlook;
let page: Page;
let account: { token: string; pixelPrefix: string };

type FakeOutlookWindow = { fakeOutlook: { route(path: string): void; routeOf(id: string): string | null; reply(): Promise<unknown> } };

beforeAll(async () => {
  worker = await startTestWorker();
  account = await worker.createAccount('Rita Chen');
  browser = await launchWithExtension();
  outlook = await serveOutlook(browser.context);
  const extensionPage = await browser.open('popup.html');
  await askFrom(extensionPage, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token, timeZone: 'UTC' } });
  expect(await askFrom<{ ok: boolean }>(extensionPage, { type: 'connection-test' })).toMatchObject({ ok: true });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const card = () => page.locator(`[data-testid=contact-card][data-contact="${BUYER}"]`);

async function openConversation() {
  await page.waitForFunction(() => 'fakeOutlook' in window);
  await page.evaluate((id) => {
    const fake = (window as unknown as FakeOutlookWindow).fakeOutlook;
    fake.route(fake.routeOf(id)!);
  }, CONVERSATION);
}

test.each(['en', 'de'] as const)('the sidebar shows the correspondent of the open Outlook conversation (%s)', async (lang) => {
  await page.goto(outlook.url({ lang }));
  await openConversation();
  await card().waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${OUTPUT_DIR}/outlook-${lang}-1-card.png` });
});

test('a tracked reply goes out through CreateItem with one pixel, becomes a sent event; the rep\'s own view is blocked and reported', async () => {
  await page.goto(outlook.url());
  await openConversation();
  await card().waitFor({ timeout: 20_000 });
  const editor = page.locator('[data-app-section="MailCompose"] [role=textbox][aria-multiline=true]');
  // The reading pane renders asynchronously; Reply does nothing until the message is there.
  await expect
    .poll(() => page.evaluate(() => Promise.resolve((window as unknown as { fakeOutlook: { reply(): Promise<unknown> } }).fakeOutlook.reply()).then((root) => root !== null)), { timeout: 15_000 })
    .toBe(true);
  await editor.waitFor();
  await editor.click();
  await page.keyboard.type('Guten Tag, anbei unser Angebot.');
  await page.locator('[data-testid=track-toggle]').last().waitFor();
  await page.locator('[data-app-section="MailCompose"] button:has([data-icon-name="Send"])').click();
  await expect.poll(() => outlook.sends().length, { timeout: 10_000 }).toBe(1);
  expect(outlook.sends()[0]?.pixels.filter((p) => p.prefix === account.pixelPrefix)).toHaveLength(1);
  await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'sent' AND payload LIKE ?1", `%${BUYER}%`), { timeout: 15_000 }).toBe(1);
  await page.screenshot({ path: `${OUTPUT_DIR}/outlook-2-sent.png` });

  // The rep's own sent copy shows the pixel through /actions/ei: the DNR rule stops that request
  // at the browser, and the self-view beacon tells the Worker about the view.
  const proxied = page.locator(`img[src*="/actions/ei?u="][src*="${account.pixelPrefix}"]`);
  await proxied.first().waitFor({ state: 'attached', timeout: 10_000 });
  await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'self-view'"), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(outlook.proxyRequests.filter((url) => url.includes(account.pixelPrefix))).toEqual([]);
});
