import { expect, test } from 'vitest';
import { gmailSearchUrl } from './gmail-search-url.ts';

test.each([
  ['buyer@example.com', 0, 'https://mail.google.com/mail/u/0/#search/buyer%40example.com'],
  ['anna+orders@example.de', 0, 'https://mail.google.com/mail/u/0/#search/anna%2Borders%40example.de'],
  ["o'brien@example.ie", 0, "https://mail.google.com/mail/u/0/#search/o'brien%40example.ie"],
  ['buyer@example.com', 2, 'https://mail.google.com/mail/u/2/#search/buyer%40example.com'],
])('%s in account %i', (address, account, url) => {
  expect(gmailSearchUrl(address, account)).toBe(url);
});

test('the search Gmail receives is the address itself', () => {
  const url = new URL(gmailSearchUrl('anna+orders@example.de'));
  expect(decodeURIComponent(url.hash.slice('#search/'.length))).toBe('anna+orders@example.de');
});
