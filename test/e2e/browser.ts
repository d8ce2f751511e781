// Real Chromium (Debian's package) with the built extension loaded, driven by playwright-core.
// Network: only loopback is reachable; everything else is refused by resolver rules, and the
// webmail origins are served from fixture files through Playwright routing.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ROOT } from '../tools/local-worker.ts';

export const EXTENSION_DIR = path.join(ROOT, '.output/e2e/chrome-mv3');
export const OUTPUT_DIR = path.join(ROOT, 'test-output');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** An extension page (options.html, popup.html) in a new tab. */
  open(page: string): Promise<Page>;
  /** Stops the MV3 service worker the way Chrome does when it is idle. */
  stopServiceWorker(): Promise<void>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export function chromiumPath(): string {
  return execSync('command -v chromium').toString().trim();
}

export async function launchWithExtension(options: { locale?: string } = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'tidewise-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(first.url()).host;

  return {
    context,
    extensionId,
    async serviceWorker() {
      const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return running ?? context.waitForEvent('serviceworker', { timeout: 20_000 });
    },
    async open(page: string) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      return tab;
    },
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async screenshot(page: Page, name: string) {
      mkdirSync(OUTPUT_DIR, { recursive: true });
      const file = path.join(OUTPUT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => context.close(),
  };
}

/** Sends a request to the background from an extension page, as the popup or options page would. */
export async function askFrom<T>(page: Page, message: unknown): Promise<T> {
  const answer = await page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  );
  const envelope = answer as { ok: boolean; data?: T; error?: string } | undefined;
  if (!envelope?.ok) throw new Error(`background refused ${JSON.stringify(message).slice(0, 80)}: ${envelope?.error}`);
  return envelope.data as T;
}
