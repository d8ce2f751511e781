import { expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy.ts';
import { policyForm, readPolicyForm } from './policy-fields.ts';

test('the defaults round-trip through the form', () => {
  const form = policyForm(DEFAULT_POLICY);
  expect(form['silenceDays.replied']).toBe('60');
  expect(form['cadenceDays.replied.no-need']).toBe('30');
  expect(readPolicyForm(form)).toEqual({ ok: true, policy: DEFAULT_POLICY });
});

test.each([
  ['', { key: 'policy.error.number' }],
  ['abc', { key: 'policy.error.number' }],
  ['2.5', { key: 'policy.error.number' }],
  ['0', { key: 'policy.error.min', params: { min: 1 } }],
  ['4000', { key: 'policy.error.max', params: { max: 3650 } }],
])('silence %j', (value, error) => {
  const form = { ...policyForm(DEFAULT_POLICY), 'silenceDays.replied': value };
  expect(readPolicyForm(form)).toEqual({ ok: false, errors: { 'silenceDays.replied': error } });
});

test('the slow inactive cadence cannot be shorter than the normal one', () => {
  const form = { ...policyForm(DEFAULT_POLICY), 'cadenceDays.inactive.slow': '10' };
  expect(readPolicyForm(form)).toEqual({ ok: false, errors: { 'cadenceDays.inactive.slow': { key: 'policy.error.slow' } } });
});
