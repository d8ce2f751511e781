import { expect, test } from 'vitest';
import { isExcluded } from './excluded-domains.ts';

test.each([
  ['anna@example.de', ['example.de'], true],
  ['anna@EXAMPLE.de', ['example.de'], true],
  ['anna@sales.example.de', ['example.de'], false],
  ['anna@sales.example.de', ['*.example.de'], true],
  ['anna@example.de', ['*.example.de'], false],
  ['anna@example.de', ['.de'], true],
  ['anna@example.com', ['.de', 'example.org'], false],
  ['anna@example.de', [], false],
])('%s with %j: excluded %s', (address, rules, expected) => {
  expect(isExcluded(address, rules)).toBe(expected);
});
