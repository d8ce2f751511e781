// Settings live in the kv table under one key, parsed with the settings schema on every read so
// an old or damaged value falls back to defaults field by field instead of breaking the extension.
import type { TidewiseDb } from '../db.ts';
import type { SettingsPatch } from '../requests.ts';
import { settings, type Settings } from '../settings.ts';

const KEY = 'settings';

export async function loadSettings(db: TidewiseDb): Promise<Settings> {
  const row = await db.kv.get(KEY);
  const parsed = settings.safeParse(row?.value ?? {});
  if (parsed.success) return parsed.data;
  console.warn('tidewise: stored settings are invalid, using defaults', parsed.error.issues);
  return settings.parse({});
}

/** Applies a validated patch. Changing the Worker URL or token forgets the cached account. */
export async function saveSettings(db: TidewiseDb, patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.kv, async () => {
    const current = await loadSettings(db);
    const credentialsChanged =
      (patch.workerUrl !== undefined && patch.workerUrl !== current.workerUrl) || (patch.token !== undefined && patch.token !== current.token);
    const next = settings.parse({
      ...current,
      ...patch,
      tracking: { ...current.tracking, ...patch.tracking },
      account: credentialsChanged ? null : current.account,
    });
    await db.kv.put({ key: KEY, value: next });
    return next;
  });
}

/**
 * Remembers the account the token belongs to. When it is another account than the one the local
 * log was synced from, that log, its contact cache and its cursor belong to someone else: they are
 * cleared so the next sync pulls this account from the start (the outbox is kept and goes out).
 */
export async function saveAccount(db: TidewiseDb, account: Settings['account']): Promise<{ switched: boolean }> {
  return db.transaction('rw', [db.kv, db.events, db.contacts, db.notified], async () => {
    const current = await loadSettings(db);
    await db.kv.put({ key: KEY, value: { ...current, account } });
    if (!account) return { switched: false };
    const synced = (await db.kv.get('syncedAccountId'))?.value;
    await db.kv.put({ key: 'syncedAccountId', value: account.accountId });
    if (synced === undefined || synced === account.accountId) return { switched: false };
    await Promise.all([db.events.clear(), db.contacts.clear(), db.notified.clear(), db.kv.bulkDelete(['cursor', 'contactsRefreshedAt'])]);
    return { switched: true };
  });
}
