// Pixel tokens let the extension mint tracking ids offline and let the Worker tell a real id from a
// forged or mistyped one without reading the database.
//
//   token = base64url( version(1) | messageId(16 random bytes) | mac(16) )        44 characters
//   mac   = HMAC-SHA256(accountKey, "tidewise-pixel-v1|" + prefix + "|" + messageId)[0..16]
//   accountKey = HMAC-SHA256(masterKey, "tidewise-account-key|" + prefix)
//
// The pixel prefix is the account's public, random id; the Worker holds the master key, the
// extension holds only its own account key (handed out by GET /api/me).

const VERSION = 1;
const ID_BYTES = 16;
const MAC_BYTES = 16;
export const TOKEN_LENGTH = 44;
export const PREFIX_PATTERN = /^[A-Za-z0-9_-]{12,32}$/;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{44}$/;

const encoder = new TextEncoder();

export type VerifyResult =
  | { ok: true; messageId: string }
  | { ok: false; reason: 'malformed' | 'unknown-version' | 'bad-mac' };

export async function deriveAccountKey(masterKey: string, prefix: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = await importHmac(new Uint8Array(encoder.encode(masterKey)));
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`tidewise-account-key|${prefix}`)));
}

/** An account key as an importable HMAC key (import once, reuse for many tokens). */
export function importAccountKey(accountKey: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return importHmac(accountKey);
}

/** Mints a fresh token; `messageId` is its 22-character base64url id (the id in sent events). */
export async function mintPixelToken(key: CryptoKey, prefix: string): Promise<{ token: string; messageId: string }> {
  const id = crypto.getRandomValues(new Uint8Array(ID_BYTES));
  const messageId = toBase64Url(id);
  const mac = await macFor(key, prefix, messageId);
  const bytes = new Uint8Array(1 + ID_BYTES + MAC_BYTES);
  bytes[0] = VERSION;
  bytes.set(id, 1);
  bytes.set(mac, 1 + ID_BYTES);
  return { token: toBase64Url(bytes), messageId };
}

export async function verifyPixelToken(key: CryptoKey, prefix: string, token: string): Promise<VerifyResult> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'malformed' };
  const bytes = fromBase64Url(token);
  if (bytes === undefined || bytes.length !== 1 + ID_BYTES + MAC_BYTES) return { ok: false, reason: 'malformed' };
  if (bytes[0] !== VERSION) return { ok: false, reason: 'unknown-version' };
  const messageId = toBase64Url(bytes.subarray(1, 1 + ID_BYTES));
  const expected = await macFor(key, prefix, messageId);
  return constantTimeEqual(expected, bytes.subarray(1 + ID_BYTES)) ? { ok: true, messageId } : { ok: false, reason: 'bad-mac' };
}

/** The message id a token carries (its bytes 1-16): readable without any key; null for anything else. */
export function messageIdOfToken(token: string): string | null {
  const bytes = TOKEN_PATTERN.test(token) ? fromBase64Url(token) : undefined;
  return bytes ? toBase64Url(bytes.subarray(1, 1 + ID_BYTES)) : null;
}

/** The path of a pixel below the Worker's origin. */
export function pixelPath(prefix: string, token: string): string {
  return `/p/${prefix}/${token}.gif`;
}

async function macFor(key: CryptoKey, prefix: string, messageId: string): Promise<Uint8Array<ArrayBuffer>> {
  const full = await crypto.subtle.sign('HMAC', key, encoder.encode(`tidewise-pixel-v1|${prefix}|${messageId}`));
  return new Uint8Array(full, 0, MAC_BYTES);
}

function importHmac(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

// Both inputs have fixed, public lengths, so only their contents must not leak through timing.
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((char, index) => [char, index]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Decodes unpadded base64url; undefined when a character is outside the alphabet or the length is impossible. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    const digit = LOOKUP.get(char);
    if (digit === undefined) return undefined;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  // Non-zero leftover bits mean a second spelling of the same bytes: refuse it (no case games).
  if ((value & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

/** 256-bit random secret as base64url (API tokens, pixel prefixes use fewer bytes). */
export function randomId(bytes: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function sha256Base64Url(text: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}
