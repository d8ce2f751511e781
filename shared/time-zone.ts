// Wall-clock time in a named IANA zone, with nothing but Intl. A rep's "today" and a buyer's
// "9 in the morning" are local, while events are UTC instants.
import { DAY } from './day.ts';

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    // Building a formatter costs far more than using one, so each zone gets one, kept.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local time minus UTC at instant `at`, in minutes. Throws RangeError for an unknown zone. */
export function utcOffsetMinutes(at: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const local = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return Math.round((local - Math.floor(at / 1000) * 1000) / MINUTE);
}

/** The instant whose local time is `localMs` (local wall time written as if it were UTC). */
export function localToInstant(localMs: number, timeZone: string): number {
  const guess = localMs - utcOffsetMinutes(localMs, timeZone) * MINUTE;
  return localMs - utcOffsetMinutes(guess, timeZone) * MINUTE;
}

// A zone's offset on each UTC day, null on a day with a DST switch. Kept from one counter to the
// next: a daily list spans hundreds of days, and asking Intl again for each one every time the
// list is made costs as much as the rest of making it.
const offsetsByZone = new Map<string, Map<number, number | null>>();

/**
 * A counter of local calendar days for one zone. Offsets only change at DST switches, so the
 * offset is looked up once per UTC day and exactly only on the rare day that has a switch.
 */
export function localDayCounter(timeZone: string): (at: number) => number {
  formatter(timeZone); // an unknown zone fails here, not on the first date
  let byUtcDay = offsetsByZone.get(timeZone);
  if (byUtcDay === undefined) offsetsByZone.set(timeZone, (byUtcDay = new Map()));
  return (at) => {
    const utcDay = Math.floor(at / DAY);
    let offset = byUtcDay.get(utcDay);
    if (offset === undefined) {
      const start = utcOffsetMinutes(utcDay * DAY, timeZone);
      offset = start === utcOffsetMinutes(utcDay * DAY + DAY - 1, timeZone) ? start : null;
      byUtcDay.set(utcDay, offset);
    }
    return Math.floor((at + (offset ?? utcOffsetMinutes(at, timeZone)) * MINUTE) / DAY);
  };
}
