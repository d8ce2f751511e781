// The outbox line: how many of the rep's changes have not reached the server, when the last sync
// was, why it failed, and a button to try now. The background's error text is English, so a known
// error kind is shown translated and the raw text only when there is nothing better.
import { formatDay } from '../../shared/reasons.ts';
import type { ApiErrorKind } from '../api-client.ts';
import { popupText } from '../i18n/popup.ts';
import { translator } from '../i18n/translate.ts';
import type { SyncStatus as SyncStatusData } from '../messaging.ts';
import type { Language } from '../settings.ts';
import { formatDayZh } from './reason-text.ts';

/** lastErrorKind says what kind of failure lastError is; the page translates it instead of the raw text. */
export type SyncStatusView = Omit<SyncStatusData, 'lastErrorKind'> & { lastErrorKind?: ApiErrorKind | null };

export interface SyncStatusProps {
  status: SyncStatusView;
  language: Language;
  now: number;
  /** A sync started from here is still running: the button waits. */
  syncing?: boolean;
  onSyncNow: () => void;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function SyncStatus({ status, language, now, syncing = false, onSyncNow }: SyncStatusProps) {
  const t = translator(popupText, language);
  const { unsynced, conflicts, lastSyncAt, lastError, lastErrorKind } = status;
  return (
    <section class="tw-sync" data-testid="sync-status" aria-live="polite">
      <div class="tw-sync-line">
        <span data-testid="unsynced" data-count={unsynced} class={unsynced > 0 ? 'tw-sync-pending' : undefined}>
          {unsynced === 0 ? t('sync.allSynced') : unsynced === 1 ? t('sync.unsyncedOne') : t('sync.unsyncedMany', { n: unsynced })}
        </span>
        <button type="button" class="tw-button" data-testid="sync-now" onClick={onSyncNow} disabled={syncing} aria-busy={syncing}>
          {syncing ? t('sync.syncing') : t('sync.now')}
        </button>
      </div>
      <p class="tw-muted" data-testid="last-sync">
        {syncedText(lastSyncAt, now, language)}
        {conflicts > 0 && <span data-testid="conflicts"> · {t('sync.conflicts', { n: conflicts })}</span>}
      </p>
      {lastError !== null && (
        <p class="tw-error" data-testid="sync-error" role="alert">
          {lastErrorKind ? (
            t('sync.failedBecause', { reason: t(`error.${lastErrorKind}`) })
          ) : (
            <>
              {t('sync.failed')} <span lang="en">{lastError}</span>
            </>
          )}
        </p>
      )}
    </section>
  );
}

export function syncedText(lastSyncAt: number | null, now: number, language: Language): string {
  const t = translator(popupText, language);
  if (lastSyncAt === null) return t('sync.never');
  const ago = Math.max(0, now - lastSyncAt);
  if (ago < MINUTE) return t('sync.justNow');
  if (ago < HOUR) return t('sync.minutes', { n: Math.floor(ago / MINUTE) });
  if (ago < 24 * HOUR) return t('sync.hours', { n: Math.floor(ago / HOUR) });
  return t('sync.on', { day: language === 'zh' ? formatDayZh(lastSyncAt) : formatDay(lastSyncAt) });
}
