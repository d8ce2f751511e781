import { describe, expect, test } from 'vitest';
import { isTimeZone, localDayCounter, localToInstant, utcOffsetMinutes } from './time-zone.ts';

const iso = Date.parse;

describe('time zones', () => {
  test.each<[string, string, number]>([
    ['UTC', '2026-03-12T09:00:00Z', 0],
    ['Asia/Shanghai', '2026-03-12T09:00:00Z', 480],
    ['Asia/Kolkata', '2026-03-12T09:00:00Z', 330],
    ['America/New_York', '2026-01-12T09:00:00Z', -300],
    ['America/New_York', '2026-07-12T09:00:00Z', -240],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 60],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 120],
  ])('%s at %s is UTC%+i min', (zone, at, offset) => {
    expect(utcOffsetMinutes(iso(at), zone)).toBe(offset);
  });

  test('local wall time back to an instant, on both sides of a DST switch', () => {
    expect(localToInstant(iso('2026-03-28T08:30:00Z'), 'Europe/Berlin')).toBe(iso('2026-03-28T07:30:00Z'));
    expect(localToInstant(iso('2026-03-30T08:30:00Z'), 'Europe/Berlin')).toBe(iso('2026-03-30T06:30:00Z'));
  });

  test('local days turn at local midnight', () => {
    const day = localDayCounter('Asia/Shanghai');
    expect(day(iso('2026-03-19T15:59:59Z'))).toBe(day(iso('2026-03-19T00:00:00Z')));
    expect(day(iso('2026-03-19T16:00:00Z'))).toBe(day(iso('2026-03-19T00:00:00Z')) + 1);
  });

  test('unknown zones are recognised', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() => localDayCounter('Mars/Olympus')).toThrow(RangeError);
  });
});
