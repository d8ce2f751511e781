// The Outlook on the web host: everything Tidewise knows about OWA's page, behind the Host
// interface, built like gmail.ts. It reads the DOM through outlook-selectors.ts (ids, data-*,
// roles, icon names; never a localized label alone), hears sends from the MAIN-world tap
// (outlook-tap.ts) and writes only through DOM APIs.
import { putText, simulateClick, waitFor } from './editor-input.ts';
import { listenForChanges, listenForSendAttempts, listenForSendConfirmations, sharedWatcher } from './host-listeners.ts';
import { messageReader, type MessageHeader } from './message-reader.ts';
import { safeDecode, text } from './page-text.ts';
import { makePerson, uniquePeople } from './people.ts';
import type { Compose, ComposeKind, Conversation, Host, InboxRow, Person, SelfCheck } from './host.ts';
import { all, closest, first, matchesAny, OUTLOOK } from './outlook-selectors.ts';
import { OUTLOOK_PEOPLE_EVENT, PeopleDirectory } from './outlook-people.ts';
import { OUTLOOK_SENT_EVENT } from './outlook-send-request.ts';
import { pixelImages, shownPixels } from './pixel-images.ts';
import { readPeopleDetail } from './tap-events.ts';
import type { PageWatcherOptions } from './page-watcher.ts';

export interface OutlookHost extends Host {
  /** Durations (ms) of the page watcher's recent flushes, oldest first (benchmarks). */
  flushDurations(): number[];
}

export interface OutlookHostOptions {
  /** When it returns a prefix, send confirmations carry only pixels under it. */
  pixelPrefix?: () => string | null | undefined;
  /** How long insertReply waits for the reply editor to appear. */
  replyTimeoutMs?: number;
  /** Page-watcher options (tests schedule flushes themselves). */
  watch?: PageWatcherOptions;
  /** Ends the host's own listening (the addresses the MAIN-world tap reads from Outlook's answers). */
  signal?: AbortSignal;
}

const RELEVANT = [...OUTLOOK.conversation, ...OUTLOOK.message, ...OUTLOOK.row, ...OUTLOOK.composeEditor, 'img[src*="/actions/ei?"]'];
const RELEVANT_ANY = RELEVANT.join(', ');
const ADDRESS = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/;

export function createOutlookHost(doc: Document = document, options: OutlookHostOptions = {}): OutlookHost {
  const composeByRoot = new WeakMap<Element, Compose>();
  let composeCount = 0;
  const watchers = sharedWatcher(doc, () => options.watch);
  // OWA often shows display names only: the tap hears the addresses in Outlook's own answers.
  const directory = new PeopleDirectory();
  const reader = messageReader({
    header: readHeader,
    body: (element) => first(element, OUTLOOK.messageBody),
    fallbackId: (element) => `outlook-message-${[...element.parentElement?.children ?? []].indexOf(element)}`,
  });
  doc.addEventListener(OUTLOOK_PEOPLE_EVENT, (event) => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    // The page can dispatch this event too: names only ever map to addresses of the tap's shape.
    const reading = readPeopleDetail(detail);
    if (!reading.ok) console.warn(`tidewise: unreadable Outlook people (${reading.error})`);
    // Names read before may have an address now.
    else if (directory.add(reading.value)) reader.forgetHeaders();
  }, options.signal ? { signal: options.signal } : {});
  /** A persona's address from the page, else from what Outlook's answers said about its name. */
  const personIn = (element: Element): Person | null => {
    const shown = personOf(element);
    if (shown) return shown;
    const name = text(element);
    const email = name ? directory.lookup(name) : null;
    return email ? makePerson(email, name) : null;
  };

  function currentUser(): Person | null {
    const secondary = first(doc, OUTLOOK.accountAddress);
    const fromAccount = secondary ? addressIn(text(secondary)) : null;
    const button = first(doc, OUTLOOK.accountButton);
    const email = fromAccount ?? (button ? addressOf(button) : null);
    if (!email) return null;
    const name = first(doc, OUTLOOK.accountName);
    return makePerson(email, name ? text(name) : null);
  }

  function selfCheck(): SelfCheck {
    const missing: string[] = [];
    const pane = first(doc, OUTLOOK.readingPane);
    // The message list, not a compose's recipient suggestions (a listbox too).
    const list = all(doc, OUTLOOK.list, (box) => !closest(box, OUTLOOK.composeRoot)).length > 0;
    // A compose in its own window (pop-out, mailto: link) has no list and no reading pane: there
    // only the compose's own anchors, checked below, matter.
    if (!pane && !list && !first(doc, OUTLOOK.composeEditor)) missing.push('reading-pane');
    const open = first(doc, OUTLOOK.conversation);
    if (open) {
      if (!first(open, OUTLOOK.subject)) missing.push('thread-subject');
      const message = first(open, OUTLOOK.message);
      if (!message) missing.push('thread-messages');
      else if (!first(message, OUTLOOK.persona)) missing.push('message-sender');
      if (!threadKeyOf(open)) missing.push('conversation-id');
    }
    for (const editor of all(doc, OUTLOOK.composeEditor)) {
      const root = closest(editor, OUTLOOK.composeRoot);
      if (!root) missing.push('compose-root');
      else if (!sendButtonIn(root)) missing.push('compose-send-button');
    }
    return { ok: missing.length === 0, missing: [...new Set(missing)] };
  }

  function threadKeyOf(open: Element): string | null {
    const own = open.getAttribute('data-convid') ?? first(open, OUTLOOK.convId)?.getAttribute('data-convid');
    if (own) return own;
    const row = first(doc, OUTLOOK.selectedRow)?.getAttribute('data-convid');
    return row ?? itemIdFromUrl(doc.location?.href ?? '');
  }

  function conversation(): Conversation | null {
    const open = first(doc, OUTLOOK.conversation);
    if (!open) return null;
    const threadKey = threadKeyOf(open);
    if (!threadKey) return null;
    const heading = first(open, OUTLOOK.subject);
    const subject = heading ? text(heading) : '';
    const messages = all(open, OUTLOOK.message).flatMap((element) => reader.read(element, subject) ?? []);
    const participants = uniquePeople(messages.flatMap((message) => [...(message.from ? [message.from] : []), ...message.recipients]));
    return { threadKey, subject, messages, participants };
  }

  function readHeader(element: Element): MessageHeader {
    const body = first(element, OUTLOOK.messageBody);
    // Personas in the body (a quoted signature card) are not the header's.
    const personas = all(element, OUTLOOK.persona, (el) => !body?.contains(el)).map(personIn);
    const [from = null, ...recipients] = personas;
    const date = first(element, OUTLOOK.messageDate);
    const at = Date.parse(date?.getAttribute('datetime') ?? date?.getAttribute('title') ?? '');
    return {
      id: element.getAttribute('data-item-id') ?? body?.id ?? null,
      from,
      recipients: uniquePeople(recipients.flatMap((person) => person ?? [])),
      at: Number.isNaN(at) ? null : at,
    };
  }

  function inboxRows(): InboxRow[] {
    return all(doc, OUTLOOK.row).flatMap((row) => {
      const threadKey = row.getAttribute('data-convid');
      const from = all(row, OUTLOOK.persona).map(personIn).find((person) => person !== null)
        ?? [...row.querySelectorAll('[title]')].map(personIn).find((person) => person !== null);
      if (!threadKey || !from) return [];
      const titled = [...row.querySelectorAll('[title]')].filter((el) => !addressOf(el));
      const time = row.querySelector('time');
      const at = Date.parse(time?.getAttribute('datetime') ?? '');
      return [{
        threadKey,
        from,
        subject: titled[0]?.getAttribute('title') ?? '',
        snippet: previewOf(row, [...all(row, OUTLOOK.persona), ...titled.slice(0, 1), ...(time ? [time] : [])]),
        at: Number.isNaN(at) ? null : at,
        unread: matchesAny(row, OUTLOOK.rowUnread),
      }];
    });
  }

  function composes(): Compose[] {
    return all<HTMLElement>(doc, OUTLOOK.composeEditor).flatMap((editor) => composeOf(editor) ?? []);
  }

  function composeOf(editor: HTMLElement): Compose | null {
    const root = closest(editor, OUTLOOK.composeRoot) ?? editor.parentElement;
    if (!root) return null;
    const known = composeByRoot.get(root);
    if (known?.body === editor) return known;
    const compose: Compose = {
      id: `outlook-compose-${++composeCount}`,
      get kind(): ComposeKind {
        const subject = subjectOf(root);
        if (/^\s*(fwd?|wg|tr|rv)\s*:/i.test(subject)) return 'forward';
        if (/^\s*(re|aw|antw|sv|r)\s*:/i.test(subject) || root.closest(OUTLOOK.conversation[0])) return 'reply';
        return 'new';
      },
      element: root,
      body: editor,
      recipients: () => uniquePeople(all(root, OUTLOOK.persona, (el) => !editor.contains(el) && !el.closest('[role=listbox]')).flatMap((el) => personIn(el) ?? [])),
      subject: () => subjectOf(root),
      threadKey: () => {
        const open = root.closest(OUTLOOK.conversation[0]);
        return open ? threadKeyOf(open) : null;
      },
      toolbar: () => sendButtonIn(root)?.parentElement ?? null,
    };
    composeByRoot.set(root, compose);
    return compose;
  }

  function subjectOf(root: Element): string {
    const input = first<HTMLInputElement>(root, OUTLOOK.composeSubject);
    if (input) return input.value;
    // An inline reply has no subject field: it answers the open conversation.
    const open = root.closest(OUTLOOK.conversation[0]);
    const heading = open ? first(open, OUTLOOK.subject) : null;
    return heading ? `RE: ${text(heading)}` : '';
  }

  function composeFrom(target: Element): Compose | null {
    const root = closest(target, OUTLOOK.composeRoot);
    const editor = root ? first<HTMLElement>(root, OUTLOOK.composeEditor) : null;
    return editor ? composeOf(editor) : null;
  }

  const host: OutlookHost = {
    provider: 'outlook',
    currentUser,
    selfCheck,
    conversation,
    inboxRows,
    composes,

    onChange(callback, signal) {
      if (signal.aborted) return;
      listenForChanges({
        doc,
        watcher: watchers.use(signal),
        relevant: RELEVANT_ANY,
        anchors: () => [first(doc, OUTLOOK.readingPane), first(doc, OUTLOOK.message)?.parentElement],
        routeEvent: 'popstate',
      }, callback, signal);
    },

    onSendAttempt(callback, signal) {
      listenForSendAttempts(doc, { sendButtonFrom, composeFrom }, callback, signal);
    },

    onSendConfirmed(callback, signal) {
      listenForSendConfirmations(doc, OUTLOOK_SENT_EVENT, options.pixelPrefix, callback, signal);
    },

    renderedPixels(pixelPrefix, root = doc) {
      return shownPixels(root, pixelPrefix, (src) => proxiedOriginal(src, doc.location?.href));
    },

    pixelsInCompose(compose, pixelPrefix) {
      return pixelImages(compose.body, pixelPrefix, (src) => proxiedOriginal(src, doc.location?.href));
    },

    async insertReply(subject, body) {
      const open = first(doc, OUTLOOK.conversation);
      if (!open || !conversation()) return null;
      const inline = () => composes().find((c) => open.contains(c.element)) ?? null;
      let compose = inline();
      if (!compose) {
        const button = all(open, OUTLOOK.replyButton).at(-1);
        if (!button) return null;
        simulateClick(button);
        compose = await waitFor(doc, inline, options.replyTimeoutMs ?? 5000);
        if (!compose) return null;
      }
      const subjectInput = first<HTMLInputElement>(compose.element, OUTLOOK.composeSubject);
      if (subject && subjectInput && subjectInput.value !== subject) {
        subjectInput.value = subject;
        subjectInput.dispatchEvent(new Event('input', { bubbles: true }));
      }
      putText(compose.body, body);
      compose.body.focus();
      host.notifyBodyChanged(compose);
      return compose;
    },

    openThreadUrl(email) {
      return outlookSearchUrl(email, doc.location?.href ?? 'https://outlook.office.com/mail/');
    },

    notifyBodyChanged(compose) {
      compose.body.dispatchEvent(new Event('input', { bubbles: true }));
    },

    flushDurations() {
      return watchers.flushDurations();
    },
  };
  return host;
}

/** The search for an address on the Outlook host the rep is on (live.com keeps its /mail/0/). [?] on real OWA. */
export function outlookSearchUrl(email: string, current: string): string {
  const url = new URL(current);
  const origin = /^outlook\.(office|office365|live)\.com$|^outlook\.cloud\.microsoft$/.test(url.hostname) ? url.origin : 'https://outlook.office.com';
  const base = /^\/mail\/0\//.test(url.pathname) ? '/mail/0/' : '/mail/';
  return `${origin}${base}search?q=${encodeURIComponent(email)}`;
}

/** The item id in /mail/[0/]<folder>/id/<urlencoded id> (or ?ItemID= in pop-outs). */
export function itemIdFromUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const fromPath = /\/id\/([^/?#]+)/.exec(url.pathname)?.[1];
  const raw = fromPath ?? url.searchParams.get('ItemID');
  return raw ? safeDecode(raw) : null;
}

/** An Outlook-proxied image (/actions/ei?u=<encoded original>&d=…): its URL and the original, decoded once or twice. */
export function proxiedOriginal(src: string, base = 'https://outlook.office.com/'): { proxiedUrl: string; pixelUrl: string } | null {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return null;
  }
  if (url.pathname !== '/actions/ei') return null;
  let original = url.searchParams.get('u');
  if (!original) return null;
  if (/^https?%3A/i.test(original)) original = safeDecode(original);
  return { proxiedUrl: url.href, pixelUrl: original };
}

// -------------------------------------------------------------------------------------------------
// Reading

/**
 * A list row's preview of the latest message: OWA marks it with nothing stable, so it is the
 * longest text in the row outside the sender, the subject and the time.
 */
function previewOf(row: Element, known: Element[]): string | null {
  let preview = '';
  const walker = row.ownerDocument.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || known.some((element) => element.contains(parent))) continue;
    const value = text(parent);
    if (value.length > preview.length && !known.some((element) => parent.contains(element))) preview = value;
  }
  return preview || null;
}

function sendButtonIn(root: Element): Element | null {
  const icon = first(root, OUTLOOK.sendIcon);
  return icon?.closest('button, [role=button]') ?? first(root, OUTLOOK.sendButtonLabel);
}

function sendButtonFrom(target: EventTarget | null): Element | null {
  if (!(target instanceof Element)) return null;
  const button = target.closest('button, [role=button]');
  if (!button) return null;
  return first(button, OUTLOOK.sendIcon) || matchesAny(button, OUTLOOK.sendButtonLabel) ? button : null;
}

function addressIn(value: string | null | undefined): string | null {
  return value ? (ADDRESS.exec(value)?.[0] ?? null) : null;
}

/** An address an element states in title, aria-label or its text ("Anna <anna@x.de>"). */
function addressOf(element: Element): string | null {
  return addressIn(element.getAttribute('title')) ?? addressIn(element.getAttribute('aria-label')) ?? addressIn(element.textContent);
}

/** A persona: its address from an attribute or text, its name from the text without the address. */
function personOf(element: Element): Person | null {
  const email = addressOf(element);
  if (!email) return null;
  const name = text(element).replace(ADDRESS, '').replace(/[<>]/g, '').trim();
  return makePerson(email, name || null);
}
