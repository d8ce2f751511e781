// Dates and clock times as the rep reads them: in the rep's time zone and language ("Tue 17 Mar",
// "3月17日周二"), and a contact's own clock ("10:14 Berlin time"). Reason chains keep their UTC
// days (reason-text.ts) so they read the same for everyone; this file is for what the rep acts on.
import { isTimeZone } from '../../../shared/time-zone.ts';
import type { Language } from '../../settings.ts';

const LOCALE: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };

const cache = new Map<string, Intl.DateTimeFormat>();
function format(language: Language, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(LOCALE[language], { ...options, timeZone });
    cache.set(key, formatter);
  }
  return formatter;
}

/** The browser's own zone: what "today" means to a rep who never picked one in the settings. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Tue 17 Mar" / "3月17日周二"; the year only when it is not this year's. */
export function dayText(at: number, language: Language, timeZone: string, now = at): string {
  const withYear = new Date(at).getUTCFullYear() !== new Date(now).getUTCFullYear();
  return format(language, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: language === 'zh' ? 'long' : 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(at);
}

/** "17 Mar, 09:14" / "3月17日 09:14", for the timeline. */
export function dayTimeText(at: number, language: Language, timeZone: string, now = at): string {
  const withYear = new Date(at).getUTCFullYear() !== new Date(now).getUTCFullYear();
  return format(language, timeZone, {
    day: 'numeric',
    month: language === 'zh' ? 'long' : 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(at);
}

/** "Tue 08:30" / "周二 08:30": when to send next. */
export function weekdayTimeText(at: number, language: Language, timeZone: string): string {
  const weekday = format(language, timeZone, { weekday: 'short' }).format(at);
  return `${weekday} ${clockText(at, language, timeZone)}`;
}

/** "10:14". */
export function clockText(at: number, language: Language, timeZone: string): string {
  return format(language, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/**
 * Names for a contact's zone: the city for English ("Berlin", read as "Berlin time") and the
 * zone's own name for Chinese ("中欧时间"), where a city in Latin letters would read as foreign.
 */
export function zoneNames(timeZone: string, language: Language): { city: string; generic: string } {
  const city = timeZone.includes('/') ? timeZone.slice(timeZone.lastIndexOf('/') + 1).replace(/_/g, ' ') : timeZone;
  let generic = city;
  if (isTimeZone(timeZone)) {
    const part = format(language, timeZone, { timeZoneName: 'longGeneric' })
      .formatToParts(Date.UTC(2026, 0, 1))
      .find((p) => p.type === 'timeZoneName');
    if (part) generic = part.value;
  }
  return { city, generic };
}

/** "Germany" / "德国" for "DE"; the code itself when the language has no name for it. */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([LOCALE[language]], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "USD 12,000.00" / "12,000.00美元"; the bare number when the currency is unknown to Intl. */
export function moneyText(amount: number, currency: string | undefined, language: Language): string {
  if (currency === undefined) return new Intl.NumberFormat(LOCALE[language]).format(amount);
  try {
    return new Intl.NumberFormat(LOCALE[language], {
      style: 'currency',
      currency,
      currencyDisplay: language === 'zh' ? 'name' : 'code',
    }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(LOCALE[language]).format(amount)} ${currency}`;
  }
}
