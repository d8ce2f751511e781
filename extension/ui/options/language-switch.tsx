// English / 简体中文. Each language is named in itself, so a rep can find theirs whichever
// language the page is in now.
import type { OptionsT } from '../../i18n/options.ts';
import type { Language } from '../../settings.ts';

const NAMES: Record<Language, string> = { en: 'English', zh: '简体中文' };

export function LanguageSwitch({ language, t, busy, onChange }: { language: Language; t: OptionsT; busy: boolean; onChange: (language: Language) => void }) {
  return (
    <label class="opt-language" for="language-select">
      <span>{t('language.label')}</span>
      <select
        id="language-select"
        data-testid="language-select"
        value={language}
        disabled={busy}
        onChange={(event) => onChange(event.currentTarget.value === 'zh' ? 'zh' : 'en')}
      >
        {(Object.keys(NAMES) as Language[]).map((code) => (
          <option value={code} key={code} lang={code === 'zh' ? 'zh-Hans' : 'en'}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
