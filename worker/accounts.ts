// Accounts and API tokens: creating an account (admin secret), "who am I" for the extension,
// issuing and revoking the account's own tokens.
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { deriveAccountKey, randomId, sha256Base64Url, toBase64Url } from '../shared/pixel-token.ts';
import { createAccountBody, type Me } from '../shared/schema.ts';
import { createAccount, createToken, revokeToken } from './db.ts';
import { newApiToken, requireToken, validate, type AuthedEnv } from './http.ts';

export const accounts = new Hono<AuthedEnv>();

const adminOnly = createMiddleware<AuthedEnv>(async (c, next) => {
  await requireAdmin(c.env.ADMIN_SECRET, c.req.header('Authorization'));
  await next();
});

accounts.post('/accounts', adminOnly, validate('json', createAccountBody), async (c) => {
  const { token, tokenId, tokenHash } = await newApiToken();
  const accountId = `acc_${randomId(12)}`;
  const pixelPrefix = randomId(12);
  await createAccount(c.env.DB, { id: accountId, name: c.req.valid('json').name, pixelPrefix, tokenId, tokenHash, now: Date.now() });
  return c.json({ accountId, pixelPrefix, token, tokenId }, 201);
});

accounts.get('/me', requireToken, async (c) => {
  const owner = c.get('owner');
  const key = await deriveAccountKey(masterKey(c.env), owner.pixelPrefix);
  const origin = c.env.PIXEL_ORIGIN || new URL(c.req.url).origin;
  const me: Me = {
    accountId: owner.accountId,
    name: owner.name,
    pixelPrefix: owner.pixelPrefix,
    pixelKey: toBase64Url(key),
    pixelBase: `${origin.replace(/\/+$/, '')}/p/${owner.pixelPrefix}/`,
    tokenId: owner.tokenId,
  };
  return c.json(me);
});

accounts.post('/tokens', requireToken, async (c) => {
  const { token, tokenId, tokenHash } = await newApiToken();
  await createToken(c.env.DB, { accountId: c.get('owner').accountId, tokenId, tokenHash, now: Date.now() });
  return c.json({ token, tokenId }, 201);
});

accounts.delete(
  '/tokens/:tokenId',
  requireToken,
  validate('param', z.object({ tokenId: z.string().regex(/^tok_[A-Za-z0-9_-]{12}$/, 'not a token id') })),
  async (c) => {
    const revoked = await revokeToken(c.env.DB, c.get('owner').accountId, c.req.valid('param').tokenId, Date.now());
    if (!revoked) throw new HTTPException(404, { message: 'no such live token on this account' });
    return c.json({ revoked: true });
  },
);

export function masterKey(env: Env): string {
  if (!env.PIXEL_MASTER_KEY || env.PIXEL_MASTER_KEY.length < 16) {
    throw new HTTPException(503, { message: 'PIXEL_MASTER_KEY is not configured (wrangler secret put PIXEL_MASTER_KEY)' });
  }
  return env.PIXEL_MASTER_KEY;
}

async function requireAdmin(secret: string | undefined, header: string | undefined): Promise<void> {
  if (!secret || secret.length < 16) {
    throw new HTTPException(503, { message: 'ADMIN_SECRET is not configured (wrangler secret put ADMIN_SECRET)' });
  }
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  // Comparing digests keeps the comparison independent of where the strings first differ.
  if ((await sha256Base64Url(given)) !== (await sha256Base64Url(secret))) {
    throw new HTTPException(401, { message: 'creating an account needs "Authorization: Bearer <ADMIN_SECRET>"' });
  }
}
