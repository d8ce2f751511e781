// The rep's one-click decisions about a contact: orders, what they said, when to look again,
// and putting them away (ArchiveButton, shown last). Each button hands its choice to a callback; nothing is stored here.
import { useState } from 'preact/hooks';
import type { Classification } from '../../../shared/classify.ts';
import { DAY } from '../../../shared/day.ts';
import type { Intent } from '../../../shared/schema.ts';
import { localDayCounter, localToInstant } from '../../../shared/time-zone.ts';
import { popupText } from '../../i18n/popup.ts';
import type { SidebarT } from '../../i18n/sidebar.ts';
import { translator } from '../../i18n/translate.ts';
import type { Language } from '../../settings.ts';
import { ActionButton, type ActionRunner } from './action-runner.tsx';
import type { ContactCallbacks } from './contact-callbacks.ts';
import { OrderForm } from './order-form.tsx';

export const INTENTS: readonly Intent[] = ['interested', 'later', 'no-need'];
export const SNOOZE_DAYS = [7, 14, 30] as const;

export interface ContactActionsProps extends Pick<ContactCallbacks, 'onLogOrder' | 'onSetIntent' | 'onSnooze'> {
  email: string;
  classification: Classification;
  defaultCurrency: string;
  language: Language;
  now: number;
  timeZone: string;
  t: SidebarT;
  runner: ActionRunner;
}

export function ContactActions(props: ContactActionsProps) {
  const { email, classification, language, t, runner } = props;
  const popupT = translator(popupText, language);
  const [orderOpen, setOrderOpen] = useState(false);
  const archived = classification.state === 'archived';
  return (
    <div class="tw-actions">
      <div class="tw-row-buttons">
        <ActionButton runner={runner} action="sample" testId="log-sample" pendingLabel={t('actions.saving')} onRun={() => props.onLogOrder(email, { kind: 'sample' })}>
          {t('actions.logSample')}
        </ActionButton>
        <button
          type="button"
          class="tw-button"
          data-testid="log-order"
          aria-expanded={orderOpen}
          disabled={runner.pending !== null}
          onClick={() => setOrderOpen(!orderOpen)}
        >
          {t('actions.logOrder')}
        </button>
      </div>
      {orderOpen && (
        <OrderForm
          email={email}
          defaultCurrency={props.defaultCurrency}
          t={t}
          runner={runner}
          onLogOrder={props.onLogOrder}
          onClose={() => setOrderOpen(false)}
        />
      )}

      {classification.state === 'replied' && (
        <div class="tw-control" role="group" aria-label={t('intent.label')}>
          <span class="tw-control-label">{t('intent.label')}</span>
          <div class="tw-segmented">
            {INTENTS.map((intent) => (
              <ActionButton
                key={intent}
                runner={runner}
                action={`intent-${intent}`}
                testId={`intent-${intent}`}
                pressed={classification.intent === intent}
                onRun={() => props.onSetIntent(email, intent)}
              >
                {popupT(`intent.${intent}`)}
              </ActionButton>
            ))}
          </div>
        </div>
      )}

      {!archived && <Snooze {...props} />}
    </div>
  );
}

/** Archive, or unarchive an archived contact: last in the card, away from the everyday buttons. */
export interface ArchiveButtonProps
  extends Pick<ContactActionsProps, 'email' | 'classification' | 't' | 'runner'>,
    Pick<ContactCallbacks, 'onArchive' | 'onUnarchive'> {}

export function ArchiveButton({ email, classification, t, runner, onArchive, onUnarchive }: ArchiveButtonProps) {
  return (
    <div class="tw-row-buttons tw-archive-row">
      {classification.state === 'archived' ? (
        <ActionButton runner={runner} action="unarchive" testId="unarchive" pendingLabel={t('actions.saving')} onRun={() => onUnarchive(email)}>
          {t('unarchive')}
        </ActionButton>
      ) : (
        <ActionButton runner={runner} action="archive" testId="archive" class="tw-quiet" pendingLabel={t('actions.saving')} onRun={() => onArchive(email)}>
          {t('archive')}
        </ActionButton>
      )}
    </div>
  );
}

function Snooze({ email, now, timeZone, t, runner, onSnooze }: ContactActionsProps) {
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState(false);
  const localDay = localDayCounter(timeZone);
  // The date input speaks in local days: tomorrow is the first it offers.
  const tomorrow = new Date((localDay(now) + 1) * DAY).toISOString().slice(0, 10);

  const snoozeUntilDate = async (event: Event) => {
    event.preventDefault();
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const until = match ? localToInstant(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), timeZone) : NaN;
    if (!Number.isFinite(until) || localDay(until) <= localDay(now) || until >= Date.UTC(2100, 0, 1)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    if (await runner.run('snooze-date', () => onSnooze(email, until))) setDate('');
  };

  return (
    <div class="tw-control" role="group" aria-label={t('snooze.label')}>
      <span class="tw-control-label">{t('snooze.label')}</span>
      <div class="tw-segmented">
        {SNOOZE_DAYS.map((days) => (
          <ActionButton key={days} runner={runner} action={`snooze-${days}`} testId={`snooze-${days}`} onRun={() => onSnooze(email, now + days * DAY)}>
            {t(`snooze.${days}`)}
          </ActionButton>
        ))}
      </div>
      <form class="tw-snooze-date" onSubmit={snoozeUntilDate} noValidate>
        <label class="tw-inline-field">
          <span>{t('snooze.date')}</span>
          <input
            type="date"
            class="tw-input"
            data-testid="snooze-date"
            min={tomorrow}
            value={date}
            aria-invalid={problem}
            onInput={(event) => setDate(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="tw-button" data-testid="snooze-submit" disabled={runner.pending !== null} aria-busy={runner.pending === 'snooze-date'}>
          {t('snooze.submit')}
        </button>
      </form>
      {problem && (
        <p class="tw-error" role="alert" data-testid="snooze-error">
          {t('snooze.error.date')}
        </p>
      )}
    </div>
  );
}
