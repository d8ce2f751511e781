// Notifications for the moments a rep acts on: the first human open of a tracked mail, and a new
// reply. Each event notifies at most once, ever (the notified table remembers), and only when the
// rep has not switched notifications off.
import { resolveOpenVerdicts } from '../../shared/open-verdict.ts';
import type { AccountEvent } from '../../shared/schema.ts';
import type { TidewiseDb } from '../db.ts';
import { backgroundStrings } from '../i18n/background.ts';
import { translator } from '../i18n/translate.ts';
import type { Settings } from '../settings.ts';

export interface Notice {
  id: string;
  title: string;
  message: string;
}

/** The notices these newly seen events deserve, recorded as sent before they are returned. */
export async function noticesFor(db: TidewiseDb, fresh: readonly AccountEvent[], settings: Settings): Promise<Notice[]> {
  if (!settings.notifications || fresh.length === 0) return [];
  const t = translator(backgroundStrings, settings.language);
  const notices: Notice[] = [];
  const opens = fresh.filter((event) => event.type === 'open');
  const messageIds = [...new Set(opens.map((event) => event.messageId))];
  const context = messageIds.length > 0 ? (await db.events.where('messageId').anyOf(messageIds).toArray()).map((row) => row.event) : [];
  const verdicts = resolveOpenVerdicts(context);
  const freshIds = new Set(fresh.map((event) => event.id));

  for (const messageId of messageIds) {
    const ofMessage = context.filter((event) => event.type === 'open' && event.messageId === messageId && verdicts.get(event.id)?.kind === 'human');
    const first = ofMessage.sort((a, b) => a.at - b.at)[0];
    // Only the message's first human open notifies, and only when that open is new now.
    if (!first || !freshIds.has(first.id)) continue;
    const sent = context.find((event) => event.type === 'sent' && event.messageId === messageId);
    if (sent?.type !== 'sent') continue;
    const shared = sent.recipients.length > 1;
    notices.push({
      id: first.id,
      title: t('openedTitle', { contact: sent.recipients.join(', ') }),
      message: t(shared ? 'openedSharedBody' : 'openedBody', { subject: sent.subject }),
    });
  }
  for (const event of fresh) {
    if (event.type === 'reply') notices.push({ id: event.id, title: t('replyTitle', { contact: event.contact }), message: t('replyBody') });
  }

  const already = await db.notified.bulkGet(notices.map((notice) => notice.id));
  const unsent = notices.filter((_, i) => already[i] === undefined);
  await db.notified.bulkPut(unsent.map((notice) => ({ eventId: notice.id, at: Date.now() })));
  return unsent;
}
