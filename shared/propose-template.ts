// Which default template to offer next. Reps' complaint is "the same message to everyone", so
// within a state the proposal moves along a list as mails go out, and the first mail after an
// order, the six-month silence and the year-end holidays get their own template.
import type { ContactState } from './contact-state.ts';
import type { Intent } from './schema.ts';
import type { TemplateKey } from './templates.ts';

export interface ProposalFacts {
  state: ContactState;
  intent: Intent;
  /** Tracked mails sent since the contact entered its state (not the first mail that started it). */
  sentSinceEntry: number;
  /** Tracked mails sent since the last logged order; null when there is none. */
  sentSinceOrder: number | null;
  lastOrderKind: 'sample' | 'order' | null;
  everSent: boolean;
  switchContact: boolean;
  now: number;
}

const ORDERED_LATER: readonly TemplateKey[] = ['ordered.new-products', 'ordered.price-notice'];
const REPLIED: Record<Intent, readonly TemplateKey[]> = {
  interested: [
    'replied.interested.quotation',
    'replied.interested.specifications',
    'replied.interested.payment-terms',
    'replied.interested.free-sample',
    'replied.interested.certificates',
    'replied.interested.trade-show',
  ],
  later: ['replied.later.hot-sellers', 'replied.later.price-rise', 'replied.later.trade-show'],
  'no-need': ['replied.no-need.new-products', 'replied.no-need.new-development'],
};
const OPENED: readonly TemplateKey[] = [
  'opened-no-reply.industry-knowledge',
  'opened-no-reply.market-news',
  'opened-no-reply.client-references',
];
const INACTIVE: readonly TemplateKey[] = ['inactive.fresh-subject', 'inactive.new-angle'];

export function proposeTemplate(facts: ProposalFacts): TemplateKey | null {
  switch (facts.state) {
    case 'archived':
      return null;
    case 'ordered':
      if (facts.sentSinceOrder === 0) {
        return facts.lastOrderKind === 'sample' ? 'ordered.sample-feedback' : 'ordered.thanks-feedback';
      }
      return pick(ORDERED_LATER, (facts.sentSinceOrder ?? facts.sentSinceEntry) - 1);
    case 'replied':
      return pick(REPLIED[facts.intent], facts.sentSinceEntry);
    case 'opened-no-reply':
      return isYearEndHolidays(facts.now) ? 'opened-no-reply.holiday-greetings' : pick(OPENED, facts.sentSinceEntry);
    case 'inactive':
      if (!facts.everSent) return 'inactive.introduction';
      if (facts.switchContact) return 'inactive.another-contact';
      return pick(INACTIVE, facts.sentSinceEntry);
  }
}

function pick(keys: readonly TemplateKey[], index: number): TemplateKey {
  const wrapped = ((index % keys.length) + keys.length) % keys.length;
  return keys[wrapped] as TemplateKey;
}

/** 10 December to 6 January (UTC): Christmas and New Year, the greetings most buyers share. */
function isYearEndHolidays(now: number): boolean {
  const date = new Date(now);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  return (month === 11 && day >= 10) || (month === 0 && day <= 6);
}
