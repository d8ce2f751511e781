// Acting on a webmail's page the way a person would, with DOM APIs only (no HTML-string sinks:
// Gmail enforces Trusted Types).

/** Webmail buttons listen to the whole press, not only to click. */
export function simulateClick(element: Element): void {
  const view = element.ownerDocument.defaultView;
  for (const type of ['mousedown', 'mouseup', 'click']) {
    element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view, button: 0 }));
  }
}

/** Plain text as the editors write it: one div per line, empty lines as <div><br></div>. */
export function putText(editor: HTMLElement, body: string): void {
  const doc = editor.ownerDocument;
  const lines = body.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    const div = doc.createElement('div');
    if (line) div.textContent = line;
    else div.appendChild(doc.createElement('br'));
    return div;
  });
  const empty = (editor.textContent ?? '').trim() === '' && !editor.querySelector('img');
  if (empty) editor.replaceChildren(...lines);
  else editor.prepend(...lines);
}

/** Resolves with what `find` returns once the page has it, or null after the timeout. */
export function waitFor<T>(doc: Document, find: () => T | null, timeoutMs: number): Promise<T | null> {
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const finish = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const value = find();
      if (value) finish(value);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    observer.observe(doc.body, { childList: true, subtree: true });
  });
}
