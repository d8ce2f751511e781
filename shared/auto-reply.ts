// Is a message from a buyer an automatic answer rather than a reply? Out-of-office notices and
// delivery failures must never lift a contact to "replied". Judged from what a webmail shows:
// sender address, subject and the first lines of the body, in the languages export reps meet.
const SENDER = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounce[s]?|mail-?delivery)[@+.-]/i;

const SUBJECT = new RegExp(
  [
    'out of (the )?office', 'automatic reply', 'auto(matic)?[- ]?reply', 'autoreply', 'auto-response', 'away from (the )?office',
    'on (annual )?leave', 'on vacation', 'on holiday',
    'undeliverable', 'undelivered mail', 'delivery status notification', 'delivery (has )?failed', 'mail delivery (failed|failure|subsystem)',
    'returned mail', 'failure notice', 'message not delivered', 'address not found',
    'abwesenheitsnotiz', 'automatische antwort', 'réponse automatique', "absence du bureau", 'respuesta automática', 'fuera de la oficina',
    'risposta automatica', 'fuori sede', 'resposta automática', 'automatisch antwoord', 'автоответ',
    '自动回复', '自動回覆', '自动答复', '休假', '不在办公室', '退信', '投递失败', '自動返信', '不在通知',
  ].join('|'),
  'i',
);

// Conversation views (Outlook on the web) show one subject for the whole thread, so the notice's
// own first lines carry the decision there: English, German, French, Spanish, Italian, Chinese.
const BODY = new RegExp(
  [
    "\\b(i am|i'm|i will be) (currently )?(out of (the )?office|away|on (annual )?leave|on vacation|on holiday)\\b",
    '\\bwith limited access to (my )?e-?mail\\b', '\\bthis is an automatically generated\\b',
    '\\bdelivery to the following recipient(s)? failed\\b', '\\bcould not be delivered\\b',
    'nicht im büro', '\\b(ich bin|bin ich) (derzeit |zurzeit |momentan |bis [^.]{1,40} )?(abwesend|im urlaub|außer haus)',
    'eingeschränkte[nm]? zugriff auf (meine )?e-?mails',
    '\\bje suis (actuellement )?absente?\\b', '\\bestoy fuera de la oficina\\b', '\\bsono (attualmente )?fuori (sede|ufficio)\\b',
    '我(目前|现在)?(正在)?休假', '自动回复',
  ].join('|'),
  'i',
);

export function isAutoReply(message: { from: string; subject: string; text: string | null }): boolean {
  if (SENDER.test(message.from)) return true;
  if (SUBJECT.test(message.subject)) return true;
  return message.text !== null && BODY.test(message.text.slice(0, 600));
}
