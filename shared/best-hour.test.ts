import { describe, expect, test } from 'vitest';
import { bestHour } from './best-hour.ts';
import { eventFactory } from './event-fixtures.ts';
import type { AccountEvent, Verdict } from './schema.ts';

const BERLIN = 'Europe/Berlin';
const SHANGHAI = 'Asia/Shanghai';

let factories = 0;

/** A mail to the buyer alone and its open at an ISO instant, read in `timezone`. */
function reads(timezone: string | undefined, instants: string[], options: { verdict?: Verdict; shared?: boolean } = {}) {
  const f = eventFactory('buyer@example.com', ++factories);
  return instants.flatMap((iso): AccountEvent[] => {
    const at = Date.parse(iso);
    const mail = f.sent(at - 3_600_000, options.shared ? ['buyer@example.com', 'boss@example.com'] : undefined);
    return [mail, f.open(at, mail, { ...options, ...(timezone ? { timezone } : {}) })];
  });
}

// Berlin is UTC+1 in winter, UTC+2 in summer: these are 9:10, 9:40, 10:20 and 9:05 local.
const BERLIN_MORNINGS = ['2026-01-12T08:10:00Z', '2026-01-14T08:40:00Z', '2026-01-20T09:20:00Z', '2026-06-02T07:05:00Z'];

describe('best hour', () => {
  test('a clear morning habit: 9-10 Berlin time, next send 8:30 local', () => {
    const hint = bestHour(reads(BERLIN, BERLIN_MORNINGS), Date.parse('2026-06-10T12:00:00Z'));
    expect(hint).toEqual({
      timeZone: BERLIN,
      hours: [9, 10],
      opensInWindow: 4,
      opensCounted: 4,
      nextSendAt: Date.parse('2026-06-11T06:30:00Z'), // 08:30 CEST tomorrow
    });
  });

  test('across midnight: 23:00-00:59 in Shanghai', () => {
    const late = ['2026-03-01T15:20:00Z', '2026-03-02T15:50:00Z', '2026-03-03T16:10:00Z', '2026-03-04T16:40:00Z'];
    const events = reads(SHANGHAI, late);
    const atNoon = bestHour(events, Date.parse('2026-03-10T04:00:00Z'));
    expect(atNoon).toMatchObject({ hours: [23, 0], nextSendAt: Date.parse('2026-03-10T14:30:00Z') }); // 22:30 local
    const rightAfterMidnight = Date.parse('2026-03-10T16:20:00Z'); // 00:20 local, still inside the window
    expect(bestHour(events, rightAfterMidnight)?.nextSendAt).toBe(rightAfterMidnight);
  });

  test.each<[string, AccountEvent[]]>([
    ['no opens', []],
    ['two opens are too few', reads(BERLIN, BERLIN_MORNINGS.slice(0, 2))],
    ['opens without a time zone', reads(undefined, BERLIN_MORNINGS)],
    ['an unknown time zone', reads('Mars/Olympus', BERLIN_MORNINGS)],
    ['bot opens', reads(BERLIN, BERLIN_MORNINGS, { verdict: { kind: 'bot', reason: 'security-scanner' } })],
    ['opens of mails to several people', reads(BERLIN, BERLIN_MORNINGS, { shared: true })],
    ['scattered opens: 3:00, 11:00, 19:00', reads(BERLIN, ['2026-01-12T02:00:00Z', '2026-01-13T10:00:00Z', '2026-01-14T18:00:00Z'])],
    ['opens that have not happened yet', reads(BERLIN, BERLIN_MORNINGS.map((iso) => iso.replace('2026', '2027')))],
  ])('no hint: %s', (_name, events) => {
    expect(bestHour(events, Date.parse('2026-06-10T12:00:00Z'))).toBeNull();
  });

  test('the zone most opens came from wins, and a copied open counts once', () => {
    const berlin = reads(BERLIN, BERLIN_MORNINGS);
    const travelling = reads('America/New_York', ['2026-02-01T14:00:00Z', '2026-02-02T14:00:00Z']);
    const hint = bestHour([...berlin, ...travelling, ...travelling], Date.parse('2026-06-10T12:00:00Z'));
    expect(hint).toMatchObject({ timeZone: BERLIN, opensCounted: 4 });
  });
});
