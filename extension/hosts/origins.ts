// The webmail origins Tidewise runs on, in one place: the manifest's host permissions, the content
// scripts' matches and the background's check of who may ask all read these lists.
export const GMAIL_ORIGINS = ['https://mail.google.com'] as const;

/** Outlook on the web: work or school accounts, older work links, personal accounts, the new domain. */
export const OUTLOOK_ORIGINS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
] as const;

export const MAIL_ORIGINS: readonly string[] = [...GMAIL_ORIGINS, ...OUTLOOK_ORIGINS];

/** Match patterns for every page of these origins (content scripts, host permissions). */
export function everyPage(origins: readonly string[]): string[] {
  return origins.map((origin) => `${origin}/*`);
}
