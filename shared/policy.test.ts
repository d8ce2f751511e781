import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY, policy } from './policy.ts';

describe('policy', () => {
  test('the defaults are the PRODUCT.md rules', () => {
    expect(DEFAULT_POLICY).toEqual({
      silenceDays: { ordered: 180, replied: 60, 'opened-no-reply': 60, inactive: 365 },
      cadenceDays: {
        ordered: { first: 7, every: 30 },
        replied: { interested: 3, later: 20, 'no-need': 30 },
        'opened-no-reply': 14,
        inactive: { every: 30, slow: 90, slowAfterSilentDays: 180 },
      },
      switchContactAfterSilentDays: 180,
      awaitingFirstOpenDays: 3,
    });
  });

  test('a rep changes one value and keeps every other default', () => {
    const edited = policy.parse({ silenceDays: { replied: 90 }, cadenceDays: { replied: { later: 15 } } });
    expect(edited.silenceDays).toEqual({ ...DEFAULT_POLICY.silenceDays, replied: 90 });
    expect(edited.cadenceDays.replied).toEqual({ interested: 3, later: 15, 'no-need': 30 });
    expect(edited.cadenceDays.ordered).toEqual(DEFAULT_POLICY.cadenceDays.ordered);
  });

  test.each<[string, unknown, string]>([
    ['zero days', { silenceDays: { replied: 0 } }, 'at least 1 day'],
    ['half a day', { cadenceDays: { 'opened-no-reply': 0.5 } }, 'whole number'],
    ['a string', { awaitingFirstOpenDays: '3' }, 'number of days'],
    ['more than ten years', { silenceDays: { inactive: 4000 } }, 'at most 3650'],
    ['an unknown setting', { silenceDays: { zombie: 10 } }, 'zombie'],
    ['a slow cadence faster than the normal one', { cadenceDays: { inactive: { every: 60, slow: 30 } } }, 'must not be shorter'],
  ])('rejects %s with a readable message', (_name, input, message) => {
    const result = policy.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});
