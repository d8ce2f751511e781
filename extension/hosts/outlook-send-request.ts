// Reads Outlook on the web's own send request: a POST to /owa/service.svc?action=CreateItem (or
// SendItem/UpdateItem) whose JSON body says MessageDisposition "SendAndSaveCopy" (or "SendOnly").
// Drafts are saved with "SaveOnly" and are not sends. Pure: the MAIN-world tap hands it the text.
// Shape (webmail-integration.md §4.2): {"Body":{"__type":"CreateItemJsonRequest:#Exchange",
// "MessageDisposition":"SendAndSaveCopy","Items":[{"Subject","Body":{"Value":"<html>…"},
// "ToRecipients":[{"EmailAddress","Name"}],"CcRecipients","BccRecipients","ConversationId":{"Id"}}]}}
import { findPixels, type SentAddress, type SentPixel } from './gmail-send-request.ts';

/** The MAIN-world tap announces each sent message with this event; `detail` is an OutlookSentMessage as JSON. */
export const OUTLOOK_SENT_EVENT = 'tidewise:outlook-sent';

export interface OutlookSentMessage {
  /** The conversation, when the request names it (replies may only name the item they answer). */
  threadId: string | null;
  /** The item a reply or forward answers (ReferenceItemId), when given. */
  referenceItemId: string | null;
  to: SentAddress[];
  cc: SentAddress[];
  bcc: SentAddress[];
  subject: string;
  at: number | null;
  pixels: SentPixel[];
}

const ACTION = /\/service\.svc\?(?:[^#]*&)?action=(CreateItem|SendItem|UpdateItem)(?:[&#]|$)/i;
const SENDING = new Set(['SendAndSaveCopy', 'SendOnly']);

export function isOutlookSendRequestUrl(url: string): boolean {
  return ACTION.test(url);
}

export function parseOutlookSendRequest(body: string, now: number | null = null): OutlookSentMessage[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const request = record(record(json)?.Body) ?? record(json);
  if (!request || !SENDING.has(String(request.MessageDisposition))) return [];
  const items = Array.isArray(request.Items) ? request.Items : [];
  return items.flatMap((raw) => {
    const item = record(raw);
    if (!item) return [];
    const html = record(item.Body)?.Value;
    return [{
      threadId: stringOf(record(item.ConversationId)?.Id),
      referenceItemId: stringOf(record(item.ReferenceItemId)?.Id),
      to: addresses(item.ToRecipients),
      cc: addresses(item.CcRecipients),
      bcc: addresses(item.BccRecipients),
      subject: typeof item.Subject === 'string' ? item.Subject : '',
      at: now,
      pixels: typeof html === 'string' ? findPixels(html) : [],
    }];
  });
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function addresses(value: unknown): SentAddress[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const person = record(entry);
    const email = typeof person?.EmailAddress === 'string' ? person.EmailAddress.trim().toLowerCase() : '';
    if (!email.includes('@')) return [];
    const name = typeof person?.Name === 'string' && person.Name !== '' ? person.Name : undefined;
    return [name ? { email, name } : { email }];
  });
}
