import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { GMAIL_SENT_EVENT, type SentMessage } from './gmail-send-request.ts';
import { installGmailTap } from './gmail-tap.ts';

const SEND = readFileSync(path.join(__dirname, '../../test/fixtures/gmail/send-request.json'), 'utf8');
const DRAFT_ONLY = JSON.stringify([[null, null, 2], [[[10, ['thread-a:r1', [null, [
  ['msg-a:r2', [1, 'rep@tidewise-demo.com'], [], null, null, null, 1, 'draft', [null, [[0, 'x']]], null, ['^all', '^r']],
]]]]]]]);

// A page's XHR as far as the tap can tell: it records what the page asked for and answers on demand.
class PageXhr extends EventTarget {
  status = 0;
  opened: unknown[] = [];
  sent: unknown;
  open(...args: unknown[]) {
    this.opened = args;
  }
  send(body?: unknown) {
    this.sent = body;
  }
  answer(status: number) {
    this.status = status;
    this.dispatchEvent(new Event('load'));
  }
}

let page: { XMLHttpRequest: typeof XMLHttpRequest; fetch: typeof fetch; Request: typeof Request; CustomEvent: typeof CustomEvent; document: Document };
let pageFetch: ReturnType<typeof vi.fn>;
let uninstall: () => void;
let announced: SentMessage[];
const listen = (event: Event) => announced.push(JSON.parse((event as CustomEvent<string>).detail) as SentMessage);

beforeEach(() => {
  class Xhr extends PageXhr {}
  pageFetch = vi.fn(async () => new Response('{}', { status: 200 }));
  page = { XMLHttpRequest: Xhr as unknown as typeof XMLHttpRequest, fetch: pageFetch as unknown as typeof fetch, Request, CustomEvent, document };
  uninstall = installGmailTap(page);
  announced = [];
  document.addEventListener(GMAIL_SENT_EVENT, listen);
});
afterEach(() => {
  uninstall();
  document.removeEventListener(GMAIL_SENT_EVENT, listen);
});

function xhr(method: string, url: string, body: string): PageXhr {
  const request = new page.XMLHttpRequest() as unknown as PageXhr;
  request.open(method, url, true);
  request.send(body);
  return request;
}

test('a successful XHR send is announced as JSON, after the answer, with the request untouched', () => {
  const request = xhr('POST', '/sync/u/0/i/s?hl=en&c=7&rt=r&pt=ji', SEND);
  expect(request.opened).toEqual(['POST', '/sync/u/0/i/s?hl=en&c=7&rt=r&pt=ji', true]);
  expect(request.sent).toBe(SEND);
  expect(announced).toEqual([]);
  request.answer(200);
  expect(announced).toHaveLength(1);
  expect(announced[0]).toMatchObject({ messageId: 'msg-a:r5829417730184526601', pixels: [{ messageId: 'dfMbhux3cjXpvYt9LH47dQ' }] });
});

test.each([
  ['a failed send', 'POST', '/sync/u/0/i/s', SEND, 500],
  ['a draft save', 'POST', '/sync/u/0/i/s', DRAFT_ONLY, 200],
  ['a thread fetch', 'POST', '/sync/u/0/i/fd', SEND, 200],
  ['a GET', 'GET', '/sync/u/0/i/s', SEND, 200],
])('%s over XHR is not announced', (_, method, url, body, status) => {
  xhr(method, url, body).answer(status);
  expect(announced).toEqual([]);
});

test('a fetch send (string body) is announced once the response is ok; the page gets its own response', async () => {
  const response = await page.fetch('https://mail.google.com/sync/u/1/i/s?c=2', { method: 'POST', body: SEND });
  expect(await response.text()).toBe('{}');
  expect(pageFetch).toHaveBeenCalledWith('https://mail.google.com/sync/u/1/i/s?c=2', { method: 'POST', body: SEND });
  await vi.waitFor(() => expect(announced).toHaveLength(1));
});

test('a fetch send with a Request is read from a copy; the page can still send the original', async () => {
  pageFetch.mockImplementation(async (request: Request) => new Response(await request.text()));
  const response = await page.fetch(new Request('https://mail.google.com/sync/u/0/i/s', { method: 'POST', body: SEND }));
  expect(await response.text()).toBe(SEND);
  await vi.waitFor(() => expect(announced).toHaveLength(1));
});

test('a fetch that fails still fails for the page and announces nothing', async () => {
  pageFetch.mockRejectedValue(new TypeError('Failed to fetch'));
  await expect(page.fetch('/sync/u/0/i/s', { method: 'POST', body: SEND })).rejects.toThrow('Failed to fetch');
  pageFetch.mockResolvedValue(new Response('', { status: 503 }));
  await page.fetch('/sync/u/0/i/s', { method: 'POST', body: SEND });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(announced).toEqual([]);
});

test('installing twice taps once; uninstalling restores the page functions', () => {
  const again = installGmailTap(page);
  xhr('POST', '/sync/u/0/i/s', SEND).answer(200);
  expect(announced).toHaveLength(1);
  again();
  uninstall();
  expect(page.fetch).toBe(pageFetch);
  expect(page.XMLHttpRequest.prototype.send).toBe(PageXhr.prototype.send);
});
