// Worker URL and account token. "Test connection" tries the values in the fields without saving
// them, so a rep can check a token before replacing a working one; "Save" saves and then tests.
import { useState } from 'preact/hooks';
import type { OptionsT } from '../../i18n/options.ts';
import type { ConnectionResult } from '../../messaging.ts';
import { workerUrl as workerUrlSchema, type PublicSettings } from '../../settings.ts';
import type { SettingsChange } from './settings-change.ts';
import { detailOf, IDLE, msg, StatusLine, type Status } from './status-line.tsx';

export interface ConnectionProps {
  settings: PublicSettings;
  t: OptionsT;
  onSave: (patch: SettingsChange) => Promise<PublicSettings>;
  /** Tries these values; a missing token means the saved one. */
  onTest: (values: { workerUrl: string; token?: string }) => Promise<ConnectionResult>;
}

export function ConnectionSection({ settings, t, onSave, onTest }: ConnectionProps) {
  const [url, setUrl] = useState(settings.workerUrl);
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<Status>(IDLE);
  const busy = status.state === 'busy';

  /** The fields, checked; or the message that says what is wrong with them. */
  const fields = (): { workerUrl: string; token?: string } | Status => {
    const parsed = workerUrlSchema.safeParse(url);
    if (!parsed.success) return { state: 'error', kind: 'bad-url', text: msg('connection.bad-url') };
    const typed = token.trim();
    if (typed === '' && !settings.hasToken) return { state: 'error', kind: 'no-token', text: msg('connection.no-token') };
    return typed === '' ? { workerUrl: parsed.data } : { workerUrl: parsed.data, token: typed };
  };

  const test = async (values: { workerUrl: string; token?: string }) => {
    setStatus({ state: 'busy', text: msg('connection.testing') });
    try {
      setStatus(describe(await onTest(values), values.workerUrl));
    } catch (error) {
      setStatus({ state: 'error', kind: 'failed', text: msg('connection.failed'), detail: detailOf(error) });
    }
  };

  const onTestClick = () => {
    const values = fields();
    if ('state' in values) setStatus(values);
    else void test(values);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const values = fields();
    if ('state' in values) {
      setStatus(values);
      return;
    }
    setStatus({ state: 'busy', text: msg('common.saving') });
    try {
      const saved = await onSave(values);
      setToken('');
      setUrl(saved.workerUrl);
      await test({ workerUrl: saved.workerUrl });
    } catch (error) {
      setStatus({ state: 'error', kind: 'save-failed', text: msg('common.saveFailed'), detail: detailOf(error) });
    }
  };

  return (
    <section class="opt-section" aria-labelledby="connection-title" data-testid="connection-section">
      <h2 id="connection-title">{t('connection.title')}</h2>
      <p class="opt-hint">{t('connection.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <label class="opt-field" for="worker-url">
          <span>{t('connection.url')}</span>
          <input
            id="worker-url"
            data-testid="worker-url"
            type="url"
            value={url}
            placeholder="https://t.example.com"
            autocomplete="url"
            spellcheck={false}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <label class="opt-field" for="worker-token">
          <span>{t('connection.token')}</span>
          <input
            id="worker-token"
            data-testid="worker-token"
            type="password"
            value={token}
            placeholder={settings.hasToken ? t('connection.tokenSaved') : t('connection.tokenEmpty')}
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => setToken(event.currentTarget.value)}
          />
        </label>
        <div class="opt-actions">
          <button type="submit" class="opt-button opt-primary" id="connection-save" data-testid="connection-save" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" class="opt-button" id="connection-test" data-testid="connection-test" disabled={busy} onClick={onTestClick}>
            {t('connection.test')}
          </button>
          <span class="opt-hint" data-testid="connection-account">
            {settings.account ? t('connection.savedAccount', { name: settings.account.name }) : t('connection.notConnected')}
          </span>
        </div>
        <StatusLine status={status} testId="connection-status" t={t} />
      </form>
    </section>
  );
}

function describe(result: ConnectionResult, url: string): Status {
  if (result.ok) return { state: 'ok', text: msg('connection.ok', { name: result.account.name }) };
  return { state: 'error', kind: result.kind, text: msg(`connection.${result.kind}`, { url }), detail: result.message };
}
