// Builders for realistic events in tests and the benchmark: valid by schema.ts, with ids that are
// unique within one factory so duplicates in a test are always deliberate.
import type { Email, EventOf, Intent, SentEvent, Verdict } from './schema.ts';

export const HUMAN: Verdict = { kind: 'human', reason: 'direct-load' };

export function eventFactory(defaultContact: Email = 'buyer@example.com', seed = 0) {
  let serial = seed * 1_000_000_000;
  const next = () => {
    serial++;
    return { id: `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`, serial };
  };
  return {
    sent(at: number, recipients: Email[] = [defaultContact], subject = 'Follow-up'): SentEvent {
      const { id, serial: n } = next();
      const messageId = `m${n.toString(36)}`.padEnd(22, '0');
      return { id, at, type: 'sent', messageId, recipients, subject, threadKey: `t${n}`, provider: 'gmail' };
    },
    open(
      at: number,
      message: SentEvent | string,
      options: { verdict?: Verdict; timezone?: string; country?: string } = {},
    ): EventOf<'open'> {
      const messageId = typeof message === 'string' ? message : message.messageId;
      return { id: next().id, at, type: 'open', messageId, verdict: options.verdict ?? HUMAN, ...withDefined(options) };
    },
    reply(at: number, contact: Email = defaultContact): EventOf<'reply'> {
      const { id, serial: n } = next();
      return { id, at, type: 'reply', contact, providerMessageId: `r${n}`, provider: 'gmail' };
    },
    order(at: number, kind: 'sample' | 'order' = 'order', contact: Email = defaultContact): EventOf<'order'> {
      return { id: next().id, at, type: 'order', contact, kind };
    },
    intent(at: number, intent: Intent, contact: Email = defaultContact): EventOf<'intent'> {
      return { id: next().id, at, type: 'intent', contact, intent };
    },
    snooze(at: number, until: number, contact: Email = defaultContact): EventOf<'snooze'> {
      return { id: next().id, at, type: 'snooze', contact, until };
    },
    archive(at: number, contact: Email = defaultContact): EventOf<'archive'> {
      return { id: next().id, at, type: 'archive', contact };
    },
    unarchive(at: number, contact: Email = defaultContact): EventOf<'unarchive'> {
      return { id: next().id, at, type: 'unarchive', contact };
    },
    note(at: number, text = 'met at the fair', contact: Email = defaultContact): EventOf<'note'> {
      return { id: next().id, at, type: 'note', contact, text };
    },
    selfView(at: number, message: SentEvent): EventOf<'self-view'> {
      return { id: next().id, at, type: 'self-view', messageId: message.messageId };
    },
  };
}
export type EventFactory = ReturnType<typeof eventFactory>;

function withDefined(options: { timezone?: string; country?: string }) {
  const extra: { timezone?: string; country?: string } = {};
  if (options.timezone !== undefined) extra.timezone = options.timezone;
  if (options.country !== undefined) extra.country = options.country;
  return extra;
}
