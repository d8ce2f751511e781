import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classify } from './classify.ts';
import { DAY } from './day.ts';
import { eventFactory } from './event-fixtures.ts';
import { resolveOpenVerdicts } from './open-verdict.ts';
import { DEFAULT_POLICY } from './policy.ts';
import type { AccountEvent, SentEvent, VerdictKind } from './schema.ts';

const T0 = Date.UTC(2026, 0, 1);
const TICK = 10_000; // the windows (30 s too soon, 30/60 s around a beacon, 60 s dedupe) fall on ticks

const hit = fc.record({
  mail: fc.nat(2),
  tick: fc.nat(24),
  kind: fc.constantFrom<VerdictKind>('human', 'human', 'human', 'bot', 'self-view'),
  reason: fc.constantFrom('gmail-proxy', 'direct-load'),
});
const contact = fc.record({
  mails: fc.array(fc.record({ tick: fc.nat(6), shared: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  hits: fc.array(hit, { maxLength: 16, size: 'max' }),
  beacons: fc.array(fc.record({ mail: fc.nat(2), tick: fc.nat(24) }), { maxLength: 2 }),
  // The first mail's message id sent again, to one or several people: its last send decides.
  resend: fc.option(fc.record({ tick: fc.nat(30), shared: fc.boolean() })),
  // An open logged under the id of another human one (a client bug): verdicts go by id, so it takes
  // that one's. (Under the id of an open stored as bot, in-place judging ignores the bot one, as it
  // always has; resolveOpenVerdicts would not.)
  reuse: fc.option(fc.record({ of: fc.nat(), tick: fc.nat(24), mail: fc.nat(2) })),
  reply: fc.option(fc.nat(30)),
  nowTick: fc.oneof(fc.nat(30), fc.constant((100 * DAY) / TICK)),
});
type Contact = typeof contact extends fc.Arbitrary<infer C> ? C : never;

/** One contact's log in (at, id) order with no copies: the order the opens are judged in place in. */
function log({ mails, hits, beacons, resend, reuse, reply }: Contact): AccountEvent[] {
  const f = eventFactory('buyer@example.com');
  const to = (shared: boolean) => (shared ? ['buyer@example.com', 'boss@example.com'] : undefined);
  const sent: SentEvent[] = mails.map((m) => f.sent(T0 + m.tick * TICK, to(m.shared)));
  const events: AccountEvent[] = [...sent];
  if (resend !== null) events.push({ ...f.sent(T0 + resend.tick * TICK, to(resend.shared)), messageId: sent[0]!.messageId });
  for (const h of hits) {
    const mail = sent[h.mail % sent.length]!;
    events.push(f.open(mail.at + h.tick * TICK, mail, { verdict: { kind: h.kind, reason: h.reason } }));
  }
  const opens = events.filter((event) => event.type === 'open' && event.verdict.kind === 'human');
  if (reuse !== null && opens.length > 0) {
    const mail = sent[reuse.mail % sent.length]!;
    events.push({ ...f.open(mail.at + reuse.tick * TICK + 5_000, mail), id: opens[reuse.of % opens.length]!.id });
  }
  for (const b of beacons) events.push(f.selfView(T0 + b.tick * TICK, sent[b.mail % sent.length]!));
  if (reply !== null) events.push(f.reply(T0 + reply * TICK));
  return events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe("a contact's opens judged in place", () => {
  test("give resolveOpenVerdicts' answer: too soon, the rep's own view, repeats, shared mail", () => {
    fc.assert(
      fc.property(contact, (c) => {
        const events = log(c);
        const now = T0 + c.nowTick * TICK;
        const verdicts = resolveOpenVerdicts(events.filter((event) => event.at <= now));
        expect(classify(events, DEFAULT_POLICY, now)).toEqual(classify(events, DEFAULT_POLICY, now, verdicts));
      }),
      { numRuns: 1000 },
    );
  });
});
