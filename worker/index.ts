// The tracking Worker: the pixel, the account and event API, and the daily retention pass.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { accounts } from './accounts.ts';
import { aggregates } from './aggregates.ts';
import { events } from './events.ts';
import type { AppEnv } from './http.ts';
import { pixel } from './pixel.ts';
import { consumeOpens } from './record-open.ts';
import { foldOldOpens } from './retention.ts';

export const app = new Hono<AppEnv>();

const MAX_BODY = 512 * 1024;

app.use('/api/*', cors({
  origin: (origin, c) => (isAllowedOrigin(origin, c.env.API_ORIGINS) ? origin : null),
  allowMethods: ['GET', 'POST', 'DELETE'],
  allowHeaders: ['Authorization', 'Content-Type'],
  maxAge: 600,
}));

app.use('/api/*', async (c, next) => {
  const url = new URL(c.req.url);
  if (url.searchParams.has('token') || url.searchParams.has('access_token')) {
    throw new HTTPException(400, { message: 'send the API token in the Authorization header, never in the URL' });
  }
  if (c.req.method === 'POST') {
    if (c.req.header('Content-Encoding')) throw new HTTPException(415, { message: 'send the body uncompressed' });
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
      throw new HTTPException(415, { message: 'Content-Type must be application/json' });
    }
  }
  await next();
});

app.use('/api/*', bodyLimit({
  maxSize: MAX_BODY,
  onError: (c) => c.json({ error: `request body is larger than ${MAX_BODY / 1024} KB; send fewer events per request` }, 413),
}));

app.route('/p', pixel);
app.route('/api', accounts);
app.route('/api', events);
app.route('/api', aggregates);

app.get('/', (c) => c.text('Tidewise tracking worker\n'));

app.notFound((c) =>
  c.req.path.startsWith('/api/') ? c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404) : c.text('not found\n', 404),
);

app.onError((error, c) => {
  if (error instanceof HTTPException) {
    // Hono's own validator says "Malformed JSON in request body" and similar: already readable.
    return c.json({ error: error.message || 'bad request' }, error.status);
  }
  console.error('tidewise: unhandled error', c.req.method, c.req.path, error);
  return c.json({ error: 'internal error; it has been logged' }, 500);
});

function isAllowedOrigin(origin: string, extra: string): boolean {
  if (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin)) return true;
  return extra.split(',').map((o) => o.trim()).filter(Boolean).includes(origin);
}

export default {
  fetch: app.fetch,
  async queue(batch, env, _ctx) {
    await consumeOpens(batch, env);
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(foldOldOpens(env, controller.scheduledTime).then((folded) => console.log(`tidewise retention: folded ${folded} raw opens`)));
  },
} satisfies ExportedHandler<Env>;
