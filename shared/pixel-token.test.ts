import { describe, expect, test } from 'vitest';
import {
  TOKEN_LENGTH, deriveAccountKey, fromBase64Url, messageIdOfToken, importAccountKey, mintPixelToken, toBase64Url, verifyPixelToken,
} from './pixel-token.ts';

const prefix = 'pfx_ABCDEFGHIJKL';
const otherPrefix = 'pfx_ZYXWVUTSRQPO';

async function keyFor(p: string, master = 'master-secret') {
  return importAccountKey(await deriveAccountKey(master, p));
}

describe('pixel tokens', () => {
  test('a minted token verifies and yields its message id', async () => {
    const key = await keyFor(prefix);
    const { token, messageId } = await mintPixelToken(key, prefix);
    expect(token).toHaveLength(TOKEN_LENGTH);
    expect(messageId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await verifyPixelToken(key, prefix, token)).toEqual({ ok: true, messageId });
  });

  test('the message id can be read from a token without the key; anything else reads as null', async () => {
    const { token, messageId } = await mintPixelToken(await keyFor(prefix), prefix);
    expect(messageIdOfToken(token)).toBe(messageId);
    expect(messageIdOfToken(token.slice(0, 43))).toBeNull();
    expect(messageIdOfToken(`${token.slice(0, 43)}=`)).toBeNull();
  });

  test('tokens are unique', async () => {
    const key = await keyFor(prefix);
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add((await mintPixelToken(key, prefix)).messageId);
    expect(ids.size).toBe(200);
  });

  test('the extension (holding only its account key) and the Worker (holding the master key) agree', async () => {
    const raw = await deriveAccountKey('master-secret', prefix);
    const extensionKey = await importAccountKey(fromBase64Url(toBase64Url(raw))!);
    const { token } = await mintPixelToken(extensionKey, prefix);
    expect((await verifyPixelToken(await keyFor(prefix), prefix, token)).ok).toBe(true);
  });

  test.each([
    ['another account', async (token: string) => verifyPixelToken(await keyFor(otherPrefix), otherPrefix, token), 'bad-mac'],
    ['another master key', async (token: string) => verifyPixelToken(await keyFor(prefix, 'other'), prefix, token), 'bad-mac'],
    ['a flipped MAC character', async (token: string) => verifyPixelToken(await keyFor(prefix), prefix, flip(token, 40)), 'bad-mac'],
    ['a flipped id character', async (token: string) => verifyPixelToken(await keyFor(prefix), prefix, flip(token, 5)), 'bad-mac'],
    ['a truncated MAC', async (token: string) => verifyPixelToken(await keyFor(prefix), prefix, token.slice(0, -2)), 'malformed'],
    ['upper-cased', async (token: string) => verifyPixelToken(await keyFor(prefix), prefix, token.toUpperCase()), 'any'],
    ['lower-cased', async (token: string) => verifyPixelToken(await keyFor(prefix), prefix, token.toLowerCase()), 'any'],
    ['version 0', async (token: string) => verifyPixelToken(await keyFor(prefix), prefix, withVersion(token, 0)), 'unknown-version'],
    ['version 9', async (token: string) => verifyPixelToken(await keyFor(prefix), prefix, withVersion(token, 9)), 'unknown-version'],
    ['a non-alphabet character', async (token: string) => verifyPixelToken(await keyFor(prefix), prefix, `${token.slice(0, -1)}=`), 'malformed'],
  ])('rejects %s', async (_name, check, reason) => {
    const { token } = await mintPixelToken(await keyFor(prefix), prefix);
    const result = await check(token);
    // Changing case can also change the version byte, so either refusal is right.
    if (reason === 'any') expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^(bad-mac|unknown-version)$/) });
    else expect(result).toEqual({ ok: false, reason });
  });

  test('base64url round-trips every length and refuses non-canonical spellings', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(fromBase64Url('AB')).toBeUndefined(); // leftover bits set
    expect(fromBase64Url('A')).toBeUndefined();
  });
});

function withVersion(token: string, version: number): string {
  const bytes = fromBase64Url(token)!;
  bytes[0] = version;
  return toBase64Url(bytes);
}

function flip(token: string, index: number): string {
  const char = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + char + token.slice(index + 1);
}
