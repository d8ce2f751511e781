// What every Hono module of the Worker shares: its environment type, readable validation errors,
// and bearer-token authentication. Kept small on purpose.
import { zValidator } from '@hono/zod-validator';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { ZodType } from 'zod';
import { randomId, sha256Base64Url } from '../shared/pixel-token.ts';
import { findTokenOwner, type TokenOwner } from './db.ts';

export type AppEnv = { Bindings: Env };
export type AuthedEnv = { Bindings: Env; Variables: { owner: TokenOwner } };

/** Turns zod issues into "events.0.recipients.0: not an email address" lines. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string[] {
  return issues.slice(0, 20).map((issue) => {
    const where = issue.path.map(String).join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** zod validation of one request part; a failure is a 400 that says what is wrong and where. */
export function validate<T extends ZodType, Target extends 'json' | 'query' | 'param'>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issues = describeIssues(result.error.issues);
      return c.json({ error: `invalid ${target === 'json' ? 'request body' : target}: ${issues[0]}`, issues }, 400);
    }
  });
}

const BEARER = /^Bearer (tw_[A-Za-z0-9_-]{43})$/;

export const requireToken = createMiddleware<AuthedEnv>(async (c, next) => {
  const header = c.req.header('Authorization');
  const match = header === undefined ? null : BEARER.exec(header);
  if (!match?.[1]) {
    throw new HTTPException(401, {
      message: header ? 'malformed Authorization header: expected "Bearer tw_..."' : 'missing Authorization header: expected "Bearer tw_..."',
    });
  }
  const owner = await findTokenOwner(c.env.DB, await sha256Base64Url(match[1]));
  if (!owner) throw new HTTPException(401, { message: 'unknown or revoked API token' });
  c.set('owner', owner);
  await next();
});

/** A new API token: 256 random bits, shown once, stored only as its hash. */
export async function newApiToken(): Promise<{ token: string; tokenId: string; tokenHash: string }> {
  const token = `tw_${randomId(32)}`;
  return { token, tokenId: `tok_${randomId(9)}`, tokenHash: await sha256Base64Url(token) };
}
