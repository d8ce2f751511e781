// Outlook on the web beyond the shared loop (webmail-loop.test.ts), in real Chromium with the built
// extension against the real Worker: the correspondent card in English and German and where the
// page shows display names only, and a tracked reply in German Outlook, whose sent copy the
// extension stops at /actions/ei.
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
let extensionPage: Page;

type FakeOutlookWindow = { fakeOutlook: { route(path: string): void; routeOf(id: string): string | null; reply(): Promise<unknown> } };

beforeAll(async () => {
  worker = await startTestWorker();
  account = await worker.createAccount('Rita Chen');
  browser = await launchWithExtension();
  outlook = await serveOutlook(browser.context);
  extensionPage = await browser.open('popup.html');
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

test('where Outlook shows only names, the sidebar finds the buyer\'s address in Outlook\'s own GetConversationItems answer', async () => {
  await page.goto(outlook.url({ variant: 'names' }));
  await openConversation();
  await card().waitFor({ timeout: 20_000 });
  // The reading pane itself never states the address: it came from the answer the tap read.
  const pane = page.locator('[data-app-section="ConversationContainer"]');
  expect(await pane.innerText()).toContain('Anna Schmidt');
  expect(await pane.evaluate((element) => element.outerHTML)).not.toContain(BUYER);
  expect(outlook.servicePosts.some((post) => post.url.includes('action=GetConversationItems'))).toBe(true);
  await page.screenshot({ path: `${OUTPUT_DIR}/outlook-names-1-card.png` });
});

test('in German Outlook a tracked reply goes out through CreateItem with one pixel and becomes a sent event; the rep\'s own proxied view is stopped in the tab and sends no beacon', async () => {
  const proxiedOutcomes: string[] = [];
  const proxied = (url: string) => url.includes('/actions/ei?') && decodeURIComponent(url).includes(`/p/${account.pixelPrefix}/`);
  page.on('requestfinished', (request) => void (proxied(request.url()) && proxiedOutcomes.push('loaded')));
  page.on('requestfailed', (request) => void (proxied(request.url()) && proxiedOutcomes.push(request.failure()?.errorText ?? 'failed')));
  await page.goto(outlook.url({ lang: 'de' }));
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
  const [sent] = outlook.sends();
  expect(sent?.pixels.filter((p) => p.prefix === account.pixelPrefix)).toHaveLength(1);
  expect(sent?.subject).toBe('AW: Angebot Fenster und Türen');
  await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'sent' AND payload LIKE ?1", `%${BUYER}%`), { timeout: 15_000 }).toBe(1);
  await page.screenshot({ path: `${OUTPUT_DIR}/outlook-de-2-sent.png` });

  // The sent copy in the conversation shows the pixel through /actions/ei: the extension's rule
  // stops that request in the tab, so nothing reaches the Worker and no beacon is needed.
  await expect.poll(() => proxiedOutcomes, { timeout: 15_000 }).toContain('net::ERR_BLOCKED_BY_CLIENT');
  expect(proxiedOutcomes.every((outcome) => outcome === 'net::ERR_BLOCKED_BY_CLIENT')).toBe(true);
  expect(outlook.proxyRequests.filter((url) => url.includes(account.pixelPrefix))).toEqual([]);
  await askFrom(extensionPage, { type: 'sync-now' });
  expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'self-view' OR type = 'open'")).toBe(0);
});
