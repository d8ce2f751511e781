// The popup's wiring: ask the background for the language, the daily list and the rep's
// templates, run "sync now", open a contact's mail in a new tab. What is shown is ui/daily-list.tsx.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EmailTemplate } from '../../../shared/schema.ts';
import { gmailSearchUrl } from '../../hosts/gmail-search-url.ts';
import { langAttribute, popupText } from '../../i18n/popup.ts';
import { translator } from '../../i18n/translate.ts';
import { ask } from '../../messaging.ts';
import type { Language } from '../../settings.ts';
import { DailyList, type DailyListData } from '../../ui/daily-list.tsx';

export interface PopupProps {
  /** The browser's own language, used only until the rep's setting arrives. */
  fallbackLanguage: Language;
  clock?: () => number;
}

export function Popup({ fallbackLanguage, clock = Date.now }: PopupProps) {
  const [language, setLanguage] = useState<Language | null>(null);
  const [view, setView] = useState<DailyListData | null>(null);
  const [loadedAt, setLoadedAt] = useState(0);
  const [templates, setTemplates] = useState<EmailTemplate[] | undefined>();
  const [error, setError] = useState<{ during: 'load' | 'sync'; message: string } | null>(null);
  const [syncing, setSyncing] = useState(false);

  const loadList = useCallback(async () => {
    try {
      setView(await ask({ type: 'daily-list' }));
      setLoadedAt(clock());
      // A failed "sync now" stays on screen after the reload that follows it.
      setError((shown) => (shown?.during === 'load' ? null : shown));
    } catch (failure) {
      setError({ during: 'load', message: messageOf(failure) });
    }
  }, [clock]);

  useEffect(() => {
    ask({ type: 'settings-get' }).then(
      (settings) => setLanguage(settings.language),
      (failure: unknown) => {
        console.error('tidewise popup: settings-get failed', failure);
        setLanguage(fallbackLanguage);
      },
    );
    // Only the labels of edited templates depend on this; without it the rows show the default labels.
    ask({ type: 'templates-list' }).then(
      (answer) => setTemplates(answer.templates),
      (failure: unknown) => console.warn('tidewise popup: templates-list failed, showing default template labels', failure),
    );
    void loadList();
  }, [fallbackLanguage, loadList]);

  const shown = language ?? fallbackLanguage;
  useEffect(() => {
    document.documentElement.lang = langAttribute(shown);
  }, [shown]);

  const syncNow = useCallback(async () => {
    setSyncing(true);
    setError(null);
    try {
      await ask({ type: 'sync-now' });
      await loadList();
    } catch (failure) {
      setError({ during: 'sync', message: messageOf(failure) });
      await loadList();
    } finally {
      setSyncing(false);
    }
  }, [loadList]);

  const openThread = useCallback((email: string) => {
    void browser.tabs.create({ url: gmailSearchUrl(email) });
  }, []);

  const openSettings = useCallback(() => {
    void browser.runtime.openOptionsPage();
  }, []);

  const t = translator(popupText, shown);
  return (
    <main class="tw-root tw-popup" data-testid="popup" lang={langAttribute(shown)}>
      <header class="tw-popup-head">
        <h1>Tidewise</h1>
        <button type="button" class="tw-button" data-testid="popup-settings" onClick={openSettings}>
          {t('popup.settings')}
        </button>
      </header>
      {error && (
        <p class="tw-error" data-testid="popup-error" role="alert">
          {t(error.during === 'load' ? 'popup.loadFailed' : 'popup.syncFailed')} <span lang="en">{error.message}</span>{' '}
          <button type="button" class="tw-button" data-testid="popup-retry" onClick={() => void (error.during === 'load' ? loadList() : syncNow())}>
            {t('popup.retry')}
          </button>
        </p>
      )}
      {language === null || view === null ? (
        !error && (
          <p class="tw-muted" data-testid="popup-loading" aria-busy="true">
            {t('popup.loading')}
          </p>
        )
      ) : (
        <DailyList
          view={view}
          language={language}
          now={loadedAt}
          templates={templates}
          syncing={syncing}
          onOpenThread={openThread}
          onSyncNow={() => void syncNow()}
          onOpenSettings={openSettings}
        />
      )}
    </main>
  );
}

/** The rep's browser language as one of ours: any Chinese locale reads Simplified Chinese. */
export function browserLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
