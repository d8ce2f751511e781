import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classify } from './classify.ts';
import { eventsForContact } from './contact-events.ts';
import { groupEventsByContact } from './contact-logs.ts';
import { classifyAll, dailyList } from './daily-list.ts';
import { DAY } from './day.ts';
import { eventFactory } from './event-fixtures.ts';
import { DEFAULT_POLICY } from './policy.ts';
import type { AccountEvent, Email, Intent, SentEvent, VerdictKind } from './schema.ts';

const T0 = Date.UTC(2026, 0, 1);
const SPAN_DAYS = 500;
const PEOPLE: Email[] = ['anna@firma.de', 'bo@firma.de', 'chen@shop.cn', 'dara@trade.ae'];

// Times on whole days, or within seconds of each other, so that ties, too-soon hits, repeats and
// self-views all meet; `now` falls anywhere, so some of every log lies in the future.
const time = fc.oneof(
  fc.integer({ min: 0, max: SPAN_DAYS }).map((d) => T0 + d * DAY),
  fc.integer({ min: 0, max: 40 }).map((k) => T0 + 100 * DAY + k * 20_000),
  fc.integer({ min: 0, max: SPAN_DAYS * DAY }).map((ms) => T0 + ms),
);
const person = fc.constantFrom(...PEOPLE);
const verdictKind = fc.constantFrom<VerdictKind>('human', 'human', 'human', 'bot', 'apple-prefetch', 'self-view');
const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sent' as const), at: time, to: fc.uniqueArray(person, { minLength: 1, maxLength: 3 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('open' as const), at: time, mail: fc.nat(), verdict: verdictKind, reason: fc.constantFrom('a', 'b') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('orphan-open' as const), at: time }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('self-view' as const), at: time, mail: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reply' as const), at: time, who: person }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('order' as const), at: time, who: person, sample: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('intent' as const), at: time, who: person, intent: fc.constantFrom<Intent>('interested', 'later', 'no-need') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('snooze' as const), at: time, who: person, days: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('archive' as const), at: time, who: person }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unarchive' as const), at: time, who: person }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('note' as const), at: time, who: person }) },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** An account's log from a script: mails to one or several people, their opens and beacons, the rest. */
function build(script: Step[]): AccountEvent[] {
  const f = eventFactory(PEOPLE[0]);
  const mails: SentEvent[] = [];
  const events: AccountEvent[] = [];
  for (const s of script) {
    // A message id of its own (the factory's can repeat: serials 1 and 36 both pad to m1000...).
    if (s.kind === 'sent') events.push(mails[mails.push({ ...f.sent(s.at, s.to), messageId: `${mails.length}`.padStart(22, 'M') }) - 1]!);
    const mail = 'mail' in s && mails.length > 0 ? mails[s.mail % mails.length]! : undefined;
    if (s.kind === 'open' && mail) events.push(f.open(s.at, mail, { verdict: { kind: s.verdict, reason: s.reason } }));
    if (s.kind === 'orphan-open') events.push(f.open(s.at, 'nobody-sent-this-00000'));
    if (s.kind === 'self-view' && mail) events.push(f.selfView(s.at, mail));
    if (s.kind === 'reply') events.push(f.reply(s.at, s.who));
    if (s.kind === 'order') events.push(f.order(s.at, s.sample ? 'sample' : 'order', s.who));
    if (s.kind === 'intent') events.push(f.intent(s.at, s.intent, s.who));
    if (s.kind === 'snooze') events.push(f.snooze(s.at, s.at + s.days * DAY, s.who));
    if (s.kind === 'archive') events.push(f.archive(s.at, s.who));
    if (s.kind === 'unarchive') events.push(f.unarchive(s.at, s.who));
    if (s.kind === 'note') events.push(f.note(s.at, 'note', s.who));
  }
  return events;
}

/** The log in time order as the API gives it, or as a sync might leave it: in any order, some events twice. */
const account = fc
  .tuple(
    fc.array(step, { maxLength: 60, size: 'max' }),
    fc.array(fc.integer()),
    fc.oneof(fc.constant([]), fc.array(fc.nat(), { maxLength: 8 })),
    fc.boolean(),
  )
  .map(([script, keys, copies, inTimeOrder]) => {
    const events = build(script);
    const log = inTimeOrder
      ? [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      : events.map((event, i) => ({ event, key: keys[i % Math.max(keys.length, 1)] ?? 0 })).sort((a, b) => a.key - b.key).map((m) => m.event);
    for (const c of copies) if (events.length > 0) log.splice(c % (log.length + 1), 0, events[c % events.length]!);
    return log;
  });
const now = fc.integer({ min: -10, max: SPAN_DAYS + 10 }).map((d) => T0 + d * DAY);

describe('an account split by contact in columns', () => {
  test('classifies every contact as classifying its own events does', () => {
    fc.assert(
      fc.property(account, now, (events, at) => {
        const all = classifyAll(events, DEFAULT_POLICY, at);
        expect([...all.keys()].sort()).toEqual(PEOPLE.filter((p) => eventsForContact(events, p).length > 0).sort());
        for (const [contact, classification] of all) {
          expect(classification).toEqual(classify(eventsForContact(events, contact), DEFAULT_POLICY, at));
        }
      }),
      { numRuns: 400 },
    );
  });

  test('holds each contact the events the per-contact rules give it, no more and no fewer', () => {
    const key = (event: AccountEvent) => JSON.stringify(event);
    fc.assert(
      fc.property(account, (events) => {
        for (const [contact, own] of groupEventsByContact(events)) {
          expect(own.map(key).sort()).toEqual(eventsForContact(events, contact).map(key).sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  test('the daily list is the same whichever order the log is in', () => {
    fc.assert(
      fc.property(account, now, (events, at) => {
        const reversed = [...events].reverse();
        expect(dailyList(reversed, DEFAULT_POLICY, at, { timeZone: 'Asia/Shanghai' })).toEqual(
          dailyList(events, DEFAULT_POLICY, at, { timeZone: 'Asia/Shanghai' }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
