// One body observer for everything that watches a webmail page. Its callback only queues the
// added elements; one flush per animation frame hands them to subscribers, so a thread of 200
// messages rendering at once costs one pass, not 200. The flush runs just after that frame is
// drawn, in a task of its own: the features reading the page then never hold up the webmail's
// own rendering of what it just added, nor make one long task of it. Anchors that exist (a
// compose container, a message list) get their own childList observers, which also see
// removals. Everything stops when the watcher's signal aborts.

export interface PageWatcher {
  /**
   * Calls back once per flush with the elements added since the previous flush (still on the page).
   * With `relevant` (a selector list), only when one of them matches or contains it; each selector
   * is searched once per flush, however many subscribers share it.
   */
  subscribe(callback: (added: readonly Element[]) => void, signal: AbortSignal, relevant?: string): void;
  /**
   * Watches an anchor's own children (added and removed) and calls back in the next flush; stops
   * when the anchor leaves the page or the signal aborts. Scoping one anchor twice is a no-op.
   */
  scope(anchor: Element, callback: () => void, signal: AbortSignal): void;
  /** How long the most recent flushes took (ms), oldest first (at most `capacity`). */
  flushDurations(): number[];
}

export interface PageWatcherOptions {
  /** Runs the flush later; defaults to afterNextFrame. */
  schedule?: (flush: () => void) => void;
  now?: () => number;
  /** Flush durations kept for benchmarks. */
  capacity?: number;
}

/** One observer per anchor, however many subscribers scoped it. */
interface Scope {
  observer: MutationObserver;
  callbacks: Set<() => void>;
  dirty: boolean;
}

/** Runs `callback` in a task right after the next frame is drawn; 50 ms later while the tab is hidden (no frames). */
export function afterNextFrame(doc: Document, callback: () => void): void {
  const view = doc.defaultView;
  if (doc.visibilityState === 'hidden' || !view?.requestAnimationFrame) setTimeout(callback, 50);
  else view.requestAnimationFrame(() => setTimeout(callback, 0));
}

export function watchPage(doc: Document, signal: AbortSignal, options: PageWatcherOptions = {}): PageWatcher {
  const schedule = options.schedule ?? ((flush: () => void) => afterNextFrame(doc, flush));
  const now = options.now ?? (() => performance.now());
  const capacity = options.capacity ?? 256;

  const subscribers = new Map<(added: readonly Element[]) => void, string | undefined>();
  const scopes = new Map<Element, Scope>();
  let queue: Element[] = [];
  let scheduled = false;
  const durations: number[] = [];
  let next = 0;

  const request = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    schedule(flush);
  };

  const flush = () => {
    scheduled = false;
    if (signal.aborted) return;
    const started = now();
    const added = queue.filter((element) => element.isConnected);
    queue = [];
    for (const [anchor, scope] of scopes) {
      if (!anchor.isConnected) {
        scope.observer.disconnect();
        scopes.delete(anchor);
        // Its children are gone with it; the subscribers hear about it once more.
        for (const callback of scope.callbacks) contain(callback);
      } else if (scope.dirty) {
        scope.dirty = false;
        for (const callback of scope.callbacks) contain(callback);
      }
    }
    if (added.length > 0) {
      const found = new Map<string, boolean>();
      const adds = (selector: string) => {
        let known = found.get(selector);
        if (known === undefined) found.set(selector, (known = added.some((el) => el.matches(selector) || el.querySelector(selector) !== null)));
        return known;
      };
      for (const [callback, relevant] of subscribers) if (relevant === undefined || adds(relevant)) contain(() => callback(added));
    }
    durations[next] = now() - started;
    next = (next + 1) % capacity;
  };

  const body = new MutationObserver((records) => {
    let removed = false;
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) queue.push(node as Element);
      if (record.removedNodes.length > 0) removed = true;
    }
    // A removal matters only when it may have taken a scoped anchor with it.
    if (queue.length > 0 || (removed && scopes.size > 0)) request();
  });
  body.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });

  signal.addEventListener('abort', () => {
    body.disconnect();
    for (const scope of scopes.values()) scope.observer.disconnect();
    scopes.clear();
    subscribers.clear();
    queue = [];
  }, { once: true });

  return {
    subscribe(callback, subscriberSignal, relevant) {
      if (signal.aborted || subscriberSignal.aborted) return;
      subscribers.set(callback, relevant);
      subscriberSignal.addEventListener('abort', () => subscribers.delete(callback), { once: true });
    },
    scope(anchor, callback, scopeSignal) {
      if (signal.aborted || scopeSignal.aborted) return;
      let scope = scopes.get(anchor);
      if (scope?.callbacks.has(callback)) return;
      if (!scope) {
        const created: Scope = {
          callbacks: new Set(),
          dirty: false,
          observer: new MutationObserver(() => {
            created.dirty = true;
            request();
          }),
        };
        created.observer.observe(anchor, { childList: true });
        scopes.set(anchor, created);
        scope = created;
      }
      const mine = scope;
      mine.callbacks.add(callback);
      scopeSignal.addEventListener('abort', () => {
        mine.callbacks.delete(callback);
        if (mine.callbacks.size > 0) return;
        mine.observer.disconnect();
        if (scopes.get(anchor) === mine) scopes.delete(anchor);
      }, { once: true });
    },
    flushDurations() {
      return durations.length < capacity ? durations.slice() : [...durations.slice(next), ...durations.slice(0, next)];
    },
  };
}

function contain(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    console.error('tidewise: page watcher subscriber failed', error);
  }
}
