// GET /p/<prefix>/<token>.gif: always the same 43-byte GIF with the same headers, whatever the id,
// method or headers. The hit is verified, judged and recorded after the answer (waitUntil), so the
// pixel never waits on the database and never fails because of it.
import { Hono, type Context } from 'hono';
import { classifyIp, judgeHit } from '../shared/open-verdict.ts';
import { deriveAccountKey, importAccountKey, verifyPixelToken } from '../shared/pixel-token.ts';
import type { OpenEvent } from '../shared/schema.ts';
import type { AppEnv } from './http.ts';
import { recordOpen } from './record-open.ts';

export const pixel = new Hono<AppEnv>();

const GIF = Uint8Array.from(atob('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='), (c) => c.charCodeAt(0));
const GIF_HEADERS: Record<string, string> = {
  'Content-Type': 'image/gif',
  'Content-Length': String(GIF.byteLength),
  // Every open must reach us: no shared or private caching, no validators to revalidate against.
  'Cache-Control': 'no-store, no-cache, must-revalidate, private, max-age=0',
  Pragma: 'no-cache',
  Expires: '0',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
const PIXEL_PATH = /^\/p\/([A-Za-z0-9_-]{12,32})\/([A-Za-z0-9_-]{44})\.gif$/;
const MAX_UA = 256;

export function gifResponse(): Response {
  return new Response(GIF, { status: 200, headers: GIF_HEADERS });
}

pixel.all('*', (c) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD') {
    const match = PIXEL_PATH.exec(new URL(c.req.url).pathname);
    if (match?.[1] && match[2]) c.executionCtx.waitUntil(handleHit(c, match[1], match[2], method, Date.now()));
  }
  return gifResponse();
});

async function handleHit(c: Context<AppEnv>, prefix: string, token: string, method: string, at: number): Promise<void> {
  try {
    if (!c.env.PIXEL_MASTER_KEY) {
      console.error('tidewise: PIXEL_MASTER_KEY is not configured; pixel hits cannot be verified');
      return;
    }
    const verified = await verifyPixelToken(await accountKey(c.env.PIXEL_MASTER_KEY, prefix), prefix, token);
    if (!verified.ok) return; // forged, mistyped or enumerated: write nothing
    const userAgent = cleanUserAgent(c.req.header('User-Agent'));
    const network = classifyIp(c.req.header('CF-Connecting-IP'));
    const cf = c.req.raw.cf;
    const event: OpenEvent = {
      id: crypto.randomUUID(),
      type: 'open',
      at,
      messageId: verified.messageId,
      verdict: judgeHit({ method, userAgent, ipClass: network }),
      network,
      ...(userAgent ? { userAgent } : {}),
      ...(typeof cf?.country === 'string' && /^[A-Z]{2}$/.test(cf.country) ? { country: cf.country } : {}),
      ...(typeof cf?.timezone === 'string' && cf.timezone.length <= 64 ? { timezone: cf.timezone } : {}),
    };
    // Opens are written only by the Worker, under fresh ids: there is no client payload to compare.
    await recordOpen(c.env, { pixelPrefix: prefix, event, payloadHash: '' });
  } catch (error) {
    console.error('tidewise: pixel hit failed', error);
  }
}

// Keys are derived once per account per isolate: two HMACs per hit instead of three.
const keyCache = new Map<string, Promise<CryptoKey>>();
function accountKey(master: string, prefix: string): Promise<CryptoKey> {
  const cacheKey = `${master.length}:${master}|${prefix}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    if (keyCache.size >= 1000) keyCache.clear();
    key = deriveAccountKey(master, prefix).then(importAccountKey);
    keyCache.set(cacheKey, key);
  }
  return key;
}

/** Printable ASCII only, at most 256 characters: what we keep of a user agent. */
function cleanUserAgent(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const clean = raw.replace(/[^\x20-\x7e]/g, '').trim().slice(0, MAX_UA);
  return clean === '' ? undefined : clean;
}
