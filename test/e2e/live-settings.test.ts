// Settings changed in the options page reach a webmail tab that stays open, in real Chromium with
// the built extension signed in to the real Worker: the sidebar speaks the new language after the
// rep's next move in the mailbox, with no reload.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestWorker, type TestWorker } from '../tools/miniflare-worker.ts';
import { askFrom, launchWithExtension, OUTPUT_DIR, type ExtensionBrowser } from './browser.ts';
import { serveGmail, type ServedGmail } from './gmail-fixture.ts';

const ANNA = 'FMfcgzzCxtJLXimycHOeAhmsICVXRlmf';

let worker: TestWorker;
let browser: ExtensionBrowser;
let gmail: ServedGmail;

beforeAll(async () => {
  worker = await startTestWorker();
  browser = await launchWithExtension();
  gmail = await serveGmail(browser.context);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

test('the language switched in the options: the open Gmail tab\'s sidebar follows without a reload', async () => {
  const account = await worker.createAccount('Rita Chen');
  const extensionPage = await browser.open('popup.html');
  await askFrom(extensionPage, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token, timeZone: 'UTC', language: 'en' } });
  expect(await askFrom<{ ok: boolean }>(extensionPage, { type: 'connection-test' })).toMatchObject({ ok: true });

  const page = await browser.context.newPage();
  await page.goto(gmail.url());
  const list = page.locator('.tw-daily');
  await list.waitFor({ timeout: 20_000 });
  expect(await list.getAttribute('lang')).toBe('en');

  await askFrom(extensionPage, { type: 'settings-save', patch: { language: 'zh' } });
  // The rep's next moves: into a conversation and back to the inbox.
  await page.evaluate((hash) => (window as unknown as { fakeGmail: { route(h: string): void } }).fakeGmail.route(hash), `#inbox/${ANNA}`);
  await page.locator('[data-testid=contact-card]').first().waitFor({ timeout: 20_000 });
  await page.evaluate(() => (window as unknown as { fakeGmail: { route(h: string): void } }).fakeGmail.route('#inbox'));
  await expect.poll(() => list.getAttribute('lang'), { timeout: 10_000 }).toBe('zh-CN');
  await page.screenshot({ path: `${OUTPUT_DIR}/gmail-live-settings-zh.png` });
  await page.close();
});
