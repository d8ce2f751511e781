// The account's event log: the extension appends its events in batches and pages through
// everything (its own events and the recorded opens, with their current verdicts).
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { resolveOpenVerdicts } from '../shared/open-verdict.ts';
import { sha256Base64Url } from '../shared/pixel-token.ts';
import { eventPageQuery, postEventsBody, type ClientEvent, type EventPage } from '../shared/schema.ts';
import { eventHashes, insertEvents, messageContext, pageEvents, type EventRow } from './db.ts';
import { requireToken, validate, type AuthedEnv } from './http.ts';

export const events = new Hono<AuthedEnv>();

/** Clocks are wrong; a day ahead is a broken clock, not skew. */
const MAX_FUTURE_MS = 24 * 3600_000;

events.post('/events', requireToken, validate('json', postEventsBody), async (c) => {
  const accountId = c.get('owner').accountId;
  const now = Date.now();
  const rows = await Promise.all(c.req.valid('json').events.map(toRow));

  const future = rows.find((row) => row.event.at > now + MAX_FUTURE_MS);
  if (future) {
    throw new HTTPException(400, {
      message: `event ${future.event.id}: time is more than a day in the future; check the computer's clock`,
    });
  }
  const unique = new Map<string, EventRow>();
  for (const row of rows) {
    const earlier = unique.get(row.event.id);
    if (earlier && earlier.payloadHash !== row.payloadHash) {
      throw new HTTPException(400, { message: `event id ${row.event.id} appears twice in this batch with different content` });
    }
    unique.set(row.event.id, row);
  }

  const ids = [...unique.keys()];
  const before = await eventHashes(c.env.DB, accountId, ids);
  const conflictsBefore = ids.filter((id) => before.has(id) && before.get(id) !== unique.get(id)?.payloadHash);
  if (conflictsBefore.length > 0) return conflict(conflictsBefore, 0);

  const fresh = [...unique.values()].filter((row) => !before.has(row.event.id));
  await insertEvents(c.env.DB, accountId, fresh, now);
  // A concurrent request may have stored the same id with other content between the two steps.
  const after = await eventHashes(c.env.DB, accountId, fresh.map((row) => row.event.id));
  const lost = fresh.filter((row) => after.get(row.event.id) !== row.payloadHash).map((row) => row.event.id);
  if (lost.length > 0) return conflict(lost, fresh.length - lost.length);

  return c.json({ accepted: fresh.length, duplicates: unique.size - fresh.length });

  function conflict(ids: string[], accepted: number) {
    return c.json(
      {
        error: `${ids.length} event id(s) already exist with different content; nothing else in the batch was lost`,
        conflicts: ids,
        accepted,
      },
      409,
    );
  }
});

events.get('/events', requireToken, validate('query', eventPageQuery), async (c) => {
  const accountId = c.get('owner').accountId;
  const { after = '0', limit } = c.req.valid('query');
  const rows = await pageEvents(c.env.DB, accountId, Number(after), limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);

  // Verdicts are decided again on every read: a self-view beacon may have landed since.
  const openMessages = [...new Set(page.flatMap((row) => (row.event.type === 'open' ? [row.event.messageId] : [])))];
  const verdicts = resolveOpenVerdicts(await messageContext(c.env.DB, accountId, openMessages));
  const body: EventPage = {
    events: page.map((row) =>
      row.event.type === 'open' ? { seq: row.seq, event: { ...row.event, verdict: verdicts.get(row.event.id) ?? row.event.verdict } } : row,
    ),
    cursor: String(page.at(-1)?.seq ?? after),
    more,
  };
  return c.json(body);
});

async function toRow(event: ClientEvent): Promise<EventRow> {
  return {
    event,
    messageId: 'messageId' in event ? event.messageId : null,
    contact: 'contact' in event ? event.contact : null,
    payloadHash: await sha256Base64Url(JSON.stringify(event)),
  };
}
