// Serves the fixture Outlook on the web (test/fixtures/outlook) at https://outlook.office.com in a
// Playwright context, like gmail-fixture.ts: the shell for every /mail/ page, the fixture's script,
// service.svc (every POST recorded; GetConversationItems answered from the page's mailbox, sends
// and the rest answered {}), and Outlook's image proxy /actions/ei (recorded, a 1x1 GIF).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { parseOutlookSendRequest, type OutlookSentMessage } from '../../extension/hosts/outlook-send-request.ts';
import { ROOT } from '../tools/local-worker.ts';

const FIXTURE_DIR = path.join(ROOT, 'test/fixtures/outlook');
const READ_ACTIONS = new Set(['GetConversationItems']);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface OutlookPageOptions {
  /** drift: hashed-away ids; names: reading-pane personas without addresses (they come from GetConversationItems). */
  variant?: 'default' | 'drift' | 'names';
  lang?: 'en' | 'de';
  /** A 200-message conversation with one buyer, opened first unless `path` says otherwise. */
  thread?: 'long';
  /** Path to open (default /mail/inbox; with `thread`, /mail/, where the fixture opens it). */
  path?: string;
}

export interface ServedOutlook {
  url(options?: OutlookPageOptions): string;
  /** Every POST to /owa/service.svc, in order. */
  readonly servicePosts: Array<{ url: string; body: string }>;
  /** The messages those POSTs really sent (SendAndSaveCopy/SendOnly), parsed. */
  sends(): OutlookSentMessage[];
  /** Every request to /actions/ei (Outlook's image proxy). */
  readonly proxyRequests: string[];
  reset(): void;
}

export async function serveOutlook(context: BrowserContext, options: { sendStatus?: number } = {}): Promise<ServedOutlook> {
  const servicePosts: Array<{ url: string; body: string }> = [];
  const proxyRequests: string[] = [];
  const shell = readFileSync(path.join(FIXTURE_DIR, 'app.html'), 'utf8');

  await context.route('https://outlook.office.com/**', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (/\/service\.svc$/.test(url.pathname)) {
      if (request.method() === 'POST') servicePosts.push({ url: request.url(), body: request.postData() ?? '' });
      const action = url.searchParams.get('action') ?? '';
      if (READ_ACTIONS.has(action)) {
        // The page holds the fixture's mailbox: it says what Outlook's server would answer.
        const answer = await request.frame().evaluate(
          ({ action, body }) => (window as unknown as { fakeOutlook?: { serviceAnswer(a: string, b: string): unknown } }).fakeOutlook?.serviceAnswer(action, body) ?? {},
          { action, body: request.postData() ?? '{}' },
        );
        return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(answer) });
      }
      return route.fulfill({ status: options.sendStatus ?? 200, contentType: 'application/json', body: '{}' });
    }
    if (url.pathname === '/actions/ei') {
      proxyRequests.push(request.url());
      return route.fulfill({ status: 200, contentType: 'image/gif', headers: { 'cache-control': 'no-cache, max-age=0' }, body: GIF });
    }
    if (url.pathname === '/_fixture/outlook/fake-outlook.js') {
      return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(path.join(FIXTURE_DIR, 'fake-outlook.js')) });
    }
    if (url.pathname === '/' || url.pathname.startsWith('/mail/')) {
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: shell });
    }
    return route.fulfill({ status: 404, body: '' });
  });

  return {
    url(page: OutlookPageOptions = {}) {
      const query = new URLSearchParams();
      if (page.variant && page.variant !== 'default') query.set('variant', page.variant);
      if (page.lang && page.lang !== 'en') query.set('lang', page.lang);
      if (page.thread) query.set('thread', page.thread);
      const search = query.size > 0 ? `?${query}` : '';
      return `https://outlook.office.com${page.path ?? (page.thread ? '/mail/' : '/mail/inbox')}${search}`;
    },
    servicePosts,
    sends: () => servicePosts.flatMap((post) => parseOutlookSendRequest(post.body)),
    proxyRequests,
    reset() {
      servicePosts.length = 0;
      proxyRequests.length = 0;
    },
  };
}
