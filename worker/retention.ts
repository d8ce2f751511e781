// Privacy: raw pixel hits are kept RETENTION_DAYS days, then folded into per-contact counts by
// final verdict ("buyer@x.com: 3 human opens, first 2 Jan, last 9 Mar") and deleted.
import { resolveOpenVerdicts } from '../shared/open-verdict.ts';
import { messageContext, oldOpens, foldOpens, type Aggregate } from './db.ts';

const CHUNK = 200;

export async function foldOldOpens(env: Env, now: number): Promise<number> {
  const days = Number(env.RETENTION_DAYS);
  if (!Number.isFinite(days) || days < 1) throw new Error(`RETENTION_DAYS must be a whole number of days >= 1, not "${env.RETENTION_DAYS}"`);
  const cutoff = now - days * 86_400_000;
  let folded = 0;
  for (;;) {
    const opens = await oldOpens(env.DB, cutoff, CHUNK);
    if (opens.length === 0) return folded;
    const byKey = new Map<string, Aggregate>();
    for (const accountId of new Set(opens.map((o) => o.accountId))) {
      const mine = opens.filter((o) => o.accountId === accountId);
      const messageIds = [...new Set(mine.flatMap((o) => (o.event.type === 'open' ? [o.event.messageId] : [])))];
      const verdicts = resolveOpenVerdicts(await messageContext(env.DB, accountId, messageIds));
      for (const open of mine) {
        const kind = verdicts.get(open.event.id)?.kind ?? 'unknown';
        // An open whose send is gone still counts, under the message rather than a contact.
        const contacts = open.recipients.length > 0 ? open.recipients : ['(unknown recipient)'];
        for (const contact of contacts) {
          const key = `${accountId}\u0000${contact}\u0000${kind}`;
          const aggregate = byKey.get(key);
          if (aggregate) {
            aggregate.hits++;
            aggregate.firstAt = Math.min(aggregate.firstAt, open.event.at);
            aggregate.lastAt = Math.max(aggregate.lastAt, open.event.at);
          } else {
            byKey.set(key, { accountId, contact, verdict: kind, hits: 1, firstAt: open.event.at, lastAt: open.event.at });
          }
        }
      }
    }
    await foldOpens(env.DB, [...byKey.values()], opens.map((o) => o.seq));
    folded += opens.length;
  }
}
