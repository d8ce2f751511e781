import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Language } from '../settings.ts';
import { SyncStatus, syncedText, type SyncStatusView } from './sync-status.tsx';

const NOW = Date.UTC(2026, 2, 12, 9);
const MINUTE = 60_000;
const root = document.createElement('div');
afterEach(() => render(null, root));

const idle: SyncStatusView = { unsynced: 0, conflicts: 0, lastSyncAt: NOW - 2 * MINUTE, lastError: null };
const show = (status: Partial<SyncStatusView>, language: Language = 'en', syncing = false) => {
  const onSyncNow = vi.fn();
  render(<SyncStatus status={{ ...idle, ...status }} language={language} now={NOW} syncing={syncing} onSyncNow={onSyncNow} />, root);
  const get = (id: string) => root.querySelector(`[data-testid="${id}"]`);
  return { get, onSyncNow };
};

describe('the outbox line', () => {
  test.each<[number, Language, string]>([
    [0, 'en', 'Everything is synced'],
    [1, 'en', '1 change not synced yet'],
    [12, 'en', '12 changes not synced yet'],
    [0, 'zh', '所有记录均已同步'],
    [12, 'zh', '12 条记录尚未同步'],
  ])('%i unsynced in %s', (unsynced, language, wording) => {
    const { get } = show({ unsynced }, language);
    expect(get('unsynced')?.textContent).toBe(wording);
    expect(get('unsynced')?.getAttribute('data-count')).toBe(String(unsynced));
  });

  test('conflicts are counted apart', () => {
    expect(show({ conflicts: 2 }).get('conflicts')?.textContent).toBe(' · 2 refused as conflicts');
    expect(show({ conflicts: 0 }).get('conflicts')).toBeNull();
  });

  test.each<[Partial<SyncStatusView>, Language, string | null]>([
    [{ lastError: null }, 'en', null],
    [{ lastError: 'fetch failed', lastErrorKind: 'unreachable' }, 'en', 'Last sync failed: cannot reach the server. Check the backend address in the settings and your connection.'],
    [{ lastError: 'fetch failed', lastErrorKind: 'unauthorized' }, 'zh', '上次同步失败:账户令牌被拒绝。请在设置中填写有效的令牌。'],
    // Without a kind, the background's own words, marked as English for screen readers.
    [{ lastError: 'the Worker answered 502' }, 'zh', '上次同步失败: the Worker answered 502'],
  ])('error %j in %s', (status, language, line) => {
    const { get } = show(status, language);
    expect(get('sync-error')?.textContent ?? null).toBe(line);
    if (status.lastError && !status.lastErrorKind) expect(get('sync-error')?.querySelector('[lang="en"]')?.textContent).toBe(status.lastError);
  });

  test('the button asks for a sync, and waits while one runs', () => {
    const { get, onSyncNow } = show({});
    (get('sync-now') as HTMLButtonElement).click();
    expect(onSyncNow).toHaveBeenCalledOnce();
    const busy = show({}, 'zh', true).get('sync-now') as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect(busy.textContent).toBe('正在同步…');
  });
});

test.each<[number | null, Language, string]>([
  [null, 'en', 'Never synced'],
  [NOW - 20_000, 'en', 'Synced just now'],
  [NOW - 5 * MINUTE, 'en', 'Synced 5 min ago'],
  [NOW - 3 * 60 * MINUTE, 'en', 'Synced 3 h ago'],
  [Date.UTC(2026, 2, 10, 8), 'en', 'Last synced 10 Mar 2026'],
  [null, 'zh', '尚未同步过'],
  [NOW - 5 * MINUTE, 'zh', '5 分钟前已同步'],
  [NOW - 3 * 60 * MINUTE, 'zh', '3 小时前已同步'],
  [Date.UTC(2026, 2, 10, 8), 'zh', '上次同步:2026年3月10日'],
  // A clock that runs behind the background's must not say "-2 min ago".
  [NOW + 2 * MINUTE, 'en', 'Synced just now'],
])('last sync at %s in %s', (lastSyncAt, language, wording) => {
  expect(syncedText(lastSyncAt, NOW, language)).toBe(wording);
});
