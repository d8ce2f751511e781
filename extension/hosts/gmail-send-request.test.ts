import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { messageIdOfToken } from '../../shared/pixel-token.ts';
import { findPixels, isSendRequestUrl, parseSendRequest } from './gmail-send-request.ts';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../test/fixtures/gmail', name), 'utf8');
const PREFIX = 'tw84tAtqmZBOChhg';
const pixel = (token: string) => `https://track.tidewise-demo.com/p/${PREFIX}/${token}.gif`;

test.each([
  ['/sync/u/0/i/s?hl=en&c=12&rt=r&pt=ji', true],
  ['https://mail.google.com/sync/u/3/i/s', true],
  ['/sync/i/s?c=1', true],
  ['/sync/u/0/i/fd?hl=en', false],
  ['/sync/u/0/i/bv', false],
  ['/sync/u/0/i/sx', false],
  ['/mail/u/0/?ui=2&view=cm', false],
])('send request url %s → %s', (url, expected) => {
  expect(isSendRequestUrl(url)).toBe(expected);
});

describe('a new mail sent, batched with a draft save', () => {
  const messages = parseSendRequest(fixture('send-request.json'));

  test('only the ^pfg message counts; the draft (^r) in the same request does not', () => {
    expect(messages.map((m) => m.messageId)).toEqual(['msg-a:r5829417730184526601']);
  });

  test('reads thread, sender, To/Cc/Bcc (lower-cased), subject and time', () => {
    expect(messages[0]).toMatchObject({
      threadId: 'thread-a:r-8812034571129930442',
      from: { email: 'rep@tidewise-demo.com', name: 'Rita Chen' },
      to: [{ email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }],
      cc: [{ email: 'carlos@lopez-importaciones.mx', name: 'Carlos López' }],
      bcc: [{ email: 'procurement@gulf-trading.ae' }],
      subject: 'Quotation Q-2026-118: stainless cookware, FOB Ningbo',
      at: 1790000000000,
      scheduled: false,
    });
  });

  test('finds our pixel and the message id inside its token', () => {
    expect(messages[0]?.pixels).toEqual([{
      url: pixel('AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR'),
      prefix: PREFIX,
      token: 'AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR',
      messageId: 'dfMbhux3cjXpvYt9LH47dQ',
    }]);
  });
});

describe('a reply with quoted text', () => {
  const messages = parseSendRequest(fixture('reply-request.json'));

  test('is one sent message in the synced thread', () => {
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ threadId: 'thread-f:1849234567890123456', subject: 'Re: Price list 2027 for Lopez Importaciones' });
  });

  test('pixels in the quoted part (proxied or direct) are older mail, not this one', () => {
    expect(messages[0]?.pixels.map((p) => p.messageId)).toEqual(['gv5nbxhE7Db4zB9Hzu7XXg']);
  });
});

test('a scheduled send counts and says so', () => {
  const body = JSON.stringify([[null, null, 2], [[[10, ['thread-a:r1', [null, [
    ['msg-a:r2', [1, 'rep@tidewise-demo.com'], [[1, 'anna.schmidt@schmidt-haushalt.de']], null, null, null, 1, 'Later', [null, [[0, 'hi']]], null, ['^all', '^scheduled']],
  ]]]]]]]);
  expect(parseSendRequest(body)).toMatchObject([{ messageId: 'msg-a:r2', scheduled: true, to: [{ email: 'anna.schmidt@schmidt-haushalt.de' }] }]);
});

test.each([
  ['not JSON', 'f.req=%5B%5D'],
  ['empty', ''],
  ['no messages', '[[null,null,2],[[]]]'],
  ['a message without labels', '[["msg-a:r1",[1,"a@b.c"],[],null,null,null,1,"s",[null,[[0,"x"]]]]]'],
])('%s: nothing sent', (_, body) => {
  expect(parseSendRequest(body)).toEqual([]);
});

test.each([
  ['double quotes', `<img src="${pixel('AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR')}">`, 1],
  ['single quotes and attributes first', `<img width="1" alt='' src='${pixel('AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR')}'>`, 1],
  ['unquoted, with &amp; in a query', `<IMG src=${pixel('AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR')}?a=1&amp;b=2>`, 1],
  ['the same pixel twice', `<img src="${pixel('AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR')}"><img src="${pixel('AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR')}">`, 1],
  ['a link, not an image', `<a href="${pixel('AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR')}">x</a>`, 0],
  ['proxied by Google', `<img src="https://ci3.googleusercontent.com/meips/x=s0-d-e1-ft#${pixel('AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR')}">`, 0],
  ['a token of the wrong length', `<img src="https://t.example/p/${PREFIX}/AXXzG4bsd3I16b2LfSx.gif">`, 0],
  ['another tracker', '<img src="https://mailfoogae.appspot.com/t?sender=x&type=zerocontent">', 0],
])('findPixels: %s', (_, html, count) => {
  expect(findPixels(html)).toHaveLength(count);
});

test.each([
  ['AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR', 'dfMbhux3cjXpvYt9LH47dQ'],
  ['AarNsc6KiloE6UZU9A2QCMAbTi0obRE3fK6LaT7Jr-3O', 'qs2xzoqKWgTpRlT0DZAIwA'],
  ['not*base64url*not*base64url*not*base64url**', null],
])('messageIdOfToken(%s) = %s', (token, id) => {
  expect(messageIdOfToken(token)).toBe(id);
});
