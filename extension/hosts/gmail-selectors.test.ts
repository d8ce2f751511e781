// Every named Gmail selector against the fixture Gmail, in today's markup and in the older one
// ("drift"): which candidate matches says whether a fallback is carrying the feature.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadFakeGmail, type LoadedGmail } from '../../test/fixtures/gmail/happy-dom.ts';
import { all, closest, first, GMAIL, matchedCandidate, recipientCandidates } from './gmail-selectors.ts';

const ANNA = 'FMfcgzzCxtJLXimycHOeAhmsICVXRlmf';
type Name = keyof typeof GMAIL;

let page: LoadedGmail | null = null;
afterEach(() => page?.gmail.destroy());

type Where = 'inbox' | 'thread' | 'send-menu';

/** The inbox list; or a thread with its inline reply open and a compose dialog over it; or that with the dialog's send menu open. */
async function state(variant: 'default' | 'drift', where: Where) {
  page = await loadFakeGmail({ variant, renderDelay: [1, 3], hash: where === 'inbox' ? '#inbox' : `#inbox/${ANNA}` });
  if (where === 'inbox') return;
  await page.gmail.reply();
  await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de'] });
  if (where === 'send-menu') {
    document.querySelector('[role=dialog] [aria-haspopup=true]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
}

// [selector, page, candidate matching today, candidate matching the older markup]
const TABLE: Array<[Name, Where, number, number]> = [
  ['main', 'thread', 0, 0],
  ['threadRoot', 'thread', 0, 2],
  ['threadSubject', 'thread', 0, 1],
  ['message', 'thread', 0, 1],
  ['messageSender', 'thread', 0, 1],
  ['messageRecipients', 'thread', 0, 0],
  ['messageDate', 'thread', 0, 0],
  ['messageBody', 'thread', 0, 0],
  ['replyButton', 'thread', 0, 0],
  ['inboxRow', 'inbox', 0, 0],
  ['rowThread', 'inbox', 0, 1],
  ['rowSender', 'inbox', 0, 0],
  ['rowSubject', 'inbox', 0, 1],
  ['rowSnippet', 'inbox', 0, 0],
  ['rowDate', 'inbox', 0, 0],
  ['composeEditor', 'thread', 0, 1],
  ['composeRoot', 'thread', 0, 0],
  ['composeSubject', 'thread', 0, 0],
  ['composeThread', 'thread', 0, 0],
  ['composeDraft', 'thread', 0, 0],
  ['composeId', 'thread', 0, 0],
  ['sendButton', 'thread', 0, 1],
  ['sendRow', 'thread', 0, 0],
  ['sendOptionsButton', 'thread', 0, 1],
  ['scheduleSend', 'send-menu', 0, 0],
  ['moleContainer', 'thread', 0, 0],
  ['account', 'inbox', 0, 0],
];

test('the table names every selector', () => {
  expect(TABLE.map(([name]) => name).sort()).toEqual(Object.keys(GMAIL).sort());
});

describe.each(['default', 'drift'] as const)('%s markup', (variant) => {
  test.each(TABLE)('%s on the %s page', async (name, where, today, older) => {
    await state(variant, where);
    expect(matchedCandidate(document, GMAIL[name])).toBe(variant === 'default' ? today : older);
  });

  test('recipient fields', async () => {
    await state(variant, 'thread');
    const dialog = document.querySelector('[role=dialog]')!;
    expect(matchedCandidate(dialog, recipientCandidates('to'))).toBe(variant === 'default' ? 0 : 2);
  });
});

test('the send button is never the send-options arrow', async () => {
  await state('default', 'thread');
  for (const candidate of GMAIL.sendButton) {
    for (const button of document.querySelectorAll(candidate)) expect(button.getAttribute('aria-haspopup')).toBeNull();
  }
  expect(document.querySelectorAll('[role=dialog] [aria-haspopup=true]')).toHaveLength(1);
});

describe('helpers', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    const root = document.createElement('section');
    for (const [tag, cls] of [['p', 'a'], ['p', 'b'], ['span', 'b']]) {
      const el = document.createElement(tag!);
      el.className = cls!;
      root.append(el);
    }
    document.body.append(root);
  });

  test('first: the first candidate that matches wins, not the first element in the page', () => {
    expect(first(document, ['span.b', 'p.a'])?.tagName).toBe('SPAN');
    expect(first(document, ['.nothing', 'p'])?.className).toBe('a');
    expect(first(document, ['.nothing'])).toBeNull();
  });

  test('all: one candidate, never merged; `keep` can make a candidate fall through', () => {
    expect(all(document, ['.b', 'p'])).toHaveLength(2);
    expect(all(document, ['.b', 'p'], (el) => el.tagName === 'P' && el.className === 'a')).toHaveLength(1);
    expect(all(document, ['.none'])).toEqual([]);
  });

  test('closest: candidates in order from the element up', () => {
    const span = document.querySelector('span')!;
    expect(closest(span, ['article', 'section'])?.tagName).toBe('SECTION');
    expect(closest(span, ['span.b', 'section'])).toBe(span);
    expect(closest(span, ['article'])).toBeNull();
  });
});
