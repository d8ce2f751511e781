// How both hosts turn a message element into MessageInfo: the header (id, sender, recipients,
// date) is read once and kept until something inside the element changes (element-memo.ts), and
// the body text is read only when a feature asks for it. A conversation is read on every page
// change, by more than one feature; its 200 messages mostly stay as they were.
import { elementMemo } from './element-memo.ts';
import type { MessageInfo } from './host.ts';
import { blockText } from './page-text.ts';

/** What a host reads from a message's header; a null id lets the reader's fallback name it. */
export type MessageHeader = Pick<MessageInfo, 'from' | 'recipients' | 'at'> & { id: string | null };

export interface MessageReaderOptions {
  /** The header, or null when the element is not a message the host can name. */
  header(element: Element): MessageHeader | null;
  /** The element holding the message body, if rendered. */
  body(element: Element): Element | null;
  /** An id for a message whose header has none (computed on every read: it may depend on siblings). */
  fallbackId?(element: Element): string;
}

export interface MessageReader {
  read(element: Element, subject: string): MessageInfo | null;
  /** Forgets the headers (what they depend on outside the elements changed). */
  forgetHeaders(): void;
}

export function messageReader(options: MessageReaderOptions): MessageReader {
  const headers = elementMemo(options.header);
  const bodies = elementMemo((element) => {
    const body = options.body(element);
    return body ? blockText(body) : null;
  });
  return {
    read(element, subject) {
      const header = headers.get(element);
      const id = header?.id ?? options.fallbackId?.(element);
      if (!header || !id) return null;
      return {
        id,
        from: header.from,
        recipients: header.recipients,
        at: header.at,
        get text() {
          return bodies.get(element);
        },
        subject,
        element,
      };
    },
    forgetHeaders: () => headers.clear(),
  };
}
