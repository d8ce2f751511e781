// The options page: every section, in the rep's language. It keeps the latest saved settings so a
// language change re-renders the whole page at once; everything else goes out through `actions`.
import { useEffect, useState } from 'preact/hooks';
import { optionsText } from '../../i18n/options.ts';
import { translator } from '../../i18n/translate.ts';
import type { ConnectionResult, ExportData } from '../../messaging.ts';
import type { ImportRow } from '../../requests.ts';
import type { Language, PublicSettings } from '../../settings.ts';
import type { EmailTemplate } from '../../../shared/schema.ts';
import { ConnectionSection } from './connection-section.tsx';
import { DataSection } from './data-section.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NotificationsSection } from './notifications-section.tsx';
import { PolicySection } from './policy-section.tsx';
import type { SettingsChange } from './settings-change.ts';
import { detailOf, IDLE, msg, StatusLine, type Status } from './status-line.tsx';
import { TemplateEditor, type TemplateList } from './template-editor.tsx';
import { TrackingSection } from './tracking-section.tsx';

export interface OptionsActions {
  saveSettings: (patch: SettingsChange) => Promise<PublicSettings>;
  testConnection: (values: { workerUrl: string; token?: string }) => Promise<ConnectionResult>;
  saveTemplate: (template: EmailTemplate) => Promise<TemplateList>;
  resetTemplate: (key: string) => Promise<TemplateList>;
  exportData: () => Promise<ExportData>;
  download: (fileName: string, text: string, type: string) => void;
  importContacts: (rows: ImportRow[], onProgress: (fraction: number) => void) => Promise<{ contacts: number }>;
}

export interface OptionsPageProps {
  settings: PublicSettings;
  /** null when the background could not list them. */
  templates: TemplateList | null;
  actions: OptionsActions;
}

export function langAttribute(language: Language): string {
  return language === 'zh' ? 'zh-Hans' : 'en';
}

export function OptionsPage({ settings: initial, templates, actions }: OptionsPageProps) {
  const [settings, setSettings] = useState(initial);
  const [languageStatus, setLanguageStatus] = useState<Status>(IDLE);
  const language = settings.language;
  const t = translator(optionsText, language);

  useEffect(() => {
    document.title = t('page.title');
    document.documentElement.lang = langAttribute(language);
  }, [language]);

  const saveSettings = async (patch: SettingsChange) => {
    const saved = await actions.saveSettings(patch);
    setSettings(saved);
    return saved;
  };

  const changeLanguage = async (next: Language) => {
    setLanguageStatus({ state: 'busy', text: msg('common.saving') });
    try {
      await saveSettings({ language: next });
      setLanguageStatus(IDLE);
    } catch (error) {
      setLanguageStatus({ state: 'error', kind: 'save-failed', text: msg('common.saveFailed'), detail: detailOf(error) });
    }
  };

  return (
    <div class="opt-page" lang={langAttribute(language)} data-testid="options-page" data-language={language}>
      <header class="opt-header">
        <div>
          <h1>{t('page.title')}</h1>
          <p class="opt-hint">{t('page.intro')}</p>
        </div>
        <div>
          <LanguageSwitch language={language} t={t} busy={languageStatus.state === 'busy'} onChange={(next) => void changeLanguage(next)} />
          <StatusLine status={languageStatus} testId="language-status" t={t} />
        </div>
      </header>
      <main>
        <ConnectionSection settings={settings} t={t} onSave={saveSettings} onTest={actions.testConnection} />
        <PolicySection settings={settings} t={t} onSave={saveSettings} />
        <section class="opt-section" aria-labelledby="templates-title" data-testid="templates-section">
          <h2 id="templates-title">{t('templates.title')}</h2>
          <p class="opt-hint">{t('templates.intro')}</p>
          {templates ? (
            <TemplateEditor list={templates} language={language} t={t} onSave={actions.saveTemplate} onReset={actions.resetTemplate} />
          ) : (
            <p class="opt-field-error" data-testid="templates-failed">
              {t('templates.loadFailed')}
            </p>
          )}
        </section>
        <TrackingSection settings={settings} t={t} onSave={saveSettings} />
        <NotificationsSection settings={settings} t={t} onSave={saveSettings} />
        <DataSection settings={settings} t={t} exportData={actions.exportData} download={actions.download} importContacts={actions.importContacts} />
      </main>
    </div>
  );
}
