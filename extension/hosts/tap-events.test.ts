import { expect, test } from 'vitest';
import { readPeopleDetail, readSentDetail } from './tap-events.ts';

const PIXEL = { prefix: 'tw84tAtqmZBOChhg', messageId: 'rEr4ZSxF5Gn-IaIP4kkhmA' };
const SENT = {
  threadId: 'thread-f:1',
  to: [{ email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }],
  cc: [{ email: 'klaus@schmidt-haushalt.de' }],
  bcc: [],
  subject: 'Catalogue 2027',
  at: 1_760_000_000_000,
  pixels: [PIXEL],
};

const sent = (change: Record<string, unknown>) => JSON.stringify({ ...SENT, ...change });

test.each([
  ['a Gmail tap message (its extra fields left out)', sent({ messageId: 'msg-a:r1', from: null, scheduled: false, pixels: [{ ...PIXEL, url: 'https://t.example/p/x.gif', token: 'x' }] }), SENT],
  ['an Outlook tap message', sent({ referenceItemId: 'AAMk1' }), SENT],
  ['no thread and no time', sent({ threadId: null, at: null }), { ...SENT, threadId: null, at: null }],
  ['no recipients and no pixels', sent({ to: [], cc: [], pixels: [] }), { ...SENT, to: [], cc: [], pixels: [] }],
])('reads %s', (_, json, expected) => {
  expect(readSentDetail(json)).toEqual({ ok: true, value: expected });
});

test.each([
  ['not JSON', 'nope', 'detail is not JSON'],
  ['JSON null', 'null', 'detail should be an object, is null'],
  ['an array', '[]', 'detail should be an object, is an array'],
  ['another message', '{"messageId":1}', 'threadId should be a string, is missing'],
  ['a numeric thread', sent({ threadId: 7 }), 'threadId should be a string, is a number'],
  ['recipients as a string', sent({ to: 'anna.schmidt@schmidt-haushalt.de' }), 'to should be an array, is a string'],
  ['a recipient without an address', sent({ cc: [{ email: 'klaus@schmidt-haushalt.de' }, { name: 'Anna' }] }), 'cc[1].email should be a string, is missing'],
  ['a recipient named null', sent({ bcc: [{ email: 'a@b.de', name: null }] }), 'bcc[0].name should be a string, is null'],
  ['a recipient that is a string', sent({ to: ['anna.schmidt@schmidt-haushalt.de'] }), 'to[0] should be an object, is a string'],
  ['no subject', sent({ subject: undefined }), 'subject should be a string, is missing'],
  ['a time as text', sent({ at: '2027-01-01' }), 'at should be a number, is a string'],
  ['a pixel without its prefix', sent({ pixels: [{ messageId: PIXEL.messageId }] }), 'pixels[0].prefix should be a string, is missing'],
  ['a pixel with a numeric id', sent({ pixels: [PIXEL, { prefix: PIXEL.prefix, messageId: 5 }] }), 'pixels[1].messageId should be a string, is a number'],
])('refuses %s', (_, json, error) => {
  expect(readSentDetail(json)).toEqual({ ok: false, error });
});

const PEOPLE = [
  { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' },
  { email: 'klaus@schmidt-haushalt.de', name: 'Klaus Schmidt' },
];

test.each([
  ['people', JSON.stringify(PEOPLE), PEOPLE],
  ['nobody', '[]', []],
  ['people with more fields than we use', JSON.stringify(PEOPLE.map((p) => ({ ...p, RoutingType: 'SMTP' }))), PEOPLE],
])('reads %s', (_, json, expected) => {
  expect(readPeopleDetail(json)).toEqual({ ok: true, value: expected });
});

test.each([
  ['not JSON', '{', 'detail is not JSON'],
  ['one person, not a list', JSON.stringify(PEOPLE[0]), 'detail should be an array, is an object'],
  ['a person without a name', JSON.stringify([PEOPLE[0], { email: 'x@y.de' }]), 'detail[1].name should be a string, is missing'],
  ['an address that is not text', JSON.stringify([{ email: ['x@y.de'], name: 'X' }]), 'detail[0].email should be a string, is an array'],
  ['a list of addresses', '["x@y.de"]', 'detail[0] should be an object, is a string'],
])('refuses %s', (_, json, error) => {
  expect(readPeopleDetail(json)).toEqual({ ok: false, error });
});
