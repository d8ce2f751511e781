// The fixture Gmail itself, in real Chromium at https://mail.google.com (served by serveGmail):
// hash routes render asynchronously, compose opens, Send waits out the undo window and then
// POSTs Gmail's send request, Undo and Discard send nothing, images go through the proxy with
// the original only in the fragment. The built extension is loaded, so its page-world send tap
// runs here too and must announce exactly the real sends.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { serveGmail, type ServedGmail } from './gmail-fixture.ts';

const ANNA = 'FMfcgzzCxtJLXimycHOeAhmsICVXRlmf';
const SAMPLES = 'FMfcgzPNAxiRNpcivFHyqHkOuSTDpceb';

let browser: ExtensionBrowser;
let gmail: ServedGmail;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  gmail = await serveGmail(browser.context);
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  gmail.reset();
  await page?.close();
  page = await browser.context.newPage();
});

/** What the extension's tap announced on this page (listened for from the start). */
async function listenForTap(p: Page) {
  await p.addInitScript(() => {
    const sent: string[] = [];
    Object.assign(window, { tidewiseSent: sent });
    document.addEventListener('tidewise:gmail-sent', (event) => sent.push(String((event as CustomEvent).detail)));
  });
}
const tapped = (p: Page) => p.evaluate(() => (window as unknown as { tidewiseSent: string[] }).tidewiseSent.map((s) => JSON.parse(s) as { subject: string }));

async function composeAndSend(p: Page, subject: string) {
  await p.click('[gh=cm]');
  const dialog = p.locator('.dw [role=dialog]');
  await dialog.waitFor();
  await dialog.locator('div[name=to] input[role=combobox]').fill('anna.schmidt@schmidt-haushalt.de');
  await dialog.locator('div[name=to] input[role=combobox]').press('Enter');
  await dialog.locator('input[name=subjectbox]').fill(subject);
  await dialog.locator('div.Am.Al.editable[contenteditable=true]').click();
  await p.keyboard.type('Dear Anna, our catalogue 2027 is attached.');
  await dialog.locator('.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])').click();
}

test('routes render asynchronously, with Gmail ids, under Trusted Types', async () => {
  await page.goto(gmail.url());
  await page.locator('tr.zA').first().waitFor();
  expect(await page.locator('tr.zA').count()).toBe(4);
  expect(await page.title()).toBe('Inbox (3) - rep@tidewise-demo.com - Gmail');
  expect(await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'html sinks allowed';
    } catch (error) {
      return (error as Error).name;
    }
  })).toBe('TypeError');

  const synchronously = await page.evaluate((token) => {
    (window as unknown as { fakeGmail: { route(hash: string): void } }).fakeGmail.route(`#inbox/${token}`);
    return document.querySelector('h2.hP');
  }, ANNA);
  expect(synchronously).toBeNull();
  await page.waitForFunction(() => document.querySelector('h2.hP') !== null);
  expect(await page.getAttribute('h2.hP', 'data-thread-perm-id')).toBe(`thread-f:${BigInt('0x19a6f0b2c4d81e01')}`);
  expect(await page.locator('div.adn.kv[data-message-id]').count()).toBe(1);
  expect(await page.locator('div.adn.h7 span.gD[email="anna.schmidt@schmidt-haushalt.de"]').count()).toBe(1);
  expect(await page.title()).toMatch(/^Quotation Q-2026-118.* - rep@tidewise-demo\.com - Gmail$/);

  await page.click('tr.zA, a[href="#inbox"]');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('h2.hP') !== null);
});

test('images go through the proxy: the pixel URL stays in the fragment and never reaches the network', async () => {
  const direct: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('track.tidewise-demo.com')) direct.push(request.url());
  });
  await page.goto(gmail.url({ hash: `#sent/${SAMPLES}` }));
  const img = page.locator('div.a3s img.CToWUd');
  await img.waitFor();
  const src = await img.getAttribute('src');
  expect(src).toMatch(/^https:\/\/ci3\.googleusercontent\.com\/meips\/[\w-]+=s0-d-e1-ft#https:\/\/track\.tidewise-demo\.com\/p\//);
  await expect.poll(() => gmail.proxyRequests.length).toBe(1);
  expect(gmail.proxyRequests[0]).toBe(src?.split('#')[0]);
  expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  expect(direct).toEqual([]);
});

test('Send waits out the undo window, then POSTs the send request; the tap announces it once', async () => {
  await listenForTap(page);
  await page.goto(gmail.url({ undoMs: 700 }));
  await page.locator('tr.zA').first().waitFor();
  await composeAndSend(page, 'Catalogue 2027');
  await page.locator('#link_undo').waitFor();
  expect(await page.locator('.dw [role=dialog]').count()).toBe(0);
  expect(gmail.syncPosts).toEqual([]);

  await expect.poll(() => gmail.syncPosts.length, { timeout: 5000 }).toBe(1);
  expect(gmail.syncPosts[0]?.url).toMatch(/^https:\/\/mail\.google\.com\/sync\/u\/0\/i\/s\?/);
  const [sent] = gmail.sends();
  expect(sent).toMatchObject({
    subject: 'Catalogue 2027',
    to: [{ email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }],
    from: { email: 'rep@tidewise-demo.com' },
    threadId: expect.stringMatching(/^thread-a:r/),
  });
  expect(gmail.syncPosts[0]?.body).toContain('our catalogue 2027 is attached');
  await expect.poll(() => tapped(page)).toEqual([expect.objectContaining({ subject: 'Catalogue 2027' })]);
});

test('Undo reopens the draft and sends nothing; Discard sends nothing', async () => {
  await listenForTap(page);
  await page.goto(gmail.url({ undoMs: 600 }));
  await page.locator('tr.zA').first().waitFor();
  await composeAndSend(page, 'Not yet');
  await page.click('#link_undo');
  await page.locator('.dw [role=dialog]').waitFor();
  expect(await page.inputValue('.dw [role=dialog] input[name=subjectbox]')).toBe('Not yet');
  await page.click('.dw [role=dialog] [aria-label="Discard draft"]');
  await page.waitForTimeout(1200);
  expect(await page.locator('.dw [role=dialog]').count()).toBe(0);
  expect(gmail.syncPosts).toEqual([]);
  expect(await tapped(page)).toEqual([]);
});

test('an inline reply is sent into its thread and shown there', async () => {
  await listenForTap(page);
  await page.goto(gmail.url({ undoMs: 300, hash: `#inbox/${ANNA}` }));
  await page.click('.ams.bkH');
  const editor = page.locator('.ip.adB div.Am.Al.editable');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.type('Yes, the lids are dishwasher safe.');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => gmail.sends().length, { timeout: 5000 }).toBe(1);
  expect(gmail.sends()[0]).toMatchObject({ threadId: `thread-f:${BigInt('0x19a6f0b2c4d81e01')}`, subject: 'Re: Quotation Q-2026-118: stainless cookware, FOB Ningbo' });
  await page.waitForFunction(() => document.querySelectorAll('div.adn').length === 3);
  expect(await page.locator('div.adn').last().locator('span.gD').getAttribute('email')).toBe('rep@tidewise-demo.com');
  expect(await page.locator('div.adn').last().locator('div.a3s').textContent()).toContain('dishwasher safe');
  await expect.poll(() => tapped(page)).toHaveLength(1);
});

test('older markup and the 200-message thread render', async () => {
  await page.goto(gmail.url({ variant: 'drift', hash: `#inbox/${ANNA}` }));
  await page.locator('div.if h2[data-legacy-thread-id]').waitFor();
  expect(await page.locator('h2.hP, [data-message-id]').count()).toBe(0);
  await page.goto(gmail.url({ thread: 'long' }));
  await page.waitForFunction(() => document.querySelectorAll('div.adn').length === 200);
  expect(await page.locator('div.adn.h7').count()).toBe(3);
});
