// One contact on the daily list: who, how late, why they are in this state, what to send, and the
// way to their mail. Everything the row says comes from the classification, so the sidebar and
// the list can never disagree.
import type { DueContact } from '../../shared/daily-list.ts';
import type { EmailTemplate } from '../../shared/schema.ts';
import { defaultTemplate, type TemplateKey } from '../../shared/templates.ts';
import { popupText } from '../i18n/popup.ts';
import { translator } from '../i18n/translate.ts';
import type { ContactView } from '../messaging.ts';
import type { Language } from '../settings.ts';
import { flagText, reasonsText } from './reason-text.ts';

export interface DueRowProps {
  due: DueContact;
  profile?: ContactView['profile'] | undefined;
  language: Language;
  /** The rep's templates (edited ones included); the defaults are used for keys not found here. */
  templates?: readonly EmailTemplate[] | undefined;
  onOpenThread: (email: string) => void;
}

export function DueRow({ due, profile, language, templates, onOpenThread }: DueRowProps) {
  const t = translator(popupText, language);
  const { contact, classification, overdueDays } = due;
  const name = displayName(profile);
  const { state, reasons, flags, intent, templateKey } = classification;
  return (
    <li class="tw-row" data-testid="due-contact" data-contact={contact} data-state={state}>
      <div class="tw-row-head">
        <div class="tw-contact">
          <strong class="tw-contact-name" data-testid="contact-name">
            {name ?? contact}
          </strong>
          {name !== null && <span class="tw-muted tw-address">{contact}</span>}
          {profile?.company && <span class="tw-muted tw-company">{profile.company}</span>}
        </div>
        <span class={overdueDays > 0 ? 'tw-overdue tw-late' : 'tw-overdue'} data-testid="overdue" data-days={overdueDays}>
          {overdueText(overdueDays, language)}
        </span>
      </div>
      <dl class="tw-facts">
        <dt>{t('row.why')}</dt>
        <dd data-testid="why">{reasonsText(reasons, language)}</dd>
        {flags.map((flag) => [
          <dt key={`${flag}-term`}>{t('row.note')}</dt>,
          <dd key={flag} data-testid="flag" data-flag={flag}>
            {flagText(flag, language)}
          </dd>,
        ])}
        {state === 'replied' && [
          <dt key="intent-term">{t('row.intent')}</dt>,
          <dd key="intent" data-testid="intent" data-intent={intent}>
            {t(`intent.${intent}`)}
          </dd>,
        ]}
        {templateKey !== null && [
          <dt key="template-term">{t('row.template')}</dt>,
          <dd key="template" data-testid="template" data-template={templateKey}>
            {templateLabel(templateKey, language, templates)}
          </dd>,
        ]}
      </dl>
      <button
        type="button"
        class="tw-button tw-open-thread"
        data-testid="open-thread"
        aria-label={t('row.openThreadWith', { name: name ?? contact })}
        onClick={() => onOpenThread(contact)}
      >
        {t('row.openThread')}
      </button>
    </li>
  );
}

const HAN = /^\p{Script=Han}+$/u;

/**
 * "Anna Schmidt" from the profile, "欧阳娜娜" for a Chinese name (family name first, no space: the
 * CSV import splits it into 欧阳 + 娜娜), or null when the rep never gave a name (the row shows the address).
 */
export function displayName(profile: ContactView['profile'] | undefined): string | null {
  const { firstName = '', lastName = '' } = profile ?? {};
  if (HAN.test(firstName) && HAN.test(lastName)) return `${lastName}${firstName}`;
  const name = [firstName, lastName].filter((part) => part.trim() !== '').join(' ');
  return name === '' ? null : name;
}

export function overdueText(overdueDays: number, language: Language): string {
  const t = translator(popupText, language);
  if (overdueDays <= 0) return t('row.dueToday');
  return overdueDays === 1 ? t('row.overdueOne') : t('row.overdueMany', { n: overdueDays });
}

export function templateLabel(key: TemplateKey, language: Language, templates: readonly EmailTemplate[] = []): string {
  const template = templates.find((candidate) => candidate.key === key) ?? defaultTemplate(key);
  return template.label[language];
}
