// Outlook's send tap, run in the page's own (MAIN) world. When a POST to
// /owa/service.svc?action=CreateItem (SendItem, UpdateItem) with MessageDisposition SendAndSaveCopy
// succeeds, each message in it is announced to the isolated content script as a DOM event whose
// detail is a JSON string. It also reads the answers to GetConversationItems and its kin and
// announces the name-address pairs in them (the page often shows names only).
import { isOutlookReadRequestUrl, OUTLOOK_PEOPLE_EVENT, parsePeople } from './outlook-people.ts';
import { isOutlookSendRequestUrl, OUTLOOK_SENT_EVENT, parseOutlookSendRequest } from './outlook-send-request.ts';
import { installRequestTap, type TapWindow } from './request-tap.ts';

export function installOutlookTap(win: TapWindow): () => void {
  return installRequestTap(win, Symbol.for('tidewise.outlook-tap'), {
    isSend: isOutlookSendRequestUrl,
    onSent(body) {
      try {
        for (const message of parseOutlookSendRequest(body, Date.now())) {
          win.document.dispatchEvent(new win.CustomEvent(OUTLOOK_SENT_EVENT, { detail: JSON.stringify(message) }));
        }
      } catch (error) {
        console.error('tidewise: could not read an Outlook send request', error);
      }
    },
    isRead: isOutlookReadRequestUrl,
    onAnswer(answer) {
      try {
        const people = parsePeople(answer);
        if (people.length > 0) win.document.dispatchEvent(new win.CustomEvent(OUTLOOK_PEOPLE_EVENT, { detail: JSON.stringify(people) }));
      } catch (error) {
        console.error('tidewise: could not read an Outlook answer', error);
      }
    },
  });
}
