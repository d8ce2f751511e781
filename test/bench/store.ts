// npm run bench:store: 10,000 events synced into the extension's background in real Chromium.
// A Worker (Miniflare) is seeded through its own API and pixel route with a realistic log for 1,000
// contacts; the extension then pulls everything (20 pages), stores it in IndexedDB and classifies
// the contacts it touched; then the daily list reclassifies everyone from the stored log.
import { fromBase64Url, importAccountKey, mintPixelToken, pixelPath } from '../../shared/pixel-token.ts';
import type { ClientEvent } from '../../shared/schema.ts';
import { askFrom, launchWithExtension } from '../e2e/browser.ts';
import globalSetup from '../e2e/global-setup.ts';
import { startTestWorker } from '../tools/miniflare-worker.ts';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1000);
const DAY = 86_400_000;
const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

async function main() {
  await globalSetup();
  const worker = await startTestWorker({ persistTo: false });
  const browser = await launchWithExtension();
  try {
    const account = await worker.createAccount('Bench');
    const me = (await (await fetch(`${worker.url}/api/me`, { headers: { Authorization: `Bearer ${account.token}` } })).json()) as { pixelKey: string };
    const key = await importAccountKey(fromBase64Url(me.pixelKey)!);

    // Per contact: 4 tracked mails, 4 opens, a reply, and an intent: 10 events, 10,000 in all.
    const now = Date.now();
    const events: ClientEvent[] = [];
    const pixels: string[] = [];
    for (let c = 0; c < CONTACTS; c++) {
      const contact = `buyer${c}@example${c % 50}.com`;
      for (let m = 0; m < 4; m++) {
        const { token, messageId } = await mintPixelToken(key, account.pixelPrefix);
        events.push({ id: crypto.randomUUID(), type: 'sent', at: now - (120 - m * 25) * DAY - c * 1000, messageId, recipients: [contact], subject: `Offer ${m}`, threadKey: `t${c}`, provider: 'gmail' });
        pixels.push(pixelPath(account.pixelPrefix, token));
      }
      events.push({ id: crypto.randomUUID(), type: 'reply', at: now - 20 * DAY, contact, providerMessageId: `r${c}`, provider: 'gmail' });
      events.push({ id: crypto.randomUUID(), type: 'intent', at: now - 19 * DAY, contact, intent: c % 3 === 0 ? 'later' : 'interested' });
    }
    for (let i = 0; i < events.length; i += 100) {
      const response = await fetch(`${worker.url}/api/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${account.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ events: events.slice(i, i + 100) }),
      });
      if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    }
    for (let i = 0; i < pixels.length; i += 50) {
      await Promise.all(pixels.slice(i, i + 50).map((p) => fetch(worker.url + p, { headers: { 'User-Agent': GOOGLE_PROXY } }).then((r) => r.arrayBuffer())));
    }
    const total = await worker.count('SELECT count(*) AS n FROM events');

    const page = await browser.open('popup.html');
    await askFrom(page, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token } });
    // settings-save starts a sync in the background; wait for it, then measure a clean one.
    await askFrom(page, { type: 'sync-now' });
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tidewise');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const count = await new Promise<number>((resolve) => {
        const request = db.transaction('events').objectStore('events').count();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return count;
    });
    const syncStart = performance.now();
    await askFrom(page, { type: 'sync-now' });
    const idleSync = performance.now() - syncStart;
    const listStart = performance.now();
    const list = await askFrom<{ list: { counts: Record<string, number> } }>(page, { type: 'daily-list' });
    const listMs = performance.now() - listStart;

    // A fresh profile measures the first full pull: store 10,000 events and classify every contact.
    const fresh = await launchWithExtension();
    const freshPage = await fresh.open('popup.html');
    const firstStart = performance.now();
    await askFrom(freshPage, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token } });
    await askFrom(freshPage, { type: 'sync-now' });
    const firstSync = performance.now() - firstStart;
    const firstListStart = performance.now();
    await askFrom(freshPage, { type: 'daily-list' });
    const firstList = performance.now() - firstListStart;
    await fresh.close();

    console.log(`Store benchmark: ${total} events on the Worker (${CONTACTS} contacts), Chromium ${browser.context.browser()?.version() ?? ''}`);
    console.log(`first sync into an empty extension (pull 10k events, store, classify touched contacts): ${firstSync.toFixed(0)} ms`);
    console.log(`daily list right after (reclassify all ${CONTACTS} contacts from IndexedDB + list):     ${firstList.toFixed(0)} ms`);
    console.log(`sync with nothing new:                                                   ${idleSync.toFixed(0)} ms`);
    console.log(`daily list from the contact cache:                                       ${listMs.toFixed(0)} ms`);
    console.log(`events stored in IndexedDB: ${stored}; funnel: ${JSON.stringify(list.list.counts)}`);
    if (stored !== total) process.exitCode = 1;
  } finally {
    await browser.close();
    await worker.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
