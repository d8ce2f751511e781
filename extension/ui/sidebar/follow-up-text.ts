// When to write next, in words: "Overdue by 3 days", "Snoozed until Tue 24 Mar", and the contact's
// reading hours with the next good moment to send. Days are the rep's local days, like the daily list.
import type { BestHourHint } from '../../../shared/best-hour.ts';
import type { Classification } from '../../../shared/classify.ts';
import { localDayCounter } from '../../../shared/time-zone.ts';
import type { SidebarT } from '../../i18n/sidebar.ts';
import type { Language } from '../../settings.ts';
import { dayText, weekdayTimeText, zoneNames } from './local-time.ts';

export type DueStatus = 'overdue' | 'today' | 'upcoming' | 'snoozed' | 'archived' | 'none';

export interface FollowUp {
  status: DueStatus;
  /** Local days from today to the due day: negative when overdue. */
  days: number;
  at: number | null;
  text: string;
}

export function followUp(
  classification: Classification,
  now: number,
  language: Language,
  timeZone: string,
  t: SidebarT,
): FollowUp {
  const { nextFollowUpAt: at, snoozedUntil, state } = classification;
  if (at === null) {
    const status = state === 'archived' ? 'archived' : 'none';
    return { status, days: 0, at, text: t(status === 'archived' ? 'next.archived' : 'next.none') };
  }
  const localDay = localDayCounter(timeZone);
  const days = localDay(at) - localDay(now);
  const day = dayText(at, language, timeZone, now);
  if (snoozedUntil !== null && at === snoozedUntil && days > 0) {
    return { status: 'snoozed', days, at, text: t('next.snoozed', { day }) };
  }
  if (days < 0) {
    const text = days === -1 ? t('next.overdueOne', { day }) : t('next.overdueMany', { n: -days, day });
    return { status: 'overdue', days, at, text };
  }
  if (days === 0) return { status: 'today', days, at, text: t('next.today') };
  return { status: 'upcoming', days, at, text: days === 1 ? t('next.tomorrow', { day }) : t('next.later', { day, n: days }) };
}

export interface BestHourText {
  window: string;
  next: string;
  basis: string;
}

/** "Usually reads mail 9–11 Berlin time" and "next good time: Tue 08:30 your time". */
export function bestHourText(hint: BestHourHint, now: number, language: Language, timeZone: string, t: SidebarT): BestHourText {
  const first = hint.hours[0] ?? 0;
  const last = hint.hours[hint.hours.length - 1] ?? first;
  return {
    window: t('best.window', { from: first, to: (last + 1) % 24, zone: t('best.zone', zoneNames(hint.timeZone, language)) }),
    next: hint.nextSendAt <= now ? t('best.now') : t('best.next', { when: weekdayTimeText(hint.nextSendAt, language, timeZone) }),
    basis: t('best.basis', { n: hint.opensInWindow, total: hint.opensCounted }),
  };
}
