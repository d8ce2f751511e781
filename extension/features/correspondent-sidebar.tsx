// The sidebar beside the open conversation: one card per correspondent (the rep left out) with
// state, evidence, next follow-up and the proposed template, and one-click actions; the daily list
// when no conversation is open. It lives in a shadow root fixed to the right edge, so the
// webmail's styles and keyboard shortcuts never meet it.
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ClientEvent, EmailTemplate } from '../../shared/schema.ts';
import type { Conversation } from '../hosts/host.ts';
import type { ContactView } from '../messaging.ts';
import '../ui/components.css';
import '../ui/sidebar/sidebar.css';
import type { SidebarDailyList, SidebarNotice } from '../ui/sidebar/sidebar.tsx';
import { Sidebar } from '../ui/sidebar/sidebar.tsx';
import type { ContactCallbacks } from '../ui/sidebar/contact-callbacks.ts';
import type { Feature, FeatureContext } from './feature.ts';

/** A conversation opened again within this time does not trigger another sync. */
const SYNC_AFTER_MS = 15_000;
const REFRESH_EVERY_MS = 60_000;

interface State {
  contacts: ContactView[] | null;
  dailyList: SidebarDailyList | null;
  now: number;
  busy: boolean;
  collapsed: boolean;
  /** Folded out of the way while a compose window sits under the panel. */
  makingRoom: boolean;
  notice: SidebarNotice | null;
  templates: EmailTemplate[];
  byContact: Record<string, Record<string, string>>;
}

export const correspondentSidebar: Feature = {
  name: 'correspondent-sidebar',
  needsAnchors: false,
  async start(context) {
    const { host, signal } = context;
    // Kept current by live-settings.ts: a language or time-zone change shows without reloading the webmail.
    const { settings } = context;
    const state: State = {
      contacts: null,
      dailyList: null,
      now: Date.now(),
      busy: false,
      collapsed: false,
      makingRoom: false,
      notice: context.health.ok ? null : { kind: 'host-changed', provider: host.provider, missing: context.health.missing },
      templates: [],
      byContact: {},
    };
    let container: HTMLElement | null = null;
    let shownKey = '';
    let lastSyncAt = 0;
    let loading: Promise<void> | null = null;

    const record = async (events: ClientEvent[]) => {
      await context.ask({ type: 'record-events', events });
      await load(true);
    };
    const fact = <T extends ClientEvent['type']>(type: T, contact: string, extra: object) =>
      ({ id: crypto.randomUUID(), type, at: Date.now(), contact, ...extra }) as unknown as ClientEvent;

    const callbacks: ContactCallbacks = {
      onInsertTemplate: async (_email, mail) => {
        const compose = await host.insertReply(mail.subject, mail.body);
        if (!compose) throw new Error(settings.language === 'zh' ? '找不到回复框' : 'could not open the reply box');
      },
      onLogOrder: (email, order) => record([fact('order', email, order)]),
      onSetIntent: (email, intent) => record([fact('intent', email, { intent })]),
      onSnooze: (email, until) => record([fact('snooze', email, { until })]),
      onArchive: (email) => record([fact('archive', email, {})]),
      onUnarchive: (email) => record([fact('unarchive', email, {})]),
      onSetTier: (email, tier) => record([fact('tier', email, { tier })]),
      onSetStars: (email, stars) => record([fact('stars', email, { stars })]),
      onSetTags: (email, tags) => record([fact('tags', email, { tags })]),
      onAddNote: (email, text) => record([fact('note', email, { text })]),
    };

    const ui = await createShadowRootUi(context.script, {
      name: 'tidewise-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: true,
      onMount(uiContainer, _shadow, shadowHost) {
        // The panel fixes itself to the right edge; this keeps it below the webmail's top bar.
        shadowHost.style.setProperty('--tw-sidebar-top', '64px');
        container = uiContainer;
        draw();
      },
      onRemove() {
        if (container) render(null, container);
      },
    });

    function draw() {
      if (!container) return;
      render(
        <Sidebar
          language={settings.language}
          now={state.now}
          timeZone={settings.timeZone || undefined}
          contacts={state.contacts}
          dailyList={state.dailyList}
          notice={state.notice}
          placeholderValues={{ senderName: settings.account?.name ?? '' }}
          placeholderValuesByContact={state.byContact}
          busy={state.busy}
          collapsed={state.collapsed || state.makingRoom}
          onToggleCollapsed={() => {
            if (state.makingRoom) state.makingRoom = false;
            else state.collapsed = !state.collapsed;
            draw();
          }}
          onOpenThread={(email) => window.location.assign(host.openThreadUrl(email))}
          onSyncNow={() => void sync(true)}
          {...callbacks}
        />,
        container,
      );
    }

    async function sync(force = false) {
      if (!force && Date.now() - lastSyncAt < SYNC_AFTER_MS) return;
      lastSyncAt = Date.now();
      await context.ask({ type: 'sync-now' }).catch((error: unknown) => console.warn('tidewise: sync failed', error));
      await load(true);
    }

    /** Shows the open conversation's correspondents, or the daily list; `conversation` when the caller just read it. */
    async function load(force = false, conversation = context.health.ok ? host.conversation() : null): Promise<void> {
      const key = keyOf(conversation);
      if (!force && key === shownKey) return;
      if (loading) {
        await loading;
        if (!force && keyOf(host.conversation()) === shownKey) return;
      }
      loading = (async () => {
        state.busy = true;
        draw();
        try {
          if (conversation === null) {
            const [view, templates] = await Promise.all([context.ask({ type: 'daily-list' }), context.ask({ type: 'templates-list' })]);
            state.contacts = null;
            state.dailyList = { view, templates: templates.templates };
            state.now = Date.now();
          } else {
            const self = host.currentUser()?.email;
            const people = conversation.participants.filter((person) => person.email !== self);
            const { contacts, now } = await context.ask({ type: 'contact-views', emails: people.map((person) => person.email) });
            state.contacts = contacts;
            state.now = now;
            state.byContact = Object.fromEntries(
              people.flatMap((person) => {
                const firstName = person.name ? firstNameOf(person.name) : null;
                return firstName ? [[person.email, { firstName }]] : [];
              }),
            );
          }
          shownKey = key;
          if (state.notice && typeof state.notice === 'object' && state.notice.kind === 'load-failed') state.notice = null;
        } catch (error) {
          state.notice = { kind: 'load-failed', message: error instanceof Error ? error.message : String(error) };
        } finally {
          state.busy = false;
          draw();
        }
      })();
      await loading;
      loading = null;
    }

    ui.mount();
    signal.addEventListener('abort', () => ui.remove(), { once: true });
    context.settingsUpdates.addEventListener('change', draw, { signal });

    // A compose window under the panel (Gmail's bottom-right dialogs) folds the panel to its tab
    // until the window closes, so the sidebar never hides the mail being written.
    let composeWasUnder = false;
    host.onChange(() => {
      const under = host.composes().some((compose) => overlapsPanel(compose.element));
      if (under !== composeWasUnder) {
        composeWasUnder = under;
        state.makingRoom = under;
        draw();
      }
    }, signal);

    host.onChange(() => {
      const conversation = context.health.ok ? host.conversation() : null;
      if (keyOf(conversation) === shownKey) return;
      void load(false, conversation).then(() => (conversation ? sync() : undefined));
    }, signal);
    const timer = setInterval(() => void load(true), REFRESH_EVERY_MS);
    signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    await load(true);
    if (host.conversation()) void sync();
  },
};

const PANEL_WIDTH = 360;

function overlapsPanel(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.right > window.innerWidth - PANEL_WIDTH;
}

/** What identifies what the sidebar shows: the thread, and how many messages it has. */
function keyOf(conversation: Conversation | null): string {
  if (!conversation) return 'none';
  return `${conversation.threadKey}|${conversation.messages.length}|${conversation.participants.map((p) => p.email).join(',')}`;
}

/** Display names that are a company or a desk, not a person: no "Dear Gulf,". */
const NOT_A_PERSON = /\b(trading|procurement|purchas\w*|sales|team|department|dept|office|info|support|service|ltd|llc|gmbh|inc|corp\w*|company|group|imports?|exports?|compras|einkauf|achats|buyer|admin)\b/i;

function firstNameOf(name: string): string | null {
  const trimmed = name.trim();
  if (NOT_A_PERSON.test(trimmed) || trimmed.includes('@')) return null;
  // "Schmidt, Anna" and "Anna Schmidt"; a single Chinese name stays whole.
  if (trimmed.includes(',')) return trimmed.split(',')[1]?.trim() ?? trimmed;
  return trimmed.split(/\s+/)[0] ?? trimmed;
}

export type { FeatureContext };
