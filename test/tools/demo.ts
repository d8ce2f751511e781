// `npm run demo`: screenshots of Tidewise as a rep sees it, for the README and reviews. A real
// Worker (workerd, in-memory D1), a dozen export-trade buyers in every state pushed through the API
// and real pixel hits, the built extension connected and synced, the fixture Gmail, then the
// sidebar for each state, the daily list, the popup with its funnel and the options page, in
// English and 简体中文, into test-output/demo/.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DAY } from '../../shared/day.ts';
import { fromBase64Url, importAccountKey, mintPixelToken, pixelPath } from '../../shared/pixel-token.ts';
import { me, type ClientEvent } from '../../shared/schema.ts';
import { askFrom, launchWithExtension, OUTPUT_DIR } from '../e2e/browser.ts';
import { serveGmail } from '../e2e/gmail-fixture.ts';
import buildExtension from '../e2e/global-setup.ts';
import { startTestWorker, type TestWorker } from './miniflare-worker.ts';

const DEMO_DIR = path.join(OUTPUT_DIR, 'demo');
const GMAIL_PROXY_UA = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const REP = { email: 'rep@tidewise-demo.com', name: 'Rita Chen' };

interface Buyer {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  country: string;
  /** The Gmail route token of the buyer's thread: a fixture thread, or one the demo adds to the page. */
  thread: string;
  /** Added threads: the buyer's first message (before any tracked mail, so it is no reply). */
  inquiry?: { subject: string; daysAgo: number; body: string };
  /** The screenshot name, sidebar-<shot>.png. */
  shot?: string;
  /** The state the sidebar should show for this buyer once the extension has seen the thread. */
  state?: string;
}

const at = (iso: string) => Date.parse(iso);
const daysAgo = (days: number) => Date.now() - days * DAY;

// Buyers with threads in test/fixtures/gmail/mailbox.json; their stories match the fixture mail.
const lina: Buyer = { email: 'einkauf@nordic-living.se', firstName: 'Lina', lastName: 'Berg', company: 'Nordic Living AB', country: 'SE', thread: 'FMfcgzotDQqvIurYANABLBxGHYyGxwHD', shot: 'ordered', state: 'ordered' };
const anna: Buyer = { email: 'anna.schmidt@schmidt-haushalt.de', firstName: 'Anna', lastName: 'Schmidt', company: 'Schmidt Haushaltswaren GmbH', country: 'DE', thread: 'FMfcgzzCxtJLXimycHOeAhmsICVXRlmf', shot: 'replied-interested', state: 'replied' };
const carlos: Buyer = { email: 'carlos@lopez-importaciones.mx', firstName: 'Carlos', lastName: 'López', company: 'Lopez Importaciones S.A. de C.V.', country: 'MX', thread: 'FMfcgzbJKPVhrHtKRwKNKQMFWrffOFov', shot: 'replied-later', state: 'replied' };
const gulf: Buyer = { email: 'procurement@gulf-trading.ae', firstName: '', lastName: '', company: 'Gulf Trading LLC', country: 'AE', thread: 'FMfcgzzuMVbtdjXAzNmtaWJVMekFFleN', shot: 'untrackable', state: 'replied' };
const marco: Buyer = { email: 'm.rossi@casa-rossi.it', firstName: 'Marco', lastName: 'Rossi', company: 'Casa Rossi S.r.l.', country: 'IT', thread: 'FMfcgzPNAxiRNpcivFHyqHkOuSTDpceb', shot: 'opened-no-reply' };
// Buyers the demo gives a thread of their own (an inquiry that came before the rep's tracked mail).
const added = (email: string, firstName: string, lastName: string, company: string, country: string, shot: string, subject: string, inquiryDaysAgo: number): Buyer => ({
  email, firstName, lastName, company, country, shot,
  thread: `FMfcgzDemo${shot.replace(/[^a-z]/g, '')}Thread`.padEnd(32, 'x'),
  inquiry: { subject, daysAgo: inquiryDaysAgo, body: `Dear Rita,\n\nplease send us your best offer for ${subject.toLowerCase()}.\n\nBest regards\n${firstName} ${lastName}\n${company}` },
});
const priya = added('priya@mumbai-homestores.in', 'Priya', 'Nair', 'Mumbai Home Stores Pvt Ltd', 'IN', 'ordered-sample', 'Sample set of enamel cookware', 40);
const tomasz = added('t.kowalski@poldom.pl', 'Tomasz', 'Kowalski', 'Poldom Sp. z o.o.', 'PL', 'replied-no-need', 'Kitchen textiles for Poldom stores', 30);
const nana = added('ouyang@hk-import.com.hk', '娜娜', '欧阳', '香港进口有限公司', 'HK', 'opened-no-reply-2', 'Cookware catalogue 2027', 30);
const kenji = added('kenji.tanaka@osaka-shoji.jp', 'Kenji', 'Tanaka', 'Osaka Shoji K.K.', 'JP', 'inactive', 'Stainless steamers for Osaka', 45);
const ole = added('ole@hansen-interior.no', 'Ole', 'Hansen', 'Hansen Interiør AS', 'NO', 'shared-open', 'Table linen for Hansen Interiør', 25);
const kari: Buyer = { email: 'kari@hansen-interior.no', firstName: 'Kari', lastName: 'Hansen', company: 'Hansen Interiør AS', country: 'NO', thread: ole.thread };
const jean = added('jean.dupont@maison-dupont.fr', 'Jean', 'Dupont', 'Maison Dupont SARL', 'FR', 'switch-contact', 'Casseroles for Maison Dupont', 230);
const ivan = added('ivan@petrov-trade.ru', 'Ivan', 'Petrov', 'Petrov Trade LLC', 'RU', 'archived', 'Cutlery for Petrov Trade', 430);
const BUYERS = [lina, priya, anna, carlos, tomasz, marco, nana, kenji, gulf, ole, kari, jean, ivan];

/** The account's history, as the extension and the buyers' mail clients would have made it. */
async function seed(worker: TestWorker, token: string): Promise<void> {
  const api = (route: string, init: RequestInit = {}) =>
    fetch(`${worker.url}${route}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
  const account = me.parse(await (await api('/api/me')).json());
  const key = await importAccountKey(fromBase64Url(account.pixelKey)!);
  const events: ClientEvent[] = [];
  const opens: Array<{ messageId: string; pixel: string; at: number }> = [];
  const id = () => crypto.randomUUID();

  for (const buyer of BUYERS) {
    const { email: contact, firstName, lastName, company, country } = buyer;
    events.push({ id: id(), type: 'profile', at: daysAgo(500), contact, ...(firstName ? { firstName, lastName } : {}), company, country });
  }
  const send = async (buyers: Buyer[], when: number, subject: string, openedAt?: number) => {
    const pixel = await mintPixelToken(key, account.pixelPrefix);
    events.push({ id: id(), type: 'sent', at: when, messageId: pixel.messageId, recipients: buyers.map((b) => b.email), subject, threadKey: buyers[0]!.thread, provider: 'gmail' });
    if (openedAt !== undefined) opens.push({ messageId: pixel.messageId, pixel: pixel.token, at: openedAt });
  };
  const reply = (buyer: Buyer, when: number) =>
    events.push({ id: id(), type: 'reply', at: when, contact: buyer.email, providerMessageId: `demo-reply-${id()}`, threadKey: buyer.thread, provider: 'gmail' });
  const intent = (buyer: Buyer, when: number, value: 'interested' | 'later' | 'no-need') => events.push({ id: id(), type: 'intent', at: when, contact: buyer.email, intent: value });

  // Ordered: Lina's samples last summer, then the PO in the fixture thread (23 Nov).
  await send([lina], daysAgo(75), 'Enamel casseroles: samples and price list', daysAgo(74));
  reply(lina, daysAgo(72));
  events.push({ id: id(), type: 'order', at: daysAgo(60), contact: lina.email, kind: 'sample', amount: 180, currency: 'USD' });
  events.push({ id: id(), type: 'order', at: at('2026-11-23T10:05:00Z'), contact: lina.email, kind: 'order', amount: 14_400, currency: 'USD' });
  // Ordered, a sample customer: Priya paid for a sample set 10 days ago.
  await send([priya], daysAgo(38), 'Quotation: enamel cookware samples', daysAgo(37));
  reply(priya, daysAgo(30));
  events.push({ id: id(), type: 'order', at: daysAgo(10), contact: priya.email, kind: 'sample', amount: 95, currency: 'USD' });
  // Replied, interested: the fixture thread (quotation 10 Nov, Anna's question 12 Nov).
  await send([anna], at('2026-11-10T09:14:00Z'), 'Quotation Q-2026-118: stainless cookware, FOB Ningbo', at('2026-11-11T07:50:00Z'));
  // Anna's, Carlos's and Gulf Trading's replies are in the fixture threads: the extension records them
  // itself when the sidebar opens those threads, as it would for the rep.
  intent(anna, at('2026-11-12T14:05:00Z'), 'interested');
  // Replied, later: Carlos will review the price list with his team.
  await send([carlos], at('2026-11-03T16:40:00Z'), 'Price list 2027 for Lopez Importaciones', at('2026-11-04T15:12:00Z'));
  intent(carlos, at('2026-11-05T18:30:00Z'), 'later');
  // Replied, no need: Poldom has a supplier for this season.
  await send([tomasz], daysAgo(28), 'Offer: kitchen textiles for Poldom', daysAgo(27));
  reply(tomasz, daysAgo(20));
  intent(tomasz, daysAgo(20), 'no-need');
  // Opened, no reply: Marco opened the DHL notice (28 Oct) and said nothing; Nana read the catalogue twice.
  await send([marco], at('2026-10-28T11:00:00Z'), 'Samples shipped via DHL', at('2026-10-30T08:20:00Z'));
  await send([nana], daysAgo(26), 'Cookware catalogue 2027', daysAgo(18));
  // Inactive, never opened: Kenji has had the quotation for six weeks.
  await send([kenji], daysAgo(42), 'Quotation: stainless steamers');
  // Untrackable: Gulf Trading answers (the fixture RFQ, 20 Nov) but its mail never loads images.
  await send([gulf], daysAgo(12), 'Kitchen textiles: our company profile');
  // Shared open: one mail to Ole and Kari; someone opened it, nobody can say who.
  await send([ole, kari], daysAgo(22), 'Table linen collection 2027', daysAgo(21));
  // Switch contact: Jean opened the offer once, seven months of silence since.
  await send([jean], daysAgo(225), 'Offer: casseroles for Maison Dupont', daysAgo(213));
  // Archived zombie: Ivan, fourteen months without a sign.
  await send([ivan], daysAgo(425), 'Cutlery offer for Petrov Trade');

  const posted = await api('/api/events', { method: 'POST', body: JSON.stringify({ events }) });
  if (!posted.ok) throw new Error(`seeding refused: ${posted.status} ${await posted.text()}`);

  // Opens are real pixel hits through Gmail's image proxy; the Worker stamps them with its own clock.
  for (const open of opens) {
    const response = await fetch(`${worker.url}${pixelPath(account.pixelPrefix, open.pixel)}`, { headers: { 'User-Agent': GMAIL_PROXY_UA } });
    await response.arrayBuffer();
  }
  const deadline = Date.now() + 15_000;
  while ((await worker.count("SELECT count(*) AS n FROM events WHERE type = 'open'")) < opens.length) {
    if (Date.now() > deadline) throw new Error('the pixel hits were not recorded');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // DEMO SEEDING ONLY: each open happened days ago in this story, so its recorded time is moved back
  // in D1 (the Worker has no API for that, on purpose).
  for (const open of opens) {
    await worker.db
      .prepare("UPDATE events SET at = ?1, payload = json_set(payload, '$.at', ?1) WHERE type = 'open' AND message_id = ?2")
      .bind(open.at, open.messageId)
      .run();
  }
}

type FakeGmail = { fakeGmail: { route(hash: string): void; addIncomingMessage(token: string, options: object): string; whenRendered(): Promise<void> } };

/** Gives the demo's other buyers their threads in this page (the fixture keeps them in memory). */
async function addThreads(page: Page): Promise<void> {
  for (const buyer of BUYERS) {
    if (!buyer.inquiry) continue;
    const { subject, daysAgo: days, body } = buyer.inquiry;
    await page.evaluate(
      ({ token, from, name, subject, at, body, to }) => (window as unknown as FakeGmail).fakeGmail.addIncomingMessage(token, { from, name, subject, at, body, to }),
      { token: buyer.thread, from: buyer.email, name: `${buyer.firstName} ${buyer.lastName}`, subject, at: daysAgo(days), body, to: [REP.email] },
    );
  }
}

const sidebarShown = (page: Page) => page.locator('[data-testid=daily-list], [data-testid=sidebar-empty]').first().waitFor();

async function route(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window as unknown as FakeGmail).fakeGmail.route(h), hash);
  await page.evaluate(() => (window as unknown as FakeGmail).fakeGmail.whenRendered());
}

async function gmailShots(page: Page, url: string, suffix: string, files: string[]): Promise<void> {
  await page.goto(url);
  await sidebarShown(page);
  await addThreads(page);
  await page.waitForTimeout(500);
  for (const buyer of BUYERS) {
    if (!buyer.shot) continue;
    await route(page, `#inbox/${buyer.thread}`);
    const card = page.locator(`[data-testid=contact-card][data-contact="${buyer.email}"]`);
    await card.waitFor({ timeout: 10_000 });
    // A reply the extension has just recorded from this thread shows once the card reloads.
    for (let tries = 0; buyer.state && (await card.getAttribute('data-state')) !== buyer.state && tries < 20; tries++) {
      await page.waitForTimeout(250);
      await route(page, '#inbox');
      await route(page, `#inbox/${buyer.thread}`);
      await card.waitFor({ timeout: 10_000 });
    }
    await page.waitForTimeout(300);
    files.push(await shot(page, `sidebar-${buyer.shot}${suffix}`, `${await card.getAttribute('data-state')}`));
  }
  await route(page, '#inbox');
  await sidebarShown(page);
  await page.waitForTimeout(300);
  files.push(await shot(page, `daily-list${suffix}`));
}

async function shot(page: Page, name: string, note = ''): Promise<string> {
  const file = path.join(DEMO_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return note ? `${file}  (${note})` : file;
}

async function main(): Promise<void> {
  await buildExtension();
  rmSync(DEMO_DIR, { recursive: true, force: true });
  mkdirSync(DEMO_DIR, { recursive: true });
  const worker = await startTestWorker({ persistTo: false });
  const browser = await launchWithExtension();
  const files: string[] = [];
  try {
    const account = await worker.createAccount(REP.name);
    await seed(worker, account.token);
    const gmail = await serveGmail(browser.context);

    const popup = await browser.open('popup.html');
    await popup.setViewportSize({ width: 380, height: 760 });
    await askFrom(popup, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token, timeZone: 'UTC', language: 'en' } });
    await askFrom(popup, { type: 'sync-now' });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });

    for (const language of ['en', 'zh'] as const) {
      const suffix = language === 'en' ? '' : '.zh';
      await askFrom(popup, { type: 'settings-save', patch: { language } });
      await gmailShots(page, gmail.url({ undoMs: 400 }), suffix, files);
      await popup.reload();
      await popup.locator('[data-testid=daily-list]').waitFor();
      await popup.waitForTimeout(300);
      files.push(await shot(popup, `popup${suffix}`));
      const funnel = popup.locator('[data-testid=funnel]');
      await funnel.scrollIntoViewIfNeeded();
      await funnel.screenshot({ path: path.join(DEMO_DIR, `funnel${suffix}.png`) });
      files.push(path.join(DEMO_DIR, `funnel${suffix}.png`));
      const options = await browser.open('options.html');
      await options.setViewportSize({ width: 1100, height: 900 });
      await options.waitForLoadState('networkidle');
      await options.waitForTimeout(500);
      files.push(await shot(options, `options${suffix}`));
      await options.close();
    }
    await askFrom(popup, { type: 'settings-save', patch: { language: 'en' } });
  } finally {
    await browser.close();
    await worker.stop();
  }
  console.log(`\nTidewise demo: ${files.length} screenshots\n${files.map((file) => `  ${path.relative(process.cwd(), file)}`).join('\n')}`);
}

await main();
