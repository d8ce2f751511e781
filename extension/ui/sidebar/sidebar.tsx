// The sidebar beside an open Gmail or Outlook conversation: a header with the Tidewise mark and a
// collapse toggle, a notice line when something is off, then one card per correspondent (the rep
// left out by the caller) or, with no conversation open, the daily list. Props in, callbacks out:
// it knows nothing of the webmail, storage or network. It renders inside a shadow root (style it
// with components.css and sidebar.css); key presses stop at its root so that typing in its fields
// never reaches the webmail's keyboard shortcuts.
import type { ComponentChildren } from 'preact';
import type { EmailTemplate } from '../../../shared/schema.ts';
import { isTimeZone } from '../../../shared/time-zone.ts';
import { langAttribute } from '../../i18n/popup.ts';
import { sidebarTranslator, type SidebarT } from '../../i18n/sidebar.ts';
import type { ContactView } from '../../messaging.ts';
import type { Language } from '../../settings.ts';
import { DailyList, type DailyListData } from '../daily-list.tsx';
import type { ContactCallbacks } from './contact-callbacks.ts';
import { ContactCard } from './contact-card.tsx';
import type { ContactExtras } from './contact-fields.tsx';
import { followUp } from './follow-up-text.ts';
import { browserTimeZone } from './local-time.ts';

/** What went wrong, said in the rep's language; a plain string is shown as given. */
export type SidebarNotice =
  | { kind: 'host-changed'; provider: 'gmail' | 'outlook'; missing: string[] }
  | { kind: 'load-failed'; message: string }
  | string;

export interface SidebarDailyList {
  view: DailyListData;
  templates?: readonly EmailTemplate[] | undefined;
  /** A sync started from the list is running. */
  syncing?: boolean | undefined;
  onOpenSettings?: (() => void) | undefined;
}

export interface SidebarProps extends ContactCallbacks {
  language: Language;
  now: number;
  /** The rep's IANA zone for "due today" and clock times; the browser's own when left out or unknown. */
  timeZone?: string | undefined;
  /** The open conversation's correspondents, the rep left out; null when no conversation is open. */
  contacts: readonly ContactView[] | null;
  /** Shown when `contacts` is null; left out, a hint to open a conversation is shown instead. */
  dailyList?: SidebarDailyList | null | undefined;
  notice?: SidebarNotice | null | undefined;
  /** Values for every template (senderName, senderCompany, product, ...); a contact's profile fills firstName, lastName and company. */
  placeholderValues: Readonly<Record<string, string>>;
  /** Per-contact values, by address, over both of the above (e.g. the name the webmail shows). */
  placeholderValuesByContact?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  /** Tier, stars and tags by address, over what the contact's timeline says. */
  extras?: Readonly<Record<string, ContactExtras>> | undefined;
  /** Pre-filled currency of the order form when the contact never ordered with one; USD when left out. */
  defaultCurrency?: string | undefined;
  /** The contacts are being (re)loaded: a quiet line says so; what is on screen stays. */
  busy?: boolean | undefined;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  /** From the daily list's rows. */
  onOpenThread: (email: string) => void;
  onSyncNow: () => void;
}

// On the way up (never in capture, which would keep keys from our own fields): the webmail's
// shortcuts listen on its document, above the shadow host.
const stopKeys = (event: KeyboardEvent) => event.stopPropagation();

export function Sidebar(props: SidebarProps) {
  const { language, collapsed } = props;
  const t = sidebarTranslator(language);
  // A zone Intl does not know (a typo in the settings) falls back rather than breaking the page.
  const timeZone = props.timeZone && isTimeZone(props.timeZone) ? props.timeZone : browserTimeZone();
  return (
    <div
      class="tw-root tw-sidebar-root"
      lang={langAttribute(language)}
      data-testid="sidebar"
      data-collapsed={collapsed}
      onKeyDown={stopKeys}
      onKeyUp={stopKeys}
      onKeyPress={stopKeys}
    >
      {collapsed ? <CollapsedTab {...props} timeZone={timeZone} t={t} /> : <Panel {...props} timeZone={timeZone} t={t} />}
    </div>
  );
}

type Inner = SidebarProps & { timeZone: string; t: SidebarT };

function CollapsedTab({ contacts, dailyList, now, language, timeZone, t, onToggleCollapsed }: Inner) {
  const thread = contacts !== null;
  const count = thread ? contacts.length : (dailyList ? dueCount(dailyList.view) : 0);
  // With a conversation open, the tab turns to the alert colour when one of its people is due.
  const due = thread && contacts.some((view) => ['today', 'overdue'].includes(followUp(view.classification, now, language, timeZone, t).status));
  return (
    <button
      type="button"
      class={`tw-sb-tab${due ? ' tw-sb-tab-due' : ''}`}
      data-testid="sidebar-toggle"
      aria-expanded="false"
      aria-label={thread ? t('sidebar.expandThread', { n: count }) : t('sidebar.expandDue', { n: count })}
      title={thread ? t('sidebar.expandThread', { n: count }) : t('sidebar.expandDue', { n: count })}
      onClick={onToggleCollapsed}
    >
      <TidewiseMark />
      <span class="tw-sb-tab-count" data-testid="sidebar-count" data-kind={thread ? 'correspondents' : 'due'}>
        {count}
      </span>
    </button>
  );
}

function Panel(props: Inner) {
  const { contacts, t, notice, busy } = props;
  return (
    <aside class="tw-sidebar" aria-label={t('sidebar.label')}>
      <header class="tw-sb-header">
        <span class="tw-sb-brand">
          <TidewiseMark />
          <span class="tw-sb-name">Tidewise</span>
        </span>
        {contacts !== null && contacts.length > 0 && (
          <span class="tw-muted tw-sb-summary" data-testid="sidebar-count" data-kind="correspondents">
            {contacts.length === 1 ? t('sidebar.correspondentsOne') : t('sidebar.correspondentsMany', { n: contacts.length })}
          </span>
        )}
        <button
          type="button"
          class="tw-sb-toggle"
          data-testid="sidebar-toggle"
          aria-expanded="true"
          aria-label={t('sidebar.collapse')}
          title={t('sidebar.collapse')}
          onClick={props.onToggleCollapsed}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        </button>
      </header>
      {notice && <Notice notice={notice} t={t} />}
      {busy && (
        <p class="tw-muted tw-sb-busy" data-testid="sidebar-busy" role="status">
          {t('sidebar.updating')}
        </p>
      )}
      <div class="tw-sb-body">
        {contacts === null ? <NoThread {...props} /> : <Cards {...props} contacts={contacts} />}
      </div>
    </aside>
  );
}

function Notice({ notice, t }: { notice: SidebarNotice; t: SidebarT }) {
  let body: ComponentChildren;
  let kind = 'text';
  if (typeof notice === 'string') body = notice;
  else if (notice.kind === 'host-changed') {
    kind = notice.kind;
    body = t('notice.host-changed', { provider: notice.provider === 'gmail' ? 'Gmail' : 'Outlook', missing: notice.missing.join(', ') });
  } else {
    kind = notice.kind;
    body = (
      <>
        {t('notice.load-failed')} <span lang="en">{notice.message}</span>
      </>
    );
  }
  return (
    <p class="tw-sb-notice" role="alert" data-testid="sidebar-notice" data-kind={kind}>
      {body}
    </p>
  );
}

function Cards(props: Inner & { contacts: readonly ContactView[] }) {
  const { contacts, t } = props;
  if (contacts.length === 0) {
    return (
      <p class="tw-empty tw-muted" data-testid="sidebar-empty" data-reason="no-correspondents">
        {t('sidebar.noOthers')}
      </p>
    );
  }
  return (
    <>
      {contacts.map((view) => (
        <ContactCard
          key={view.email}
          view={view}
          language={props.language}
          now={props.now}
          timeZone={props.timeZone}
          t={t}
          values={valuesFor(view, props.placeholderValues, props.placeholderValuesByContact?.[view.email])}
          extras={props.extras?.[view.email]}
          defaultCurrency={props.defaultCurrency ?? 'USD'}
          onInsertTemplate={props.onInsertTemplate}
          onLogOrder={props.onLogOrder}
          onSetIntent={props.onSetIntent}
          onSnooze={props.onSnooze}
          onArchive={props.onArchive}
          onUnarchive={props.onUnarchive}
          onSetTier={props.onSetTier}
          onSetStars={props.onSetStars}
          onSetTags={props.onSetTags}
          onAddNote={props.onAddNote}
        />
      ))}
    </>
  );
}

function NoThread({ dailyList, language, now, t, onOpenThread, onSyncNow }: Inner) {
  if (!dailyList) {
    return (
      <p class="tw-empty tw-muted" data-testid="sidebar-empty" data-reason="no-thread">
        {t('sidebar.noThread')}
      </p>
    );
  }
  return (
    <DailyList
      view={dailyList.view}
      language={language}
      now={now}
      templates={dailyList.templates}
      syncing={dailyList.syncing ?? false}
      onOpenThread={onOpenThread}
      onSyncNow={onSyncNow}
      onOpenSettings={dailyList.onOpenSettings}
    />
  );
}

/** Template values for one contact: the rep's shared values, then the profile, then per-contact overrides. */
export function valuesFor(
  view: ContactView,
  shared: Readonly<Record<string, string>>,
  own: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const values: Record<string, string> = { ...shared };
  const { firstName, lastName, company } = view.profile;
  for (const [name, value] of Object.entries({ firstName, lastName, company })) {
    if (value !== undefined && value.trim() !== '') values[name] = value;
  }
  return { ...values, ...own };
}

function dueCount(view: DailyListData): number {
  return view.list.groups.reduce((sum, group) => sum + group.contacts.length, 0);
}

/** The extension icon's wave, drawn so it stays sharp at any size. */
function TidewiseMark() {
  return (
    <svg class="tw-sb-mark" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <rect width="24" height="24" rx="6" fill="#1496a0" />
      <path d="M0 14.5C3 14.5 4.5 10 8.5 10S14 15.5 17.5 15.5 22 12.5 24 12V18a6 6 0 0 1-6 6H6a6 6 0 0 1-6-6z" fill="#0d6e78" />
      <path d="M0 14.5C3 14.5 4.5 10 8.5 10S14 15.5 17.5 15.5 22 12.5 24 12" fill="none" stroke="#fff" stroke-width="2.4" />
    </svg>
  );
}
