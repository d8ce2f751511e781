// Reading text out of a webmail's DOM.

export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const BLOCK = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'TR', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE']);

/** Text with line breaks where the page breaks lines (auto-reply phrases must not run together). */
export function blockText(root: Element): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const element = node as Element;
      if (element.tagName === 'BR') out += '\n';
      else if (element.tagName === 'STYLE' || element.tagName === 'SCRIPT') return;
      else {
        const block = BLOCK.has(element.tagName);
        if (block && out !== '' && !out.endsWith('\n')) out += '\n';
        for (const child of element.childNodes) walk(child);
        if (block && !out.endsWith('\n')) out += '\n';
      }
    }
  };
  walk(root);
  return out.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
