// The typed protocol between content scripts, popup and options pages (askers) and the
// background (the only owner of data, network and the API token): what each request answers, and
// `ask`. Requests are zod schemas in requests.ts, parsed by the background's `serve`; this file
// imports only their types, so the content scripts that ask carry no zod. Answers come back in an
// envelope so an error crosses the boundary as a readable message, never as a silent undefined.
import { browser } from 'wxt/browser';
import type { BestHourHint } from '../shared/best-hour.ts';
import type { Classification } from '../shared/classify.ts';
import type { DailyList } from '../shared/daily-list.ts';
import type { AccountEvent, EmailTemplate, Me } from '../shared/schema.ts';
import type { ApiErrorKind } from './api-client.ts';
import type { OutboxItem } from './db.ts';
import type { RequestInput, RequestType } from './requests.ts';
import type { PublicSettings } from './settings.ts';

export interface ContactView {
  email: string;
  classification: Classification;
  /** The contact's events, oldest first; opens carry their final verdicts. */
  timeline: AccountEvent[];
  bestHour: BestHourHint | null;
  profile: { firstName?: string; lastName?: string; company?: string; country?: string };
  /** The proposed template (the rep's edited version when there is one). */
  template: EmailTemplate | null;
}

export interface SyncStatus {
  unsynced: number;
  conflicts: number;
  lastSyncAt: number | null;
  /** The Worker's or the network's words (English); pages show `lastErrorKind` translated. */
  lastError: string | null;
  lastErrorKind: ApiErrorKind | null;
}

export interface DailyListView extends SyncStatus {
  list: DailyList;
  /** The profile of every contact on the list, for names in the rows. */
  profiles: Record<string, ContactView['profile']>;
}

export type ConnectionResult = { ok: true; account: Me } | { ok: false; kind: ApiErrorKind | 'no-token'; message: string };

export interface ExportData {
  exportedAt: number;
  account: Me | null;
  events: AccountEvent[];
  contacts: Array<{ email: string; state: string; nextFollowUpAt: number | null } & ContactView['profile']>;
  outbox: OutboxItem[];
  templates: EmailTemplate[];
}

export interface Responses {
  'record-events': { queued: number };
  'contact-views': { contacts: ContactView[]; now: number };
  'daily-list': DailyListView;
  'sync-now': SyncStatus & { pulled: number; pushed: number };
  'settings-get': PublicSettings;
  'settings-save': PublicSettings;
  'connection-test': ConnectionResult;
  'templates-list': { templates: EmailTemplate[]; customKeys: string[] };
  'template-save': { templates: EmailTemplate[]; customKeys: string[] };
  'template-reset': { templates: EmailTemplate[]; customKeys: string[] };
  'import-contacts': { contacts: number; events: number };
  'export-data': ExportData;
  'outbox-status': SyncStatus & { items: OutboxItem[] };
  'mint-pixel': { url: string; messageId: string; prefix: string };
  'tracked-contacts': { contacts: Array<{ email: string; lastSentAt: number }>; pixelPrefix: string | null; tracking: PublicSettings['tracking'] };
  'block-proxied-pixel': { blocked: boolean };
  'test-clock': { now: number };
}

/** Every answer crosses the boundary in this envelope, so an error arrives as a readable message. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: string };

export class MessagingError extends Error {
  override name = 'MessagingError';
}

/**
 * Asks the background; resolves with its answer or throws its error message. Only this
 * extension's own background can answer a runtime message (a page cannot), and it answers with
 * data it parsed or built itself, so the data is taken as typed; the envelope is still checked, so
 * a missing or garbled answer is a readable error rather than a crash further on.
 */
export async function ask<T extends RequestType>(message: Extract<RequestInput, { type: T }>): Promise<Responses[T]> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  if (answer === undefined) throw new MessagingError(`the background did not answer "${message.type}"`);
  if (!isEnvelope(answer)) throw new MessagingError(`the background's answer to "${message.type}" is not an envelope`);
  if (!answer.ok) throw new MessagingError(answer.error);
  return answer.data as Responses[T];
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'string';
}
