import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { OUTLOOK_PEOPLE_EVENT, type OutlookPerson } from './outlook-people.ts';
import { OUTLOOK_SENT_EVENT, type OutlookSentMessage } from './outlook-send-request.ts';
import { installOutlookTap } from './outlook-tap.ts';

const PIXEL = 'https://track.tidewise-demo.com/p/tw84tAtqmZBOChhg/AaxK-GUsReRp_iGiD-JJIZgs2gczPK2G3ntZHCsNjDww.gif';
const create = (disposition: string) => JSON.stringify({ __type: 'CreateItemJsonRequest:#Exchange', Body: { MessageDisposition: disposition, Items: [{
  Subject: 'Angebot', Body: { BodyType: 'HTML', Value: `<html><body>Hallo<img src="${PIXEL}"></body></html>` }, ToRecipients: [{ EmailAddress: 'anna@x.de', Name: 'Anna' }],
}] } });
const SEND = create('SendAndSaveCopy');
const CREATE = '/owa/service.svc?action=CreateItem&app=Mail&n=7';
const PEOPLE_ANSWER = JSON.stringify({ Body: { Items: [{ From: { Mailbox: { Name: 'Anna Schmidt', EmailAddress: 'anna@x.de' } } }] } });

// A page's XHR as far as the tap can tell: it records what the page asked for and answers on demand.
class PageXhr extends EventTarget {
  status = 0;
  responseType = '';
  responseText = '';
  response: unknown = '';
  opened: unknown[] = [];
  sent: unknown;
  open(...args: unknown[]) {
    this.opened = args;
  }
  send(body?: unknown) {
    this.sent = body;
  }
  answer(status: number, text = '{}') {
    this.status = status;
    this.responseText = text;
    this.response = text;
    this.dispatchEvent(new Event('load'));
  }
}

let page: { XMLHttpRequest: typeof XMLHttpRequest; fetch: typeof fetch; Request: typeof Request; CustomEvent: typeof CustomEvent; document: Document };
let pageFetch: ReturnType<typeof vi.fn>;
let uninstall: () => void;
let sent: OutlookSentMessage[];
let people: OutlookPerson[][];
const onSent = (event: Event) => sent.push(JSON.parse((event as CustomEvent<string>).detail) as OutlookSentMessage);
const onPeople = (event: Event) => people.push(JSON.parse((event as CustomEvent<string>).detail) as OutlookPerson[]);

beforeEach(() => {
  class Xhr extends PageXhr {}
  pageFetch = vi.fn(async () => new Response('{}', { status: 200 }));
  page = { XMLHttpRequest: Xhr as unknown as typeof XMLHttpRequest, fetch: pageFetch as unknown as typeof fetch, Request, CustomEvent, document };
  uninstall = installOutlookTap(page);
  sent = [];
  people = [];
  document.addEventListener(OUTLOOK_SENT_EVENT, onSent);
  document.addEventListener(OUTLOOK_PEOPLE_EVENT, onPeople);
});
afterEach(() => {
  uninstall();
  document.removeEventListener(OUTLOOK_SENT_EVENT, onSent);
  document.removeEventListener(OUTLOOK_PEOPLE_EVENT, onPeople);
});

function xhr(method: string, url: string, body: string): PageXhr {
  const request = new page.XMLHttpRequest() as unknown as PageXhr;
  request.open(method, url, true);
  request.send(body);
  return request;
}

test('a successful CreateItem send over XHR is announced after the answer, the request untouched', () => {
  const request = xhr('POST', CREATE, SEND);
  expect(request.opened).toEqual(['POST', CREATE, true]);
  expect(request.sent).toBe(SEND);
  expect(sent).toEqual([]);
  request.answer(200);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ subject: 'Angebot', to: [{ email: 'anna@x.de', name: 'Anna' }], pixels: [{ messageId: 'rEr4ZSxF5Gn-IaIP4kkhmA' }] });
});

test.each([
  ['a failed send', 'POST', CREATE, SEND, 500],
  ['a draft save', 'POST', CREATE, create('SaveOnly'), 200],
  ['another action', 'POST', '/owa/service.svc?action=GetConversationItems', SEND, 200],
  ['a GET', 'GET', CREATE, SEND, 200],
])('%s over XHR is not announced', (_, method, url, body, status) => {
  xhr(method, url, body).answer(status);
  expect(sent).toEqual([]);
});

test('a fetch send is announced once the response is ok; the page gets its own response', async () => {
  const response = await page.fetch(`https://outlook.office.com${CREATE}`, { method: 'POST', body: SEND });
  expect(await response.text()).toBe('{}');
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  pageFetch.mockResolvedValue(new Response('', { status: 503 }));
  await page.fetch(CREATE, { method: 'POST', body: SEND });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(sent).toHaveLength(1);
});

test('the people in GetConversationItems answers (XHR and fetch) are announced; the page still reads its answer', async () => {
  xhr('POST', '/owa/service.svc?action=GetConversationItems&app=Mail', '{}').answer(200, PEOPLE_ANSWER);
  expect(people).toEqual([[{ email: 'anna@x.de', name: 'Anna Schmidt' }]]);
  pageFetch.mockResolvedValue(new Response(PEOPLE_ANSWER, { status: 200 }));
  const response = await page.fetch('/owa/service.svc?action=GetItem', { method: 'POST', body: '{}' });
  expect(await response.text()).toBe(PEOPLE_ANSWER);
  await vi.waitFor(() => expect(people).toHaveLength(2));
});

test('installing twice taps once; uninstalling restores the page functions', () => {
  const again = installOutlookTap(page);
  xhr('POST', CREATE, SEND).answer(200);
  expect(sent).toHaveLength(1);
  again();
  uninstall();
  expect(page.fetch).toBe(pageFetch);
  expect(page.XMLHttpRequest.prototype.send).toBe(PageXhr.prototype.send);
});
