// What the background answers. Each handler validates nothing itself (requests.ts parsed the
// request) and touches the network only through the API client with the saved token.
import { bestHour } from '../../shared/best-hour.ts';
import { classify } from '../../shared/classify.ts';
import { buildDailyList } from '../../shared/daily-list.ts';
import { resolveOpenVerdicts } from '../../shared/open-verdict.ts';
import { fromBase64Url, importAccountKey, mintPixelToken } from '../../shared/pixel-token.ts';
import type { ClientEvent, EmailTemplate } from '../../shared/schema.ts';
import { DEFAULT_TEMPLATES } from '../../shared/templates.ts';
import { ApiError, getMe, type ApiConfig } from '../api-client.ts';
import type { TidewiseDb } from '../db.ts';
import type { ContactView, ConnectionResult } from '../messaging.ts';
import type { Handlers, ImportRow } from '../requests.ts';
import { publicSettings, type Settings } from '../settings.ts';
import { markContactsStale, profileOf, refreshAllIfStale, refreshContacts } from './contacts.ts';
import { eventsOfContact, recordEvents } from './event-store.ts';
import { loadSettings, saveAccount, saveSettings } from './settings-store.ts';
import { syncStatus } from './sync.ts';

export interface BackgroundDeps {
  db: TidewiseDb;
  now: () => number;
  /** Runs a sync (one at a time); `force` ignores the outbox backoff. */
  sync: (force?: boolean) => Promise<import('./sync.ts').SyncResult>;
  /** Called after local changes: badge, notifications for recorded replies, pixel rules. */
  afterChange: (change: { recorded?: ClientEvent[]; account?: boolean }) => Promise<void>;
  fetch?: typeof fetch;
  /** Adds a session rule that blocks this exact URL (a proxied copy of the rep's own pixel). */
  blockUrl?: (url: string) => Promise<boolean>;
  /** Test builds: sets the clock offset; absent in release builds. */
  setClockOffset?: (offsetMs: number) => Promise<void>;
}

export function apiConfig(settings: Settings, fetchImpl?: typeof fetch): ApiConfig {
  return { workerUrl: settings.workerUrl, token: settings.token, ...(fetchImpl ? { fetch: fetchImpl } : {}) };
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, now } = deps;

  async function effectiveTemplates() {
    const custom = await db.templates.toArray();
    const byKey = new Map(custom.map((row) => [row.key, row.template]));
    return {
      templates: DEFAULT_TEMPLATES.map((template): EmailTemplate => byKey.get(template.key) ?? template),
      customKeys: custom.map((row) => row.key),
    };
  }

  async function testConnection(workerUrl: string, token: string): Promise<ConnectionResult> {
    if (!token) return { ok: false, kind: 'no-token', message: 'enter the API token printed by npm start or npm run account:create' };
    try {
      return { ok: true, account: await getMe({ workerUrl, token, ...(deps.fetch ? { fetch: deps.fetch } : {}) }) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, kind: error.kind, message: error.message };
      throw error;
    }
  }

  return {
    async 'record-events'({ events }) {
      const settings = await loadSettings(db);
      const { queued, contacts } = await recordEvents(db, events, now());
      await refreshContacts(db, contacts, settings.policy, now());
      await deps.afterChange({ recorded: events });
      void deps.sync().catch(() => undefined);
      return { queued };
    },

    async 'contact-views'({ emails }) {
      // The sidebar waits for this when a conversation opens: the reads go out together, not one after another.
      const at = now();
      const [settings, { templates }, eventsByContact] = await Promise.all([
        loadSettings(db),
        effectiveTemplates(),
        Promise.all(emails.map((email) => eventsOfContact(db, email))),
      ]);
      const contacts: ContactView[] = [];
      for (const [index, email] of emails.entries()) {
        const events = eventsByContact[index]!;
        const verdicts = resolveOpenVerdicts(events);
        const classification = classify(events, settings.policy, at, verdicts);
        contacts.push({
          email,
          classification,
          timeline: events.map((event) => (event.type === 'open' ? { ...event, verdict: verdicts.get(event.id) ?? event.verdict } : event)),
          bestHour: bestHour(events, at, { verdicts }),
          profile: profileOf(events),
          template: templates.find((template) => template.key === classification.templateKey) ?? null,
        });
      }
      return { contacts, now: at };
    },

    async 'daily-list'() {
      const settings = await loadSettings(db);
      await refreshAllIfStale(db, settings.policy, now());
      const rows = await db.contacts.toArray();
      const list = buildDailyList(rows.map((row) => [row.email, row.classification] as const), now(), timeZoneOf(settings));
      const profiles: Record<string, ContactView['profile']> = {};
      for (const row of rows) {
        if (row.firstName || row.lastName || row.company || row.country) {
          profiles[row.email] = { firstName: row.firstName, lastName: row.lastName, company: row.company, country: row.country };
        }
      }
      return { list, profiles, ...(await syncStatus(db)) };
    },

    async 'sync-now'() {
      const { unsynced, conflicts, lastSyncAt, lastError, lastErrorKind, pulled, pushed } = await deps.sync(true);
      return { unsynced, conflicts, lastSyncAt, lastError, lastErrorKind, pulled, pushed };
    },

    async 'settings-get'() {
      return publicSettings(await loadSettings(db));
    },

    async 'settings-save'({ patch }) {
      const before = await loadSettings(db);
      const after = await saveSettings(db, patch);
      if (patch.policy !== undefined) await markContactsStale(db);
      if (after.workerUrl !== before.workerUrl || after.token !== before.token) {
        const result = await testConnection(after.workerUrl, after.token);
        if (result.ok) await saveAccount(db, result.account);
        await deps.afterChange({ account: true });
        if (result.ok) void deps.sync().catch(() => undefined);
      }
      return publicSettings(await loadSettings(db));
    },

    async 'connection-test'(message) {
      const saved = await loadSettings(db);
      const workerUrl = message.workerUrl ?? saved.workerUrl;
      const token = message.token ?? saved.token;
      const result = await testConnection(workerUrl, token);
      if (result.ok && workerUrl === saved.workerUrl && token === saved.token) {
        await saveAccount(db, result.account);
        await deps.afterChange({ account: true });
      }
      return result;
    },

    async 'templates-list'() {
      return effectiveTemplates();
    },

    async 'template-save'({ template }) {
      if (!DEFAULT_TEMPLATES.some((known) => known.key === template.key)) throw new Error(`there is no template "${template.key}" to edit`);
      await db.templates.put({ key: template.key, template, updatedAt: now() });
      return effectiveTemplates();
    },

    async 'template-reset'({ key }) {
      await db.templates.delete(key);
      return effectiveTemplates();
    },

    async 'import-contacts'({ rows }) {
      // Importing the same file twice must not pile up the same notes.
      const known = new Set(
        (await db.events.where('contacts').anyOf(rows.map((row) => row.email)).filter((row) => row.type === 'note').toArray()).map(
          (row) => (row.event.type === 'note' ? `${row.event.contact}\u0000${row.event.text}` : ''),
        ),
      );
      const events = importEvents(rows, now()).filter((event) => event.type !== 'note' || !known.has(`${event.contact}\u0000${event.text}`));
      const settings = await loadSettings(db);
      const { contacts } = await recordEvents(db, events, now());
      await refreshContacts(db, contacts, settings.policy, now());
      void deps.sync().catch(() => undefined);
      return { contacts: new Set(rows.map((row) => row.email)).size, events: events.length };
    },

    async 'export-data'() {
      const settings = await loadSettings(db);
      const [events, contacts, outbox, { templates }] = await Promise.all([
        db.events.orderBy('at').toArray(),
        db.contacts.toArray(),
        db.outbox.toArray(),
        effectiveTemplates(),
      ]);
      return {
        exportedAt: now(),
        // The pixel key is a secret of the account: an export is a file reps pass around.
        account: settings.account && { ...settings.account, pixelKey: '' },
        events: events.map((row) => row.event),
        contacts: contacts.map((row) => ({
          email: row.email,
          state: row.state,
          nextFollowUpAt: Number.isFinite(row.nextFollowUpAt) ? row.nextFollowUpAt : null,
          firstName: row.firstName,
          lastName: row.lastName,
          company: row.company,
          country: row.country,
        })),
        outbox,
        templates,
      };
    },

    async 'outbox-status'() {
      return { ...(await syncStatus(db)), items: await db.outbox.toArray() };
    },

    async 'tracked-contacts'({ emails }) {
      const settings = await loadSettings(db);
      const wanted = new Set(emails);
      const sends = await db.events.where('contacts').anyOf(emails).filter((row) => row.type === 'sent').toArray();
      const last = new Map<string, number>();
      for (const row of sends) {
        for (const contact of row.contacts) {
          if (wanted.has(contact) && row.at > (last.get(contact) ?? -Infinity)) last.set(contact, row.at);
        }
      }
      return {
        contacts: [...last].map(([email, lastSentAt]) => ({ email, lastSentAt })),
        pixelPrefix: settings.account?.pixelPrefix ?? null,
        tracking: settings.tracking,
      };
    },

    async 'block-proxied-pixel'({ url }) {
      return { blocked: deps.blockUrl ? await deps.blockUrl(url) : false };
    },

    async 'test-clock'({ offsetMs }) {
      if (!deps.setClockOffset) throw new Error('the clock can only be moved in test builds');
      await deps.setClockOffset(offsetMs);
      await markContactsStale(db);
      return { now: now() };
    },

    async 'mint-pixel'() {
      const settings = await loadSettings(db);
      const account = settings.account;
      if (!account) throw new Error('not connected to a Tidewise Worker: open the options and test the connection');
      const raw = fromBase64Url(account.pixelKey);
      if (!raw) throw new Error('the pixel key from the Worker is damaged: test the connection again');
      const { token, messageId } = await mintPixelToken(await importAccountKey(raw), account.pixelPrefix);
      return { url: `${account.pixelBase}${token}.gif`, messageId, prefix: account.pixelPrefix };
    },
  };
}

export function timeZoneOf(settings: Settings): string {
  return settings.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The events a CSV row stands for: who the contact is, then tier, stars, source, tags and note. */
export function importEvents(rows: readonly ImportRow[], at: number): ClientEvent[] {
  const events: ClientEvent[] = [];
  const id = () => crypto.randomUUID();
  for (const row of rows) {
    const contact = row.email;
    const profile = { firstName: row.firstName, lastName: row.lastName, company: row.company, country: row.country };
    if (Object.values(profile).some((value) => value !== undefined)) {
      events.push({ id: id(), type: 'profile', at, contact, ...withoutUndefined(profile) });
    }
    if (row.tier) events.push({ id: id(), type: 'tier', at, contact, tier: row.tier });
    if (row.stars !== undefined) events.push({ id: id(), type: 'stars', at, contact, stars: row.stars });
    if (row.source) events.push({ id: id(), type: 'source', at, contact, source: row.source });
    if (row.tags && row.tags.length > 0) events.push({ id: id(), type: 'tags', at, contact, tags: row.tags });
    if (row.note) events.push({ id: id(), type: 'note', at, contact, text: row.note });
  }
  return events;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
