// The rep-editable rules behind classify: how long each state survives silence and how often each
// state is followed up. Stored in settings, so it is a zod schema; every field has the PRODUCT.md
// default and a partial object (only what the rep changed) parses to a full policy.
import { z } from 'zod';

const days = (fallback: number, what: string) =>
  z
    .number({ error: `${what} must be a number of days` })
    .int(`${what} must be a whole number of days`)
    .min(1, `${what} must be at least 1 day`)
    .max(3650, `${what} must be at most 3650 days (10 years)`)
    .default(fallback);

export const policy = z
  .strictObject({
    /** Days without a signal of the state's level (or higher) before the contact drops one level. */
    silenceDays: z
      .strictObject({
        ordered: days(180, 'ordered silence'),
        replied: days(60, 'replied silence'),
        'opened-no-reply': days(60, 'opened-no-reply silence'),
        inactive: days(365, 'inactive silence'),
      })
      .prefault({}),
    cadenceDays: z
      .strictObject({
        ordered: z
          .strictObject({ first: days(7, 'first follow-up after an order'), every: days(30, 'ordered cadence') })
          .prefault({}),
        // Seed 004: "later" is every half month to a month; 20 days sits inside that range.
        replied: z
          .strictObject({
            interested: days(3, 'interested cadence'),
            later: days(20, 'later cadence'),
            'no-need': days(30, 'no-need cadence'),
          })
          .prefault({}),
        'opened-no-reply': days(14, 'opened-no-reply cadence'),
        inactive: z
          .strictObject({
            every: days(30, 'inactive cadence'),
            slow: days(90, 'slow inactive cadence'),
            slowAfterSilentDays: days(180, 'silence before the slow cadence'),
          })
          .prefault({}),
      })
      .prefault({}),
    /** Inactive and silent this long: suggest another mailbox or another person at the company. */
    switchContactAfterSilentDays: days(180, 'silence before suggesting another contact'),
    /** A first mail younger than this is too recent for its missing opens to mean anything. */
    awaitingFirstOpenDays: days(3, 'wait for a first open'),
  })
  .refine((p) => p.cadenceDays.inactive.slow >= p.cadenceDays.inactive.every, {
    message: 'the slow inactive cadence must not be shorter than the normal one',
    path: ['cadenceDays', 'inactive', 'slow'],
  });

export type Policy = z.output<typeof policy>;
export type PolicyInput = z.input<typeof policy>;

export const DEFAULT_POLICY: Policy = policy.parse({});
