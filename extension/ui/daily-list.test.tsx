import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DAY } from '../../shared/day.ts';
import { eventFactory } from '../../shared/event-fixtures.ts';
import { DEFAULT_POLICY } from '../../shared/policy.ts';
import type { EmailTemplate } from '../../shared/schema.ts';
import { defaultTemplate } from '../../shared/templates.ts';
import { popupText } from '../i18n/popup.ts';
import type { Language } from '../settings.ts';
import { DailyList, type DailyListData } from './daily-list.tsx';
import { accountEvents, dailyListView, FIXTURE_WORDS, NOW } from './daily-list-fixture.ts';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  render(node, root);
  return root;
}

function show(view: DailyListData = dailyListView(), language: Language = 'en', extra: Partial<Parameters<typeof DailyList>[0]> = {}) {
  const onOpenThread = vi.fn();
  const onSyncNow = vi.fn();
  const root = mount(<DailyList view={view} language={language} now={NOW} onOpenThread={onOpenThread} onSyncNow={onSyncNow} {...extra} />);
  return { root, onOpenThread, onSyncNow };
}

// Text nodes joined by spaces, as a reader sees separate elements (textContent runs them together).
function text(element: Node | null | undefined): string {
  if (!element) return '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
const byTestId = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`);
const row = (root: ParentNode, contact: string) => root.querySelector(`[data-testid="due-contact"][data-contact="${contact}"]`);

describe('the daily list', () => {
  test('groups in state order, most overdue first inside a group, empty states left out', () => {
    const { root } = show();
    const groups = [...root.querySelectorAll('[data-testid^="due-group-"]')].map((group) => [
      group.getAttribute('data-state'),
      [...group.querySelectorAll('[data-testid="due-contact"]')].map((r) => r.getAttribute('data-contact')),
    ]);
    expect(groups).toEqual([
      ['ordered', ['customer@example.com']],
      ['replied', ['early@example.com']],
      ['opened-no-reply', ['reader@example.com']],
      ['inactive', ['faded@example.com', 'silent@example.com']],
    ]);
    expect(text(byTestId(root, 'due-count'))).toBe('5');
    expect(text(byTestId(root, 'due-group-inactive')?.querySelector('[data-testid="state-badge"]'))).toBe('Inactive');
    expect(byTestId(root, 'due-group-inactive')?.getAttribute('aria-label')).toBe('Inactive: 2 due');
  });

  test.each<[string, string, string, string]>([
    ['customer@example.com', 'Due today', 'sample order logged 5 Mar 2026', 'ordered.sample-feedback'],
    ['early@example.com', '3 days overdue', 'replied 6 Mar 2026', 'replied.interested.quotation'],
    ['reader@example.com', '2 days overdue', 'opened a tracked mail 24 Feb 2026', 'opened-no-reply.industry-knowledge'],
    [
      'faded@example.com',
      '40 days overdue',
      'replied 3 Sep 2025; no reply for 60 days: downgraded to opened-no-reply on 2 Nov 2025; no human open for 60 days: downgraded to inactive on 1 Jan 2026',
      'inactive.another-contact',
    ],
    ['silent@example.com', '10 days overdue', 'first tracked mail sent 31 Jan 2026', 'inactive.fresh-subject'],
  ])('%s: %s, why and template', (contact, overdue, why, templateKey) => {
    const { root } = show();
    const entry = row(root, contact);
    expect(text(entry?.querySelector('[data-testid="overdue"]'))).toBe(overdue);
    expect(text(entry?.querySelector('[data-testid="why"]'))).toBe(why);
    const template = entry?.querySelector('[data-testid="template"]');
    expect(template?.getAttribute('data-template')).toBe(templateKey);
    expect(text(template)).toBe(defaultTemplate(templateKey as Parameters<typeof defaultTemplate>[0]).label.en);
  });

  test('the name from the profile when known, with the address and company; else the address', () => {
    const { root } = show();
    expect(text(row(root, 'customer@example.com')?.querySelector('.tw-contact'))).toBe(
      'Anna Schmidt customer@example.com Schmidt Haushaltswaren GmbH',
    );
    expect(text(row(root, 'reader@example.com')?.querySelector('[data-testid="contact-name"]'))).toBe('reader@example.com');
    expect(row(root, 'customer@example.com')?.querySelector('button')?.getAttribute('aria-label')).toBe('Open thread with Anna Schmidt');
  });

  test('flags and the intent of a replied contact are shown beside the why', () => {
    const { root } = show();
    const early = row(root, 'early@example.com');
    expect(early?.querySelector('[data-testid="flag"]')?.getAttribute('data-flag')).toBe('untrackable');
    expect(text(early?.querySelector('[data-testid="intent"]'))).toBe('Interested');
    expect(row(root, 'faded@example.com')?.querySelector('[data-testid="flag"]')?.getAttribute('data-flag')).toBe('switch-contact');
    expect(row(root, 'silent@example.com')?.querySelector('[data-testid="flag"]')).toBeNull();
  });

  test('an edited template shows the rep\u2019s label', () => {
    const edited: EmailTemplate = { ...defaultTemplate('inactive.fresh-subject'), label: { en: 'Short question', zh: '简短提问' } };
    const { root } = show(dailyListView(), 'zh', { templates: [edited] });
    expect(text(row(root, 'silent@example.com')?.querySelector('[data-testid="template"]'))).toBe('简短提问');
    expect(text(row(root, 'faded@example.com')?.querySelector('[data-testid="template"]'))).toBe(
      defaultTemplate('inactive.another-contact').label.zh,
    );
  });

  test('callbacks: open thread with the address, sync now', () => {
    const { root, onOpenThread, onSyncNow } = show();
    (row(root, 'faded@example.com')?.querySelector('[data-testid="open-thread"]') as HTMLButtonElement).click();
    expect(onOpenThread).toHaveBeenCalledExactlyOnceWith('faded@example.com');
    (byTestId(root, 'sync-now') as HTMLButtonElement).click();
    expect(onSyncNow).toHaveBeenCalledOnce();
  });
});

describe('in Simplified Chinese', () => {
  test.each<[string, string, string]>([
    ['customer@example.com', '今天到期', '2026年3月5日登记了样品单'],
    ['early@example.com', '逾期 3 天', '2026年3月6日回复了邮件'],
    [
      'faded@example.com',
      '逾期 40 天',
      '2025年9月3日回复了邮件;连续 60 天没有回复:2025年11月2日降为“已读未回”;连续 60 天没有真人打开:2026年1月1日降为“不活跃”',
    ],
  ])('%s: %s', (contact, overdue, why) => {
    const { root } = show(dailyListView(), 'zh');
    expect(text(row(root, contact)?.querySelector('[data-testid="overdue"]'))).toBe(overdue);
    expect(text(row(root, contact)?.querySelector('[data-testid="why"]'))).toBe(why);
  });

  test.each([
    ['a full list', dailyListView(accountEvents(), { unsynced: 3, conflicts: 1, lastError: 'fetch failed', lastErrorKind: 'unreachable' })],
    ['a new install', dailyListView([])],
    ['nothing due', dailyListView([eventFactory('fresh@example.com').sent(NOW - DAY)])],
  ])('no English is left on %s', (_name, view) => {
    const { root } = show(view, 'zh', { onOpenSettings: () => {} });
    const visible = text(root);
    for (const english of Object.values(popupText.en)) expect(visible).not.toContain(english);
    let rest = visible;
    for (const words of FIXTURE_WORDS) rest = rest.replace(words, '');
    // Product names stay in Latin letters in Chinese too.
    rest = rest.replace(/Gmail|Outlook|CSV/g, '');
    expect(rest).not.toMatch(/[A-Za-z]/);
    expect(root.querySelector('.tw-root')?.getAttribute('lang')).toBe('zh-CN');
  });

  test('and no Chinese on the English screen', () => {
    const { root } = show(dailyListView(accountEvents(), { unsynced: 1, lastError: 'x', lastErrorKind: 'server' }), 'en');
    expect(text(root)).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  });
});

describe('the funnel', () => {
  test('every state with its count, archived apart', () => {
    const { root } = show();
    const counts = Object.fromEntries(
      ['ordered', 'replied', 'opened-no-reply', 'inactive', 'archived'].map((state) => [state, text(byTestId(root, `funnel-count-${state}`))]),
    );
    expect(counts).toEqual({ ordered: '1', replied: '2', 'opened-no-reply': '1', inactive: '3', archived: '1' });
    expect(byTestId(root, 'funnel-archived')?.closest('ul')).toBeNull();
    expect(text(byTestId(root, 'funnel-total'))).toBe('8 contacts in all');
    expect(text(byTestId(root, 'funnel-opened-no-reply'))).toBe('Opened, no reply 1');
  });

  test('bars are scaled to the largest live state', () => {
    const { root } = show();
    const width = (state: string) => (byTestId(root, `funnel-${state}`)?.querySelector('.tw-funnel-bar') as HTMLElement).style.width;
    expect([width('inactive'), width('replied'), width('ordered')]).toEqual(['100%', '67%', '33%']);
  });

  test('counts every contact, not only the due ones', () => {
    const list = dailyListView().list;
    const { root } = show();
    expect(Number(text(byTestId(root, 'funnel-count-replied')))).toBe(list.counts.replied);
    expect(list.groups.find((group) => group.state === 'replied')?.contacts).toHaveLength(1);
  });
});

describe('the empty list', () => {
  test('a new install: no contacts yet, with the way to the settings', () => {
    const onOpenSettings = vi.fn();
    const { root } = show(dailyListView([]), 'en', { onOpenSettings });
    const empty = byTestId(root, 'daily-list-empty');
    expect(empty?.getAttribute('data-reason')).toBe('no-contacts');
    expect(text(empty)).toContain('No contacts yet');
    expect(root.querySelector('[data-testid^="due-group-"]')).toBeNull();
    (byTestId(root, 'open-settings') as HTMLButtonElement).click();
    expect(onOpenSettings).toHaveBeenCalledOnce();
  });

  test('contacts, but none due today', () => {
    const f = eventFactory('fresh@example.com');
    const { root } = show(dailyListView([f.sent(NOW - DAY)]), 'en', { onOpenSettings: () => {} });
    const empty = byTestId(root, 'daily-list-empty');
    expect(empty?.getAttribute('data-reason')).toBe('nothing-due');
    expect(text(empty)).toContain('Nothing is due today');
    expect(byTestId(root, 'open-settings')).toBeNull();
    expect(text(byTestId(root, 'funnel-count-inactive'))).toBe('1');
  });
});

test('the fixture is what shared builds, not a hand-written list', () => {
  expect(DEFAULT_POLICY.cadenceDays['opened-no-reply']).toBe(14);
  expect(dailyListView().list.groups.map((group) => group.state)).toEqual(['ordered', 'replied', 'opened-no-reply', 'inactive']);
});
