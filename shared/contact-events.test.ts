import { describe, expect, test } from 'vitest';
import { eventsForContact, isSharedMessage } from './contact-events.ts';
import { groupEventsByContact } from './contact-logs.ts';
import { eventFactory } from './event-fixtures.ts';
import { accountEvent, type AccountEvent } from './schema.ts';

const T0 = Date.UTC(2026, 2, 12, 9);
const A = 'anna@firma.de';
const B = 'bo@firma.de';
const C = 'chen@shop.cn';

function account() {
  const f = eventFactory(A);
  const toBoth = f.sent(T0, [A, B]);
  const toChen = f.sent(T0 + 1000, [C]);
  const events: AccountEvent[] = [
    // The open is logged before the mail it belongs to: grouping must not depend on log order.
    f.open(T0 + 60_000, toBoth),
    toBoth,
    toChen,
    f.selfView(T0 + 2000, toChen),
    f.reply(T0 + 3000, C),
    f.note(T0 + 4000, 'wants FOB prices', B),
    f.open(T0 + 5000, 'no-such-message-000000'),
  ];
  return { events, toBoth, toChen };
}

describe('grouping an account log by contact', () => {
  test('the fixtures are valid events', () => {
    for (const event of account().events) expect(accountEvent.parse(event)).toEqual(event);
  });

  test('sent mail and its opens go to every recipient; per-contact events to their contact', () => {
    // Log order, except the open logged before its mail, which is placed once the mail is known.
    const { events } = account();
    const groups = groupEventsByContact(events);
    const types = (contact: string) => groups.get(contact)?.map((e) => e.type);
    expect([...groups.keys()].sort()).toEqual([A, B, C].sort());
    expect(types(A)).toEqual(['sent', 'open']);
    expect(types(B)).toEqual(['sent', 'note', 'open']);
    expect(types(C)).toEqual(['sent', 'self-view', 'reply']);
  });

  test('an open of a message nobody was recorded sending to belongs to no one', () => {
    const groups = groupEventsByContact(account().events);
    for (const list of groups.values()) expect(list.some((e) => e.type === 'open' && e.messageId.startsWith('no-such'))).toBe(false);
  });

  test('eventsForContact agrees with the grouping', () => {
    const { events } = account();
    const groups = groupEventsByContact(events);
    const ids = (list: AccountEvent[] = []) => list.map((event) => event.id).sort();
    for (const contact of [A, B, C]) expect(ids(eventsForContact(events, contact))).toEqual(ids(groups.get(contact)));
    expect(eventsForContact(events, 'nobody@example.com')).toEqual([]);
  });

  test('a recipient listed twice gets the mail once', () => {
    const f = eventFactory(A);
    const mail = f.sent(T0, [A, A]);
    expect(groupEventsByContact([mail]).get(A)).toEqual([mail]);
    expect(isSharedMessage(mail)).toBe(false);
    expect(isSharedMessage(f.sent(T0, [A, B]))).toBe(true);
  });
});
