// The read-only XHR/fetch tap both webmails' MAIN-world scripts use: it watches, never changes,
// the page's requests. A successful POST the host calls a send hands its request body to `onSent`;
// a successful request the host wants to read hands its answer text to `onAnswer`. Nothing here
// may throw into the webmail's code.
export type TapWindow = Pick<typeof globalThis, 'XMLHttpRequest' | 'fetch' | 'Request' | 'CustomEvent'> & { document: Document };

export interface TapHandlers {
  isSend(url: string): boolean;
  onSent(body: string): void;
  isRead?(url: string): boolean;
  onAnswer?(text: string): void;
}

/** Installs the tap once per page under `key`; returns a function that takes it out again (tests). */
export function installRequestTap(win: TapWindow, key: symbol, handlers: TapHandlers): () => void {
  const marked = win as TapWindow & { [key: symbol]: boolean | undefined };
  if (marked[key]) return () => undefined;
  marked[key] = true;
  const isRead = (url: string) => handlers.isRead?.(url) === true;
  const answer = (text: string) => handlers.onAnswer?.(text);

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
    if (target?.method === 'POST' && handlers.isSend(target.url) && typeof body === 'string') {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) handlers.onSent(body);
      }, { once: true });
    }
    if (target && isRead(target.url)) {
      this.addEventListener('load', () => {
        if (this.status < 200 || this.status >= 300) return;
        const reply: unknown = this.responseType === '' || this.responseType === 'text' ? this.responseText : this.response;
        if (typeof reply === 'string') answer(reply);
        else if (reply && typeof reply === 'object' && this.responseType === 'json') answer(JSON.stringify(reply));
      }, { once: true });
    }
    return Reflect.apply(send, this, args) as void;
  };

  const fetch = win.fetch;
  win.fetch = function (this: unknown, ...args: Parameters<typeof globalThis.fetch>) {
    let body: Promise<string> | null = null;
    let reads = false;
    try {
      body = sendRequestBody(win, args[0], args[1], handlers.isSend);
      reads = isRead(args[0] instanceof win.Request ? args[0].url : String(args[0]));
    } catch {
      body = null;
    }
    const response = Reflect.apply(fetch, this, args) as Promise<Response>;
    if (reads) response.then((reply) => (reply.ok ? reply.clone().text().then(answer) : undefined)).catch(() => undefined);
    if (body) {
      const read = body;
      response.then((reply) => (reply.ok ? read.then(handlers.onSent) : undefined)).catch(() => undefined);
    }
    return response;
  };

  return () => {
    proto.open = open;
    proto.send = send;
    win.fetch = fetch;
    delete marked[key];
  };
}

/** The body of a fetch that is a send request, read before fetch consumes it; else null. */
function sendRequestBody(win: TapWindow, input: RequestInfo | URL, init: RequestInit | undefined, isSend: (url: string) => boolean): Promise<string> | null {
  const request = input instanceof win.Request ? input : null;
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  const url = request ? request.url : String(input);
  if (method !== 'POST' || !isSend(url)) return null;
  if (typeof init?.body === 'string') return Promise.resolve(init.body);
  if (init?.body === undefined && request) return request.clone().text();
  return null;
}
