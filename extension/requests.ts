// Every request the background accepts, as zod schemas built from shared/schema.ts, and `serve`,
// the background's listener that parses each one before a handler sees it. Askers (content
// scripts, popup, options) write requests against these types through messaging.ts; only the
// background and the options page's import preview load the schemas themselves.
import { z } from 'zod';
import { policy } from '../shared/policy.ts';
import { clientEvent, email, emailTemplate } from '../shared/schema.ts';
import { MAIL_ORIGINS } from './hosts/origins.ts';
import type { Envelope, Responses } from './messaging.ts';
import { language, workerUrl } from './settings.ts';

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
/** A request as an asker writes it (before the background's parse normalises it). */
export type RequestInput = z.input<typeof request>;
export type RequestType = Request['type'];

export type Handlers = { [T in RequestType]: (message: Extract<Request, { type: T }>) => Promise<Responses[T]> };

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
