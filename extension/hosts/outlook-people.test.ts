import { expect, test } from 'vitest';
import { isOutlookReadRequestUrl, parsePeople, PeopleDirectory } from './outlook-people.ts';

// The shape of a GetConversationItems answer, trimmed to what we read (webmail-integration.md §2.2).
const ANSWER = JSON.stringify({
  Body: {
    ResponseMessages: { Items: [{ ResponseClass: 'Success', Conversation: { ConversationId: { Id: 'AAQkADanna01' }, ConversationNodes: [
      { Items: [{ ItemId: { Id: 'AAMk1' }, From: { Mailbox: { Name: 'Anna Schmidt', EmailAddress: 'Anna.Schmidt@schmidt-haushalt.de', RoutingType: 'SMTP' } },
        ToRecipients: [{ Name: 'Rita Chen', EmailAddress: 'rep@tidewise-demo.com' }] }] },
      { Items: [{ ItemId: { Id: 'AAMk2' }, From: { Mailbox: { Name: 'Rita Chen', EmailAddress: 'rep@tidewise-demo.com' } },
        ToRecipients: [{ Name: 'Anna Schmidt', EmailAddress: 'anna.schmidt@schmidt-haushalt.de' }, { Name: 'Klaus Schmidt', EmailAddress: 'klaus@schmidt-haushalt.de' }] }] },
    ] } }] },
  },
});

test.each([
  ['https://outlook.office.com/owa/service.svc?action=GetConversationItems&app=Mail', true],
  ['/owa/service.svc?app=Mail&action=GetItem', true],
  ['/owa/service.svc?action=CreateItem', false],
  ['/owa/service.svc?action=GetItemAttachments', false],
])('%s is read: %s', (url, expected) => {
  expect(isOutlookReadRequestUrl(url)).toBe(expected);
});

test('every Mailbox in the answer, once, addresses lower-cased', () => {
  expect(parsePeople(ANSWER)).toEqual([
    { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' },
    { email: 'rep@tidewise-demo.com', name: 'Rita Chen' },
    { email: 'klaus@schmidt-haushalt.de', name: 'Klaus Schmidt' },
  ]);
  expect(parsePeople('not json')).toEqual([]);
});

test('the directory finds a name; a name with two addresses is ambiguous', () => {
  const directory = new PeopleDirectory();
  directory.add(parsePeople(ANSWER));
  expect(directory.lookup(' anna schmidt ')).toBe('anna.schmidt@schmidt-haushalt.de');
  directory.add([{ email: 'anna@other.example', name: 'Anna Schmidt' }]);
  expect(directory.lookup('Anna Schmidt')).toBeNull();
  expect(directory.lookup('Nobody')).toBeNull();
});

test('adding says whether a lookup could now answer differently', () => {
  const directory = new PeopleDirectory();
  expect(directory.add(parsePeople(ANSWER))).toBe(true);
  expect(directory.add(parsePeople(ANSWER))).toBe(false);
  expect(directory.add([{ email: 'anna@other.example', name: 'Anna Schmidt' }])).toBe(true); // now ambiguous
  expect(directory.add([{ email: 'anna@third.example', name: 'Anna Schmidt' }])).toBe(false); // still ambiguous
});
