// Gmail's send tap, run in the page's own (MAIN) world. When a POST to /sync/u/N/i/s succeeds,
// every message in it that Gmail really sent (after any undo window) is announced to the isolated
// content script as a DOM event whose detail is a JSON string (the two worlds share the DOM, not
// objects).
import { GMAIL_SENT_EVENT, isSendRequestUrl, parseSendRequest } from './gmail-send-request.ts';
import { installRequestTap, type TapWindow } from './request-tap.ts';

export function installGmailTap(win: TapWindow): () => void {
  return installRequestTap(win, Symbol.for('tidewise.gmail-tap'), {
    isSend: isSendRequestUrl,
    onSent(body) {
      try {
        for (const message of parseSendRequest(body)) {
          win.document.dispatchEvent(new win.CustomEvent(GMAIL_SENT_EVENT, { detail: JSON.stringify(message) }));
        }
      } catch (error) {
        console.error('tidewise: could not read a Gmail send request', error);
      }
    },
  });
}
