// Every named Outlook selector against the fixture Outlook, in today's markup and the drifted one:
// which candidate matches says whether a fallback is carrying the feature.
import { afterEach, expect, test } from 'vitest';
import { loadFakeOutlook, type LoadedOutlook } from '../../test/fixtures/outlook/happy-dom.ts';
import { matchedCandidate } from './gmail-selectors.ts';
import { OUTLOOK } from './outlook-selectors.ts';

type Name = keyof typeof OUTLOOK;
type Where = 'inbox' | 'thread' | 'compose';

let page: LoadedOutlook | null = null;
afterEach(() => page?.outlook.destroy());

/** The inbox, a conversation with its inline reply open, or a new mail in the reading pane. */
async function state(variant: 'default' | 'drift', where: Where) {
  page = await loadFakeOutlook({ variant, renderDelay: [1, 3] });
  if (where === 'inbox') return;
  page.outlook.route(page.outlook.routeOf('AAQkADanna01')!);
  await page.outlook.whenRendered();
  if (where === 'thread') await page.outlook.reply();
  else await page.outlook.compose({ to: ['anna.schmidt@schmidt-haushalt.de'] });
}

// [selector, page, candidate matching today, candidate matching the drifted markup]
const TABLE: Array<[Name, Where, number, number]> = [
  ['readingPane', 'thread', 0, 1],
  ['conversation', 'thread', 0, 0],
  ['convId', 'thread', 0, 0],
  ['selectedRow', 'thread', 0, 0],
  ['subject', 'thread', 0, 0],
  ['message', 'thread', 0, 1],
  ['persona', 'thread', 0, 1],
  ['messageDate', 'thread', 0, 0],
  ['messageBody', 'thread', 0, 0],
  ['replyButton', 'thread', 0, 0],
  ['list', 'inbox', 0, 0],
  ['row', 'inbox', 0, 0],
  ['rowUnread', 'inbox', 0, 0],
  ['composeEditor', 'thread', 0, 1],
  ['composeRoot', 'thread', 0, 0],
  ['composeRoot', 'compose', 1, 2],
  ['composeSubject', 'compose', 0, 1],
  ['sendIcon', 'compose', 0, 0],
  ['sendButtonLabel', 'compose', 0, 0],
  ['accountAddress', 'inbox', 0, 0],
  ['accountName', 'inbox', 0, 0],
  ['accountButton', 'inbox', 0, 0],
];

test('every named selector is checked here', () => {
  expect(new Set(TABLE.map(([name]) => name))).toEqual(new Set(Object.keys(OUTLOOK)));
});

test.each(TABLE)('%s on the %s page: candidate %i today, %i in the drifted markup', async (name, where, today, drifted) => {
  await state('default', where);
  expect(matchedCandidate(document, OUTLOOK[name])).toBe(today);
  page?.outlook.destroy();
  await state('drift', where);
  expect(matchedCandidate(document, OUTLOOK[name])).toBe(drifted);
});
