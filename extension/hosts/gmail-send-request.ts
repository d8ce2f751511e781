// Reads Gmail's own send request (POST /sync/u/N/i/s): which messages in it were really sent
// (label ^pfg, or ^scheduled for scheduled send; drafts carry ^r), to whom, and which of our
// pixels their new text carries. Pure: the MAIN-world tap hands it the request body as text.
//
// The body is positional JSON (shape: webmail-integration.md §4.1). A message is an array
//   [ "msg-a:r…", from, to, cc, bcc, _, timestamp, subject, [_, [[partType, html], …]], _, labels, … ]
// where an address is [type, email, name] and part type 2 is the quoted text Gmail adds to
// replies and forwards. Messages sit at different depths for new mail and replies, below an
// array that starts with the thread id ("thread-a:r…" / "thread-f:…"), so the reader walks the
// tree instead of trusting one path.
import { messageIdOfToken, TOKEN_LENGTH } from '../../shared/pixel-token.ts';

/** The MAIN-world tap announces each sent message with this event; `detail` is a SentMessage as JSON. */
export const GMAIL_SENT_EVENT = 'tidewise:gmail-sent';

export interface SentAddress {
  email: string;
  name?: string;
}

export interface SentPixel {
  url: string;
  prefix: string;
  token: string;
  /** The 22-character message id inside the token (bytes 1-16; no key needed to read it). */
  messageId: string;
}

export interface SentMessage {
  /** Gmail's client id for the message ("msg-a:r…"). */
  messageId: string;
  threadId: string | null;
  from: SentAddress | null;
  to: SentAddress[];
  cc: SentAddress[];
  bcc: SentAddress[];
  subject: string;
  at: number | null;
  scheduled: boolean;
  pixels: SentPixel[];
}

const SEND_PATH = /\/sync(?:\/u\/\d+)?\/i\/s(?:[?#]|$)/;
const MESSAGE_ID = /^msg-[af]:/;
const THREAD_ID = /^thread-[af]:/;
const QUOTED_PART = 2;

export function isSendRequestUrl(url: string): boolean {
  return SEND_PATH.test(url);
}

/** The messages a send request really sends (drafts and other changes in it are left out). */
export function parseSendRequest(body: string): SentMessage[] {
  let tree: unknown;
  try {
    tree = JSON.parse(body);
  } catch {
    return [];
  }
  const found: SentMessage[] = [];
  walk(tree, null, found, 0);
  return found;
}

function walk(node: unknown, threadId: string | null, found: SentMessage[], depth: number): void {
  if (!Array.isArray(node) || depth > 40) return;
  if (isMessage(node)) {
    const message = readMessage(node, threadId);
    if (message) found.push(message);
    return;
  }
  const thread = typeof node[0] === 'string' && THREAD_ID.test(node[0]) ? node[0] : threadId;
  for (const child of node) walk(child, thread, found, depth + 1);
}

function isMessage(node: unknown[]): boolean {
  return typeof node[0] === 'string' && MESSAGE_ID.test(node[0]) && Array.isArray(node[10]) && node[10].every((label) => typeof label === 'string');
}

function readMessage(node: unknown[], threadId: string | null): SentMessage | null {
  const labels = node[10] as string[];
  const sent = labels.includes('^pfg');
  const scheduled = labels.includes('^scheduled');
  if (!sent && !scheduled) return null;
  const parts = Array.isArray(node[8]) && Array.isArray(node[8][1]) ? (node[8][1] as unknown[]) : [];
  const html = parts.flatMap((part) =>
    Array.isArray(part) && part[0] !== QUOTED_PART && typeof part[1] === 'string' ? [part[1]] : [],
  );
  return {
    messageId: node[0] as string,
    threadId,
    from: readAddress(node[1]),
    to: readAddresses(node[2]),
    cc: readAddresses(node[3]),
    bcc: readAddresses(node[4]),
    subject: typeof node[7] === 'string' ? node[7] : '',
    at: typeof node[6] === 'number' && Number.isFinite(node[6]) ? node[6] : null,
    scheduled: scheduled && !sent,
    pixels: html.flatMap(findPixels),
  };
}

function readAddress(value: unknown): SentAddress | null {
  if (!Array.isArray(value) || typeof value[1] !== 'string' || !value[1].includes('@')) return null;
  const email = value[1].trim().toLowerCase();
  return typeof value[2] === 'string' && value[2] !== '' ? { email, name: value[2] } : { email };
}

function readAddresses(value: unknown): SentAddress[] {
  return Array.isArray(value) ? value.flatMap((entry) => readAddress(entry) ?? []) : [];
}

const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const PIXEL_PATH = new RegExp(`/p/([A-Za-z0-9_-]{12,32})/([A-Za-z0-9_-]{${TOKEN_LENGTH}})\\.gif(?:[?#]|$)`);

/**
 * Pixels loaded directly by `<img src>` in an HTML body. Images shown through Google's proxy
 * (googleusercontent.com) are copies of received or quoted mail, never a pixel this mail adds.
 */
export function findPixels(html: string): SentPixel[] {
  const pixels: SentPixel[] = [];
  for (const match of html.matchAll(IMG_SRC)) {
    const url = decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
    if (/^(?:https?:)?\/\/[^/]*googleusercontent\.com\//i.test(url)) continue;
    const path = PIXEL_PATH.exec(url);
    if (!path?.[1] || !path[2]) continue;
    const messageId = messageIdOfToken(path[2]);
    if (messageId && !pixels.some((pixel) => pixel.url === url)) pixels.push({ url, prefix: path[1], token: path[2], messageId });
  }
  return pixels;
}


function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[name] ?? _);
}
