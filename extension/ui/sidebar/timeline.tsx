// The evidence behind a contact's state, newest first: what was sent, every pixel hit with its
// verdict and rough place and time, replies, orders and the rep's own decisions. Hits that were
// not a person reading stay visible, muted, with the reason they were set aside, so the rep can
// see why an "open" did not count.
import { useState } from 'preact/hooks';
import type { AccountEvent, EventOf } from '../../../shared/schema.ts';
import { isTimeZone } from '../../../shared/time-zone.ts';
import { popupText } from '../../i18n/popup.ts';
import type { SidebarT } from '../../i18n/sidebar.ts';
import { translator } from '../../i18n/translate.ts';
import type { Language } from '../../settings.ts';
import { clockText, countryName, dayText, dayTimeText, moneyText, zoneNames } from './local-time.ts';
import { verdictText } from './verdict-text.ts';

/** Items shown before "Show all": enough for the last few rounds of mail. */
export const TIMELINE_PREVIEW = 6;

const SHOWN = new Set<AccountEvent['type']>(['sent', 'open', 'reply', 'order', 'intent', 'snooze', 'archive', 'unarchive', 'note']);

export interface TimelineProps {
  /** The contact's events, oldest first, opens with their final verdicts (ContactView.timeline). */
  events: readonly AccountEvent[];
  language: Language;
  now: number;
  timeZone: string;
  t: SidebarT;
}

export function Timeline({ events, language, now, timeZone, t }: TimelineProps) {
  const [expanded, setExpanded] = useState(false);
  const sentById = new Map<string, EventOf<'sent'>>();
  for (const event of events) if (event.type === 'sent') sentById.set(event.messageId, event);
  const items = events.filter((event) => SHOWN.has(event.type)).reverse();
  const shown = expanded ? items : items.slice(0, TIMELINE_PREVIEW);
  return (
    <section class="tw-sb-section tw-timeline" data-testid="timeline" data-count={items.length}>
      <h3 class="tw-sb-heading">{t('timeline.heading')}</h3>
      {items.length === 0 ? (
        <p class="tw-muted">{t('timeline.empty')}</p>
      ) : (
        <ol class="tw-tl">
          {shown.map((event) => (
            <TimelineItem key={event.id} event={event} sentById={sentById} language={language} now={now} timeZone={timeZone} t={t} />
          ))}
        </ol>
      )}
      {items.length > TIMELINE_PREVIEW && (
        <button
          type="button"
          class="tw-link"
          data-testid="timeline-toggle"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('timeline.showFewer') : t('timeline.showAll', { n: items.length })}
        </button>
      )}
    </section>
  );
}

interface ItemProps {
  event: AccountEvent;
  sentById: ReadonlyMap<string, EventOf<'sent'>>;
  language: Language;
  now: number;
  timeZone: string;
  t: SidebarT;
}

function TimelineItem({ event, sentById, language, now, timeZone, t }: ItemProps) {
  const { title, details, muted } = describe(event, sentById, language, now, timeZone, t);
  const verdict = event.type === 'open' ? event.verdict.kind : undefined;
  const future = event.at > now;
  return (
    <li
      class={`tw-tl-item tw-tl-${event.type}${muted || future ? ' tw-tl-muted' : ''}`}
      data-testid="timeline-item"
      data-type={event.type}
      data-verdict={verdict}
    >
      <time class="tw-tl-time" dateTime={new Date(event.at).toISOString()}>
        {dayTimeText(event.at, language, timeZone, now)}
      </time>
      <span class="tw-tl-title">{title}</span>
      {details.filter(Boolean).map((detail, index) => (
        <span key={index} class="tw-tl-detail" data-testid={index === 0 && event.type === 'open' ? 'verdict' : undefined}>
          {detail}
        </span>
      ))}
      {future && <span class="tw-tl-detail">{t('timeline.future')}</span>}
    </li>
  );
}

function describe(
  event: AccountEvent,
  sentById: ReadonlyMap<string, EventOf<'sent'>>,
  language: Language,
  now: number,
  timeZone: string,
  t: SidebarT,
): { title: string; details: string[]; muted: boolean } {
  switch (event.type) {
    case 'sent':
      return {
        title: t('event.sent', { subject: event.subject }),
        details: event.recipients.length > 1 ? [t('event.sentShared', { n: event.recipients.length })] : [],
        muted: false,
      };
    case 'open': {
      const sent = sentById.get(event.messageId);
      const subject = sent?.subject ?? t('event.unknownMail');
      const human = event.verdict.kind === 'human';
      const details = [verdictText(event.verdict, t)];
      if (human) {
        details.push(placeAndTime(event, language, t));
        if (sent && sent.recipients.length > 1) details.push(t('event.openShared', { n: sent.recipients.length }));
      }
      return { title: t(human ? 'event.open' : 'event.fetch', { subject }), details, muted: !human };
    }
    case 'reply':
      return { title: t('event.reply'), details: [], muted: false };
    case 'order':
      return {
        title: t(event.kind === 'sample' ? 'event.order.sample' : 'event.order.order'),
        details: event.amount !== undefined ? [moneyText(event.amount, event.currency, language)] : [],
        muted: false,
      };
    case 'intent':
      return { title: t('event.intent', { intent: translator(popupText, language)(`intent.${event.intent}`) }), details: [], muted: false };
    case 'snooze':
      return { title: t('event.snooze', { day: dayText(event.until, language, timeZone, now) }), details: [], muted: false };
    case 'archive':
      return { title: t('event.archive'), details: [], muted: false };
    case 'unarchive':
      return { title: t('event.unarchive'), details: [], muted: false };
    case 'note':
      return { title: t('event.note'), details: [event.text], muted: false };
    default:
      return { title: event.type, details: [], muted: true };
  }
}

/** "Germany · 10:14 Berlin time": where and at what local hour, as far as the hit tells. */
function placeAndTime(open: EventOf<'open'>, language: Language, t: SidebarT): string {
  const parts: string[] = [];
  if (open.country) parts.push(countryName(open.country, language));
  if (open.timezone && isTimeZone(open.timezone)) {
    parts.push(t('event.localTime', { time: clockText(open.at, language, open.timezone), zone: t('best.zone', zoneNames(open.timezone, language)) }));
  }
  return parts.join(' · ');
}
