// The rep's settings, kept by the background in Dexie. One zod schema gives the defaults, the
// validation of every change, and the type.
import { z } from 'zod';
import { policy } from '../shared/policy.ts';
import { me } from '../shared/schema.ts';
import { BUILD_DEV_TOKEN, BUILD_WORKER_URL } from './build-config.ts';

export const language = z.enum(['en', 'zh']);
export type Language = z.infer<typeof language>;

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]{2,}$|^\.[a-z]{2,}$/, 'a domain looks like "example.de", "*.example.de" or a whole top-level domain like ".de"');

export const workerUrl = z
  .string()
  .trim()
  .url('the Worker URL must be a full URL such as https://t.example.com')
  .refine((url) => /^https?:\/\//.test(url), 'the Worker URL must start with https:// (or http:// for a local Worker)')
  .transform((url) => url.replace(/\/+$/, ''));

export const settings = z.object({
  workerUrl: workerUrl.default(BUILD_WORKER_URL),
  /** Only ever read in the background; settings sent to pages carry `hasToken` instead. */
  token: z.string().default(BUILD_DEV_TOKEN),
  /** The account the token belongs to, as GET /api/me last said. */
  account: me.nullable().default(null),
  policy: policy.prefault({}),
  language: language.default('en'),
  /** IANA time zone for "due today"; empty = the browser's own. */
  timeZone: z.string().default(''),
  tracking: z
    .object({
      enabled: z.boolean().default(true),
      /** Each rule checked by `domain` above; excluded-domains.ts matches addresses against them. */
      excludedDomains: z.array(domain).max(500).default([]),
      /** Appended to tracked mail when set, e.g. "This message uses read receipts." */
      disclosure: z.string().max(300).default(''),
    })
    .prefault({}),
  notifications: z.boolean().default(true),
});
export type Settings = z.output<typeof settings>;
export type SettingsInput = z.input<typeof settings>;

/** What pages and content scripts may see: everything but the token. */
export type PublicSettings = Omit<Settings, 'token'> & { hasToken: boolean };

export function publicSettings(value: Settings): PublicSettings {
  const { token, ...rest } = value;
  return { ...rest, hasToken: token !== '' };
}
