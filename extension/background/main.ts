// Wires the background together: message handlers, the sync alarm, the badge, notifications and
// the pixel-blocking rules. Kept apart from the entrypoint so tests can start it with a fake browser.
import type { Browser } from 'wxt/browser';
import { buildDailyList } from '../../shared/daily-list.ts';
import type { ClientEvent } from '../../shared/schema.ts';
import { BUILD_TEST_HOOKS } from '../build-config.ts';
import { TidewiseDb } from '../db.ts';
import { originOf, serve } from '../requests.ts';
import { noticesFor, summarise, type Notice } from './alerts.ts';
import { refreshAllIfStale, refreshContacts } from './contacts.ts';
import { apiConfig, createHandlers, timeZoneOf } from './handlers.ts';
import { applyPixelRules } from './pixel-rules.ts';
import { loadSettings } from './settings-store.ts';
import { syncOnce, syncStatus, type SyncResult } from './sync.ts';

const SYNC_ALARM = 'tidewise-sync';

type BrowserApi = typeof import('wxt/browser').browser;

export function startBackground(browser: BrowserApi, options: { db?: TidewiseDb; now?: () => number; fetch?: typeof fetch } = {}) {
  const db = options.db ?? new TidewiseDb();
  // Test builds can move the clock forward (kept in Dexie so a restarted worker keeps it).
  let clockOffset = 0;
  const now = options.now ?? (() => Date.now() + clockOffset);
  const clockReady: Promise<void> = BUILD_TEST_HOOKS
    ? (async () => {
        const row = await db.kv.get('testClockOffset');
        clockOffset = typeof row?.value === 'number' ? row.value : 0;
      })()
    : Promise.resolve();
  let running: Promise<SyncResult> | undefined;

  async function runSync(force: boolean): Promise<SyncResult> {
    const settings = await loadSettings(db);
    if (!settings.token) {
      return { ...(await syncStatus(db)), lastError: 'no API token configured', lastErrorKind: 'unauthorized', pulled: 0, pushed: 0, fresh: [], contacts: new Set() };
    }
    const result = await syncOnce(db, apiConfig(settings, options.fetch), { now, force });
    if (result.contacts.size > 0) await refreshContacts(db, result.contacts, settings.policy, now());
    await show(await noticesFor(db, result.fresh, settings, now()));
    await updateBadge();
    return result;
  }

  /**
   * One sync at a time. A call during a sync gets one more sync right after it (shared by every
   * such call), so an event recorded mid-sync is pushed at once, not on the next alarm.
   * Forced syncs ignore the outbox backoff.
   */
  let next: Promise<SyncResult> | undefined;
  const sync = (force = false): Promise<SyncResult> => {
    if (!running) {
      running = runSync(force).finally(() => (running = undefined));
      return running;
    }
    const again = () => {
      next = undefined;
      return sync(force);
    };
    next ??= running.then(again, again);
    return next;
  };

  async function show(notices: Notice[]) {
    const settings = await loadSettings(db);
    for (const notice of summarise(notices, settings.language)) {
      await browser.notifications
        ?.create(notice.id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon-128.png'), title: notice.title, message: notice.message })
        .catch((error: unknown) => console.warn('tidewise: notification failed', error));
    }
  }

  async function updateBadge() {
    const settings = await loadSettings(db);
    await refreshAllIfStale(db, settings.policy, now());
    const rows = await db.contacts.toArray();
    const list = buildDailyList(rows.map((row) => [row.email, row.classification] as const), now(), timeZoneOf(settings));
    const due = list.groups.reduce((sum, group) => sum + group.contacts.length, 0);
    const action = browser.action ?? (browser as unknown as { browserAction?: BrowserApi['action'] }).browserAction;
    await action?.setBadgeText({ text: due > 0 ? String(due) : '' });
    await action?.setBadgeBackgroundColor({ color: '#0d6e78' });
  }

  async function applyRules() {
    const settings = await loadSettings(db);
    if (browser.declarativeNetRequest) await applyPixelRules(browser.declarativeNetRequest as never, settings.account?.pixelPrefix ?? null);
  }

  async function afterChange(change: { recorded?: ClientEvent[]; account?: boolean }) {
    if (change.account) await applyRules();
    if (change.recorded) await show(await noticesFor(db, change.recorded.filter((event) => event.type === 'reply'), await loadSettings(db), now()));
    await updateBadge();
  }

  let sessionRuleId = 1000;
  async function blockUrl(url: string): Promise<boolean> {
    const dnr = browser.declarativeNetRequest;
    if (!dnr?.updateSessionRules) return false;
    const existing = await dnr.getSessionRules();
    if (existing.some((rule) => rule.condition.urlFilter === `|${url}|`)) return true;
    sessionRuleId = Math.max(sessionRuleId, ...existing.map((rule) => rule.id)) + 1;
    await dnr.updateSessionRules({
      addRules: [{ id: sessionRuleId, priority: 1, action: { type: 'block' }, condition: { urlFilter: `|${url}|`, resourceTypes: ['image'] } }],
    });
    return true;
  }

  const handlers = createHandlers({
    db,
    now,
    sync,
    afterChange,
    blockUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(BUILD_TEST_HOOKS
      ? {
          setClockOffset: async (offsetMs: number) => {
            clockOffset = offsetMs;
            await db.kv.put({ key: 'testClockOffset', value: offsetMs });
          },
        }
      : {}),
  });
  browser.runtime.onMessage.addListener(serve(handlers, browser.runtime.id, originOf(browser.runtime.getURL('/')), clockReady) as never);

  browser.alarms?.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync().catch((error: unknown) => console.warn('tidewise: sync failed', error));
  });
  globalThis.addEventListener?.('online', () => void sync().catch(() => undefined));
  // Start-up (browser start, install, or the worker waking for any event): rules and a sync.
  void applyRules()
    .then(() => sync())
    .catch((error: unknown) => console.warn('tidewise: start-up sync failed', error));

  return { db, handlers, sync };
}

export type { Browser };
