// A contact's state as a coloured pill that always carries its name: colour helps scanning, the
// text is what counts (colour-blind reps, screen readers). The sidebar shows the same badge.
import type { ContactState } from '../../shared/contact-state.ts';
import { popupText } from '../i18n/popup.ts';
import { translator } from '../i18n/translate.ts';
import type { Language } from '../settings.ts';

export interface StateBadgeProps {
  state: ContactState;
  language: Language;
}

export function stateLabel(state: ContactState, language: Language): string {
  return translator(popupText, language)(`state.${state}`);
}

export function StateBadge({ state, language }: StateBadgeProps) {
  return (
    <span class={`tw-badge tw-state-${state}`} data-testid="state-badge" data-state={state}>
      <span class="tw-badge-dot" aria-hidden="true" />
      {stateLabel(state, language)}
    </span>
  );
}
