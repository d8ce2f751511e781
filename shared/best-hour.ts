// "Usually opens mail 9-11, Berlin time": when a contact reads, from its own human opens that carry
// a time zone, and when to send next so the mail is on top when they look. A few scattered opens
// say nothing, so the hint is withheld rather than guessed.
import { isSharedMessage } from './contact-events.ts';
import { DAY } from './day.ts';
import { resolveOpenVerdicts } from './open-verdict.ts';
import type { AccountEvent, Verdict } from './schema.ts';
import { isTimeZone, localToInstant, utcOffsetMinutes } from './time-zone.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface BestHourHint {
  timeZone: string;
  /** Local hours (0-23) of the usual reading window, in clock order: [9, 10], or [23, 0] across midnight. */
  hours: number[];
  opensInWindow: number;
  /** Human opens of this contact in `timeZone`. */
  opensCounted: number;
  /** Now if now is a good time, else the next start of the window (less the lead). */
  nextSendAt: number;
}

export interface BestHourOptions {
  /** Fewer opens than this (in the contact's main zone) give no hint. */
  minOpens?: number;
  windowHours?: number;
  /** Send this long before the window opens. */
  leadMinutes?: number;
  verdicts?: ReadonlyMap<string, Verdict>;
}

export function bestHour(events: readonly AccountEvent[], now: number, options: BestHourOptions = {}): BestHourHint | null {
  const { minOpens = 3, windowHours = 2, leadMinutes = 30 } = options;
  const past = events.filter((event) => event.at <= now);
  const verdicts = options.verdicts ?? resolveOpenVerdicts(past);
  const personal = new Set<string>();
  for (const event of past) if (event.type === 'sent' && !isSharedMessage(event)) personal.add(event.messageId);

  // Human opens of mails to this contact alone, once each, by the zone they were read in.
  const byZone = new Map<string, Map<string, number>>();
  for (const event of past) {
    if (event.type !== 'open' || event.timezone === undefined || !personal.has(event.messageId)) continue;
    if ((verdicts.get(event.id) ?? event.verdict).kind !== 'human' || !isTimeZone(event.timezone)) continue;
    const opens = byZone.get(event.timezone) ?? new Map<string, number>();
    opens.set(event.id, event.at);
    byZone.set(event.timezone, opens);
  }
  let timeZone: string | null = null;
  let opens: number[] = [];
  for (const [zone, byId] of byZone) {
    if (byId.size > opens.length || (byId.size === opens.length && timeZone !== null && zone < timeZone)) {
      timeZone = zone;
      opens = [...byId.values()];
    }
  }
  if (timeZone === null || opens.length < minOpens) return null;

  const perHour = new Array<number>(24).fill(0);
  for (const at of opens) perHour[localHour(at, timeZone)]!++;
  let start = 0;
  let best = -1;
  for (let hour = 0; hour < 24; hour++) {
    let inWindow = 0;
    for (let k = 0; k < windowHours; k++) inWindow += perHour[(hour + k) % 24]!;
    if (inWindow > best) {
      best = inWindow;
      start = hour;
    }
  }
  // "Usually" means at least half of the opens, and never a single open.
  if (best < 2 || best * 2 < opens.length) return null;

  return {
    timeZone,
    hours: Array.from({ length: windowHours }, (_, k) => (start + k) % 24),
    opensInWindow: best,
    opensCounted: opens.length,
    nextSendAt: nextSlot(now, timeZone, start, windowHours, leadMinutes),
  };
}

function localHour(at: number, timeZone: string): number {
  const local = at + utcOffsetMinutes(at, timeZone) * MINUTE;
  return Math.floor((((local % DAY) + DAY) % DAY) / HOUR);
}

function nextSlot(now: number, timeZone: string, startHour: number, windowHours: number, leadMinutes: number): number {
  const localNow = now + utcOffsetMinutes(now, timeZone) * MINUTE;
  const today = Math.floor(localNow / DAY) * DAY;
  // Yesterday's window can still be open just after midnight, when it wraps.
  for (let day = -1; day <= 1; day++) {
    const sendFrom = today + day * DAY + startHour * HOUR - leadMinutes * MINUTE;
    const windowEnd = today + day * DAY + (startHour + windowHours) * HOUR;
    if (localNow >= sendFrom && localNow < windowEnd) return now;
    if (sendFrom > localNow) return localToInstant(sendFrom, timeZone);
  }
  return localToInstant(today + DAY + startHour * HOUR - leadMinutes * MINUTE, timeZone);
}
