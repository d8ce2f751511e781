// The rep's work for today: the sync line, every due contact grouped by state (best customers
// first, most overdue first inside a group), and the funnel. The popup shows it, and so does the
// sidebar when no conversation is open. Props in, callbacks out: no browser, storage or network.
import { useId } from 'preact/hooks';
import { CONTACT_STATES } from '../../shared/contact-state.ts';
import type { EmailTemplate } from '../../shared/schema.ts';
import { langAttribute, popupText } from '../i18n/popup.ts';
import { translator } from '../i18n/translate.ts';
import type { DailyListView } from '../messaging.ts';
import type { Language } from '../settings.ts';
import { DueRow } from './due-row.tsx';
import { Funnel } from './funnel.tsx';
import { StateBadge, stateLabel } from './state-badge.tsx';
import { SyncStatus, type SyncStatusView } from './sync-status.tsx';

export type DailyListData = Omit<DailyListView, 'lastErrorKind'> & Pick<SyncStatusView, 'lastErrorKind'>;

export interface DailyListProps {
  view: DailyListData;
  language: Language;
  /** For "synced 5 min ago"; how overdue a contact is was settled when the list was built. */
  now: number;
  templates?: readonly EmailTemplate[] | undefined;
  syncing?: boolean;
  onOpenThread: (email: string) => void;
  onSyncNow: () => void;
  /** Offered in the empty state of a new install; left out, the button is not shown. */
  onOpenSettings?: (() => void) | undefined;
}

export function DailyList({ view, language, now, templates, syncing = false, onOpenThread, onSyncNow, onOpenSettings }: DailyListProps) {
  const t = translator(popupText, language);
  const headingId = useId();
  const { list, profiles } = view;
  const groups = list.groups.filter((group) => group.contacts.length > 0);
  const due = groups.reduce((sum, group) => sum + group.contacts.length, 0);
  return (
    <div class="tw-root tw-daily" lang={langAttribute(language)}>
      <SyncStatus status={view} language={language} now={now} syncing={syncing} onSyncNow={onSyncNow} />
      <section class="tw-list" data-testid="daily-list" data-due={due} aria-labelledby={headingId}>
        <h2 class="tw-heading" id={headingId}>
          {t('list.heading')} <span class="tw-count" data-testid="due-count">{due}</span>
        </h2>
        {due === 0 ? (
          <EmptyList language={language} known={CONTACT_STATES.some((state) => list.counts[state] > 0)} onOpenSettings={onOpenSettings} />
        ) : (
          groups.map(({ state, contacts }) => (
            <section
              class="tw-group"
              key={state}
              data-testid={`due-group-${state}`}
              data-state={state}
              aria-label={t('list.group', { state: stateLabel(state, language), n: contacts.length })}
            >
              <h3 class="tw-group-head">
                <StateBadge state={state} language={language} />
                <span class="tw-muted" aria-hidden="true">
                  {contacts.length}
                </span>
              </h3>
              <ul class="tw-rows">
                {contacts.map((entry) => (
                  <DueRow
                    key={entry.contact}
                    due={entry}
                    profile={profiles[entry.contact]}
                    language={language}
                    templates={templates}
                    onOpenThread={onOpenThread}
                  />
                ))}
              </ul>
            </section>
          ))
        )}
      </section>
      <Funnel counts={list.counts} language={language} />
    </div>
  );
}

interface EmptyListProps {
  language: Language;
  /** Whether the account has any contact at all: a new install needs different advice. */
  known: boolean;
  onOpenSettings?: (() => void) | undefined;
}

function EmptyList({ language, known, onOpenSettings }: EmptyListProps) {
  const t = translator(popupText, language);
  return (
    <div class="tw-empty" data-testid="daily-list-empty" data-reason={known ? 'nothing-due' : 'no-contacts'}>
      <p class="tw-empty-title">{known ? t('empty.title') : t('empty.noContactsTitle')}</p>
      <p class="tw-muted">{known ? t('empty.body') : t('empty.noContactsBody')}</p>
      {!known && onOpenSettings && (
        <button type="button" class="tw-button" data-testid="open-settings" onClick={onOpenSettings}>
          {t('empty.openSettings')}
        </button>
      )}
    </div>
  );
}
