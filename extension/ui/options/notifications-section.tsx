// One switch, saved as soon as it changes.
import { useState } from 'preact/hooks';
import type { OptionsT } from '../../i18n/options.ts';
import type { PublicSettings } from '../../settings.ts';
import type { SettingsChange } from './settings-change.ts';
import { detailOf, IDLE, msg, StatusLine, type Status } from './status-line.tsx';

export interface NotificationsProps {
  settings: PublicSettings;
  t: OptionsT;
  onSave: (patch: SettingsChange) => Promise<PublicSettings>;
}

export function NotificationsSection({ settings, t, onSave }: NotificationsProps) {
  const [enabled, setEnabled] = useState(settings.notifications);
  const [status, setStatus] = useState<Status>(IDLE);

  const change = async (next: boolean) => {
    setEnabled(next);
    setStatus({ state: 'busy', text: msg('common.saving') });
    try {
      const saved = await onSave({ notifications: next });
      setEnabled(saved.notifications);
      setStatus({ state: 'ok', text: msg('common.saved') });
    } catch (error) {
      setEnabled(!next);
      setStatus({ state: 'error', kind: 'save-failed', text: msg('common.saveFailed'), detail: detailOf(error) });
    }
  };

  return (
    <section class="opt-section" aria-labelledby="notifications-title" data-testid="notifications-section">
      <h2 id="notifications-title">{t('notifications.title')}</h2>
      <label class="opt-check" for="notifications-enabled">
        <input
          id="notifications-enabled"
          data-testid="notifications-enabled"
          type="checkbox"
          checked={enabled}
          disabled={status.state === 'busy'}
          onChange={(event) => void change(event.currentTarget.checked)}
        />
        <span>{t('notifications.enabled')}</span>
      </label>
      <StatusLine status={status} testId="notifications-status" t={t} />
    </section>
  );
}
