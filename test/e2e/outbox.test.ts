// The outbox never loses a rep's events: with the Worker down, 50 events are queued; the service
// worker is stopped as Chrome stops it; the Worker comes back; exactly 50 events reach it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestWorker, type TestWorker } from '../tools/miniflare-worker.ts';
import { askFrom, launchWithExtension, type ExtensionBrowser } from './browser.ts';

let worker: TestWorker;
let browser: ExtensionBrowser;
const persistTo = mkdtempSync(path.join(os.tmpdir(), 'tidewise-outbox-'));

beforeAll(async () => {
  worker = await startTestWorker({ persistTo });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

test('50 events queued while the Worker is down survive a service-worker restart and land exactly once', async () => {
  const account = await worker.createAccount();
  const page = await browser.open('popup.html');
  await askFrom(page, { type: 'settings-save', patch: { workerUrl: worker.url, token: account.token } });
  const connected = await askFrom<{ ok: boolean }>(page, { type: 'connection-test' });
  expect(connected.ok).toBe(true);

  const port = worker.port;
  await worker.stop();
  const at = Date.now() - 60_000;
  const events = Array.from({ length: 50 }, (_, i) => ({
    id: crypto.randomUUID(), type: 'note', at: at + i, contact: `buyer${i % 5}@example.com`, text: `follow-up note ${i}`,
  }));
  for (let i = 0; i < 50; i += 10) await askFrom(page, { type: 'record-events', events: events.slice(i, i + 10) });
  const queued = await askFrom<{ unsynced: number; lastError: string | null }>(page, { type: 'sync-now' });
  expect(queued.unsynced).toBe(50);
  expect(queued.lastError).toMatch(/cannot reach/);

  await browser.stopServiceWorker();
  worker = await startTestWorker({ persistTo, port });

  await expect
    .poll(async () => (await askFrom<{ unsynced: number }>(page, { type: 'sync-now' })).unsynced, { timeout: 30_000, interval: 500 })
    .toBe(0);
  expect(await worker.count("SELECT count(*) AS n FROM events WHERE type = 'note'")).toBe(50);
  expect(await worker.count('SELECT count(DISTINCT id) AS n FROM events')).toBe(50);
});
