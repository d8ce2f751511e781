// The policy as a flat list of number fields, grouped as the page shows them, and the way back
// from the form's text values to a checked policy with one translated message per field.
import type { z } from 'zod';
import type { OptionsKey } from '../../i18n/options.ts';
import { policy, type Policy } from '../../../shared/policy.ts';

export const POLICY_GROUPS = {
  silence: ['silenceDays.ordered', 'silenceDays.replied', 'silenceDays.opened-no-reply', 'silenceDays.inactive'],
  cadence: [
    'cadenceDays.ordered.first',
    'cadenceDays.ordered.every',
    'cadenceDays.replied.interested',
    'cadenceDays.replied.later',
    'cadenceDays.replied.no-need',
    'cadenceDays.opened-no-reply',
    'cadenceDays.inactive.every',
    'cadenceDays.inactive.slow',
    'cadenceDays.inactive.slowAfterSilentDays',
  ],
  other: ['switchContactAfterSilentDays', 'awaitingFirstOpenDays'],
} as const;

export type PolicyPath = (typeof POLICY_GROUPS)[keyof typeof POLICY_GROUPS][number];
export const POLICY_PATHS: PolicyPath[] = Object.values(POLICY_GROUPS).flat();

/** The form's values: what is in each input, as typed. */
export type PolicyForm = Record<PolicyPath, string>;

export function policyForm(value: Policy): PolicyForm {
  const form = {} as PolicyForm;
  for (const path of POLICY_PATHS) {
    let node: unknown = value;
    for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
    form[path] = String(node);
  }
  return form;
}

export type FieldError = { key: OptionsKey; params?: Record<string, number> };

export function readPolicyForm(form: PolicyForm): { ok: true; policy: Policy } | { ok: false; errors: Partial<Record<PolicyPath, FieldError>> } {
  const input: Record<string, unknown> = {};
  for (const path of POLICY_PATHS) {
    const parts = path.split('.');
    let node = input;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    const text = form[path].trim();
    // An empty box is not "use the default": it is a mistake to show.
    node[parts.at(-1)!] = text === '' ? Number.NaN : Number(text);
  }
  const parsed = policy.safeParse(input);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const errors: Partial<Record<PolicyPath, FieldError>> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') as PolicyPath;
    errors[path] ??= fieldError(issue);
  }
  return { ok: false, errors };
}

function fieldError(issue: z.core.$ZodIssue): FieldError {
  if (issue.code === 'invalid_type') return { key: 'policy.error.number' };
  if (issue.code === 'too_small') return { key: 'policy.error.min', params: { min: Number(issue.minimum) } };
  if (issue.code === 'too_big') return { key: 'policy.error.max', params: { max: Number(issue.maximum) } };
  if (issue.code === 'custom') return { key: 'policy.error.slow' };
  return { key: 'policy.error.invalid' };
}
