// Replies: a message in the open thread, or a row in the inbox list, from a correspondent the rep
// has sent tracked mail to and newer than that mail becomes a reply event. Ids come from the
// webmail's message id, so seeing the same reply again records nothing new; automatic answers
// (out of office, bounces) are never replies.
import { isAutoReply } from '../../shared/auto-reply.ts';
import type { ClientEvent } from '../../shared/schema.ts';
import { stableEventId } from '../../shared/stable-id.ts';
import type { Feature, FeatureContext } from './feature.ts';

/**
 * A message judged no reply (its sender never had tracked mail from the rep, or had it only later)
 * is asked about again after this long, not on every page change: a tracked mail sent from another
 * computer may arrive by sync meanwhile and make it a reply.
 */
export const SETTLED_MS = 60_000;

export const replyDetection: Feature = {
  name: 'reply-detection',
  needsAnchors: true,
  start(context) {
    const recorded = new Set<string>();
    const settled = new Map<string, number>(); // provider message id judged no reply → when to ask again
    let busy = false;
    let changed = false;
    const scan = async () => {
      // One look at a time; a change during a look (it waits for the background) gets another look after it.
      changed = true;
      if (busy) return;
      busy = true;
      while (changed && !context.signal.aborted) {
        changed = false;
        try {
          await recordReplies(context, recorded, settled);
        } catch (error) {
          console.error('tidewise: reply detection failed', error);
        }
      }
      busy = false;
    };
    context.host.onChange(() => void scan(), context.signal);
    void scan();
  },
};

async function recordReplies(context: FeatureContext, recorded: Set<string>, settled: Map<string, number>): Promise<void> {
  const { host } = context;
  const self = host.currentUser()?.email;
  const conversation = host.conversation();
  // A body is read only for a candidate that is a reply to tracked mail (its text is read lazily).
  const candidates: Array<{ from: string; providerMessageId: string; at: number; threadKey?: string; subject: string; text: () => string | null }> = [];
  for (const message of conversation?.messages ?? []) {
    if (!message.from || message.from.email === self || message.at === null) continue;
    candidates.push({ from: message.from.email, providerMessageId: message.id, at: message.at, threadKey: conversation?.threadKey, subject: message.subject, text: () => message.text });
  }
  for (const row of host.inboxRows()) {
    // Without the preview an automatic answer cannot be told from a reply: leave it to the thread view.
    if (row.from.email === self || row.at === null || row.snippet === null) continue;
    candidates.push({ from: row.from.email, providerMessageId: `thread:${row.threadKey}@${row.at}`, at: row.at, threadKey: row.threadKey, subject: row.subject, text: () => row.snippet });
  }
  const now = Date.now();
  const fresh = candidates.filter((c) => !recorded.has(c.providerMessageId) && (settled.get(c.providerMessageId) ?? 0) <= now);
  if (fresh.length === 0) return;
  if (settled.size > 5000) for (const [id, until] of settled) if (until <= now) settled.delete(id);
  const { contacts } = await context.ask({ type: 'tracked-contacts', emails: [...new Set(fresh.map((c) => c.from))] });
  const lastSent = new Map(contacts.map((c) => [c.email, c.lastSentAt]));
  const events: ClientEvent[] = [];
  for (const candidate of fresh) {
    const sentAt = lastSent.get(candidate.from);
    if (sentAt === undefined || candidate.at <= sentAt) {
      settled.set(candidate.providerMessageId, now + SETTLED_MS);
      continue;
    }
    recorded.add(candidate.providerMessageId);
    if (isAutoReply({ from: candidate.from, subject: candidate.subject, text: candidate.text() })) continue;
    events.push({
      // Keyed by who wrote and when, not by where it was seen: the same reply met in the thread
      // (with Gmail's message id) and in the inbox list (without one) is one event.
      id: stableEventId('reply', host.provider, candidate.from, String(candidate.at)),
      type: 'reply',
      at: candidate.at,
      contact: candidate.from,
      providerMessageId: candidate.providerMessageId.slice(0, 256),
      ...(candidate.threadKey ? { threadKey: candidate.threadKey.slice(0, 256) } : {}),
      provider: host.provider,
    });
  }
  if (events.length > 0) await context.ask({ type: 'record-events', events });
}
