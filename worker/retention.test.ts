import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect, test } from 'vitest';
import worker from './index.ts';
import { foldOldOpens } from './retention.ts';
import { authed, call, newAccount, postEvents, rows, sentEvent } from './test/helpers.ts';

const DAY = 86_400_000;
const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

test('raw opens older than RETENTION_DAYS are folded into per-contact counts and deleted', async () => {
  const account = await newAccount();
  const pixel = await account.mint();
  await postEvents(account.token, [sentEvent(pixel.messageId, Date.now() - 200 * DAY, ['a@buyer.com', 'b@buyer.com'])]);
  await call(pixel.path, { headers: { 'User-Agent': GOOGLE_PROXY } });
  await call(pixel.path, { headers: { 'User-Agent': 'Mozilla/5.0' } });
  expect(await rows(account.accountId, 'open')).toBe(2);

  // The cron runs 100 days later: both hits are then past the 90-day retention.
  const folded = await foldOldOpens(env, Date.now() + 100 * DAY);
  expect(folded).toBe(2);
  expect(await rows(account.accountId, 'open')).toBe(0);
  expect(await rows(account.accountId, 'sent')).toBe(1);

  const { aggregates } = (await (await call('/api/aggregates', authed(account.token))).json()) as { aggregates: any[] };
  expect(aggregates.map(({ contact, verdict, hits }) => ({ contact, verdict, hits }))).toEqual([
    { contact: 'a@buyer.com', verdict: 'apple-prefetch', hits: 1 },
    { contact: 'a@buyer.com', verdict: 'human', hits: 1 },
    { contact: 'b@buyer.com', verdict: 'apple-prefetch', hits: 1 },
    { contact: 'b@buyer.com', verdict: 'human', hits: 1 },
  ]);

  // Folding again adds to the counts instead of replacing them.
  await call(pixel.path, { headers: { 'User-Agent': GOOGLE_PROXY } });
  await foldOldOpens(env, Date.now() + 100 * DAY);
  const again = (await (await call('/api/aggregates', authed(account.token))).json()) as { aggregates: any[] };
  expect(again.aggregates.find((a) => a.contact === 'a@buyer.com' && a.verdict === 'human')?.hits).toBe(2);
});

test('recent opens are kept', async () => {
  const account = await newAccount();
  const pixel = await account.mint();
  await call(pixel.path, { headers: { 'User-Agent': GOOGLE_PROXY } });
  await foldOldOpens(env, Date.now() + 10 * DAY);
  expect(await rows(account.accountId, 'open')).toBe(1);
});

test('the scheduled handler runs the retention pass at its scheduled time', async () => {
  const account = await newAccount();
  const pixel = await account.mint();
  await call(pixel.path, { headers: { 'User-Agent': GOOGLE_PROXY } });
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now() + 91 * DAY, cron: '17 3 * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
  expect(await rows(account.accountId, 'open')).toBe(0);
});

test('a bad RETENTION_DAYS is a clear error', async () => {
  await expect(foldOldOpens({ ...env, RETENTION_DAYS: 'ninety' } as unknown as Env, Date.now())).rejects.toThrow(/RETENTION_DAYS/);
});
