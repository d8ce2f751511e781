// The mail Tidewise proposes for this contact now: which template and why, and a preview filled
// from what is known about the contact and the rep. Whatever nothing filled stays as the visible
// [[name?]] marker, highlighted here and kept in the inserted text, so it cannot go out blank.
import { missingMarker, renderTemplate, type RenderedMail } from '../../../shared/render-template.ts';
import type { EmailTemplate } from '../../../shared/schema.ts';
import { PLACEHOLDERS } from '../../../shared/templates.ts';
import type { SidebarT } from '../../i18n/sidebar.ts';
import type { Language } from '../../settings.ts';
import { ActionButton, ActionError, type ActionRunner } from './action-runner.tsx';
import type { ContactCallbacks } from './contact-callbacks.ts';

export interface TemplateSectionProps extends Pick<ContactCallbacks, 'onInsertTemplate'> {
  email: string;
  template: EmailTemplate;
  values: Readonly<Record<string, string | undefined>>;
  language: Language;
  t: SidebarT;
  runner: ActionRunner;
}

export function TemplateSection({ email, template, values, language, t, runner, onInsertTemplate }: TemplateSectionProps) {
  const mail = renderTemplate(template, values);
  return (
    <section class="tw-sb-section tw-template" data-testid="template" data-template={template.key}>
      <h3 class="tw-sb-heading">{t('template.heading')}</h3>
      <p class="tw-template-label" data-testid="template-label">
        {template.label[language]}
      </p>
      <p class="tw-muted tw-template-why" data-testid="template-why">
        {template.why[language]}
      </p>
      <div class="tw-preview">
        <p class="tw-preview-subject" data-testid="template-preview-subject">
          {highlight(mail.subject, mail, language, t)}
        </p>
        <div class="tw-preview-body" data-testid="template-preview-body" tabIndex={0}>
          {highlight(mail.body, mail, language, t)}
        </div>
      </div>
      {mail.missing.length > 0 && (
        <p class="tw-template-missing" data-testid="template-missing">
          {t('template.missing', { names: mail.missing.map((name) => placeholderName(name, language)).join(language === 'zh' ? '、' : ', ') })}
        </p>
      )}
      <ActionButton
        runner={runner}
        action="insert"
        testId="insert-template"
        class="tw-primary"
        pendingLabel={t('template.inserting')}
        onRun={() => onInsertTemplate(email, { subject: mail.subject, body: mail.body })}
      >
        {t('template.insert')}
      </ActionButton>
      <ActionError runner={runner} t={t} shows={(action) => action === 'insert'} />
    </section>
  );
}

/** What the rep should put in a placeholder ("contact's company"); the name itself when unknown. */
function placeholderName(name: string, language: Language): string {
  return Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name as keyof typeof PLACEHOLDERS][language] : name;
}

function highlight(text: string, mail: RenderedMail, language: Language, t: SidebarT) {
  if (mail.missing.length === 0) return text;
  const markers = new Map(mail.missing.map((name) => [missingMarker(name), name]));
  const pattern = new RegExp(`(${[...markers.keys()].map((marker) => marker.replace(/[[\]?]/g, '\\$&')).join('|')})`);
  return text.split(pattern).map((part, index) => {
    const name = markers.get(part);
    if (name === undefined) return part;
    return (
      <mark key={index} class="tw-missing" data-testid="missing-placeholder" data-placeholder={name} title={t('template.missingTitle', { what: placeholderName(name, language) })}>
        {part}
      </mark>
    );
  });
}
