// How many contacts sit in each state, best first like the daily list, as bars with the count
// written beside each one (the bar is decoration; the number is the information). Archived
// contacts are shown apart: they are out of the follow-up work, and a year of zombies would
// otherwise dwarf the live bars.
import { useId } from 'preact/hooks';
import { LIVE_STATES, type ContactState } from '../../shared/contact-state.ts';
import { popupText } from '../i18n/popup.ts';
import { translator } from '../i18n/translate.ts';
import type { Language } from '../settings.ts';
import { stateLabel } from './state-badge.tsx';

export interface FunnelProps {
  counts: Record<ContactState, number>;
  language: Language;
}

export function Funnel({ counts, language }: FunnelProps) {
  const t = translator(popupText, language);
  const headingId = useId();
  const widest = Math.max(...LIVE_STATES.map((state) => counts[state]));
  const total = LIVE_STATES.reduce((sum, state) => sum + counts[state], counts.archived);
  return (
    <section class="tw-funnel" data-testid="funnel" aria-labelledby={headingId}>
      <h2 class="tw-heading" id={headingId}>
        {t('funnel.heading')}
      </h2>
      <ul class="tw-funnel-bars">
        {LIVE_STATES.map((state) => (
          <li class="tw-funnel-row" key={state} data-testid={`funnel-${state}`}>
            <span class="tw-funnel-label">{stateLabel(state, language)}</span>
            <span class="tw-funnel-track" aria-hidden="true">
              <span class={`tw-funnel-bar tw-state-${state}`} style={{ width: `${barPercent(counts[state], widest)}%` }} />
            </span>
            <span class="tw-funnel-count" data-testid={`funnel-count-${state}`}>
              {counts[state]}
            </span>
          </li>
        ))}
      </ul>
      <p class="tw-funnel-archived" data-testid="funnel-archived">
        <span>
          {stateLabel('archived', language)} <span class="tw-muted">{t('funnel.archivedNote')}</span>
        </span>
        <span class="tw-funnel-count" data-testid="funnel-count-archived">
          {counts.archived}
        </span>
      </p>
      <p class="tw-muted" data-testid="funnel-total">
        {t('funnel.total', { n: total })}
      </p>
    </section>
  );
}

/** Bar length against the largest live state; a state with anyone in it always shows a sliver. */
export function barPercent(count: number, widest: number): number {
  if (count <= 0 || widest <= 0) return 0;
  return Math.max(3, Math.round((count / widest) * 100));
}
