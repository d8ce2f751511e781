import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { eventFactory, type EventFactory } from '../../../shared/event-fixtures.ts';
import type { AccountEvent } from '../../../shared/schema.ts';
import { renderTemplate } from '../../../shared/render-template.ts';
import { defaultTemplate } from '../../../shared/templates.ts';
import { localToInstant } from '../../../shared/time-zone.ts';
import type { ContactView } from '../../messaging.ts';
import { Sidebar, type SidebarProps } from './sidebar.tsx';
import {
  ARCHIVED,
  CUSTOMER,
  contactView,
  contactViews,
  DAY,
  LATER,
  NOW,
  PLACEHOLDER_VALUES,
  READER,
  REP_TIME_ZONE,
} from './sidebar-fixture.ts';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

type Callbacks = Pick<
  SidebarProps,
  | 'onInsertTemplate'
  | 'onLogOrder'
  | 'onSetIntent'
  | 'onSnooze'
  | 'onArchive'
  | 'onUnarchive'
  | 'onSetTier'
  | 'onSetStars'
  | 'onSetTags'
  | 'onAddNote'
  | 'onOpenThread'
  | 'onSyncNow'
  | 'onToggleCollapsed'
>;

function callbacks() {
  return {
    onInsertTemplate: vi.fn(),
    onLogOrder: vi.fn(),
    onSetIntent: vi.fn(),
    onSnooze: vi.fn(),
    onArchive: vi.fn(),
    onUnarchive: vi.fn(),
    onSetTier: vi.fn(),
    onSetStars: vi.fn(),
    onSetTags: vi.fn(),
    onAddNote: vi.fn(),
    onOpenThread: vi.fn(),
    onSyncNow: vi.fn(),
    onToggleCollapsed: vi.fn(),
  } satisfies Callbacks;
}

function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  render(node, root);
  return root;
}

function show(contacts: ContactView[] = contactViews(), extra: Partial<SidebarProps> = {}) {
  const on = callbacks();
  const root = mount(
    <Sidebar
      language="en"
      now={NOW}
      timeZone={REP_TIME_ZONE}
      contacts={contacts}
      placeholderValues={PLACEHOLDER_VALUES}
      collapsed={false}
      {...on}
      {...extra}
    />,
  );
  return { root, on };
}

// Text nodes joined by spaces, as a reader sees separate elements (textContent runs them together).
function text(element: Node | null | undefined): string {
  if (!element) return '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
const card = (root: ParentNode, email: string) => root.querySelector(`[data-testid="contact-card"][data-contact="${email}"]`)!;
const get = (scope: ParentNode, id: string) => scope.querySelector(`[data-testid="${id}"]`);
const button = (scope: ParentNode, id: string) => get(scope, id) as HTMLButtonElement;

// Callbacks settle in microtasks after the click: let them all run before looking.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function click(element: Element | null) {
  await act(async () => {
    (element as HTMLElement).click();
    await settle();
  });
}
async function type(element: Element | null, value: string) {
  const input = element as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('a card per correspondent', () => {
  test('one card per contact, in the given order, each with its state', () => {
    const { root } = show();
    const cards = [...root.querySelectorAll('[data-testid="contact-card"]')].map((c) => [c.getAttribute('data-contact'), c.getAttribute('data-state')]);
    expect(cards).toEqual([
      [READER, 'opened-no-reply'],
      [LATER, 'replied'],
      [CUSTOMER, 'ordered'],
      [ARCHIVED, 'archived'],
    ]);
  });

  test('opened, no reply: badge, how long, why, next follow-up, best hour and its template', () => {
    const { root } = show();
    const reader = card(root, READER);
    expect(text(reader.querySelector('h2'))).toBe('Anna Müller');
    expect(text(reader.querySelector('.tw-company'))).toBe('Müller Handel GmbH · Germany');
    expect(text(get(reader, 'state-badge'))).toBe('Opened, no reply');
    expect(text(get(reader, 'state-since'))).toBe('for 29 days, since 11 Feb 2026');
    expect(text(get(reader, 'why'))).toBe('Why: opened a tracked mail 11 Feb 2026; opened a tracked mail 5 Mar 2026');
    expect(reader.querySelector('[data-testid="flag"]')).toBeNull();
    const next = get(reader, 'next-follow-up');
    expect(next?.getAttribute('data-due')).toBe('upcoming');
    expect(text(next)).toBe('Sat 21 Mar, in 9 days');
    // 9–11 in Berlin; the window opens (less 30 minutes) tomorrow at 08:30 Berlin, 15:30 in Shanghai.
    expect(text(get(reader, 'best-hour'))).toBe('Usually reads mail 9–11 Berlin time (3 of 3 opens) Next good time: Fri 15:30 your time');
    const template = get(reader, 'template');
    expect(template?.getAttribute('data-template')).toBe('opened-no-reply.industry-knowledge');
    expect(text(get(reader, 'template-label'))).toBe('Industry knowledge');
    expect(text(get(reader, 'template-why'))).toBe(defaultTemplate('opened-no-reply.industry-knowledge').why.en);
  });

  test('replied, will buy later: intent pressed, untrackable flag, tags and stars from the timeline', () => {
    const { root } = show();
    const later = card(root, LATER);
    expect(text(get(later, 'state-badge'))).toBe('Replied');
    expect(text(get(later, 'state-since'))).toBe('for 12 days, since 28 Feb 2026');
    expect(text(get(later, 'why'))).toBe('Why: replied 28 Feb 2026');
    const flag = get(later, 'flag');
    expect(flag?.getAttribute('data-flag')).toBe('untrackable');
    expect(text(flag)).toMatch(/^Opens can’t be seen for this contact replies, but no tracked mail ever recorded an open/);
    expect(['interested', 'later', 'no-need'].map((intent) => button(later, `intent-${intent}`).getAttribute('aria-pressed'))).toEqual([
      'false',
      'true',
      'false',
    ]);
    expect(get(later, 'template')?.getAttribute('data-template')).toBe('replied.later.hot-sellers');
    expect(text(get(later, 'next-follow-up'))).toBe('Fri 20 Mar, in 8 days');
    expect(get(later, 'best-hour')).toBeNull();
    expect([...later.querySelectorAll('[data-testid="tag"]')].map((tag) => tag.getAttribute('data-tag'))).toEqual(['Spain', 'retail chain']);
    expect(button(later, 'stars-2').getAttribute('aria-pressed')).toBe('true');
    expect(['A', 'B', 'C'].map((tier) => button(later, `tier-${tier}`).getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false']);
  });

  test('ordered: the thanks template first, the order with its amount, tier A', () => {
    const { root } = show();
    const customer = card(root, CUSTOMER);
    expect(text(customer.querySelector('h2'))).toBe(CUSTOMER);
    expect(text(get(customer, 'state-badge'))).toBe('Ordered');
    expect(text(get(customer, 'why'))).toBe('Why: order logged 9 Mar 2026');
    expect(get(customer, 'template')?.getAttribute('data-template')).toBe('ordered.thanks-feedback');
    expect(text(get(customer, 'template-label'))).toBe('Thanks and after-sales check');
    expect(text(get(customer, 'next-follow-up'))).toBe('Mon 16 Mar, in 4 days');
    const order = customer.querySelector('[data-testid="timeline-item"][data-type="order"]');
    expect(text(order)).toBe('9 Mar, 17:00 Order logged USD 12,000.00');
    expect(button(customer, 'tier-A').getAttribute('aria-pressed')).toBe('true');
    // Intents only mean something for a contact who replied.
    expect(get(customer, 'intent-later')).toBeNull();
  });

  test('archived: no follow-up, no template, unarchive instead of archive and snooze', () => {
    const { root } = show();
    const archived = card(root, ARCHIVED);
    expect(text(get(archived, 'state-badge'))).toBe('Archived');
    expect(text(get(archived, 'why'))).toBe('Why: first tracked mail sent 24 Aug 2025; archived by you on 2 Mar 2026');
    expect(get(archived, 'next-follow-up')?.getAttribute('data-due')).toBe('archived');
    expect(text(get(archived, 'next-follow-up'))).toBe('None while archived');
    expect(get(archived, 'template')).toBeNull();
    expect(get(archived, 'archive')).toBeNull();
    expect(get(archived, 'snooze-7')).toBeNull();
    expect(get(archived, 'unarchive')).not.toBeNull();
  });

  test.each<[string, (f: EventFactory) => AccountEvent[], string, string]>([
    ['overdue', (f) => [f.sent(NOW - 40 * DAY)], 'overdue', 'Overdue by 10 days (was due Mon 2 Mar)'],
    ['due today', (f) => [f.sent(NOW - 30 * DAY)], 'today', 'Due today'],
    ['snoozed', (f) => [f.sent(NOW - 40 * DAY), f.snooze(NOW - DAY, NOW + 5 * DAY)], 'snoozed', 'Snoozed until Tue 17 Mar'],
    ['tomorrow', (f) => [f.sent(NOW - 29 * DAY)], 'upcoming', 'Tomorrow, Fri 13 Mar'],
  ])('next follow-up %s', (_name, events, due, words) => {
    const f = eventFactory('buyer@example.com', 9);
    const { root } = show([contactView('buyer@example.com', events(f))], { timeZone: 'UTC' });
    expect(get(root, 'next-follow-up')?.getAttribute('data-due')).toBe(due);
    expect(text(get(root, 'next-follow-up'))).toBe(words);
  });

  test('flags: shared open only, awaiting the first open, switch contact', () => {
    const f = eventFactory('a@buyer.com', 10);
    const shared = f.sent(NOW - 10 * DAY, ['a@buyer.com', 'b@buyer.com']);
    const views = [
      contactView('a@buyer.com', [shared, f.open(NOW - 9 * DAY, shared)]),
      contactView('new@buyer.com', [f.sent(NOW - DAY, ['new@buyer.com'])]),
      contactView('gone@buyer.com', [f.sent(NOW - 200 * DAY, ['gone@buyer.com'])]),
    ];
    const { root } = show(views);
    const flags = (email: string) => [...card(root, email).querySelectorAll('[data-testid="flag"]')].map((flag) => flag.getAttribute('data-flag'));
    expect(flags('a@buyer.com')).toEqual(['shared-open-only']);
    expect(text(get(card(root, 'a@buyer.com'), 'flag'))).toMatch(/^Someone on this message opened the only opens came from mails with several recipients/);
    expect(flags('new@buyer.com')).toEqual(['awaiting-first-open']);
    expect(flags('gone@buyer.com')).toEqual(['switch-contact']);
    expect(get(card(root, 'gone@buyer.com'), 'template')?.getAttribute('data-template')).toBe('inactive.another-contact');
  });
});

test('a card folds to its summary and opens again', async () => {
  const { root } = show();
  const reader = card(root, READER);
  const toggle = button(reader, 'card-toggle');
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(toggle.getAttribute('aria-label')).toBe('Hide the details of Anna Müller');
  await click(toggle);
  expect(reader.getAttribute('data-open')).toBe('false');
  for (const id of ['template', 'log-sample', 'timeline', 'note-input']) expect(get(reader, id), id).toBeNull();
  for (const id of ['state-badge', 'state-since', 'why', 'next-follow-up', 'best-hour']) expect(get(reader, id), id).not.toBeNull();
  expect(get(card(root, LATER), 'template')).not.toBeNull();
  await click(toggle);
  expect(get(reader, 'template')).not.toBeNull();
});

describe('the evidence timeline', () => {
  test('newest first, six at a time, every hit with its verdict', async () => {
    const { root } = show();
    const reader = card(root, READER);
    const items = () => [...reader.querySelectorAll('[data-testid="timeline-item"]')];
    expect(items()).toHaveLength(6);
    expect(text(button(reader, 'timeline-toggle'))).toBe('Show all 12');
    await click(get(reader, 'timeline-toggle'));
    expect(items().map((item) => [item.getAttribute('data-type'), item.getAttribute('data-verdict'), text(item)])).toEqual([
      ['open', 'bot', '8 Mar, 16:00 Image of “Samples for your team” loaded ignored: mail security scanner'],
      ['sent', null, '7 Mar, 15:00 Sent “Samples for your team” to 2 recipients'],
      ['open', 'human', '5 Mar, 16:50 Opened “Lead times before the holidays” via Gmail image proxy'],
      ['open', 'human', '4 Mar, 17:05 Opened “Lead times before the holidays” in a mail app or browser Germany · 10:05 Berlin time'],
      ['open', 'self-view', '3 Mar, 16:00 Image of “Lead times before the holidays” loaded ignored: your own view'],
      ['sent', null, '3 Mar, 15:00 Sent “Lead times before the holidays”'],
      ['open', 'human', '21 Feb, 16:40 Opened “Our 2026 catalogue” in a mail app or browser Germany · 09:40 Berlin time'],
      ['open', 'apple-prefetch', '20 Feb, 15:02 Image of “Our 2026 catalogue” loaded ignored: Apple Mail prefetch'],
      ['sent', null, '20 Feb, 15:00 Sent “Our 2026 catalogue”'],
      ['open', 'human', '11 Feb, 16:15 Opened “LED panel lights for Müller Handel” in a mail app or browser Germany · 09:15 Berlin time'],
      [
        'open',
        'too-soon',
        '10 Feb, 15:00 Image of “LED panel lights for Müller Handel” loaded ignored: within 30 s of sending (your mail app or a delivery scan)',
      ],
      ['sent', null, '10 Feb, 15:00 Sent “LED panel lights for Müller Handel”'],
    ]);
    expect(reader.querySelectorAll('.tw-tl-muted')).toHaveLength(4);
    expect(text(button(reader, 'timeline-toggle'))).toBe('Show fewer');
  });

  test('replies, intents, notes and orders', () => {
    const { root } = show();
    const later = [...card(root, LATER).querySelectorAll('[data-testid="timeline-item"]')].map((item) => text(item));
    expect(later).toEqual([
      '28 Feb, 18:00 Note Buys in autumn for the Christmas season.',
      '28 Feb, 18:00 Intent set: Will buy later',
      '28 Feb, 17:00 Replied',
      '15 Feb, 17:00 Sent “Quotation for LED panel lights”',
    ]);
    const customer = [...card(root, CUSTOMER).querySelectorAll('[data-testid="timeline-item"]')].map((item) => item.getAttribute('data-type'));
    expect(customer).toEqual(['order', 'reply', 'open', 'sent']);
  });

  test.each([
    [{ kind: 'bot', reason: 'gmail-prefetch' }, 'ignored: Gmail prefetch'],
    [{ kind: 'apple-prefetch', reason: 'apple-egress-network' }, 'ignored: Apple Mail prefetch (Apple relay)'],
    [{ kind: 'bot', reason: 'crawler' }, 'ignored: bot or crawler'],
    [{ kind: 'bot', reason: 'head-request' }, 'ignored: link checker'],
    [{ kind: 'bot', reason: 'no-user-agent' }, 'ignored: automated fetch, no browser'],
    [{ kind: 'human', reason: 'outlook-proxy' }, 'via Outlook'],
    [{ kind: 'human', reason: 'yahoo-proxy' }, 'via Yahoo Mail proxy'],
    [{ kind: 'too-soon', reason: 'within-45s-of-send' }, 'ignored: within 45 s of sending (your mail app or a delivery scan)'],
    [{ kind: 'repeat', reason: 'within-dedupe-window' }, 'ignored: repeat of the open just before'],
    [{ kind: 'bot', reason: 'brand-new-scanner' }, 'ignored: brand-new-scanner'],
  ] as const)('%o reads "%s"', (verdict, words) => {
    const f = eventFactory('buyer@example.com', 11);
    const sent = f.sent(NOW - 5 * DAY);
    // Given as the final verdict, the way ContactView.timeline carries it.
    const view: ContactView = { ...contactView('buyer@example.com', [sent]), timeline: [sent, f.open(NOW - 4 * DAY, sent, { verdict })] };
    const { root } = show([view]);
    expect(text(get(root, 'verdict'))).toBe(words);
  });
});

describe('the proposed template', () => {
  test('filled from the profile and the rep’s values; what nothing fills is highlighted, listed and inserted as marked', async () => {
    const { root, on } = show();
    const reader = card(root, READER);
    const template = defaultTemplate('opened-no-reply.industry-knowledge');
    const expected = renderTemplate(template, { ...PLACEHOLDER_VALUES, firstName: 'Anna', lastName: 'Müller', company: 'Müller Handel GmbH' });
    expect(expected.missing).toEqual(['topic']);
    expect(text(get(reader, 'template-preview-subject'))).toBe('[[topic?]] : a short guide for buyers');
    expect(get(reader, 'template-preview-body')?.textContent).toBe(expected.body);
    expect(get(reader, 'template-preview-body')?.textContent).toContain('Dear Anna,');
    const marks = [...reader.querySelectorAll('[data-testid="missing-placeholder"]')];
    expect(marks.map((mark) => [mark.tagName, mark.getAttribute('data-placeholder'), mark.textContent])).toEqual([
      ['MARK', 'topic', '[[topic?]]'],
      ['MARK', 'topic', '[[topic?]]'],
    ]);
    expect(text(get(reader, 'template-missing'))).toBe('Fill in before sending: topic of the guide');
    await click(get(reader, 'insert-template'));
    expect(on.onInsertTemplate).toHaveBeenCalledExactlyOnceWith(READER, { subject: expected.subject, body: expected.body });
  });

  test('per-contact values win over the profile and the shared values; nothing missing, nothing marked', () => {
    const { root } = show(contactViews(), {
      placeholderValuesByContact: { [CUSTOMER]: { firstName: 'Omar', company: 'Sunrise', product: 'LED panels' } },
    });
    const customer = card(root, CUSTOMER);
    expect(text(get(customer, 'template-preview-subject'))).toBe('Thank you for your order, Omar');
    expect(get(customer, 'template-preview-body')?.textContent).toContain('the trust Sunrise has placed in us');
    expect(customer.querySelector('[data-testid="missing-placeholder"]')).toBeNull();
    expect(get(customer, 'template-missing')).toBeNull();
  });
});

describe('one-click actions', () => {
  const inLater = (root: ParentNode) => card(root, LATER);
  test.each<[string, (on: ReturnType<typeof callbacks>) => unknown, string, readonly unknown[]]>([
    ['log-sample', (on) => on.onLogOrder, LATER, [{ kind: 'sample' }]],
    ['intent-interested', (on) => on.onSetIntent, LATER, ['interested']],
    ['intent-no-need', (on) => on.onSetIntent, LATER, ['no-need']],
    ['snooze-7', (on) => on.onSnooze, LATER, [NOW + 7 * DAY]],
    ['snooze-14', (on) => on.onSnooze, LATER, [NOW + 14 * DAY]],
    ['snooze-30', (on) => on.onSnooze, LATER, [NOW + 30 * DAY]],
    ['archive', (on) => on.onArchive, LATER, []],
    ['tier-B', (on) => on.onSetTier, LATER, ['B']],
    ['stars-0', (on) => on.onSetStars, LATER, [0]],
    ['stars-3', (on) => on.onSetStars, LATER, [3]],
  ])('%s', async (id, pick, email, args) => {
    const { root, on } = show();
    await click(get(inLater(root), id));
    expect(pick(on)).toHaveBeenCalledExactlyOnceWith(email, ...args);
  });

  test('unarchive on an archived contact; pressing the current tier clears it', async () => {
    const { root, on } = show();
    await click(get(card(root, ARCHIVED), 'unarchive'));
    expect(on.onUnarchive).toHaveBeenCalledExactlyOnceWith(ARCHIVED);
    await click(get(card(root, CUSTOMER), 'tier-A'));
    expect(on.onSetTier).toHaveBeenCalledExactlyOnceWith(CUSTOMER, null);
  });

  test('snooze until a picked day: the start of that day in the rep’s zone; today or earlier is refused', async () => {
    const { root, on } = show();
    const later = inLater(root);
    expect(get(later, 'snooze-date')?.getAttribute('min')).toBe('2026-03-13');
    await type(get(later, 'snooze-date'), '2026-03-12');
    await click(get(later, 'snooze-submit'));
    expect(text(get(later, 'snooze-error'))).toBe('Pick a day after today.');
    expect(on.onSnooze).not.toHaveBeenCalled();
    await type(get(later, 'snooze-date'), '2026-04-01');
    await click(get(later, 'snooze-submit'));
    expect(on.onSnooze).toHaveBeenCalledExactlyOnceWith(LATER, localToInstant(Date.UTC(2026, 3, 1), REP_TIME_ZONE));
    expect(get(later, 'snooze-error')).toBeNull();
  });

  test('tags: add with the button or a comma (trimmed, no duplicates), remove with ×', async () => {
    const { root, on } = show();
    const later = inLater(root);
    await type(get(later, 'tag-input'), '  trade show 2026 ');
    await click(get(later, 'tag-add'));
    expect(on.onSetTags).toHaveBeenLastCalledWith(LATER, ['Spain', 'retail chain', 'trade show 2026']);
    expect((get(later, 'tag-input') as HTMLInputElement).value).toBe('');
    await type(get(later, 'tag-input'), 'SPAIN');
    await click(get(later, 'tag-add'));
    expect(on.onSetTags).toHaveBeenCalledOnce();
    await type(get(later, 'tag-input'), 'VIP');
    await act(async () => {
      get(later, 'tag-input')!.dispatchEvent(new KeyboardEvent('keydown', { key: ',', bubbles: true }));
      await settle();
    });
    expect((get(later, 'tag-input') as HTMLInputElement).value).toBe('');
    expect(on.onSetTags).toHaveBeenLastCalledWith(LATER, ['Spain', 'retail chain', 'VIP']);
    await type(get(later, 'tag-input'), 'x'.repeat(41));
    await click(get(later, 'tag-add'));
    expect(text(get(later, 'tag-error'))).toBe('A tag has at most 40 characters.');
    await click(later.querySelector('[data-tag="Spain"] [data-testid="tag-remove"]'));
    expect(on.onSetTags).toHaveBeenLastCalledWith(LATER, ['retail chain']);
    expect(on.onSetTags).toHaveBeenCalledTimes(3);
  });

  test('a note is saved trimmed and the field cleared; an empty one cannot be saved', async () => {
    const { root, on } = show();
    const later = inLater(root);
    expect(button(later, 'note-submit').disabled).toBe(true);
    await type(get(later, 'note-input'), '  Wants 40HQ prices in September.  ');
    await click(get(later, 'note-submit'));
    expect(on.onAddNote).toHaveBeenCalledExactlyOnceWith(LATER, 'Wants 40HQ prices in September.');
    expect((get(later, 'note-input') as HTMLTextAreaElement).value).toBe('');
  });

  test('while a callback runs its button is busy and the card waits; a rejection is shown and the rep can retry', async () => {
    const call = deferred();
    const { root, on } = show();
    on.onLogOrder.mockReturnValueOnce(call.promise);
    const later = inLater(root);
    await click(get(later, 'log-sample'));
    expect(button(later, 'log-sample').getAttribute('aria-busy')).toBe('true');
    expect(text(get(later, 'log-sample'))).toBe('Saving…');
    expect(button(later, 'archive').disabled).toBe(true);
    // Other cards are not held up.
    expect(button(card(root, READER), 'archive').disabled).toBe(false);
    await act(async () => call.reject(new Error('the background did not answer "record-events"')));
    expect(button(later, 'log-sample').getAttribute('aria-busy')).toBe('false');
    expect(button(later, 'archive').disabled).toBe(false);
    expect(text(get(later, 'action-error'))).toBe('Could not save: the background did not answer "record-events"');
    await click(get(later, 'log-sample'));
    expect(on.onLogOrder).toHaveBeenCalledTimes(2);
    expect(get(later, 'action-error')).toBeNull();
  });

  test('a failed insert is shown under the template', async () => {
    const { root, on } = show();
    on.onInsertTemplate.mockRejectedValueOnce(new Error('no reply box'));
    const reader = card(root, READER);
    await click(get(reader, 'insert-template'));
    await act(async () => {});
    expect(get(reader, 'action-error')?.closest('[data-testid="template"]')).not.toBeNull();
    expect(text(get(reader, 'action-error'))).toBe('Could not insert the mail: no reply box');
  });
});

describe('the order form', () => {
  test.each<[string, string, string | null, object | null]>([
    ['', 'USD', null, { kind: 'order' }],
    ['12500', 'USD', null, { kind: 'order', amount: 12500, currency: 'USD' }],
    ['12,500.50', 'eur', null, { kind: 'order', amount: 12500.5, currency: 'EUR' }],
    ['1 250,5', 'EUR', null, { kind: 'order', amount: 1250.5, currency: 'EUR' }],
    ['0', 'USD', 'The amount must be more than 0.', null],
    ['-3', 'USD', 'The amount must be more than 0.', null],
    ['twelve', 'USD', 'Enter the amount as a number, such as 12500 or 12500.50.', null],
    ['1e3', 'USD', 'Enter the amount as a number, such as 12500 or 12500.50.', null],
    ['5000000000000', 'USD', 'That amount is too large.', null],
    ['500', 'US', 'The currency is a three-letter code, such as USD or EUR.', null],
    ['500', '', 'The currency is a three-letter code, such as USD or EUR.', null],
    ['500', '$$$', 'The currency is a three-letter code, such as USD or EUR.', null],
  ])('amount "%s", currency "%s"', async (amount, currency, error, order) => {
    const { root, on } = show();
    const later = card(root, LATER);
    await click(get(later, 'log-order'));
    expect((get(later, 'order-currency') as HTMLInputElement).value).toBe('USD');
    await type(get(later, 'order-amount'), amount);
    await type(get(later, 'order-currency'), currency);
    await click(get(later, 'order-submit'));
    if (error === null) {
      expect(on.onLogOrder).toHaveBeenCalledExactlyOnceWith(LATER, order);
      expect(get(later, 'order-form')).toBeNull();
    } else {
      expect(on.onLogOrder).not.toHaveBeenCalled();
      expect(text(get(later, 'order-error'))).toBe(error);
      expect(get(later, 'order-form')).not.toBeNull();
    }
  });

  test('the currency starts at the contact’s last one, else the rep’s default', async () => {
    const { root } = show(contactViews(), { defaultCurrency: 'CNY' });
    await click(get(card(root, CUSTOMER), 'log-order'));
    expect((get(card(root, CUSTOMER), 'order-currency') as HTMLInputElement).value).toBe('USD');
    await click(get(card(root, LATER), 'log-order'));
    expect((get(card(root, LATER), 'order-currency') as HTMLInputElement).value).toBe('CNY');
  });

  test('cancel closes the form without a call', async () => {
    const { root, on } = show();
    const later = card(root, LATER);
    await click(get(later, 'log-order'));
    expect(get(later, 'log-order')?.getAttribute('aria-expanded')).toBe('true');
    await click(get(later, 'order-cancel'));
    expect(get(later, 'order-form')).toBeNull();
    expect(on.onLogOrder).not.toHaveBeenCalled();
  });
});
