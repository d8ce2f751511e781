import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '../../messaging.ts';
import type { DailyListData } from '../../ui/daily-list.tsx';
import { dailyListView, NOW } from '../../ui/daily-list-fixture.ts';
import type { Request } from '../../requests.ts';
import { browserLanguage, Popup } from './popup.tsx';

vi.mock('../../messaging.ts', () => ({ ask: vi.fn() }));

// A background that answers from these values; `calls` records what the popup asked, in order.
let language: 'en' | 'zh';
let list: DailyListData;
let failDailyList: string | null;
let failSync: string | null;
let calls: string[];

beforeEach(() => {
  fakeBrowser.reset();
  language = 'en';
  list = dailyListView();
  failDailyList = null;
  failSync = null;
  calls = [];
  vi.mocked(ask).mockImplementation((async (message: Request) => {
    calls.push(message.type);
    switch (message.type) {
      case 'settings-get':
        return { language };
      case 'templates-list':
        return { templates: [], customKeys: [] };
      case 'daily-list':
        if (failDailyList !== null) throw new Error(failDailyList);
        return list;
      case 'sync-now':
        if (failSync !== null) throw new Error(failSync);
        list = dailyListView(undefined, { unsynced: 0, lastSyncAt: NOW });
        return { ...list, pulled: 3, pushed: 2 };
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  }) as typeof ask);
});

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

async function open() {
  await act(() => render(<Popup fallbackLanguage="en" clock={() => NOW} />, root));
  await vi.waitFor(() => expect(root.querySelector('[data-testid="daily-list"]')).not.toBeNull());
}
const get = (id: string) => root.querySelector(`[data-testid="${id}"]`);

describe('the popup', () => {
  test('shows the daily list, the funnel and the outbox count from the background', async () => {
    list = dailyListView(undefined, { unsynced: 4 });
    await open();
    expect(root.querySelectorAll('[data-testid="due-contact"]')).toHaveLength(5);
    expect(get('funnel-count-inactive')?.textContent).toBe('3');
    expect(get('unsynced')?.textContent).toBe('4 changes not synced yet');
    expect(get('last-sync')?.textContent).toBe('Synced 5 min ago');
  });

  test('speaks the rep\u2019s language from the settings', async () => {
    language = 'zh';
    await open();
    await vi.waitFor(() => expect(get('due-group-ordered')?.querySelector('[data-testid="state-badge"]')?.textContent).toBe('已下单'));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(get('popup-settings')?.textContent).toBe('设置');
  });

  test('sync now syncs, then reloads the list', async () => {
    list = dailyListView(undefined, { unsynced: 2 });
    await open();
    calls = [];
    await act(() => (get('sync-now') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(get('unsynced')?.textContent).toBe('Everything is synced'));
    expect(calls).toEqual(['sync-now', 'daily-list']);
    expect((get('sync-now') as HTMLButtonElement).disabled).toBe(false);
  });

  test('open thread searches Gmail for the address in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await open();
    const button = root.querySelector('[data-contact="faded@example.com"] [data-testid="open-thread"]') as HTMLButtonElement;
    await act(() => button.click());
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: 'https://mail.google.com/mail/u/0/#search/faded%40example.com' });
  });

  test('a failed load says so, and "try again" asks again', async () => {
    failDailyList = 'the background did not answer "daily-list"';
    await act(() => render(<Popup fallbackLanguage="en" clock={() => NOW} />, root));
    await vi.waitFor(() => expect(get('popup-error')).not.toBeNull());
    expect(get('popup-error')?.textContent).toContain('Could not load the list: the background did not answer "daily-list"');
    expect(get('popup-loading')).toBeNull();
    failDailyList = null;
    await act(() => (get('popup-retry') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(get('daily-list')).not.toBeNull());
    expect(get('popup-error')).toBeNull();
  });
});

test('a failed sync stays on screen after the list reloads; "try again" syncs again', async () => {
  await open();
  failSync = 'the outbox is locked';
  calls = [];
  await act(() => (get('sync-now') as HTMLButtonElement).click());
  await vi.waitFor(() => expect(calls).toEqual(['sync-now', 'daily-list']));
  await vi.waitFor(() => expect((get('sync-now') as HTMLButtonElement).disabled).toBe(false));
  expect(get('popup-error')?.textContent).toContain('Could not sync: the outbox is locked');
  failSync = null;
  calls = [];
  await act(() => (get('popup-retry') as HTMLButtonElement).click());
  await vi.waitFor(() => expect(get('popup-error')).toBeNull());
  expect(calls).toEqual(['sync-now', 'daily-list']);
});

test.each([
  ['zh-CN', 'zh'],
  ['zh-TW', 'zh'],
  ['zh', 'zh'],
  ['en-US', 'en'],
  ['de-DE', 'en'],
])('browser language %s reads as %s', (locale, expected) => {
  expect(browserLanguage(locale)).toBe(expected);
});
