// Silence periods and cadences as number boxes, checked with the shared policy schema on Save so
// the rep sees the same limits classify relies on, next to the box that breaks them.
import { useState } from 'preact/hooks';
import type { OptionsKey, OptionsT } from '../../i18n/options.ts';
import type { PublicSettings } from '../../settings.ts';
import { DEFAULT_POLICY } from '../../../shared/policy.ts';
import { POLICY_GROUPS, policyForm, readPolicyForm, type FieldError, type PolicyForm, type PolicyPath } from './policy-fields.ts';
import type { SettingsChange } from './settings-change.ts';
import { detailOf, IDLE, msg, StatusLine, type Status } from './status-line.tsx';

export interface PolicyProps {
  settings: PublicSettings;
  t: OptionsT;
  onSave: (patch: SettingsChange) => Promise<PublicSettings>;
}

export function PolicySection({ settings, t, onSave }: PolicyProps) {
  const [form, setForm] = useState<PolicyForm>(() => policyForm(settings.policy));
  const [errors, setErrors] = useState<Partial<Record<PolicyPath, FieldError>>>({});
  const [status, setStatus] = useState<Status>(IDLE);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const read = readPolicyForm(form);
    if (!read.ok) {
      setErrors(read.errors);
      setStatus({ state: 'error', kind: 'invalid', text: msg('common.fixFirst') });
      return;
    }
    setErrors({});
    setStatus({ state: 'busy', text: msg('common.saving') });
    try {
      const saved = await onSave({ policy: read.policy });
      setForm(policyForm(saved.policy));
      setStatus({ state: 'ok', text: msg('common.saved') });
    } catch (error) {
      setStatus({ state: 'error', kind: 'save-failed', text: msg('common.saveFailed'), detail: detailOf(error) });
    }
  };

  const group = (name: keyof typeof POLICY_GROUPS, title: OptionsKey) => (
    <fieldset class="opt-group">
      <legend>{t(title)}</legend>
      {POLICY_GROUPS[name].map((path) => {
        const id = `policy-${path.replace(/\./g, '-')}`;
        const error = errors[path];
        return (
          <div class="opt-number-row" key={path}>
            <label for={id}>{t(`policy.${path}`)}</label>
            <span class="opt-number">
              <input
                id={id}
                data-testid={id}
                type="number"
                inputMode="numeric"
                min={1}
                max={3650}
                step={1}
                value={form[path]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onInput={(event) => setForm({ ...form, [path]: event.currentTarget.value })}
              />
              <span>{t('common.days')}</span>
            </span>
            {error && (
              <p class="opt-field-error" id={`${id}-error`} data-testid={`${id}-error`}>
                {t(error.key, error.params)}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );

  return (
    <section class="opt-section" aria-labelledby="policy-title" data-testid="policy-section">
      <h2 id="policy-title">{t('policy.title')}</h2>
      <p class="opt-hint">{t('policy.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        {group('silence', 'policy.silence')}
        {group('cadence', 'policy.cadence')}
        {group('other', 'policy.other')}
        <div class="opt-actions">
          <button type="submit" class="opt-button opt-primary" id="policy-save" data-testid="policy-save" disabled={status.state === 'busy'}>
            {t('common.save')}
          </button>
          <button
            type="button"
            class="opt-button"
            id="policy-defaults"
            data-testid="policy-defaults"
            onClick={() => {
              setForm(policyForm(DEFAULT_POLICY));
              setErrors({});
            }}
          >
            {t('policy.defaults')}
          </button>
        </div>
        <StatusLine status={status} testId="policy-status" t={t} />
      </form>
    </section>
  );
}
