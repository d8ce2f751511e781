import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { classify } from '../../shared/classify.ts';
import { DAY } from '../../shared/day.ts';
import { eventFactory } from '../../shared/event-fixtures.ts';
import { DEFAULT_POLICY } from '../../shared/policy.ts';
import type { AccountEvent } from '../../shared/schema.ts';
import { TidewiseDb, toStored } from '../db.ts';
import { refreshAllContacts, refreshContacts } from './contacts.ts';
import { eventsOfContact } from './event-store.ts';

const NOW = Date.UTC(2026, 10, 2, 9);
const day = (n: number) => NOW + n * DAY;
const ANNA = 'anna@firma.de';
const BO = 'bo@firma.de';
const CHEN = 'chen@shop.cn';

let db: TidewiseDb;
beforeEach(() => {
  db = new TidewiseDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

/** An account with a mail to two people, opens (one logged before its mail), profiles and signals. */
function account(): AccountEvent[] {
  const f = eventFactory(ANNA);
  const toBoth = f.sent(day(-40), [ANNA, BO]);
  const toChen = f.sent(day(-30), [CHEN]);
  const toAnna = f.sent(day(-20), [ANNA]);
  return [
    f.open(day(-19), toAnna),
    toBoth,
    f.open(day(-39), toBoth),
    toChen,
    f.open(day(-29), toChen),
    toAnna,
    f.reply(day(-10), CHEN),
    f.order(day(-5), 'sample', CHEN),
    f.snooze(day(-2), day(3), BO),
    { id: crypto.randomUUID(), at: day(-50), type: 'profile', contact: ANNA, firstName: 'Anna', company: 'Firma' },
    { id: crypto.randomUUID(), at: day(-1), type: 'profile', contact: ANNA, company: 'Firma GmbH' },
    { id: crypto.randomUUID(), at: day(-8), type: 'profile', contact: CHEN, firstName: 'Chen', country: 'CN' },
    f.selfView(day(-20) + 10_000, toAnna),
  ];
}

describe('the contacts table', () => {
  test('a refresh from the whole log writes the rows that refreshing each contact on its own does', async () => {
    await db.events.bulkPut(account().map((event, seq) => toStored(event, seq + 1)));
    expect(await refreshAllContacts(db, DEFAULT_POLICY, NOW)).toBe(3);
    const whole = await db.contacts.orderBy('email').toArray();

    await db.contacts.clear();
    await refreshContacts(db, [ANNA, BO, CHEN], DEFAULT_POLICY, NOW);
    expect(await db.contacts.orderBy('email').toArray()).toEqual(whole);

    for (const row of whole) {
      expect(row.classification).toEqual(classify(await eventsOfContact(db, row.email), DEFAULT_POLICY, NOW));
    }
    expect(whole.find((row) => row.email === ANNA)).toMatchObject({ firstName: 'Anna', company: 'Firma GmbH' });
    expect(whole.find((row) => row.email === CHEN)).toMatchObject({ firstName: 'Chen', country: 'CN', state: 'ordered' });
  });
});
