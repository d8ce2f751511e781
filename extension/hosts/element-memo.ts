// What a host read out of one element (a message's sender, date, body text), kept until anything
// inside that element changes. A conversation is read on every page change, by more than one
// feature, and its messages mostly stay as they were: reading 200 of them each time was the bulk
// of the content script's work when a long thread opened. One MutationObserver watches every
// element read; its pending records are taken before each lookup, so a change made a moment ago
// is never missed for want of the observer's callback.

export interface ElementMemo<T> {
  /** What `read` gave for this element, read again only after something inside the element changed. */
  get(element: Element): T;
  /** Forgets everything (what the reading depends on outside the elements changed). */
  clear(): void;
}

const WATCH: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

export function elementMemo<T>(read: (element: Element) => T): ElementMemo<T> {
  let values = new WeakMap<Node, T>();
  // A change deep inside forgets every element it sits in (nested ones included).
  const forget = (records: MutationRecord[]) => {
    for (const record of records) {
      for (let node: Node | null = record.target; node; node = node.parentNode) values.delete(node);
    }
  };
  let observer: MutationObserver | null = null;
  return {
    get(element) {
      if (observer) forget(observer.takeRecords());
      if (values.has(element)) return values.get(element) as T;
      const value = read(element);
      values.set(element, value);
      observer ??= new (element.ownerDocument.defaultView?.MutationObserver ?? MutationObserver)(forget);
      observer.observe(element, WATCH);
      return value;
    },
    clear() {
      observer?.takeRecords();
      values = new WeakMap();
    },
  };
}
