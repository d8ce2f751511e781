// One correspondent of the open conversation: where they stand and since when, why, what to watch
// out for, when to write next and at what hour, the mail to send, the rep's one-click decisions,
// and the evidence. Everything it says comes from the ContactView; everything it does is a callback.
import { useId, useState } from 'preact/hooks';
import { DAY } from '../../../shared/day.ts';
import { formatDay, type ContactFlag } from '../../../shared/reasons.ts';
import type { SidebarT } from '../../i18n/sidebar.ts';
import type { ContactView } from '../../messaging.ts';
import type { Language } from '../../settings.ts';
import { displayName } from '../due-row.tsx';
import { flagText, formatDayZh, reasonsText } from '../reason-text.ts';
import { StateBadge } from '../state-badge.tsx';
import { ActionError, useActionRunner } from './action-runner.tsx';
import type { ContactCallbacks } from './contact-callbacks.ts';
import { ArchiveButton, ContactActions } from './contact-actions.tsx';
import { ContactFields, currentFields, type ContactExtras } from './contact-fields.tsx';
import { bestHourText, followUp } from './follow-up-text.ts';
import { countryName } from './local-time.ts';
import { TemplateSection } from './template-section.tsx';
import { Timeline } from './timeline.tsx';

export interface ContactCardProps extends ContactCallbacks {
  view: ContactView;
  language: Language;
  now: number;
  timeZone: string;
  t: SidebarT;
  /** Placeholder values for this contact's template (the profile's already merged in). */
  values: Readonly<Record<string, string | undefined>>;
  extras?: ContactExtras | undefined;
  /** Pre-filled in the order form when the contact has no earlier order with a currency. */
  defaultCurrency: string;
}

export function ContactCard(props: ContactCardProps) {
  const { view, language, now, timeZone, t } = props;
  const { email, classification, profile, template, bestHour } = view;
  const runner = useActionRunner();
  const name = displayName(profile);
  const next = followUp(classification, now, language, timeZone, t);
  const best = bestHour ? bestHourText(bestHour, now, language, timeZone, t) : null;
  const fields = currentFields(view.timeline, props.extras);
  const headingId = useId();
  // Several people on one thread make a long column: the rep can fold the ones not in focus.
  const [open, setOpen] = useState(true);

  return (
    <article
      class={`tw-card tw-state-${classification.state}`}
      data-testid="contact-card"
      data-contact={email}
      data-state={classification.state}
      data-open={open}
      aria-labelledby={headingId}
    >
      <header class="tw-card-head">
        <h2 class="tw-card-name" id={headingId}>
          {name ?? email}
        </h2>
        <StateBadge state={classification.state} language={language} />
        <button
          type="button"
          class="tw-card-toggle"
          data-testid="card-toggle"
          aria-expanded={open}
          aria-label={t(open ? 'card.collapse' : 'card.expand', { name: name ?? email })}
          title={t(open ? 'card.collapse' : 'card.expand', { name: name ?? email })}
          onClick={() => setOpen(!open)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d={open ? 'M3 10l5-5 5 5' : 'M3 6l5 5 5-5'} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        </button>
        {name !== null && <span class="tw-muted tw-address">{email}</span>}
        {(profile.company || profile.country) && (
          <span class="tw-muted tw-company">
            {[profile.company, profile.country && countryName(profile.country, language)].filter(Boolean).join(' · ')}
          </span>
        )}
      </header>

      <p class="tw-since" data-testid="state-since">
        {sinceText(classification.since, now, language, t)}
      </p>
      <p class="tw-why" data-testid="why">
        <span class="tw-muted tw-why-label">{t('card.why')}</span>
        {reasonsText(classification.reasons, language)}
      </p>

      {classification.flags.length > 0 && (
        <ul class="tw-flags">
          {classification.flags.map((flag) => (
            <Flag key={flag} flag={flag} language={language} t={t} />
          ))}
        </ul>
      )}

      <dl class="tw-next">
        <div>
          <dt>{t('next.label')}</dt>
          <dd class={`tw-due tw-due-${next.status}`} data-testid="next-follow-up" data-due={next.status} data-days={next.days}>
            {next.text}
          </dd>
        </div>
        {best && (
          <div>
            <dt>{t('best.label')}</dt>
            <dd data-testid="best-hour" data-zone={bestHour?.timeZone}>
              <span class="tw-best-window">
                {best.window} <span class="tw-muted">{best.basis}</span>
              </span>
              <span class="tw-best-next">{best.next}</span>
            </dd>
          </div>
        )}
      </dl>

      {open && (
        <>

          {template ? (
            <TemplateSection
              email={email}
              template={template}
              values={props.values}
              language={language}
              t={t}
              runner={runner}
              onInsertTemplate={props.onInsertTemplate}
            />
          ) : (
            classification.state === 'archived' && <p class="tw-muted tw-sb-section">{t('template.none')}</p>
          )}

          <section class="tw-sb-section" aria-label={t('actions.heading')}>
            <h3 class="tw-sb-heading">{t('actions.heading')}</h3>
            <ContactActions
              email={email}
              classification={classification}
              defaultCurrency={lastCurrency(view) ?? props.defaultCurrency}
              language={language}
              now={now}
              timeZone={timeZone}
              t={t}
              runner={runner}
              onLogOrder={props.onLogOrder}
              onSetIntent={props.onSetIntent}
              onSnooze={props.onSnooze}
            />
            <ContactFields
              email={email}
              fields={fields}
              t={t}
              runner={runner}
              onSetTier={props.onSetTier}
              onSetStars={props.onSetStars}
              onSetTags={props.onSetTags}
              onAddNote={props.onAddNote}
            />
            <ArchiveButton
              email={email}
              classification={classification}
              t={t}
              runner={runner}
              onArchive={props.onArchive}
              onUnarchive={props.onUnarchive}
            />
            {/* Every failure but the insert's, which its own button shows. */}
            <ActionError runner={runner} t={t} shows={(action) => action !== 'insert'} />
          </section>

          <Timeline events={view.timeline} language={language} now={now} timeZone={timeZone} t={t} />
        </>
      )}
    </article>
  );
}

function Flag({ flag, language, t }: { flag: ContactFlag; language: Language; t: SidebarT }) {
  return (
    <li class="tw-flag" data-testid="flag" data-flag={flag}>
      <strong>{t(`flag.${flag}`)}</strong>
      <span class="tw-muted">{flagText(flag, language)}</span>
    </li>
  );
}

/** "for 12 days, since 28 Feb 2026": whole days in the state (reason chains use the same UTC days). */
export function sinceText(since: number | null, now: number, language: Language, t: SidebarT): string {
  if (since === null) return '';
  const days = Math.max(0, Math.floor((now - since) / DAY));
  const day = language === 'zh' ? formatDayZh(since) : formatDay(since);
  if (days === 0) return t('card.sinceToday');
  return days === 1 ? t('card.sinceOne', { day }) : t('card.sinceMany', { n: days, day });
}

function lastCurrency(view: ContactView): string | null {
  let currency: string | null = null;
  for (const event of view.timeline) if (event.type === 'order' && event.currency) currency = event.currency;
  return currency;
}
