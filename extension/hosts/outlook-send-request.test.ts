import { expect, test } from 'vitest';
import { isOutlookSendRequestUrl, parseOutlookSendRequest } from './outlook-send-request.ts';

const PIXEL = 'https://track.tidewise-demo.com/p/tw84tAtqmZBOChhg/AaxK-GUsReRp_iGiD-JJIZgs2gczPK2G3ntZHCsNjDww.gif';
const request = (disposition: string, extra: Record<string, unknown> = {}) => JSON.stringify({
  __type: 'CreateItemJsonRequest:#Exchange',
  Header: { RequestServerVersion: 'V2018_01_08' },
  Body: {
    __type: 'CreateItemRequest:#Exchange',
    MessageDisposition: disposition,
    Items: [{
      __type: 'Message:#Exchange',
      Subject: 'Angebot Fenster',
      Body: { BodyType: 'HTML', Value: `<html><body><div>Hallo Anna</div><img src="${PIXEL}" width="1" height="1"></body></html>` },
      ToRecipients: [{ EmailAddress: 'Anna.Schmidt@schmidt-haushalt.de', Name: 'Anna Schmidt' }],
      CcRecipients: [{ EmailAddress: 'carlos@ruiz.mx' }],
      ...extra,
    }],
  },
});

test.each([
  ['https://outlook.office.com/owa/service.svc?action=CreateItem&app=Mail&n=42', true],
  ['/owa/0/service.svc?action=SendItem', true],
  ['https://outlook.live.com/owa/service.svc?app=Mail&action=UpdateItem', true],
  ['https://outlook.office.com/owa/service.svc?action=GetConversationItems', false],
  ['https://outlook.office.com/owa/service.svc?action=CreateItemAttachment', false],
])('%s is a send request: %s', (url, expected) => {
  expect(isOutlookSendRequestUrl(url)).toBe(expected);
});

test('SendAndSaveCopy: recipients, subject, our pixels, the conversation when named', () => {
  const [sent, ...more] = parseOutlookSendRequest(request('SendAndSaveCopy', { ConversationId: { Id: 'AAQkADconv1' } }), 1000);
  expect(more).toEqual([]);
  expect(sent).toMatchObject({
    threadId: 'AAQkADconv1',
    referenceItemId: null,
    to: [{ email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }],
    cc: [{ email: 'carlos@ruiz.mx' }],
    bcc: [],
    subject: 'Angebot Fenster',
    at: 1000,
  });
  expect(sent?.pixels.map((pixel) => pixel.messageId)).toEqual(['rEr4ZSxF5Gn-IaIP4kkhmA']);
});

test.each(['SaveOnly', 'nonsense'])('%s (a draft save) is no send', (disposition) => {
  expect(parseOutlookSendRequest(request(disposition))).toEqual([]);
});

test.each(['', 'not json', '[]', '{"Body":null}'])('unreadable body %j gives nothing', (body) => {
  expect(parseOutlookSendRequest(body)).toEqual([]);
});

test('a proxied copy of a received image is no pixel of this mail', () => {
  const proxied = `/actions/ei?u=${encodeURIComponent(PIXEL)}&d=1`;
  const body = JSON.parse(request('SendOnly')) as { Body: { Items: Array<{ Body: { Value: string } }> } };
  body.Body.Items[0]!.Body.Value = `<img src="${proxied}">`;
  expect(parseOutlookSendRequest(JSON.stringify(body))[0]?.pixels).toEqual([]);
});
