// Every payload that crosses a boundary (extension <-> Worker, content script <-> background,
// storage) is described here once; the TypeScript types are inferred from these schemas.
import { z } from 'zod';
import { LIVE_STATES } from './contact-state.ts';

// ---------------------------------------------------------------------------------------------
// Primitives

/** Lower bound for any event time: 2000-01-01. Earlier values are typos or unit mistakes. */
export const MIN_TIME = Date.UTC(2000, 0, 1);
/** Upper bound for any event time: 2100-01-01. The Worker applies a tighter clock-skew check. */
export const MAX_TIME = Date.UTC(2100, 0, 1);

export const epochMs = z
  .number({ error: 'must be a time in milliseconds since 1970 (a number)' })
  .int('must be a whole number of milliseconds')
  .min(MIN_TIME, 'is before the year 2000')
  .max(MAX_TIME, 'is after the year 2100');

// Characters that never appear in a real mailbox address outside quoted local parts, which
// webmail UIs do not produce. Control characters and whitespace included.
const EMAIL_FORBIDDEN = /[\s\u0000-\u001f\u007f<>()[\],;:"\\]/u;

/**
 * Normalises an address the way reps and mail servers treat them in practice: trimmed,
 * Unicode NFC, lower-cased, a trailing dot on the domain dropped. Returns an error message
 * instead of throwing so callers can show it.
 */
export function normaliseEmail(raw: string): { ok: true; email: string } | { ok: false; error: string } {
  const email = raw.normalize('NFC').trim().toLowerCase().replace(/\.$/, '');
  const at = email.lastIndexOf('@');
  if (email.length === 0) return { ok: false, error: 'email address is empty' };
  if (email.length > 254) return { ok: false, error: 'email address is longer than 254 characters' };
  if (at < 1 || at !== email.indexOf('@')) return { ok: false, error: `"${clip(raw)}" is not an email address (needs exactly one @)` };
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64) return { ok: false, error: 'the part before @ is longer than 64 characters' };
  if (EMAIL_FORBIDDEN.test(email)) return { ok: false, error: `"${clip(raw)}" contains characters not allowed in an email address` };
  if (!/^[^.]+(\.[^.]+)+$/u.test(domain)) return { ok: false, error: `"${clip(raw)}" has no valid domain after @` };
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { ok: false, error: `"${clip(raw)}" has misplaced dots before @` };
  }
  return { ok: true, email };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export const email = z.string({ error: 'must be an email address (a string)' }).transform((raw, ctx) => {
  const result = normaliseEmail(raw);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  }
  return result.email;
});
export type Email = z.output<typeof email>;

/** Client-generated event ids: UUIDs (any version), lower-cased. */
export const eventId = z
  .string({ error: 'must be an event id (a UUID string)' })
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a UUID')
  .transform((id) => id.toLowerCase());

/** A pixel message id: 16 random bytes, base64url without padding (see pixel-token.ts). */
export const messageId = z
  .string({ error: 'must be a message id (a string)' })
  .regex(/^[A-Za-z0-9_-]{22}$/, 'must be a 22-character base64url message id');

const text = (max: number, what: string) =>
  z.string({ error: `${what} must be a string` }).max(max, `${what} is longer than ${max} characters`);

export const provider = z.enum(['gmail', 'outlook']);
export type Provider = z.infer<typeof provider>;

// ---------------------------------------------------------------------------------------------
// Open verdicts (decided by shared/open-verdict.ts, stored with every pixel hit)

export const verdictKind = z.enum(['human', 'bot', 'apple-prefetch', 'too-soon', 'self-view', 'repeat']);
export type VerdictKind = z.infer<typeof verdictKind>;

export const verdict = z.object({
  kind: verdictKind,
  /** Named reason a rep can read: "gmail-proxy", "gmail-prefetch", "apple-mpp-user-agent", ... */
  reason: text(64, 'reason'),
});
export type Verdict = z.infer<typeof verdict>;

// ---------------------------------------------------------------------------------------------
// Events. Every event has a client-generated id (idempotency key), a type and a time.

const base = { id: eventId, at: epochMs };
const perContact = { ...base, contact: email };

export const sentEvent = z.strictObject({
  ...base,
  type: z.literal('sent'),
  messageId,
  /** Every recipient (to, cc, bcc) other than the rep. */
  recipients: z.array(email).min(1, 'a sent mail needs at least one recipient').max(100, 'more than 100 recipients'),
  subject: text(998, 'subject'),
  threadKey: text(256, 'threadKey'),
  provider,
});

export const openEvent = z.strictObject({
  ...base,
  type: z.literal('open'),
  messageId,
  verdict,
  country: text(2, 'country').optional(),
  timezone: text(64, 'timezone').optional(),
  /** Truncated user agent, kept for the evidence timeline. */
  userAgent: text(256, 'userAgent').optional(),
  /** Egress network class of the fetch (never the address itself). */
  network: z.enum(['apple', 'google', 'microsoft', 'other']).optional(),
});

export const replyEvent = z.strictObject({
  ...perContact,
  type: z.literal('reply'),
  /** The webmail's own id for the reply message: replies are idempotent by it. */
  providerMessageId: text(256, 'providerMessageId'),
  threadKey: text(256, 'threadKey').optional(),
  provider,
});

export const orderEvent = z.strictObject({
  ...perContact,
  type: z.literal('order'),
  kind: z.enum(['sample', 'order']),
  amount: z.number().positive('amount must be more than 0').max(1e12, 'amount is too large').optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code such as USD')
    .optional(),
});

export const intent = z.enum(['interested', 'later', 'no-need']);
export type Intent = z.infer<typeof intent>;
export const intentEvent = z.strictObject({ ...perContact, type: z.literal('intent'), intent });

export const snoozeEvent = z.strictObject({ ...perContact, type: z.literal('snooze'), until: epochMs });
export const archiveEvent = z.strictObject({ ...perContact, type: z.literal('archive') });
export const unarchiveEvent = z.strictObject({ ...perContact, type: z.literal('unarchive') });
export const noteEvent = z.strictObject({ ...perContact, type: z.literal('note'), text: text(4_000, 'note') });

export const tier = z.enum(['A', 'B', 'C']);
export const tierEvent = z.strictObject({ ...perContact, type: z.literal('tier'), tier: tier.nullable() });
export const starsEvent = z.strictObject({
  ...perContact,
  type: z.literal('stars'),
  stars: z.number().int().min(0, 'stars are 0-3').max(3, 'stars are 0-3'),
});
export const buyerSize = z.enum(['end-user', 'retailer', 'wholesaler', 'large-trader']);
export const buyerSizeEvent = z.strictObject({ ...perContact, type: z.literal('buyer-size'), size: buyerSize.nullable() });
export const source = z.enum(['trade-show', 'b2b-platform', 'social-media', 'email-outreach', 'inbound-enquiry', 'other']);
export const sourceEvent = z.strictObject({ ...perContact, type: z.literal('source'), source: source.nullable() });
export const tagsEvent = z.strictObject({
  ...perContact,
  type: z.literal('tags'),
  tags: z.array(text(40, 'tag').min(1, 'a tag cannot be empty')).max(50, 'more than 50 tags'),
});

/** Who the contact is, from the mailbox or a CSV import: fills template placeholders. */
export const profileEvent = z.strictObject({
  ...perContact,
  type: z.literal('profile'),
  firstName: text(80, 'firstName').optional(),
  lastName: text(80, 'lastName').optional(),
  company: text(160, 'company').optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'country must be a two-letter ISO code such as DE').optional(),
});

/** The rep's own browser rendered one of the rep's pixels (through a proxy): never an open. */
export const selfViewEvent = z.strictObject({ ...base, type: z.literal('self-view'), messageId });

/** Everything the extension may append through POST /api/events. */
export const clientEvent = z.discriminatedUnion('type', [
  sentEvent,
  replyEvent,
  orderEvent,
  intentEvent,
  snoozeEvent,
  archiveEvent,
  unarchiveEvent,
  noteEvent,
  tierEvent,
  starsEvent,
  buyerSizeEvent,
  sourceEvent,
  tagsEvent,
  profileEvent,
  selfViewEvent,
]);
export type ClientEvent = z.infer<typeof clientEvent>;

/** Everything in an account's event log: the client's events plus the opens the Worker recorded. */
export const accountEvent = z.discriminatedUnion('type', [...clientEvent.options, openEvent]);
export type AccountEvent = z.infer<typeof accountEvent>;
export type EventType = AccountEvent['type'];
export type EventOf<T extends EventType> = Extract<AccountEvent, { type: T }>;

export type SentEvent = z.infer<typeof sentEvent>;
export type OpenEvent = z.infer<typeof openEvent>;
export type ReplyEvent = z.infer<typeof replyEvent>;
export type OrderEvent = z.infer<typeof orderEvent>;
export type SelfViewEvent = z.infer<typeof selfViewEvent>;
export type ProfileEvent = z.infer<typeof profileEvent>;

// ---------------------------------------------------------------------------------------------
// Email templates (the defaults are in templates.ts). Reps edit them in settings; keys stay stable
// because classify proposes templates by key.

const bilingual = (max: number) =>
  z.strictObject({ en: z.string().min(1).max(max), zh: z.string().min(1).max(max) });

export const emailTemplate = z.strictObject({
  key: z.string().regex(/^[a-z-]+(\.[a-z-]+)+$/, 'a template key looks like "replied.interested.quotation"'),
  state: z.enum(LIVE_STATES),
  /** Only for replied: the intent the template serves. */
  intent: intent.optional(),
  label: bilingual(60),
  /** One line telling the rep why this template fits the contact now. */
  why: bilingual(200),
  subject: z.string().min(1, 'a template needs a subject').max(200),
  body: z.string().min(1, 'a template needs a body').max(5000),
});
export type EmailTemplate = z.infer<typeof emailTemplate>;

// ---------------------------------------------------------------------------------------------
// Worker API payloads

export const MAX_BATCH = 100;

export const postEventsBody = z.strictObject({
  events: z
    .array(clientEvent)
    .min(1, 'events must hold at least one event')
    .max(MAX_BATCH, `at most ${MAX_BATCH} events per request`),
});

export const postEventsResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
});

export const eventPageQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,15}$/, 'after must be a cursor returned by this API')
    .optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .default(200),
});

/** One stored event as the API returns it: the event plus its position in the log. */
export const storedEvent = z.object({ seq: z.number().int(), event: accountEvent });
export const eventPage = z.object({
  events: z.array(storedEvent),
  /** Pass as `after` to get the next page; equal to the request's cursor when nothing is new. */
  cursor: z.string(),
  more: z.boolean(),
});
export type EventPage = z.infer<typeof eventPage>;

export const me = z.object({
  accountId: z.string(),
  name: z.string(),
  pixelPrefix: z.string(),
  /** base64url HMAC key so the extension can mint pixel tokens offline. */
  pixelKey: z.string(),
  /** Where pixels are served, e.g. https://t.example.com/p/<prefix>/ */
  pixelBase: z.string(),
  tokenId: z.string(),
});
export type Me = z.infer<typeof me>;

export const createAccountBody = z.strictObject({
  name: text(120, 'name').min(1, 'name cannot be empty'),
});
export const createAccountResponse = z.object({
  accountId: z.string(),
  pixelPrefix: z.string(),
  token: z.string(),
  tokenId: z.string(),
});

export const apiError = z.object({ error: z.string(), issues: z.array(z.string()).optional() });
