// Tracking on or off, domains never tracked (one per line, with a button for the EU), and the
// optional disclosure line. Domains are checked with the settings schema the background saves with.
import { useState } from 'preact/hooks';
import type { OptionsT } from '../../i18n/options.ts';
import { settings as settingsSchema, type PublicSettings } from '../../settings.ts';
import { EU_COUNTRY_DOMAINS, withEuDomains } from './eu-domains.ts';
import type { SettingsChange } from './settings-change.ts';
import { detailOf, IDLE, msg, StatusLine, type Message, type Status } from './status-line.tsx';

export interface TrackingProps {
  settings: PublicSettings;
  t: OptionsT;
  onSave: (patch: SettingsChange) => Promise<PublicSettings>;
}

export function TrackingSection({ settings, t, onSave }: TrackingProps) {
  const [enabled, setEnabled] = useState(settings.tracking.enabled);
  const [domains, setDomains] = useState(settings.tracking.excludedDomains.join('\n'));
  const [disclosure, setDisclosure] = useState(settings.tracking.disclosure);
  const [errors, setErrors] = useState<Message[]>([]);
  const [status, setStatus] = useState<Status>(IDLE);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const read = readDomains(domains);
    const found = 'errors' in read ? read.errors : [];
    if (disclosure.trim().length > 300) found.push(msg('tracking.disclosureLong'));
    setErrors(found);
    if ('errors' in read || found.length > 0) {
      setStatus({ state: 'error', kind: 'invalid', text: msg('common.fixFirst') });
      return;
    }
    setStatus({ state: 'busy', text: msg('common.saving') });
    try {
      const saved = await onSave({ tracking: { enabled, excludedDomains: read.domains, disclosure: disclosure.trim() } });
      setDomains(saved.tracking.excludedDomains.join('\n'));
      setDisclosure(saved.tracking.disclosure);
      setStatus({ state: 'ok', text: msg('common.saved') });
    } catch (error) {
      setStatus({ state: 'error', kind: 'save-failed', text: msg('common.saveFailed'), detail: detailOf(error) });
    }
  };

  return (
    <section class="opt-section" aria-labelledby="tracking-title" data-testid="tracking-section">
      <h2 id="tracking-title">{t('tracking.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <label class="opt-check" for="tracking-enabled">
          <input id="tracking-enabled" data-testid="tracking-enabled" type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
          <span>{t('tracking.enabled')}</span>
        </label>
        <p class="opt-hint">{t('tracking.enabledHint')}</p>

        <label class="opt-field" for="tracking-excluded">
          <span>{t('tracking.excluded')}</span>
          <textarea
            id="tracking-excluded"
            data-testid="tracking-excluded"
            rows={6}
            value={domains}
            spellcheck={false}
            placeholder={'example.de\n*.example.fr\n.it'}
            onInput={(event) => setDomains(event.currentTarget.value)}
          />
        </label>
        <p class="opt-hint">{t('tracking.excludedHint')}</p>
        <div class="opt-actions">
          <button
            type="button"
            class="opt-button"
            id="tracking-exclude-eu"
            data-testid="tracking-exclude-eu"
            onClick={() => setDomains(withEuDomains(lines(domains)).join('\n'))}
          >
            {t('tracking.excludeEu')}
          </button>
          <span class="opt-hint">{t('tracking.excludeEuHint', { n: EU_COUNTRY_DOMAINS.length - 1 })}</span>
        </div>

        <label class="opt-field" for="tracking-disclosure">
          <span>{t('tracking.disclosure')}</span>
          <input
            id="tracking-disclosure"
            data-testid="tracking-disclosure"
            value={disclosure}
            maxLength={300}
            placeholder={t('tracking.disclosurePlaceholder')}
            onInput={(event) => setDisclosure(event.currentTarget.value)}
          />
        </label>
        <p class="opt-hint">{t('tracking.disclosureHint')}</p>

        {errors.length > 0 && (
          <ul class="opt-errors" data-testid="tracking-errors">
            {errors.map((error, index) => (
              <li key={index}>{t(error.key, error.params)}</li>
            ))}
          </ul>
        )}
        <div class="opt-actions">
          <button type="submit" class="opt-button opt-primary" id="tracking-save" data-testid="tracking-save" disabled={status.state === 'busy'}>
            {t('common.save')}
          </button>
        </div>
        <StatusLine status={status} testId="tracking-status" t={t} />
      </form>
    </section>
  );
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** The textarea's domains, lower-cased and each once, or one message per line that is not a domain. */
export function readDomains(text: string): { domains: string[] } | { errors: Message[] } {
  const rows = text.split(/\r?\n/).map((line, index) => ({ line: index + 1, value: line.trim() })).filter((row) => row.value !== '');
  const seen = new Set<string>();
  const unique = rows.filter((row) => !seen.has(row.value.toLowerCase()) && seen.add(row.value.toLowerCase()));
  if (unique.length > 500) return { errors: [msg('tracking.tooMany')] };
  const parsed = settingsSchema.shape.tracking.safeParse({ excludedDomains: unique.map((row) => row.value) });
  if (parsed.success) return { domains: parsed.data.excludedDomains };
  const errors = parsed.error.issues.map((issue) => {
    const row = unique[Number(issue.path[1])];
    return row ? msg('tracking.badDomain', { line: row.line, value: row.value }) : msg('common.fixFirst');
  });
  return { errors };
}
