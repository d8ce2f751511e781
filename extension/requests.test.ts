// Who may ask the background: the extension's own pages and the content scripts of the webmails
// the manifest lists, nobody else.
import { describe, expect, test } from 'vitest';
import { GMAIL_ORIGINS, MAIL_ORIGINS, OUTLOOK_ORIGINS } from './hosts/origins.ts';
import { type Handlers, serve } from './requests.ts';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

/** Every handler answers with the request type it was given. */
const echo = new Proxy({}, { get: (_target, type) => () => Promise.resolve(type) }) as Handlers;
const listener = serve(echo, EXTENSION_ID, EXTENSION_ORIGIN);

describe('the background answers', () => {
  test.each([...GMAIL_ORIGINS, ...OUTLOOK_ORIGINS])('the content script on %s', async (origin) => {
    expect(await listener({ type: 'daily-list' }, { id: EXTENSION_ID, url: `${origin}/mail/u/0/#inbox` })).toEqual({ ok: true, data: 'daily-list' });
  });

  test('the extension\'s own pages', async () => {
    expect(await listener({ type: 'sync-now' }, { id: EXTENSION_ID, origin: EXTENSION_ORIGIN })).toEqual({ ok: true, data: 'sync-now' });
  });

  test('a malformed request with a clear error, not by dropping it', async () => {
    expect(await listener({ type: 'daily-list', extra: 1 }, { id: EXTENSION_ID, url: 'https://outlook.live.com/mail/0/' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^bad request: /),
    });
  });
});

describe('the background ignores', () => {
  test.each([
    ['another origin', { id: EXTENSION_ID, url: 'https://outlook.example.com/mail/' }],
    ['a look-alike host', { id: EXTENSION_ID, url: 'https://mail.google.com.evil.example/' }],
    ['plain http to a webmail', { id: EXTENSION_ID, url: 'http://mail.google.com/' }],
    ['another extension on a webmail', { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'https://mail.google.com/mail/u/0/' }],
    ['a sender with no address', { id: EXTENSION_ID }],
  ])('%s', (_name, sender) => {
    expect(listener({ type: 'daily-list' }, sender)).toBeUndefined();
  });

  test('lists both webmails and nothing else', () => {
    expect(MAIL_ORIGINS).toEqual(['https://mail.google.com', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com', 'https://outlook.cloud.microsoft']);
  });
});
