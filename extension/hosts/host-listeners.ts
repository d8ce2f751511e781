// The listening every webmail host does the same way: one shared page watcher, change
// notifications coalesced to one call, send presses heard ahead of the webmail, and send
// confirmations read from the MAIN-world tap's events. Each host says only what is its own
// (which nodes matter, its send button, its route event, its tap's event name).
import { BUILD_TEST_HOOKS } from '../build-config.ts';
import type { Compose, SendAttempt, SendConfirmation } from './host.ts';
import { afterNextFrame, watchPage, type PageWatcher, type PageWatcherOptions } from './page-watcher.ts';
import { makePerson, uniquePeople } from './people.ts';
import { readSentDetail } from './tap-events.ts';

/**
 * One page watcher per document, however many features subscribe; it stops with the last one.
 * In test builds it also reports its flushes on the page (reportFlushes).
 */
export function sharedWatcher(doc: Document, watch: () => PageWatcherOptions | undefined) {
  let shared: { watcher: PageWatcher; controller: AbortController; users: number } | null = null;
  let last: PageWatcher | null = null;
  return {
    use(signal: AbortSignal): PageWatcher {
      if (!shared) {
        const controller = new AbortController();
        const options = BUILD_TEST_HOOKS ? reportFlushes(doc, watch(), () => last) : watch();
        shared = { watcher: watchPage(doc, controller.signal, options), controller, users: 0 };
        last = shared.watcher;
      }
      const current = shared;
      current.users++;
      signal.addEventListener('abort', () => {
        current.users--;
        if (current.users > 0) return;
        current.controller.abort();
        if (shared === current) shared = null;
      }, { once: true });
      return current.watcher;
    },
    /** Durations (ms) of the latest watcher's recent flushes, oldest first (benchmarks). */
    flushDurations: (): number[] => last?.flushDurations() ?? [],
  };
}

/**
 * Test builds only (bench:gmail, bench:outlook): after each flush, the recent flush durations go on
 * the page's <html data-tidewise-flush-ms>, the one place both the isolated world and the page can read.
 */
function reportFlushes(doc: Document, watch: PageWatcherOptions | undefined, watcher: () => PageWatcher | null): PageWatcherOptions {
  const schedule = watch?.schedule ?? ((flush: () => void) => afterNextFrame(doc, flush));
  return {
    ...watch,
    schedule: (flush) => schedule(() => {
      flush();
      doc.documentElement.dataset.tidewiseFlushMs = JSON.stringify(watcher()?.flushDurations().slice(-64) ?? []);
    }),
  };
}

export interface ChangeSources {
  doc: Document;
  watcher: PageWatcher;
  /** One selector list: added nodes matching or containing it are a change. */
  relevant: string;
  /** Containers to watch directly once they exist (removals there are changes too). */
  anchors: () => Array<Element | null | undefined>;
  /** The window event the webmail's router fires ('hashchange', 'popstate'). */
  routeEvent: string;
}

export function listenForChanges(sources: ChangeSources, callback: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const { doc, watcher, relevant } = sources;
  // Several sources may fire in one frame (added nodes, a scoped anchor, the route): one call.
  let queued = false;
  const notify = () => {
    if (queued || signal.aborted) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!signal.aborted) callback();
    });
  };
  const scopeAnchors = () => {
    for (const anchor of sources.anchors()) if (anchor) watcher.scope(anchor, notify, signal);
  };
  watcher.subscribe(() => {
    scopeAnchors();
    notify();
  }, signal, relevant);
  scopeAnchors();
  doc.defaultView?.addEventListener(sources.routeEvent, notify, { signal });
}

/**
 * Two send signals for one compose this close together are one press (Enter on the button, then
 * the click it may cause); Send, Undo and Send again takes a person longer.
 */
const SAME_SEND_MS = 250;

export interface SendControls {
  sendButtonFrom(target: EventTarget | null): Element | null;
  composeFrom(target: Element): Compose | null;
}

/** Send presses (click, Enter/Space on the button, Ctrl/Cmd+Enter), heard before the webmail's own listeners. */
export function listenForSendAttempts(doc: Document, controls: SendControls, callback: (attempt: SendAttempt) => void, signal: AbortSignal): void {
  const lastAttempt = new WeakMap<Element, number>();
  const attempt = (compose: Compose | null, via: 'click' | 'keyboard') => {
    if (!compose) return;
    const now = Date.now();
    if (now - (lastAttempt.get(compose.element) ?? -Infinity) < SAME_SEND_MS) return;
    lastAttempt.set(compose.element, now);
    // This runs inside the webmail's own event dispatch: never let our failure stop the send.
    try {
      callback({ compose, via });
    } catch (error) {
      console.error('tidewise: send handler failed', error);
    }
  };
  // Capture on the window: the first listener on the path, before any of the webmail's own.
  const target: EventTarget = doc.defaultView ?? doc;
  target.addEventListener('click', (event) => {
    const button = controls.sendButtonFrom(event.target);
    if (button) attempt(controls.composeFrom(button), 'click');
  }, { capture: true, signal });
  target.addEventListener('keydown', (event) => {
    if (!(event instanceof KeyboardEvent) || !(event.target instanceof Element)) return;
    const button = controls.sendButtonFrom(event.target);
    if (button && (event.key === 'Enter' || event.key === ' ')) attempt(controls.composeFrom(button), 'keyboard');
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) attempt(controls.composeFrom(event.target), 'keyboard');
  }, { capture: true, signal });
}

export function listenForSendConfirmations(
  doc: Document,
  eventName: string,
  pixelPrefix: (() => string | null | undefined) | undefined,
  callback: (confirmation: SendConfirmation) => void,
  signal: AbortSignal,
): void {
  doc.addEventListener(eventName, (event) => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    // The page can dispatch this event too: only a detail of the tap's shape is a confirmation.
    const reading = readSentDetail(detail);
    if (!reading.ok) {
      console.warn(`tidewise: unreadable send confirmation (${reading.error})`);
      return;
    }
    const sent = reading.value;
    const prefix = pixelPrefix?.();
    // The webmail's request just succeeded: a time ahead of now (a scheduled send may carry its send
    // time) is when it will leave, not when the rep sent it, and the Worker refuses far-future events.
    const now = Date.now();
    const confirmation: SendConfirmation = {
      pixelMessageIds: [...new Set(sent.pixels.filter((pixel) => !prefix || pixel.prefix === prefix).map((pixel) => pixel.messageId))],
      recipients: uniquePeople([...sent.to, ...sent.cc, ...sent.bcc].map((a) => makePerson(a.email, a.name))),
      subject: sent.subject,
      threadKey: sent.threadId,
      at: Math.min(sent.at ?? now, now),
    };
    try {
      callback(confirmation);
    } catch (error) {
      console.error('tidewise: send confirmation handler failed', error);
    }
  }, { signal });
}
