// Outlook's send tap, run in the page's own (MAIN) world, built like gmail-tap.ts: it watches,
// never changes, the page's XHR and fetch calls. When a POST to /owa/service.svc?action=CreateItem
// (SendItem, UpdateItem) with MessageDisposition SendAndSaveCopy succeeds, each message in it is
// announced to the isolated content script as a DOM event whose detail is a JSON string. Nothing
// here may throw into Outlook's code. It also reads the answers to GetConversationItems and its
// kin and announces the name-address pairs in them (the page often shows names only).
import { isOutlookReadRequestUrl, OUTLOOK_PEOPLE_EVENT, parsePeople } from './outlook-people.ts';
import { isOutlookSendRequestUrl as isSendRequestUrl, OUTLOOK_SENT_EVENT, parseOutlookSendRequest } from './outlook-send-request.ts';

type TapWindow = Pick<typeof globalThis, 'XMLHttpRequest' | 'fetch' | 'Request' | 'CustomEvent'> & { document: Document };

const INSTALLED = Symbol.for('tidewise.outlook-tap');

/** Installs the tap once per page; returns a function that takes it out again (tests). */
export function installOutlookTap(win: TapWindow): () => void {
  const marked = win as TapWindow & { [INSTALLED]?: boolean };
  if (marked[INSTALLED]) return () => undefined;
  marked[INSTALLED] = true;

  const announce = (body: string) => {
    try {
      for (const message of parseOutlookSendRequest(body, Date.now())) {
        win.document.dispatchEvent(new win.CustomEvent(OUTLOOK_SENT_EVENT, { detail: JSON.stringify(message) }));
      }
    } catch (error) {
      console.error('tidewise: could not read an Outlook send request', error);
    }
  };

  const announcePeople = (answer: string) => {
    try {
      const people = parsePeople(answer);
      if (people.length > 0) win.document.dispatchEvent(new win.CustomEvent(OUTLOOK_PEOPLE_EVENT, { detail: JSON.stringify(people) }));
    } catch (error) {
      console.error('tidewise: could not read an Outlook answer', error);
    }
  };

  const proto = win.XMLHttpRequest.prototype;
  const { open, send } = proto;
  const targets = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  proto.open = function (this: XMLHttpRequest, ...args: [string, string | URL, ...unknown[]]) {
    try {
      targets.set(this, { method: String(args[0]).toUpperCase(), url: String(args[1]) });
    } catch {
      // an odd url object: not a request we read
    }
    return Reflect.apply(open, this, args) as void;
  };
  proto.send = function (this: XMLHttpRequest, ...args: unknown[]) {
    const target = targets.get(this);
    const body = args[0];
    if (target?.method === 'POST' && isSendRequestUrl(target.url) && typeof body === 'string') {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) announce(body);
      }, { once: true });
    }
    if (target && isOutlookReadRequestUrl(target.url)) {
      this.addEventListener('load', () => {
        if (this.status < 200 || this.status >= 300) return;
        const answer: unknown = this.responseType === '' || this.responseType === 'text' ? this.responseText : this.response;
        if (typeof answer === 'string') announcePeople(answer);
        else if (answer && typeof answer === 'object' && this.responseType === 'json') announcePeople(JSON.stringify(answer));
      }, { once: true });
    }
    return Reflect.apply(send, this, args) as void;
  };

  const fetch = win.fetch;
  win.fetch = function (this: unknown, ...args: Parameters<typeof globalThis.fetch>) {
    let body: Promise<string> | null = null;
    try {
      body = sendRequestBody(win, args[0], args[1]);
    } catch {
      body = null;
    }
    const response = Reflect.apply(fetch, this, args) as Promise<Response>;
    let readsPeople = false;
    try {
      readsPeople = isOutlookReadRequestUrl(args[0] instanceof win.Request ? args[0].url : String(args[0]));
    } catch {
      readsPeople = false;
    }
    if (readsPeople) response.then((answer) => (answer.ok ? answer.clone().text().then(announcePeople) : undefined)).catch(() => undefined);
    if (body) {
      const read = body;
      response.then((answer) => (answer.ok ? read.then(announce) : undefined)).catch(() => undefined);
    }
    return response;
  };

  return () => {
    proto.open = open;
    proto.send = send;
    win.fetch = fetch;
    delete marked[INSTALLED];
  };
}

/** The body of a fetch that is an Outlook send request, read before fetch consumes it; else null. */
function sendRequestBody(win: TapWindow, input: RequestInfo | URL, init?: RequestInit): Promise<string> | null {
  const request = input instanceof win.Request ? input : null;
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  const url = request ? request.url : String(input);
  if (method !== 'POST' || !isSendRequestUrl(url)) return null;
  if (typeof init?.body === 'string') return Promise.resolve(init.body);
  if (init?.body === undefined && request) return request.clone().text();
  return null;
}
