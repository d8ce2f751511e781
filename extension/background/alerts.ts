// Notifications for the moments a rep acts on: the first human open of a tracked mail, and a new
// reply. Each event notifies at most once, ever (the notified table remembers), and only when the
// rep has not switched notifications off.
import { resolveOpenVerdicts } from '../../shared/open-verdict.ts';
import type { AccountEvent, EventOf } from '../../shared/schema.ts';
import type { TidewiseDb } from '../db.ts';
import { backgroundStrings } from '../i18n/background.ts';
import { translator } from '../i18n/translate.ts';
import type { Settings } from '../settings.ts';

export interface Notice {
  id: string;
  kind: 'open' | 'reply' | 'summary';
  title: string;
  message: string;
}

/** Older news is history (a first sync of a long log), not a moment to interrupt the rep. */
const MAX_AGE_MS = 2 * 86_400_000;

/** The notices these newly seen events deserve, recorded as sent before they are returned. */
export async function noticesFor(db: TidewiseDb, seen: readonly AccountEvent[], settings: Settings, now: number): Promise<Notice[]> {
  const fresh = seen.filter((event) => event.at >= now - MAX_AGE_MS);
  if (!settings.notifications || fresh.length === 0) return [];
  const t = translator(backgroundStrings, settings.language);
  const notices: Notice[] = [];
  const opens = fresh.filter((event) => event.type === 'open');
  const messageIds = [...new Set(opens.map((event) => event.messageId))];
  const context = messageIds.length > 0 ? (await db.events.where('messageId').anyOf(messageIds).toArray()).map((row) => row.event) : [];
  const verdicts = resolveOpenVerdicts(context);
  const freshIds = new Set(fresh.map((event) => event.id));

  // Per message: its send and its first human open (the only open that notifies).
  const sends = new Map<string, EventOf<'sent'>>();
  const firstHuman = new Map<string, EventOf<'open'>>();
  for (const event of context) {
    if (event.type === 'sent') sends.set(event.messageId, event);
    else if (event.type === 'open' && verdicts.get(event.id)?.kind === 'human') {
      const known = firstHuman.get(event.messageId);
      if (!known || event.at < known.at) firstHuman.set(event.messageId, event);
    }
  }
  for (const [messageId, first] of firstHuman) {
    const sent = sends.get(messageId);
    if (!sent || !freshIds.has(first.id)) continue;
    notices.push({
      id: first.id,
      kind: 'open',
      title: t('openedTitle', { contact: sent.recipients.join(', ') }),
      message: t(sent.recipients.length > 1 ? 'openedSharedBody' : 'openedBody', { subject: sent.subject }),
    });
  }
  for (const event of fresh) {
    if (event.type === 'reply') notices.push({ id: event.id, kind: 'reply', title: t('replyTitle', { contact: event.contact }), message: t('replyBody') });
  }

  const already = await db.notified.bulkGet(notices.map((notice) => notice.id));
  const unsent = notices.filter((_, i) => already[i] === undefined);
  await db.notified.bulkPut(unsent.map((notice) => ({ eventId: notice.id, at: now })));
  return unsent;
}

/** More than a few at once (a long offline spell) become one summary instead of a flood. */
export const MAX_SINGLE_NOTICES = 3;

export function summarise(notices: readonly Notice[], language: Settings['language']): Notice[] {
  if (notices.length <= MAX_SINGLE_NOTICES) return [...notices];
  const t = translator(backgroundStrings, language);
  const opens = notices.filter((notice) => notice.kind === 'open').length;
  const replies = notices.length - opens;
  return [{ id: `summary-${notices[0]?.id}`, kind: 'summary', title: t('summaryTitle'), message: t('summaryBody', { opens, replies }) }];
}
