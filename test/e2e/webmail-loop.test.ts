// The whole loop as a rep lives it, in Gmail and in Outlook on the web, in real Chromium with the
// built extension, against the real Worker: open a buyer's conversation, reply (tracked), the buyer
// reads it, replies, says "later", orders a sample, then goes silent while the test build's clock
// moves forward. One test body; each webmail says only how its fixture is driven (WebmailDriver).
// Each step is asserted on the sidebar the rep sees and on the Worker, with a screenshot.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { test, type ExpectStatic } from 'vitest';
import { startTestWorker } from '../tools/miniflare-worker.ts';
import { askFrom, launchWithExtension, OUTPUT_DIR } from './browser.ts';
import { serveGmail } from './gmail-fixture.ts';
import { serveOutlook } from './outlook-fixture.ts';

const DAY = 86_400_000;
const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const DESKTOP_BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

/** What the loop needs from one webmail's fixture; everything else is the same for both. */
interface WebmailDriver {
  buyer: { email: string; name: string };
  /** Serves the fixture on its real origin and opens the buyer's conversation in `page`. */
  start(context: BrowserContext, page: Page): Promise<void>;
  /** Goes to the mailbox's list, then back into the buyer's conversation (as a rep does). */
  leaveAndReturn(page: Page): Promise<void>;
  /** Opens the inline reply of the open conversation. */
  openReply(page: Page): Promise<void>;
  /** The reply's body editor. */
  replyEditor(page: Page): Locator;
  /** Sends the open reply the way reps of this webmail usually do. */
  send(page: Page): Promise<void>;
  /** Closes the open reply without sending. */
  discard(page: Page): Promise<void>;
  /** Messages the webmail's own send requests carried (pixels found in each), and their raw bodies. */
  sends(): Array<{ pixels: Array<{ url: string; prefix: string }> }>;
  sendBodies(): string[];
  /** What the webmail's image proxy sends the Worker when it fetches an image for a reader. */
  proxyFetch(pixelUrl: string): Promise<void>;
  /** A message from the buyer arrives in the open conversation. */
  buyerWrites(page: Page, message: { body?: string; autoReply?: boolean }): Promise<void>;
}

type FakeGmail = { fakeGmail: { route(hash: string): void; reply(): void; addIncomingMessage(thread: string, message: object): string } };
type FakeOutlook = {
  fakeOutlook: { route(path: string): void; routeOf(convId: string): string | null; reply(): Promise<unknown>; addIncomingMessage(convId: string, message: object): string };
};

function gmailDriver(): WebmailDriver {
  const buyer = { email: 'procurement@gulf-trading.ae', name: 'Gulf Trading Procurement' };
  const thread = 'FMfcgzzuMVbtdjXAzNmtaWJVMekFFleN';
  let served: Awaited<ReturnType<typeof serveGmail>>;
  const route = (page: Page, hash: string) => page.evaluate((h) => (window as unknown as FakeGmail).fakeGmail.route(h), hash);
  return {
    buyer,
    async start(context, page) {
      served = await serveGmail(context);
      // A short undo window, as Gmail's default 5 s would only slow the test.
      await page.goto(served.url({ hash: `#inbox/${thread}`, undoMs: 400 }));
    },
    async leaveAndReturn(page) {
      await route(page, '#inbox');
      await page.locator('[data-testid=daily-list], [data-testid=sidebar-empty]').first().waitFor();
      await route(page, `#inbox/${thread}`);
    },
    async openReply(page) {
      await page.evaluate(() => (window as unknown as FakeGmail).fakeGmail.reply());
    },
    replyEditor: (page) => page.locator('div.Am.Al.editable[contenteditable=true]').last(),
    async send(page) {
      await page.keyboard.press('Control+Enter');
    },
    async discard(page) {
      await page.locator('[data-tooltip^="Discard"], [aria-label^="Discard"]').last().click();
    },
    sends: () => served.sends(),
    sendBodies: () => served.syncPosts.map((post) => post.body),
    async proxyFetch(pixelUrl) {
      await fetch(pixelUrl, { headers: { 'User-Agent': GOOGLE_PROXY } });
    },
    async buyerWrites(page, message) {
      await page.evaluate(({ t, m }) => (window as unknown as FakeGmail).fakeGmail.addIncomingMessage(t, m), { t: thread, m: { from: buyer.email, name: buyer.name, ...message } });
    },
  };
}

function outlookDriver(expect: ExpectStatic): WebmailDriver {
  const buyer = { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' };
  const conversation = 'AAQkADanna01';
  let served: Awaited<ReturnType<typeof serveOutlook>>;
  const openConversation = (page: Page) =>
    page.evaluate((id) => {
      const fake = (window as unknown as FakeOutlook).fakeOutlook;
      fake.route(fake.routeOf(id)!);
    }, conversation);
  const composeEditor = '[data-app-section="MailCompose"] [role=textbox][aria-multiline=true]';
  return {
    buyer,
    async start(context, page) {
      served = await serveOutlook(context);
      await page.goto(served.url());
      await page.waitForFunction(() => 'fakeOutlook' in window);
      await openConversation(page);
    },
    async leaveAndReturn(page) {
      await page.evaluate(() => (window as unknown as FakeOutlook).fakeOutlook.route('/mail/inbox'));
      await page.locator('[data-testid=daily-list], [data-testid=sidebar-empty]').first().waitFor();
      await openConversation(page);
    },
    async openReply(page) {
      // The reading pane renders asynchronously; Reply does nothing until the conversation is there.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as FakeOutlook).fakeOutlook.reply().then((root) => root !== null)), { timeout: 15_000 })
        .toBe(true);
    },
    replyEditor: (page) => page.locator(composeEditor).last(),
    async send(page) {
      await page.locator('[data-app-section="MailCompose"] button:has([data-icon-name="Send"])').last().click();
    },
    async discard(page) {
      await page.locator('[data-app-section="MailCompose"] button:has([data-icon-name="Delete"])').last().click();
    },
    sends: () => served.sends(),
    sendBodies: () => served.servicePosts.map((post) => post.body),
    async proxyFetch(pixelUrl) {
      // Outlook on the web fetches images through Microsoft's network with a browser UA.
      await fetch(pixelUrl, { headers: { 'User-Agent': DESKTOP_BROWSER, 'CF-Connecting-IP': '40.107.22.51' } });
    },
    async buyerWrites(page, message) {
      await page.evaluate(({ c, m }) => (window as unknown as FakeOutlook).fakeOutlook.addIncomingMessage(c, m), { c: conversation, m: { from: buyer.email, name: buyer.name, ...message } });
    },
  };
}

const DRIVERS = { gmail: gmailDriver, outlook: outlookDriver } as const;

// Both loops wait a minute of real time (the self-view window); they run side by side.
test.concurrent.for(Object.keys(DRIVERS) as Array<keyof typeof DRIVERS>)('the whole follow-up loop in %s', { timeout: 300_000 }, async (host, { expect }) => {
  const webmail = DRIVERS[host](expect);
  const { buyer } = webmail;
  const worker = await startTestWorker();
  const browser = await launchWithExtension();
  try {
    const account = await worker.createAccount('Rita Chen');
    const extensionPage = await browser.open('popup.html');
    await askFrom(extensionPage, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token, timeZone: 'UTC' } });
    expect(await askFrom<{ ok: boolean }>(extensionPage, { type: 'connection-test' })).toMatchObject({ ok: true });

    const page = await browser.context.newPage();
    // Every request the rep's tab makes, and how it ended ('loaded' or Chromium's error).
    const outcomes = new Map<string, string>();
    page.on('requestfinished', (request) => void outcomes.set(request.url(), 'loaded'));
    page.on('requestfailed', (request) => void outcomes.set(request.url(), request.failure()?.errorText ?? 'failed'));
    const pixelPath = `/p/${account.pixelPrefix}/`;
    const isPixel = (url: string) => url.startsWith(worker.url) && url.includes(pixelPath);

    const card = page.locator(`[data-testid=contact-card][data-contact="${buyer.email}"]`);
    const shot = (name: string) => page.screenshot({ path: `${OUTPUT_DIR}/${host}-loop-${name}.png` });
    const reopen = async () => {
      await webmail.leaveAndReturn(page);
      await card.waitFor();
    };
    const syncAndReopen = async () => {
      await askFrom(extensionPage, { type: 'sync-now' });
      await reopen();
    };

    // 1. Open the buyer's conversation: the sidebar shows the buyer, with no history yet.
    await webmail.start(browser.context, page);
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.getAttribute('data-state')).toBe('inactive');
    expect(await card.locator('[data-testid=timeline-item]').count()).toBe(0);
    await shot('1-no-history');

    // 2. Reply and send: exactly one pixel in the sent body, a sent event on the Worker.
    await webmail.openReply(page);
    const editor = webmail.replyEditor(page);
    await editor.waitFor();
    await editor.click();
    await page.keyboard.type('Dear procurement team, please find our offer for one 40HQ of kitchen textiles attached.');
    const toggle = page.locator('[data-testid=track-toggle]').last();
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await webmail.send(page);
    await expect.poll(() => webmail.sends().length, { timeout: 10_000 }).toBe(1);
    const sentAt = Date.now();
    const rawBody = webmail.sendBodies().at(-1) ?? '';
    const inBody = new Set([...rawBody.matchAll(new RegExp(`/p/${account.pixelPrefix}/[A-Za-z0-9_-]{44}\\.gif`, 'g'))].map((m) => m[0]));
    expect(inBody.size).toBe(1);
    const [sent] = webmail.sends();
    expect(sent?.pixels.filter((p) => p.prefix === account.pixelPrefix)).toHaveLength(1);
    const pixelUrl = sent!.pixels[0]!.url;
    expect(pixelUrl.startsWith(worker.url)).toBe(true);
    await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'sent'"), { timeout: 15_000 }).toBe(1);
    expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'sent' AND payload LIKE ?1", `%${buyer.email}%`)).toBe(1);
    await shot('2-sent');

    // 3. Not opens: Apple's prefetch on delivery, and the rep's own view of the sent mail. The
    //    webmail shows the rep's copy through its image proxy. Outlook's proxy form is stopped in
    //    the tab by the extension's rules; Gmail's hides the pixel URL until the image is seen, so
    //    the per-image rule and the image's own request race. Whichever way it went, the Worker
    //    hears the truth: a beacon exactly when the proxy was asked to fetch the pixel.
    await fetch(pixelUrl, { headers: { 'User-Agent': 'Mozilla/5.0' } });
    let repCopies: string[] = [];
    await expect
      .poll(async () => {
        repCopies = await proxiedCopies(page, pixelPath);
        return repCopies.length > 0 && repCopies.every((url) => outcomes.has(url));
      }, { timeout: 15_000 })
      .toBe(true);
    const repViewFetched = repCopies.some((url) => outcomes.get(url) === 'loaded');
    if (repViewFetched) {
      await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'self-view'"), { timeout: 15_000 }).toBeGreaterThan(0);
      await webmail.proxyFetch(pixelUrl); // the proxy fetching for the rep's view, within the beacon's window
    } else {
      expect(repCopies.map((url) => outcomes.get(url))).toEqual(repCopies.map(() => 'net::ERR_BLOCKED_BY_CLIENT'));
    }
    await syncAndReopen();
    expect(await card.getAttribute('data-state')).toBe('inactive');
    const ignored = await card.locator('[data-testid=timeline-item][data-type=open]').evaluateAll((items) => items.map((i) => i.getAttribute('data-verdict')));
    expect(ignored.sort()).toEqual(repViewFetched ? ['apple-prefetch', 'self-view'] : ['apple-prefetch']);
    await shot('3-prefetch-and-self-view-ignored');

    // 4. The buyer opens it, past the too-soon and self-view windows.
    const selfViewAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, selfViewAt + 61_000 - Date.now(), sentAt + 31_000 - Date.now())));
    await webmail.proxyFetch(pixelUrl); // the buyer reads it in the same webmail
    await syncAndReopen();
    await expect.poll(() => card.getAttribute('data-state')).toBe('opened-no-reply');
    expect(await card.locator('[data-testid=template]').getAttribute('data-template')).toMatch(/^opened-no-reply\./);
    expect(await card.locator('[data-testid=next-follow-up]').getAttribute('data-due')).toBe('upcoming');
    await shot('4-opened-no-reply');

    // The proposed template goes into the webmail's reply box, unfilled placeholders marked for the rep.
    await card.locator('[data-testid=insert-template]').click();
    const replyBox = webmail.replyEditor(page);
    await expect.poll(() => replyBox.innerText(), { timeout: 10_000 }).toMatch(/\[\[\w+\?\]\]/);
    expect(await replyBox.innerText()).toContain('Dear');
    await shot('4b-template-inserted');
    await webmail.discard(page); // leave without sending
    await expect.poll(() => replyBox.count()).toBe(0);

    // 5. The buyer writes back (an out-of-office notice first, which is not a reply).
    await webmail.buyerWrites(page, { autoReply: true });
    await reopen();
    expect(await card.getAttribute('data-state')).toBe('opened-no-reply');
    await webmail.buyerWrites(page, { body: 'Thank you. Please send the price for 2 containers and your payment terms.' });
    await expect.poll(async () => { await reopen(); return card.getAttribute('data-state'); }, { timeout: 20_000 }).toBe('replied');
    expect(await card.locator('[data-testid=template]').getAttribute('data-template')).toMatch(/^replied\.interested\./);
    await shot('5-replied');

    // 6. Intent "later": another template and a slower cadence.
    const interestedDue = await card.locator('[data-testid=next-follow-up]').getAttribute('data-days');
    await card.locator('[data-testid=intent-later]').click();
    await expect.poll(() => card.locator('[data-testid=template]').getAttribute('data-template')).toMatch(/^replied\.later\./);
    expect(Number(await card.locator('[data-testid=next-follow-up]').getAttribute('data-days'))).toBeGreaterThan(Number(interestedDue ?? 0));
    await shot('6-intent-later');

    // 7. Log as sample customer: ordered, with the sample's thank-you and feedback request.
    await card.locator('[data-testid=log-sample]').click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('ordered');
    expect(await card.locator('[data-testid=template]').getAttribute('data-template')).toBe('ordered.sample-feedback');
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
      await reopen();
      await expect.poll(() => card.getAttribute('data-state')).toBe(state);
      expect(await card.locator('[data-testid=why]').innerText()).toMatch(/downgraded|archived|降级|归档/i);
      await shot(`8-${state}`);
    }

    // Through all of it, the rep's tab never fetched the pixel from the Worker: each direct copy
    // (the compose's) was blocked by the extension's rules, and the Worker saw only the fetches
    // this test made itself, with a self-view beacon only if the webmail's proxy was asked.
    const direct = [...outcomes].filter(([url]) => isPixel(url));
    expect(direct.length).toBeGreaterThan(0);
    expect(direct.filter(([, outcome]) => outcome !== 'net::ERR_BLOCKED_BY_CLIENT')).toEqual([]);
    expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'open'")).toBe(repViewFetched ? 3 : 2);
    expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'self-view'") > 0).toBe(repViewFetched);
  } finally {
    await browser.close();
    await worker.stop();
  }
});

/** The request URLs of the rep's pixel as the webmail shows it through its image proxy (not in a compose). */
function proxiedCopies(page: Page, pixelPath: string): Promise<string[]> {
  return page.evaluate((needle) => {
    const decode = (text: string) => {
      try {
        return decodeURIComponent(text);
      } catch {
        return text;
      }
    };
    // A proxied copy asks the proxy for a URL of its own; the pixel URL is encoded in it or in its fragment.
    return [...document.querySelectorAll('img')]
      .filter((img) => !img.closest('[contenteditable=true]'))
      .map((img) => new URL(img.getAttribute('src') ?? '', location.href))
      .filter((url) => !(url.origin + url.pathname + url.search).includes(needle) && decode(decode(url.href)).includes(needle))
      .map((url) => url.href.split('#')[0]!);
  }, pixelPath);
}
