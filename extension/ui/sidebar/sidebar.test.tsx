import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DAY } from '../../../shared/day.ts';
import { eventFactory } from '../../../shared/event-fixtures.ts';
import { popupText } from '../../i18n/popup.ts';
import { sidebarText } from '../../i18n/sidebar.ts';
import { dailyListView, FIXTURE_WORDS as LIST_WORDS, NOW as LIST_NOW } from '../daily-list-fixture.ts';
import { Sidebar, type SidebarProps } from './sidebar.tsx';
import { contactView, contactViews, FIXTURE_WORDS, LATER, NOW, PLACEHOLDER_VALUES, READER, REP_TIME_ZONE } from './sidebar-fixture.ts';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

function show(extra: Partial<SidebarProps> = {}) {
  const on = {
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
  };
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  const node: ComponentChild = (
    <Sidebar
      language="en"
      now={NOW}
      timeZone={REP_TIME_ZONE}
      contacts={contactViews()}
      placeholderValues={PLACEHOLDER_VALUES}
      collapsed={false}
      {...on}
      {...extra}
    />
  );
  render(node, root);
  return { root, on };
}

function text(element: Node | null | undefined): string {
  if (!element) return '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
const get = (scope: ParentNode, id: string) => scope.querySelector(`[data-testid="${id}"]`);

describe('the sidebar', () => {
  test('header with the mark, the number of correspondents and a collapse toggle', async () => {
    const { root, on } = show();
    const sidebar = get(root, 'sidebar');
    expect(sidebar?.getAttribute('data-collapsed')).toBe('false');
    expect(root.querySelector('aside')?.getAttribute('aria-label')).toBe('Tidewise follow-up sidebar');
    expect(text(root.querySelector('.tw-sb-brand'))).toBe('Tidewise');
    expect(text(get(root, 'sidebar-count'))).toBe('4 correspondents');
    const toggle = get(root, 'sidebar-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Hide the Tidewise sidebar');
    await act(() => toggle.click());
    expect(on.onToggleCollapsed).toHaveBeenCalledOnce();
  });

  test('collapsed: only a slim tab with the number of correspondents, marked when one is due', async () => {
    const f = eventFactory('late@buyer.com', 20);
    const due = contactView('late@buyer.com', [f.sent(NOW - 40 * DAY)]);
    const { root, on } = show({ collapsed: true, contacts: [...contactViews(), due] });
    expect(get(root, 'sidebar')?.getAttribute('data-collapsed')).toBe('true');
    expect(root.querySelector('[data-testid="contact-card"]')).toBeNull();
    const tab = get(root, 'sidebar-toggle') as HTMLButtonElement;
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(tab.getAttribute('aria-label')).toBe('Show the Tidewise sidebar: 5 correspondents in this conversation');
    expect(text(get(tab, 'sidebar-count'))).toBe('5');
    expect(tab.classList.contains('tw-sb-tab-due')).toBe(true);
    await act(() => tab.click());
    expect(on.onToggleCollapsed).toHaveBeenCalledOnce();
  });

  test('collapsed with no thread open: the tab counts the follow-ups due', () => {
    const { root } = show({ collapsed: true, contacts: null, dailyList: { view: dailyListView() } });
    const tab = get(root, 'sidebar-toggle');
    expect(get(tab!, 'sidebar-count')?.getAttribute('data-kind')).toBe('due');
    expect(text(get(tab!, 'sidebar-count'))).toBe('5');
    expect(tab?.getAttribute('aria-label')).toBe('Show the Tidewise sidebar: 5 follow-ups due');
    expect(tab?.classList.contains('tw-sb-tab-due')).toBe(false);
  });

  test.each<[string, SidebarProps['notice'], string, string]>([
    [
      'the webmail changed',
      { kind: 'host-changed', provider: 'gmail', missing: ['thread view', 'reply button'] },
      'host-changed',
      'Tidewise is off on this page: Gmail changed (missing: thread view, reply button). Your data is safe; an update of Tidewise will fix this.',
    ],
    ['the contacts could not load', { kind: 'load-failed', message: 'bad request' }, 'load-failed', 'Could not load these contacts: bad request'],
    ['a caller’s own words', 'Tracking is off for this message.', 'text', 'Tracking is off for this message.'],
  ])('a notice: %s', (_name, notice, kind, words) => {
    const { root } = show({ notice });
    const line = get(root, 'sidebar-notice');
    expect(line?.getAttribute('data-kind')).toBe(kind);
    expect(line?.getAttribute('role')).toBe('alert');
    expect(text(line)).toBe(words);
  });

  test('no notice, no notice line; busy says it is updating and keeps the cards', () => {
    expect(get(show().root, 'sidebar-notice')).toBeNull();
    const { root } = show({ busy: true });
    expect(text(get(root, 'sidebar-busy'))).toBe('Updating…');
    expect(root.querySelectorAll('[data-testid="contact-card"]')).toHaveLength(4);
  });

  test('an unknown time zone falls back to the browser’s instead of breaking the page', () => {
    const { root } = show({ timeZone: 'Mars/Olympus_Mons' });
    expect(root.querySelectorAll('[data-testid="contact-card"]')).toHaveLength(4);
  });

  test('a conversation with only the rep in it says so', () => {
    const { root } = show({ contacts: [] });
    expect(get(root, 'sidebar-empty')?.getAttribute('data-reason')).toBe('no-correspondents');
    expect(text(get(root, 'sidebar-empty'))).toBe('Only you are in this conversation: nobody to follow up here.');
    expect(get(root, 'sidebar-count')).toBeNull();
  });

  test('no thread open: the daily list, with its callbacks passed through', async () => {
    const onOpenSettings = vi.fn();
    const { root, on } = show({ contacts: null, now: LIST_NOW, dailyList: { view: dailyListView(), syncing: true, onOpenSettings } });
    expect(root.querySelector('[data-testid="contact-card"]')).toBeNull();
    const list = get(root, 'daily-list');
    expect(list?.getAttribute('data-due')).toBe('5');
    expect(get(root, 'sync-now')?.getAttribute('aria-busy')).toBe('true');
    await act(() => (list?.querySelector('[data-contact="faded@example.com"] [data-testid="open-thread"]') as HTMLButtonElement).click());
    expect(on.onOpenThread).toHaveBeenCalledExactlyOnceWith('faded@example.com');
  });

  test('no thread open and no list given: a hint to open a conversation', () => {
    const { root } = show({ contacts: null });
    expect(get(root, 'sidebar-empty')?.getAttribute('data-reason')).toBe('no-thread');
    expect(get(root, 'daily-list')).toBeNull();
  });
});

describe('keys stay inside the sidebar', () => {
  test.each(['keydown', 'keyup', 'keypress'])('%s in our fields never reaches the page, but the fields still get it', async (type) => {
    const { root, on } = show();
    const onPage = vi.fn();
    document.addEventListener(type, onPage);
    window.addEventListener(type, onPage);
    try {
      const later = root.querySelector(`[data-contact="${LATER}"]`)!;
      const input = get(later, 'tag-input') as HTMLInputElement;
      const inField = vi.fn();
      input.addEventListener(type, inField);
      // Gmail's shortcuts: "c" composes, "e" archives, "#" deletes.
      for (const key of ['c', 'e', '#', 'Enter']) input.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true }));
      (get(later, 'archive') as HTMLElement).dispatchEvent(new KeyboardEvent(type, { key: 'j', bubbles: true, composed: true }));
      expect(inField).toHaveBeenCalledTimes(4);
      expect(onPage).not.toHaveBeenCalled();
      if (type === 'keydown') {
        // Our own key handling still works: a comma adds the tag.
        await act(async () => {
          input.value = 'VIP';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await act(async () => {
          input.dispatchEvent(new KeyboardEvent('keydown', { key: ',', bubbles: true }));
          await new Promise((resolve) => setTimeout(resolve, 0));
        });
        expect(on.onSetTags).toHaveBeenCalledExactlyOnceWith(LATER, ['Spain', 'retail chain', 'VIP']);
      }
    } finally {
      document.removeEventListener(type, onPage);
      window.removeEventListener(type, onPage);
    }
  });

  test('also from the collapsed tab', () => {
    const { root } = show({ collapsed: true });
    const onPage = vi.fn();
    document.addEventListener('keydown', onPage);
    get(root, 'sidebar-toggle')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
    document.removeEventListener('keydown', onPage);
    expect(onPage).not.toHaveBeenCalled();
  });
});

describe('in Simplified Chinese', () => {
  // The preview is the mail itself, written for a foreign buyer: it stays English on any screen.
  function visibleUi(root: HTMLElement): string {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const preview of copy.querySelectorAll('.tw-preview')) preview.remove();
    return text(copy);
  }

  test('every card reads in Chinese', () => {
    const { root } = show({ language: 'zh' });
    expect(get(root, 'sidebar')?.getAttribute('lang')).toBe('zh-CN');
    const reader = root.querySelector(`[data-contact="${READER}"]`)!;
    expect(text(get(reader, 'state-badge'))).toBe('已读未回');
    expect(text(get(reader, 'state-since'))).toBe('已 29 天,自2026年2月11日起');
    expect(text(get(reader, 'why'))).toBe('原因: 2026年2月11日打开了跟踪邮件;2026年3月5日打开了跟踪邮件');
    expect(text(get(reader, 'next-follow-up'))).toBe('3月21日周六,9 天后');
    expect(text(get(reader, 'best-hour'))).toBe('通常在中欧时间 9–11 点读邮件 (3 次打开中有 3 次在此时段) 下次建议发送:周五 15:30(你的当地时间)');
    expect(text(get(reader, 'template-label'))).toBe('行业知识分享');
    expect(text(get(reader, 'template-missing'))).toBe('发送前请补充:知识分享的主题');
    const verdicts = [...reader.querySelectorAll('[data-testid="verdict"]')].map((line) => text(line));
    expect(verdicts.slice(0, 3)).toEqual(['已忽略:邮件安全扫描', '经 Gmail 图片代理', '在邮件客户端或浏览器中打开']);
    const later = root.querySelector(`[data-contact="${LATER}"]`)!;
    expect(text(get(later, 'intent-later'))).toBe('以后有需要再联系');
    expect(text(get(later, 'flag'))).toMatch(/^无法追踪这个联系人的打开 有回复,但跟踪邮件从未记录到打开/);
  });

  test('Chinese place names and money', async () => {
    const { root } = show({ language: 'zh' });
    const reader = root.querySelector(`[data-contact="${READER}"]`)!;
    await act(() => (get(reader, 'timeline-toggle') as HTMLButtonElement).click());
    expect(text(reader.querySelector('[data-type="open"][data-verdict="apple-prefetch"]'))).toBe(
      '2月20日 15:02 “Our 2026 catalogue”的图片被加载 已忽略:苹果邮件预加载',
    );
    expect(text(reader.querySelectorAll('[data-type="open"][data-verdict="human"]')[1])).toContain('德国 · 中欧时间 10:05');
    expect(text(root.querySelector('[data-type="order"]'))).toBe('3月9日 17:00 登记了订单 12,000.00美元');
  });

  test.each<[string, Partial<SidebarProps>]>([
    ['every card, timelines open, order form open', {}],
    ['notices and the busy line', { notice: { kind: 'host-changed', provider: 'outlook', missing: ['阅读窗格'] }, busy: true }],
    ['the collapsed tab', { collapsed: true }],
    ['no thread open', { contacts: null, dailyList: { view: dailyListView() }, now: LIST_NOW }],
    ['an empty conversation', { contacts: [] }],
  ])('no English UI words are left: %s', async (_name, extra) => {
    const { root } = show({ language: 'zh', ...extra });
    await act(async () => {
      for (const toggle of root.querySelectorAll<HTMLButtonElement>('[data-testid="timeline-toggle"], [data-testid="log-order"]')) toggle.click();
    });
    const visible = visibleUi(root);
    for (const english of [...Object.values(sidebarText.en), ...Object.values(popupText.en)]) {
      if (english.length > 3 && !english.startsWith('{')) expect(visible).not.toContain(english);
    }
    let rest = visible;
    for (const words of [...FIXTURE_WORDS, ...LIST_WORDS]) rest = rest.replace(words, '');
    // Product names and codes keep their Latin letters in Chinese too: the tiers, a currency code.
    rest = rest.replace(/Tidewise|Gmail|Outlook|CSV|\bUSD\b|(?<![A-Za-z])[ABC](?![A-Za-z])/g, '');
    expect(rest).not.toMatch(/[A-Za-z]/);
    // Labels a screen reader hears are Chinese too.
    for (const element of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        let value = element.getAttribute(attribute) ?? '';
        for (const words of [...FIXTURE_WORDS, ...LIST_WORDS]) value = value.replace(words, '');
        expect(value.replace(/Tidewise|Gmail|Outlook|(?<![A-Za-z])[ABC](?![A-Za-z])/g, '')).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  test('and no Chinese on the English screen', () => {
    const { root } = show({ notice: { kind: 'load-failed', message: 'x' } });
    expect(visibleUi(root)).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  });
});

test('every verdict reason open-verdict.ts gives has both languages', () => {
  for (const reason of [
    'gmail-proxy',
    'outlook-proxy',
    'direct-load',
    'yahoo-proxy',
    'gmail-prefetch',
    'apple-mpp-user-agent',
    'apple-egress-network',
    'security-scanner',
    'crawler',
    'head-request',
    'no-user-agent',
    'near-sender-view',
    'within-dedupe-window',
  ]) {
    const key = `verdict.${reason}` as keyof typeof sidebarText.en;
    expect(sidebarText.en[key], reason).toBeTruthy();
    expect(sidebarText.zh[key], reason).toMatch(/[\u4e00-\u9fff]/);
  }
});
