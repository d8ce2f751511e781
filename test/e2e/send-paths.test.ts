// The other ways a rep sends from Gmail, in real Chromium with the built extension signed in to the
// real Worker: Schedule send from the send menu, and a compose popped out into its own page (as a
// mailto: link opens it). Each goes out with exactly one pixel of the account and becomes one sent
// event on the Worker, as a plain Send does in the loop test.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestWorker, type TestWorker } from '../tools/miniflare-worker.ts';
import { askFrom, launchWithExtension, OUTPUT_DIR, type ExtensionBrowser } from './browser.ts';
import { serveGmail, type ServedGmail } from './gmail-fixture.ts';

let worker: TestWorker;
let browser: ExtensionBrowser;
let gmail: ServedGmail;
let prefix: string;

beforeAll(async () => {
  worker = await startTestWorker();
  browser = await launchWithExtension();
  const account = await worker.createAccount('Rita Chen');
  prefix = account.pixelPrefix;
  const extensionPage = await browser.open('popup.html');
  await askFrom(extensionPage, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token, timeZone: 'UTC' } });
  expect(await askFrom<{ ok: boolean }>(extensionPage, { type: 'connection-test' })).toMatchObject({ ok: true });
  gmail = await serveGmail(browser.context);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

/** Our pixels in the webmail's last send request. */
function pixelsSent(): string[] {
  const body = gmail.syncPosts.at(-1)?.body ?? '';
  return [...new Set([...body.matchAll(new RegExp(`/p/${prefix}/[A-Za-z0-9_-]{44}\\.gif`, 'g'))].map((m) => m[0]))];
}
const sentEvents = () => worker.count("SELECT count(*) AS n FROM events WHERE type = 'sent'");

/** The compose's Track toggle is drawn and on: the feature is running in this compose. */
async function trackedCompose(page: Page) {
  const toggle = page.locator('[data-testid=track-toggle]').last();
  await toggle.waitFor({ timeout: 20_000 });
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  await page.waitForTimeout(300); // the pixel is minted ahead, in the background
}

test('Schedule send from the send menu goes out with one pixel and is one sent event', async () => {
  const page = await browser.context.newPage();
  await page.goto(gmail.url());
  await page.click('[gh=cm]');
  const dialog = page.locator('.dw [role=dialog]');
  await dialog.waitFor();
  await dialog.locator('div[name=to] input[role=combobox]').fill('anna.schmidt@schmidt-haushalt.de');
  await dialog.locator('div[name=to] input[role=combobox]').press('Enter');
  await dialog.locator('input[name=subjectbox]').fill('Catalogue 2027, for Monday');
  await dialog.locator('div.Am.Al.editable[contenteditable=true]').click();
  await page.keyboard.type('Dear Anna, our catalogue 2027 is attached.');
  await trackedCompose(page);
  await dialog.locator('[aria-haspopup=true][data-tooltip="More send options"]').click();
  await page.locator('[role=menu] [selector=scheduledSend]').click();
  await page.locator('[role=dialog][aria-label="Schedule send"] [data-send-at]').click();
  await expect.poll(() => gmail.sends().length, { timeout: 10_000 }).toBe(1);
  expect(gmail.sends()[0]).toMatchObject({ scheduled: true, subject: 'Catalogue 2027, for Monday' });
  expect(pixelsSent()).toHaveLength(1);
  await expect.poll(sentEvents, { timeout: 15_000 }).toBe(1);
  await page.screenshot({ path: `${OUTPUT_DIR}/gmail-schedule-send.png` });
  await page.close();
});

test('a compose popped out into its own page (no mailbox) goes out tracked', async () => {
  gmail.reset();
  const page = await browser.context.newPage();
  await page.goto(gmail.url({ undoMs: 300, popout: { to: 'carlos@lopez-importaciones.mx', su: 'Price list 2027', body: 'Hola Carlos,' } }));
  const editor = page.locator('div.Am.Al.editable[contenteditable=true]');
  await editor.waitFor();
  expect(await page.locator('[role=main]').count()).toBe(0);
  await trackedCompose(page);
  await editor.click();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => gmail.sends().length, { timeout: 10_000 }).toBe(1);
  expect(pixelsSent()).toHaveLength(1);
  await expect.poll(sentEvents, { timeout: 15_000 }).toBe(2);
  expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'sent' AND payload LIKE ?1", '%carlos@lopez-importaciones.mx%')).toBe(1);
  await page.screenshot({ path: `${OUTPUT_DIR}/gmail-popout-send.png` });
  await page.close();
});
