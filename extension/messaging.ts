// The typed protocol between content scripts, popup and options pages (askers) and the
// background (the only owner of data, network and the API token). Requests are zod schemas built
// from shared/schema.ts and are parsed again in the background; answers come back in an envelope
// so an error crosses the boundary as a readable message, never as a silent undefined.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { BestHourHint } from '../shared/best-hour.ts';
import type { Classification } from '../shared/classify.ts';
import type { DailyList } from '../shared/daily-list.ts';
import { policy } from '../shared/policy.ts';
import { clientEvent, email, type AccountEvent, type Me } from '../shared/schema.ts';
import { emailTemplate, type EmailTemplate } from '../shared/templates.ts';
import type { ApiErrorKind } from './api-client.ts';
import type { OutboxItem } from './db.ts';
import { language, workerUrl, type PublicSettings } from './settings.ts';

/** One contact row of a CSV import, already checked by the import preview. */
export const importRow = z.strictObject({
  email,
  firstName: z.string().max(80).optional(),
  lastName: z.string().max(80).optional(),
  company: z.string().max(160).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  tier: z.enum(['A', 'B', 'C']).optional(),
  stars: z.number().int().min(0).max(3).optional(),
  source: z.enum(['trade-show', 'b2b-platform', 'social-media', 'email-outreach', 'inbound-enquiry', 'other']).optional(),
  tags: z.array(z.string().min(1).max(40)).max(50).optional(),
  note: z.string().max(4000).optional(),
});
export type ImportRow = z.infer<typeof importRow>;

const settingsPatch = z.strictObject({
  workerUrl: workerUrl.optional(),
  token: z.string().trim().max(200).optional(),
  policy: policy.optional(),
  language: language.optional(),
  timeZone: z.string().max(64).optional(),
  tracking: z
    .strictObject({
      enabled: z.boolean(),
      excludedDomains: z.array(z.string()).max(500),
      disclosure: z.string().max(300),
    })
    .partial()
    .optional(),
  notifications: z.boolean().optional(),
});
export type SettingsPatch = z.input<typeof settingsPatch>;

export const request = z.discriminatedUnion('type', [
  /** Append events (the rep's actions, sends, replies seen): outbox first, then local log. */
  z.strictObject({ type: z.literal('record-events'), events: z.array(clientEvent).min(1).max(500) }),
  /** Everything the sidebar shows for these correspondents. */
  z.strictObject({ type: z.literal('contact-views'), emails: z.array(email).max(100) }),
  z.strictObject({ type: z.literal('daily-list') }),
  z.strictObject({ type: z.literal('sync-now') }),
  z.strictObject({ type: z.literal('settings-get') }),
  z.strictObject({ type: z.literal('settings-save'), patch: settingsPatch }),
  /** GET /api/me with these values (or the saved ones), without saving anything. */
  z.strictObject({ type: z.literal('connection-test'), workerUrl: workerUrl.optional(), token: z.string().trim().max(200).optional() }),
  z.strictObject({ type: z.literal('templates-list') }),
  z.strictObject({ type: z.literal('template-save'), template: emailTemplate }),
  z.strictObject({ type: z.literal('template-reset'), key: z.string().max(100) }),
  z.strictObject({ type: z.literal('import-contacts'), rows: z.array(importRow).min(1).max(20_000) }),
  z.strictObject({ type: z.literal('export-data') }),
  z.strictObject({ type: z.literal('outbox-status') }),
  /** A fresh pixel for a mail about to be sent (the key stays in the background). */
  z.strictObject({ type: z.literal('mint-pixel') }),
  /** Which of these addresses the rep has sent tracked mail to, and when last. */
  z.strictObject({ type: z.literal('tracked-contacts'), emails: z.array(email).max(500) }),
  /** Block this proxied image URL (the rep's own pixel through Gmail's proxy) for the session. */
  z.strictObject({ type: z.literal('block-proxied-pixel'), url: z.string().url().max(4000) }),
  /** Test builds only: move the background's clock (downgrades, due dates) forward. */
  z.strictObject({ type: z.literal('test-clock'), offsetMs: z.number().int().min(0).max(10 * 365 * 86_400_000) }),
]);
export type Request = z.infer<typeof request>;
export type RequestType = Request['type'];

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

type Envelope<T> = { ok: true; data: T } | { ok: false; error: string };

export class MessagingError extends Error {
  override name = 'MessagingError';
}

/** Asks the background; resolves with its answer or throws its error message. */
export async function ask<T extends RequestType>(message: Extract<z.input<typeof request>, { type: T }>): Promise<Responses[T]> {
  const answer = (await browser.runtime.sendMessage(message)) as Envelope<Responses[T]> | undefined;
  if (answer === undefined) throw new MessagingError(`the background did not answer "${message.type}"`);
  if (!answer.ok) throw new MessagingError(answer.error);
  return answer.data;
}

export type Handlers = { [T in RequestType]: (message: Extract<Request, { type: T }>) => Promise<Responses[T]> };

/** Origins whose content scripts may ask (besides the extension's own pages). */
export const MAIL_ORIGINS = [
  'https://mail.google.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
];

/** scheme://host of a URL; URL#origin is "null" for chrome-extension: outside a browser. */
export function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * The background's listener: ignores messages from other extensions and from pages that are not
 * ours or a supported webmail, parses every request, and answers in the envelope.
 */
export function serve(handlers: Handlers, extensionId: string, extensionOrigin: string, ready: Promise<void> = Promise.resolve()) {
  return (message: unknown, sender: { id?: string; url?: string; origin?: string }): Promise<Envelope<unknown>> | undefined => {
    if (sender.id !== extensionId) return undefined;
    const origin = sender.origin ?? (sender.url ? originOf(sender.url) : '');
    if (origin !== extensionOrigin && !MAIL_ORIGINS.includes(origin)) return undefined;
    const parsed = request.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return Promise.resolve({ ok: false, error: `bad request: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'}` });
    }
    const handler = handlers[parsed.data.type] as (m: Request) => Promise<unknown>;
    return ready.then(() => handler(parsed.data)).then(
      (data) => ({ ok: true, data }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
}
