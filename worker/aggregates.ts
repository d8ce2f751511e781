// GET /api/aggregates: per-contact open counts that the retention pass folded raw opens into.
import { Hono } from 'hono';
import { aggregatesFor } from './db.ts';
import { requireToken, type AuthedEnv } from './http.ts';

export const aggregates = new Hono<AuthedEnv>();

aggregates.get('/aggregates', requireToken, async (c) => {
  return c.json({ aggregates: await aggregatesFor(c.env.DB, c.get('owner').accountId) });
});
