// Serves the fixture Gmail (test/fixtures/gmail) at https://mail.google.com in a Playwright
// context, so content scripts matching mail.google.com run on it with no network: the shell for
// every /mail/ page (with Gmail's Trusted Types policy), the fixture's script and mailbox, the
// send endpoint (recorded, answered {}), and Google's image proxy (recorded, a 1x1 GIF).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { parseSendRequest, type SentMessage } from '../../extension/hosts/gmail-send-request.ts';
import { ROOT } from '../tools/local-worker.ts';

const FIXTURE_DIR = path.join(ROOT, 'test/fixtures/gmail');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const SEND_PATH = /^\/sync(?:\/u\/\d+)?\/i\/s$/;
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8' };

export interface ServeGmailOptions {
  /** Serve the shell with `require-trusted-types-for 'script'`, as Gmail does (default true). */
  trustedTypes?: boolean;
  /** Status for the send request (default 200); a failure lets tests check nothing is confirmed. */
  sendStatus?: number;
}

export interface GmailPageOptions {
  variant?: 'default' | 'drift' | 'chips-listbox';
  thread?: 'long';
  undoMs?: number;
  drafts?: boolean;
  /** Route to open, e.g. '#inbox/<token>' (default #inbox). */
  hash?: string;
  /** Account index in /mail/u/N/ (default 0). */
  account?: number;
  /** A compose alone on its own page (?view=cm), as a pop-out or a mailto: link opens it. */
  popout?: { to?: string; su?: string; body?: string };
}

export interface ServedGmail {
  /** The fixture's address for these options. */
  url(options?: GmailPageOptions): string;
  /** Every POST to /sync/u/N/i/s, in order (sends and draft saves). */
  readonly syncPosts: Array<{ url: string; body: string }>;
  /** The messages those POSTs really sent (^pfg/^scheduled), parsed. */
  sends(): SentMessage[];
  /** Every request to *.googleusercontent.com (fragments never reach the network). */
  readonly proxyRequests: string[];
  /** Forget what was recorded so far. */
  reset(): void;
}

export async function serveGmail(context: BrowserContext, options: ServeGmailOptions = {}): Promise<ServedGmail> {
  const syncPosts: Array<{ url: string; body: string }> = [];
  const proxyRequests: string[] = [];
  const shell = readFileSync(path.join(FIXTURE_DIR, 'app.html'), 'utf8');
  const shellHeaders: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  if (options.trustedTypes ?? true) shellHeaders['content-security-policy'] = "require-trusted-types-for 'script'";

  await context.route('https://mail.google.com/**', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (SEND_PATH.test(url.pathname) && request.method() === 'POST') {
      syncPosts.push({ url: request.url(), body: request.postData() ?? '' });
      return route.fulfill({ status: options.sendStatus ?? 200, contentType: 'application/json', body: '{}' });
    }
    if (url.pathname.startsWith('/sync/')) return route.fulfill({ contentType: 'application/json', body: '{}' });
    const file = /^\/_fixture\/gmail\/([\w-]+\.(?:js|json))$/.exec(url.pathname)?.[1];
    if (file) {
      return route.fulfill({ contentType: TYPES[path.extname(file)], body: readFileSync(path.join(FIXTURE_DIR, file)) });
    }
    if (url.pathname === '/' || url.pathname.startsWith('/mail/')) return route.fulfill({ status: 200, headers: shellHeaders, body: shell });
    return route.fulfill({ status: 404, body: '' });
  });

  await context.route('https://*.googleusercontent.com/**', async (route: Route) => {
    proxyRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/gif', headers: { 'cache-control': 'no-cache, max-age=0' }, body: GIF });
  });

  return {
    url(page: GmailPageOptions = {}) {
      const query = new URLSearchParams();
      if (page.variant && page.variant !== 'default') query.set('variant', page.variant);
      if (page.thread) query.set('thread', page.thread);
      if (page.undoMs !== undefined) query.set('undo', String(page.undoMs));
      if (page.drafts) query.set('drafts', '1');
      if (page.popout) {
        query.set('view', 'cm');
        query.set('fs', '1');
        for (const [key, value] of Object.entries(page.popout)) query.set(key, value);
      }
      const search = query.size > 0 ? `?${query}` : '';
      return `https://mail.google.com/mail/u/${page.account ?? 0}/${search}${page.hash ?? (page.thread || page.popout ? '' : '#inbox')}`;
    },
    syncPosts,
    sends: () => syncPosts.flatMap((post) => parseSendRequest(post.body)),
    proxyRequests,
    reset() {
      syncPosts.length = 0;
      proxyRequests.length = 0;
    },
  };
}
