import { describe, expect, test } from 'vitest';
import { describeFlag, describeReasons, describeStep, formatDay, type ContactFlag, type ReasonStep } from './reasons.ts';

const at = Date.UTC(2026, 2, 12, 23, 59);

describe('reasons in English', () => {
  test.each<[ReasonStep, string]>([
    [{ code: 'no-events' }, 'nothing recorded for this address yet'],
    [{ code: 'not-written-yet', at }, 'added 12 Mar 2026; no tracked mail sent yet'],
    [{ code: 'first-mail', at }, 'first tracked mail sent 12 Mar 2026'],
    [{ code: 'order', at, kind: 'sample' }, 'sample order logged 12 Mar 2026'],
    [{ code: 'order', at, kind: 'order' }, 'order logged 12 Mar 2026'],
    [{ code: 'reply', at }, 'replied 12 Mar 2026'],
    [{ code: 'open', at }, 'opened a tracked mail 12 Mar 2026'],
    [{ code: 'downgraded', at, from: 'ordered', to: 'replied', silentDays: 180 }, 'no order or reply for 180 days: downgraded to replied on 12 Mar 2026'],
    [{ code: 'downgraded', at, from: 'replied', to: 'opened-no-reply', silentDays: 60 }, 'no reply for 60 days: downgraded to opened-no-reply on 12 Mar 2026'],
    [{ code: 'downgraded', at, from: 'opened-no-reply', to: 'inactive', silentDays: 60 }, 'no human open for 60 days: downgraded to inactive on 12 Mar 2026'],
    [{ code: 'downgraded', at, from: 'inactive', to: 'archived', silentDays: 365 }, 'no signal at all for 365 days: archived on 12 Mar 2026'],
    [{ code: 'downgraded', at, from: 'opened-no-reply', to: 'archived', silentDays: 365 }, 'no signal at all for 365 days: archived on 12 Mar 2026'],
    [{ code: 'kept-untrackable', at, silentDays: 60 }, 'no human open for 60 days, but opens cannot be seen for this contact: kept at opened-no-reply on 12 Mar 2026'],
    [{ code: 'archived-by-rep', at }, 'archived by you on 12 Mar 2026'],
    [{ code: 'unarchived', at }, 'unarchived on 12 Mar 2026'],
    [{ code: 'future-events', at, count: 1 }, '1 event is dated after now (from 12 Mar 2026): not counted yet'],
  ])('%j', (step, text) => {
    expect(describeStep(step)).toBe(text);
  });

  test('a chain is one line', () => {
    expect(describeReasons([{ code: 'reply', at }, { code: 'archived-by-rep', at: at + 86_400_000 }])).toBe(
      'replied 12 Mar 2026; archived by you on 13 Mar 2026',
    );
  });

  test('days are UTC days, so every rep reads the same date', () => {
    expect(formatDay(Date.UTC(2026, 0, 1, 0, 0))).toBe('1 Jan 2026');
    expect(formatDay(Date.UTC(2025, 11, 31, 23, 59, 59, 999))).toBe('31 Dec 2025');
  });

  test.each<ContactFlag>(['untrackable', 'shared-open-only', 'awaiting-first-open', 'switch-contact'])('the %s flag is explained', (flag) => {
    expect(describeFlag(flag).length).toBeGreaterThan(20);
  });
});
