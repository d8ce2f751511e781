// What every webmail (Gmail, Outlook on the web) gives the features. Features program against
// this interface only; the knowledge of a webmail's DOM, routes and requests stays in its host file.
import type { Provider } from '../../shared/schema.ts';

export interface Person {
  /** Normalised (lower-case) address. */
  email: string;
  name?: string;
}

export interface MessageInfo {
  /** The webmail's own id for the message (Gmail: "msg-f:…"/legacy hex; Outlook: item id). */
  id: string;
  from: Person | null;
  /** To and Cc when the page shows them (collapsed messages may not). */
  recipients: Person[];
  /** When the message was sent, if the page says. */
  at: number | null;
  /**
   * Plain text of the message body when it is rendered (auto-reply detection). Read from the page
   * when first asked for, not with the rest: a long thread's bodies are rarely all needed.
   */
  readonly text: string | null;
  subject: string;
  /** The element the message occupies (for images of our pixels inside it). */
  element: Element;
}

export interface Conversation {
  /** Stable id of the thread (Gmail thread-f id; Outlook conversation id). */
  threadKey: string;
  subject: string;
  messages: MessageInfo[];
  /** Everyone in the conversation, the rep included. */
  participants: Person[];
}

export interface InboxRow {
  threadKey: string;
  from: Person;
  subject: string;
  /** The list's preview of the latest message, when shown (tells an automatic answer apart). */
  snippet: string | null;
  at: number | null;
  unread: boolean;
}

export type ComposeKind = 'new' | 'reply' | 'forward';

export interface Compose {
  /** A stable id for this compose window while it is open. */
  id: string;
  kind: ComposeKind;
  element: Element;
  body: HTMLElement;
  recipients(): Person[];
  subject(): string;
  /** The thread a reply or forward belongs to, when known. */
  threadKey(): string | null;
  /** Where the per-message tracking toggle goes (inside the compose, near the send button). */
  toolbar(): Element | null;
}

export interface SendAttempt {
  compose: Compose;
  /** The rep pressed Send (click, Enter on the button, or Ctrl/Cmd+Enter). Runs before the webmail reads the body. */
  via: 'click' | 'keyboard';
}

/** The webmail confirmed a send from its own request (after any undo window). */
export interface SendConfirmation {
  /** Pixel message ids found in the sent body (ours only). */
  pixelMessageIds: string[];
  recipients: Person[];
  subject: string;
  threadKey: string | null;
  at: number;
}

/** An image of one of the rep's pixels: the URL the page loads it from, and the pixel's own URL. */
export interface RenderedPixel {
  element: HTMLImageElement;
  /** What the browser fetches: the pixel itself, or the webmail's proxy URL for it. */
  proxiedUrl: string;
  pixelUrl: string;
}

export interface SelfCheck {
  ok: boolean;
  /** Names of the anchors that were missing (shown in the notice). */
  missing: string[];
}

export interface Host {
  readonly provider: Provider;
  /** The signed-in rep, when the page tells. */
  currentUser(): Person | null;
  /** Checks the anchors the features rely on; features switch off with a notice when it fails. */
  selfCheck(): SelfCheck;
  /** The open conversation, or null (inbox list, settings, ...). */
  conversation(): Conversation | null;
  /** Rows of the message list currently shown. */
  inboxRows(): InboxRow[];
  /** Open compose windows (dialogs, inline replies, pop-outs). */
  composes(): Compose[];
  /**
   * Calls back whenever the page changed in a way features care about (route change, thread
   * rendered, compose opened). Cheap: one body observer that queues nodes and flushes once per frame.
   */
  onChange(callback: () => void, signal: AbortSignal): void;
  /** Calls back when the rep starts a send, before the webmail reads the compose body. */
  onSendAttempt(callback: (attempt: SendAttempt) => void, signal: AbortSignal): void;
  /** Calls back when the webmail's own send request went out (so undo and discarded drafts never count). */
  onSendConfirmed(callback: (confirmation: SendConfirmation) => void, signal: AbortSignal): void;
  /** Images of the rep's own pixels as the webmail rendered them (proxied URL + original pixel URL). */
  renderedPixels(pixelPrefix: string, root?: ParentNode): RenderedPixel[];
  /**
   * Images of the rep's own pixels inside a compose body, in every form the webmail writes them:
   * loaded directly or behind its image proxy (quoted text, forwards, the pixel of an undone send).
   */
  pixelsInCompose(compose: Compose, pixelPrefix: string): RenderedPixel[];
  /** Puts a subject and body into a reply to the open conversation (opening the reply box if needed). */
  insertReply(subject: string, body: string): Promise<Compose | null>;
  /** Opens the conversation with this address (search), for "open thread". */
  openThreadUrl(email: string): string;
  /** Tells the webmail's editor that the body changed (so its draft model picks up our pixel). */
  notifyBodyChanged(compose: Compose): void;
}
