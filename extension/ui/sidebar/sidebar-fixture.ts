// Correspondents for the sidebar tests and the visual check, built the way the background builds
// ContactViews (classify, resolveOpenVerdicts and bestHour over real events, default templates),
// so the tests break when the domain changes shape.
import { bestHour } from '../../../shared/best-hour.ts';
import { classify } from '../../../shared/classify.ts';
import { DAY } from '../../../shared/day.ts';
import { eventFactory } from '../../../shared/event-fixtures.ts';
import { resolveOpenVerdicts } from '../../../shared/open-verdict.ts';
import { DEFAULT_POLICY } from '../../../shared/policy.ts';
import type { AccountEvent, Email } from '../../../shared/schema.ts';
import { defaultTemplate } from '../../../shared/templates.ts';
import type { ContactView } from '../../messaging.ts';

/** Thursday 12 March 2026, 13:00 UTC: 14:00 in Berlin, 21:00 for a rep in Shanghai. */
export const NOW = Date.UTC(2026, 2, 12, 13);
export const REP_TIME_ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;
const day = (n: number, utcHour = 9) => Date.UTC(2026, 2, 12 + n, utcHour);

export const READER = 'anna@mueller-handel.de';
export const LATER = 'j.lopez@lopez-imports.es';
export const CUSTOMER = 'orders@sunrise-trading.ae';
export const ARCHIVED = 'info@old-lead.co.uk';
export const COLLEAGUE = 'k.weber@mueller-handel.de';

/** The view the background's contact-views handler would answer, from a contact's events. */
export function contactView(email: Email, events: AccountEvent[], profile: ContactView['profile'] = {}, now = NOW): ContactView {
  const verdicts = resolveOpenVerdicts(events);
  const classification = classify(events, DEFAULT_POLICY, now, verdicts);
  const sorted = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return {
    email,
    classification,
    timeline: sorted.map((event) => (event.type === 'open' ? { ...event, verdict: verdicts.get(event.id) ?? event.verdict } : event)),
    bestHour: bestHour(events, now, { verdicts }),
    profile,
    template: classification.templateKey === null ? null : defaultTemplate(classification.templateKey),
  };
}

/**
 * Reads every mail in Berlin in the morning, never answers. Her mail also drew an Apple Mail
 * prefetch, a hit seconds after the send, the rep's own view and a Gmail-proxied open.
 */
export function readerEvents(): AccountEvent[] {
  const f = eventFactory(READER, 1);
  const first = f.sent(day(-30, 7), [READER], 'LED panel lights for Müller Handel');
  const second = f.sent(day(-20, 7), [READER], 'Our 2026 catalogue');
  const third = f.sent(day(-9, 7), [READER], 'Lead times before the holidays');
  const toBoth = f.sent(day(-5, 7), [READER, COLLEAGUE], 'Samples for your team');
  return [
    first,
    f.open(day(-30, 7) + 10_000, first), // the rep's own client, 10 s after the send
    f.open(day(-29, 8) + 15 * 60_000, first, { country: 'DE', timezone: 'Europe/Berlin' }),
    second,
    f.open(day(-20, 7) + 2 * 60_000, second, { verdict: { kind: 'apple-prefetch', reason: 'apple-mpp-user-agent' } }),
    f.open(day(-19, 8) + 40 * 60_000, second, { country: 'DE', timezone: 'Europe/Berlin' }),
    third,
    f.selfView(day(-9, 7) + HOUR, third),
    f.open(day(-9, 7) + HOUR + 5_000, third, { verdict: { kind: 'human', reason: 'gmail-proxy' } }),
    f.open(day(-8, 9) + 5 * 60_000, third, { country: 'DE', timezone: 'Europe/Berlin' }),
    f.open(day(-7, 8) + 50 * 60_000, third, { verdict: { kind: 'human', reason: 'gmail-proxy' } }),
    toBoth,
    f.open(day(-4, 8), toBoth, { verdict: { kind: 'bot', reason: 'security-scanner' } }),
  ];
}

/** Answered "we will contact you when we need it"; his mail client never shows opens. */
export function laterEvents(): AccountEvent[] {
  const f = eventFactory(LATER, 2);
  return [
    f.sent(day(-25), [LATER], 'Quotation for LED panel lights'),
    f.reply(day(-12)),
    f.intent(day(-12, 10), 'later'),
    f.note(day(-12, 10), 'Buys in autumn for the Christmas season.'),
    { id: '00000000-0000-4000-8000-00000000a001', at: day(-12, 11), type: 'tags', contact: LATER, tags: ['Spain', 'retail chain'] },
    { id: '00000000-0000-4000-8000-00000000a002', at: day(-12, 11), type: 'stars', contact: LATER, stars: 2 },
  ];
}

/** Placed a first order three days ago: the thanks and after-sales mail is next. */
export function customerEvents(): AccountEvent[] {
  const f = eventFactory(CUSTOMER, 3);
  const quote = f.sent(day(-40), [CUSTOMER], 'Quotation: 2,000 LED panels');
  return [
    quote,
    f.open(day(-40, 10), quote, { country: 'AE', timezone: 'Asia/Dubai' }),
    f.reply(day(-38)),
    { ...f.order(day(-3), 'order'), amount: 12000, currency: 'USD' },
    { id: '00000000-0000-4000-8000-00000000b001', at: day(-3, 10), type: 'tier', contact: CUSTOMER, tier: 'A' },
  ];
}

/** Put away by the rep after a long silence. */
export function archivedEvents(): AccountEvent[] {
  const f = eventFactory(ARCHIVED, 4);
  return [f.sent(day(-200), [ARCHIVED], 'Introduction: LED lighting from Ningbo'), f.archive(day(-10))];
}

export function contactViews(now = NOW): ContactView[] {
  return [
    contactView(READER, readerEvents(), { firstName: 'Anna', lastName: 'Müller', company: 'Müller Handel GmbH', country: 'DE' }, now),
    contactView(LATER, laterEvents(), { firstName: 'Javier', company: 'López Imports S.L.', country: 'ES' }, now),
    contactView(CUSTOMER, customerEvents(), { company: 'Sunrise Trading LLC', country: 'AE' }, now),
    contactView(ARCHIVED, archivedEvents(), {}, now),
  ];
}

/** What the rep set up once: their own name and company, the product they sell. */
export const PLACEHOLDER_VALUES = { senderName: 'Li Ming', senderCompany: 'Ningbo Bright Lighting Co., Ltd.' };

/** Words the fixture itself brings (addresses, names, companies, subjects): allowed on a Chinese screen. */
export const FIXTURE_WORDS = [
  /[\w.+-]+@[\w.-]+\.[a-z]{2,}/g,
  /Anna Müller|Javier|Müller Handel GmbH|López Imports S\.L\.|Sunrise Trading LLC/g,
  /LED panel lights for Müller Handel|Our 2026 catalogue|Lead times before the holidays|Samples for your team/g,
  /Quotation for LED panel lights|Quotation: 2,000 LED panels|Introduction: LED lighting from Ningbo/g,
  /Buys in autumn for the Christmas season\.|Spain|retail chain/g,
];

export { DAY };
