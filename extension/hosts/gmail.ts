// The Gmail host: everything Tidewise knows about Gmail's page, behind the Host interface. It reads
// the DOM through the candidate lists in gmail-selectors.ts, hears sends from the MAIN-world tap
// (gmail-tap.ts) and writes only through DOM APIs: Gmail enforces Trusted Types.
import { gmailSearchUrl } from './gmail-search-url.ts';
import { all, closest, first, GMAIL, recipientCandidates, type Candidates, type RecipientKind } from './gmail-selectors.ts';
import { GMAIL_SENT_EVENT } from './gmail-send-request.ts';
import { putText, simulateClick, waitFor } from './editor-input.ts';
import { listenForChanges, listenForSendAttempts, listenForSendConfirmations, sharedWatcher } from './host-listeners.ts';
import { messageReader, type MessageHeader } from './message-reader.ts';
import { safeDecode, text } from './page-text.ts';
import { makePerson, uniquePeople } from './people.ts';
import { pixelImages, shownPixels } from './pixel-images.ts';
import type { Compose, ComposeKind, Conversation, Host, InboxRow, Person, SelfCheck } from './host.ts';
import type { PageWatcherOptions } from './page-watcher.ts';

export interface GmailHost extends Host {
  /** Durations (ms) of the page watcher's recent flushes, oldest first (benchmarks). */
  flushDurations(): number[];
}

export interface GmailHostOptions {
  /** When it returns a prefix, send confirmations carry only pixels under it; otherwise every pixel found. */
  pixelPrefix?: () => string | null | undefined;
  /** How long insertReply waits for Gmail's reply box to appear. */
  replyTimeoutMs?: number;
  /** Page-watcher options (tests schedule flushes themselves). */
  watch?: PageWatcherOptions;
}

const RECIPIENT_KINDS: readonly RecipientKind[] = ['to', 'cc', 'bcc'];
/** What makes an added node worth a look: conversations, messages, rows, composes, proxied images. */
const RELEVANT: Candidates = [...GMAIL.threadSubject, ...GMAIL.message, ...GMAIL.inboxRow, ...GMAIL.composeEditor, 'img[src*="#http"]'];
const RELEVANT_ANY = RELEVANT.join(', ');

export function createGmailHost(doc: Document = document, options: GmailHostOptions = {}): GmailHost {
  const composeByRoot = new WeakMap<Element, Compose>();
  let composeCount = 0;
  const watchers = sharedWatcher(doc, () => options.watch);

  function currentUser(): Person | null {
    const account = first(doc, GMAIL.account)?.getAttribute('aria-label') ?? '';
    const fromTitle = doc.title.split(' - ').map((part) => part.trim()).filter(isAddress).at(-1);
    const fromAccount = /\(([^()\s]+@[^()\s]+)\)/.exec(account)?.[1];
    const email = fromTitle ?? fromAccount;
    if (!email) return null;
    const name = /:\s*(.+?)\s*\(/.exec(account)?.[1];
    return makePerson(email, name);
  }

  function selfCheck(): SelfCheck {
    const missing: string[] = [];
    // A compose popped out into its own window (or opened from a mailto: link) has no mailbox:
    // only the compose's own anchors matter there.
    if (!first(doc, GMAIL.main) && !isStandaloneCompose(doc)) missing.push('main');
    const subject = first(doc, GMAIL.threadSubject);
    const message = first(doc, GMAIL.message);
    // A thread is open when its subject or a message shows (an empty preview pane is not one).
    if (subject || message) {
      if (!subject) missing.push('thread-subject');
      if (!message) missing.push('thread-messages');
      else if (!first(message, GMAIL.messageSender)) missing.push('message-sender');
    }
    for (const editor of all(doc, GMAIL.composeEditor)) {
      const root = closest(editor, GMAIL.composeRoot);
      if (!root) missing.push('compose-root');
      else {
        if (!first(root, GMAIL.sendButton)) missing.push('compose-send-button');
        if (!first(root, ['div[name=to]', '.GS'])) missing.push('compose-recipients');
      }
    }
    return { ok: missing.length === 0, missing: [...new Set(missing)] };
  }

  function conversation(): Conversation | null {
    const heading = first(doc, GMAIL.threadSubject);
    if (!heading) return null;
    const root = closest(heading, GMAIL.threadRoot) ?? first(doc, GMAIL.threadRoot) ?? first(doc, GMAIL.main) ?? doc.body;
    const subject = text(heading);
    const messages = all(root, GMAIL.message).flatMap((element) => reader.read(element, subject) ?? []);
    const threadKey = threadKeyOf(heading) ?? (messages[0]?.id.startsWith('msg-f:') ? `thread-f:${messages[0].id.slice(6)}` : null);
    if (!threadKey) return null;
    const participants = uniquePeople(messages.flatMap((message) => [...(message.from ? [message.from] : []), ...message.recipients]));
    return { threadKey, subject, messages, participants };
  }

  const reader = messageReader({ header: readHeader, body: (element) => first(element, GMAIL.messageBody) });

  function readHeader(element: Element): MessageHeader | null {
    const id = messageIdOf(element);
    if (!id) return null;
    const sender = first(element, GMAIL.messageSender);
    return {
      id,
      from: sender ? personOf(sender) : null,
      // Collapsed messages show only the sender; their recipients are not on the page.
      recipients: uniquePeople(all(element, GMAIL.messageRecipients).flatMap((el) => personOf(el) ?? [])),
      at: parseGmailDate(first(element, GMAIL.messageDate)?.getAttribute('title')),
    };
  }

  function inboxRows(): InboxRow[] {
    return all(doc, GMAIL.inboxRow).flatMap((row) => {
      const idElement = first(row, GMAIL.rowThread);
      const threadKey = idElement ? threadKeyOf(idElement) : null;
      // Gmail lists senders by their latest message: the last one is who wrote last.
      const from = all(row, GMAIL.rowSender).flatMap((el) => personOf(el) ?? []).at(-1);
      if (!threadKey || !from) return [];
      const subjectElement = first(row, GMAIL.rowSubject);
      return [{
        threadKey,
        from,
        subject: subjectElement ? text(subjectElement) : '',
        snippet: snippetOf(first(row, GMAIL.rowSnippet)),
        at: parseGmailDate(first(row, GMAIL.rowDate)?.getAttribute('title')),
        unread: row.classList.contains('zE'),
      }];
    });
  }

  function snippetOf(element: Element | null): string | null {
    if (!element) return null;
    return text(element).replace(/^\s*-\s*/, '') || null;
  }

  function composes(): Compose[] {
    return all<HTMLElement>(doc, GMAIL.composeEditor).flatMap((editor) => composeOf(editor) ?? []);
  }

  function composeOf(editor: HTMLElement): Compose | null {
    const root = closest(editor, GMAIL.composeRoot) ?? editor.parentElement;
    if (!root) return null;
    const known = composeByRoot.get(root);
    if (known?.body === editor) return known;
    const id = inputValue(root, GMAIL.composeId) || `gmail-compose-${++composeCount}`;
    const compose: Compose = {
      id,
      get kind(): ComposeKind {
        const subject = inputValue(root, GMAIL.composeSubject);
        if (/^\s*(fwd?|wg|tr)\s*:/i.test(subject)) return 'forward';
        if ((!root.closest('[role=dialog]') && root.closest(GMAIL.main[0])) || /^\s*(re|aw|antw|sv)\s*:/i.test(subject)) return 'reply';
        return 'new';
      },
      element: root,
      body: editor,
      recipients: () => composeRecipients(root),
      subject: () => inputValue(root, GMAIL.composeSubject),
      threadKey: () => composeThreadKey(root),
      toolbar: () => {
        const send = first(root, GMAIL.sendButton);
        return send ? (closest(send, GMAIL.sendRow) ?? send.parentElement) : null;
      },
    };
    composeByRoot.set(root, compose);
    return compose;
  }

  function composeRecipients(root: Element): Person[] {
    const people = RECIPIENT_KINDS.flatMap((kind) =>
      all(root, recipientCandidates(kind), (el) => !isSuggestion(el, root)).flatMap((el) =>
        el instanceof HTMLInputElement ? parseAddressList(el.value) : (personOf(el) ?? [])));
    return uniquePeople(people);
  }

  function composeThreadKey(root: Element): string | null {
    const rt = inputValue(root, GMAIL.composeThread).replace(/^#/, '');
    if (/^thread-[af]:/.test(rt)) return rt;
    if (/^[0-9a-f]{6,16}$/i.test(rt)) return `thread-f:${BigInt(`0x${rt}`)}`;
    // An inline reply belongs to the conversation it sits in.
    if (!root.closest('[role=dialog]') && root.closest(GMAIL.main[0])) return conversation()?.threadKey ?? null;
    return null;
  }

  function composeFrom(target: Element): Compose | null {
    const root = closest(target, GMAIL.composeRoot);
    const editor = root ? first<HTMLElement>(root, GMAIL.composeEditor) : null;
    return editor ? composeOf(editor) : null;
  }

  function sendButtonFrom(target: EventTarget | null): Element | null {
    return target instanceof Element ? closest(target, GMAIL.sendButton) : null;
  }

  const host: GmailHost = {
    provider: 'gmail',
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
        anchors: () => [first(doc, GMAIL.moleContainer), first(doc, GMAIL.message)?.parentElement],
        routeEvent: 'hashchange',
      }, callback, signal);
    },

    onSendAttempt(callback, signal) {
      // Schedule send is a send too: Gmail reads the body once the rep has picked a time. Its menu
      // sits outside the compose, so the compose is the one whose "More send options" was pressed.
      let scheduling: Compose | null = null;
      const noteMenu = (event: Event) => {
        const button = event.target instanceof Element ? closest(event.target, GMAIL.sendOptionsButton) : null;
        if (button) scheduling = composeFrom(button);
      };
      const target: EventTarget = doc.defaultView ?? doc;
      for (const type of ['mousedown', 'click', 'keydown']) target.addEventListener(type, noteMenu, { capture: true, signal });
      const scheduleItem = (element: Element) => closest(element, GMAIL.scheduleSend);
      listenForSendAttempts(doc, {
        sendButtonFrom: (pressed) => sendButtonFrom(pressed) ?? (pressed instanceof Element ? scheduleItem(pressed) : null),
        composeFrom: (element) => (scheduleItem(element) ? (scheduling?.element.isConnected ? scheduling : null) : composeFrom(element)),
      }, callback, signal);
    },

    onSendConfirmed(callback, signal) {
      listenForSendConfirmations(doc, GMAIL_SENT_EVENT, options.pixelPrefix, callback, signal);
    },

    renderedPixels(pixelPrefix, root = doc) {
      return shownPixels(root, pixelPrefix, gmailUnproxy);
    },

    pixelsInCompose(compose, pixelPrefix) {
      return pixelImages(compose.body, pixelPrefix, gmailUnproxy);
    },

    async insertReply(subject, body) {
      const open = conversation();
      if (!open) return null;
      const scope = closest(open.messages[0]?.element ?? doc.body, GMAIL.threadRoot) ?? first(doc, GMAIL.main) ?? doc.body;
      const inline = () => composes().find((c) => !c.element.closest('[role=dialog]') && scope.contains(c.element)) ?? null;
      let compose = inline();
      if (!compose) {
        const button = all(scope, GMAIL.replyButton).at(-1);
        if (!button) return null;
        simulateClick(button);
        compose = await waitFor(doc, inline, options.replyTimeoutMs ?? 5000);
        if (!compose) return null;
      }
      const subjectInput = first<HTMLInputElement>(compose.element, GMAIL.composeSubject);
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
      const account = /\/mail\/u\/(\d+)\//.exec(doc.location?.pathname ?? '')?.[1];
      return gmailSearchUrl(email, account ? Number(account) : 0);
    },

    notifyBodyChanged(compose) {
      const { body } = compose;
      body.dispatchEvent(new Event('input', { bubbles: true }));
      // InboxSDK's draft-save nudge: a "." key event after the current task makes Gmail save the draft.
      setTimeout(() => {
        for (const type of ['keydown', 'keyup']) body.dispatchEvent(periodKey(type));
      }, 0);
    },

    flushDurations() {
      return watchers.flushDurations();
    },
  };
  return host;
}

// -------------------------------------------------------------------------------------------------
// Reading

/** Gmail's page for one compose alone: /mail/u/N/?view=cm&fs=1&to=… (pop-out, mailto: links). */
function isStandaloneCompose(doc: Document): boolean {
  return new URLSearchParams(doc.location?.search ?? '').get('view') === 'cm';
}

/** Gmail's proxy form: https://ciN.googleusercontent.com/meips/…#<original URL>, the original only in the fragment. */
function gmailUnproxy(src: string): { proxiedUrl: string; pixelUrl: string } | null {
  const hash = src.indexOf('#');
  if (hash <= 0 || !/^https:\/\/[^/]+\.googleusercontent\.com\/(meips|proxy)\//.test(src)) return null;
  return { proxiedUrl: src.slice(0, hash), pixelUrl: safeDecode(src.slice(hash + 1)) };
}

function isAddress(text: string): boolean {
  return /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(text);
}


/** The person an element names: [email] or [data-hovercard-id], with [name], [data-name] or its text. */
function personOf(element: Element): Person | null {
  const email = element.getAttribute('email') ?? element.getAttribute('data-hovercard-id');
  if (!email || !isAddress(email.trim())) return null;
  const name = element.getAttribute('name') ?? element.getAttribute('data-name') ?? text(element);
  return makePerson(email, name === 'me' ? null : name);
}


/** "Anna Schmidt <anna@x.de>, carlos@y.mx" (legacy hidden recipient inputs). */
function parseAddressList(value: string): Person[] {
  return value.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).flatMap((part) => {
    const angle = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(part);
    const email = (angle ? angle[2] : part)?.trim() ?? '';
    return isAddress(email) ? [makePerson(email, angle?.[1])] : [];
  });
}

/**
 * Autocomplete suggestions are not recipients. A listbox counts as suggestions when a control
 * points at it (aria-controls/aria-owns: the combobox popup) or when it is not part of a recipient
 * field; People Kit's chip list (a listbox inside div[name=to]) holds the real recipients.
 */
function isSuggestion(element: Element, root: Element): boolean {
  const listbox = element.closest('[role=listbox]');
  if (!listbox) return false;
  if (!listbox.closest('[name=to], [name=cc], [name=bcc]')) return true;
  const id = listbox.id;
  if (!id) return false;
  for (const control of root.querySelectorAll('[aria-controls], [aria-owns]')) {
    const ids = `${control.getAttribute('aria-controls') ?? ''} ${control.getAttribute('aria-owns') ?? ''}`.split(/\s+/);
    if (ids.includes(id)) return true;
  }
  return false;
}

function threadKeyOf(element: Element): string | null {
  const perm = (element.getAttribute('data-thread-perm-id') ?? element.getAttribute('data-thread-id'))?.replace(/^#/, '');
  if (perm && /^thread-[af]:/.test(perm)) return perm;
  const legacy = element.getAttribute('data-legacy-thread-id');
  return legacy && /^[0-9a-f]{1,16}$/i.test(legacy) ? `thread-f:${BigInt(`0x${legacy}`)}` : null;
}

function messageIdOf(element: Element): string | null {
  const id = element.getAttribute('data-message-id')?.replace(/^#/, '');
  if (id && /^msg-[af]:/.test(id)) return id;
  const legacy = element.getAttribute('data-legacy-message-id');
  return legacy && /^[0-9a-f]{1,16}$/i.test(legacy) ? `msg-f:${BigInt(`0x${legacy}`)}` : null;
}

function inputValue(root: Element, candidates: Candidates): string {
  return first<HTMLInputElement>(root, candidates)?.value ?? '';
}





const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Gmail's date tooltips (.g3[title], list rows): "Tue, Nov 10, 2026, 9:14 AM" (en-US),
 * "Tue, 10 Nov 2026, 09:14" (en-GB), "2026年11月10日 上午9:14" (zh); local time, as shown.
 */
export function parseGmailDate(title: string | null | undefined): number | null {
  if (!title) return null;
  const clean = title.replace(/[\u00a0\u202f\u2009\u200e\u200f]/g, ' ').replace(/\s+/g, ' ').trim();
  const time = (hour: string, minute: string, meridiem?: string) => {
    let h = Number(hour) % (meridiem ? 12 : 24);
    if (meridiem && /^(pm|下午|晚上)$/i.test(meridiem)) h += 12;
    return [h, Number(minute)] as const;
  };
  const at = (year: string, month: number, day: string, hm: readonly [number, number]) => {
    if (month < 0) return null;
    const value = new Date(Number(year), month, Number(day), hm[0], hm[1]).getTime();
    return Number.isNaN(value) ? null : value;
  };
  let m = /\b([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4}),? (?:at )?(\d{1,2}):(\d{2})(?::\d{2})? ?([ap]m)?/i.exec(clean);
  if (m) return at(m[3]!, MONTHS.indexOf(m[1]!.toLowerCase()), m[2]!, time(m[4]!, m[5]!, m[6]));
  m = /\b(\d{1,2})\.? ([a-z]{3})[a-z]*\.? (\d{4}),? (?:at )?(\d{1,2}):(\d{2})(?::\d{2})? ?([ap]m)?/i.exec(clean);
  if (m) return at(m[3]!, MONTHS.indexOf(m[2]!.toLowerCase()), m[1]!, time(m[4]!, m[5]!, m[6]));
  m = /(\d{4})年(\d{1,2})月(\d{1,2})日.*?(上午|下午|晚上)? ?(\d{1,2}):(\d{2})/.exec(clean);
  if (m) return at(m[1]!, Number(m[2]) - 1, m[3]!, time(m[5]!, m[6]!, m[4]));
  const parsed = Date.parse(clean);
  return Number.isNaN(parsed) ? null : parsed;
}

// -------------------------------------------------------------------------------------------------
// Acting



function periodKey(type: string): KeyboardEvent {
  const event = new KeyboardEvent(type, { key: '.', code: 'Period', keyCode: 190, which: 190, bubbles: true, cancelable: true });
  if (event.keyCode !== 190) {
    Object.defineProperty(event, 'keyCode', { get: () => 190 });
    Object.defineProperty(event, 'which', { get: () => 190 });
  }
  return event;
}

