// Pick a template, edit its subject and body, see it filled with a sample contact as you type.
// Edits are kept per template until saved, so looking at another one loses nothing.
import { useRef, useState } from 'preact/hooks';
import type { OptionsT } from '../../i18n/options.ts';
import type { Responses } from '../../messaging.ts';
import type { Language } from '../../settings.ts';
import { LIVE_STATES } from '../../../shared/contact-state.ts';
import { emailTemplate, type EmailTemplate, intent as intentSchema } from '../../../shared/schema.ts';
import { PLACEHOLDERS, type Placeholder } from '../../../shared/templates.ts';
import { detailOf, IDLE, msg, StatusLine, type Message, type Status } from './status-line.tsx';
import { TemplatePreview } from './template-preview.tsx';

export type TemplateList = Responses['templates-list'];

export interface TemplateEditorProps {
  list: TemplateList;
  language: Language;
  t: OptionsT;
  onSave: (template: EmailTemplate) => Promise<TemplateList>;
  onReset: (key: string) => Promise<TemplateList>;
}

type Draft = { subject: string; body: string };

export function TemplateEditor({ list: initial, language, t, onSave, onReset }: TemplateEditorProps) {
  const [list, setList] = useState(initial);
  const [key, setKey] = useState(initial.templates[0]?.key ?? '');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<{ subject?: Message; body?: Message }>({});
  const [status, setStatus] = useState<Status>(IDLE);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');

  const stored = list.templates.find((template) => template.key === key);
  if (!stored) return null;
  const draft = drafts[key] ?? { subject: stored.subject, body: stored.body };
  const dirty = draft.subject !== stored.subject || draft.body !== stored.body;
  const edited = list.customKeys.includes(key);

  const edit = (change: Partial<Draft>) => setDrafts({ ...drafts, [key]: { ...draft, ...change } });

  const insert = (name: Placeholder) => {
    const field = lastField.current;
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const text = draft[field];
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? start;
    const token = `{{${name}}}`;
    edit({ [field]: text.slice(0, start) + token + text.slice(end) });
    // Put the caret after the placeholder once Preact has written the new value.
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const settle = (next: TemplateList, text: Message) => {
    const rest = { ...drafts };
    delete rest[key];
    setList(next);
    setDrafts(rest);
    setErrors({});
    setStatus({ state: 'ok', text });
  };

  const save = async () => {
    // A subject of spaces is no subject; the body keeps its layout.
    const parsed = emailTemplate.safeParse({ ...stored, subject: draft.subject.trim(), body: draft.body.trim() === '' ? '' : draft.body });
    if (!parsed.success) {
      const found: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field !== 'subject' && field !== 'body') continue;
        const long = issue.code === 'too_big';
        found[field] ??= field === 'subject' ? msg(long ? 'templates.error.subjectLong' : 'templates.error.subjectEmpty') : msg(long ? 'templates.error.bodyLong' : 'templates.error.bodyEmpty');
      }
      setErrors(found);
      setStatus({ state: 'error', kind: 'invalid', text: msg('common.fixFirst') });
      return;
    }
    setStatus({ state: 'busy', text: msg('common.saving') });
    try {
      settle(await onSave(parsed.data), msg('common.saved'));
    } catch (error) {
      setStatus({ state: 'error', kind: 'save-failed', text: msg('common.saveFailed'), detail: detailOf(error) });
    }
  };

  const reset = async () => {
    setStatus({ state: 'busy', text: msg('common.saving') });
    try {
      settle(await onReset(key), msg('templates.resetDone'));
    } catch (error) {
      setStatus({ state: 'error', kind: 'save-failed', text: msg('common.saveFailed'), detail: detailOf(error) });
    }
  };

  return (
    <div class="opt-templates">
      <label class="opt-field" for="template-select">
        <span>{t('templates.choose')}</span>
        <select
          id="template-select"
          data-testid="template-select"
          value={key}
          onChange={(event) => {
            setKey(event.currentTarget.value);
            setErrors({});
            setStatus(IDLE);
          }}
        >
          {groups(list.templates, t).map((group) => (
            <optgroup label={group.label} key={group.label}>
              {group.templates.map((template) => (
                <option value={template.key} key={template.key}>
                  {template.label[language]}
                  {list.customKeys.includes(template.key) ? ` (${t('templates.edited')})` : ''}
                  {drafts[template.key] ? ' \u2022' : ''}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p class="opt-hint" data-testid="template-why">
        {stored.why[language]}
      </p>
      <div class="opt-template-grid">
        <div class="opt-template-edit">
          <label class="opt-field" for="template-subject">
            <span>{t('templates.subject')}</span>
            <input
              id="template-subject"
              data-testid="template-subject"
              ref={subjectRef}
              value={draft.subject}
              maxLength={200}
              aria-invalid={errors.subject ? true : undefined}
              onFocus={() => (lastField.current = 'subject')}
              onInput={(event) => edit({ subject: event.currentTarget.value })}
            />
          </label>
          {errors.subject && <p class="opt-field-error" data-testid="template-subject-error">{t(errors.subject.key)}</p>}
          <label class="opt-field" for="template-body">
            <span>{t('templates.body')}</span>
            <textarea
              id="template-body"
              data-testid="template-body"
              ref={bodyRef}
              rows={14}
              value={draft.body}
              aria-invalid={errors.body ? true : undefined}
              onFocus={() => (lastField.current = 'body')}
              onInput={(event) => edit({ body: event.currentTarget.value })}
            />
          </label>
          {errors.body && <p class="opt-field-error" data-testid="template-body-error">{t(errors.body.key)}</p>}
          <p class="opt-chips-title">{t('templates.placeholders')}</p>
          <div class="opt-chips" data-testid="template-placeholders">
            {(Object.keys(PLACEHOLDERS) as Placeholder[]).map((name) => (
              <button
                type="button"
                class="opt-chip"
                key={name}
                title={PLACEHOLDERS[name][language]}
                // Keep the caret where it is in the field being edited.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => insert(name)}
              >
                {`{{${name}}}`}
              </button>
            ))}
          </div>
        </div>
        <TemplatePreview subject={draft.subject} body={draft.body} t={t} />
      </div>
      <div class="opt-actions">
        <button type="button" class="opt-button opt-primary" id="template-save" data-testid="template-save" disabled={status.state === 'busy' || !dirty} onClick={save}>
          {t('common.save')}
        </button>
        <button type="button" class="opt-button" id="template-reset" data-testid="template-reset" disabled={status.state === 'busy' || !edited} onClick={reset}>
          {t('templates.reset')}
        </button>
        {dirty && <span class="opt-hint">{t('templates.unsaved')}</span>}
      </div>
      <StatusLine status={status} testId="template-status" t={t} />
    </div>
  );
}

/** Templates by state in the product's order, replied split by intent. */
function groups(templates: EmailTemplate[], t: OptionsT) {
  const result: Array<{ label: string; templates: EmailTemplate[] }> = [];
  for (const state of LIVE_STATES) {
    const intents = state === 'replied' ? [...intentSchema.options, undefined] : [undefined];
    for (const intent of intents) {
      const members = templates.filter((template) => template.state === state && template.intent === intent);
      if (members.length === 0) continue;
      const label = intent ? t('templates.intentGroup', { state: t(`state.${state}`), intent: t(`intent.${intent}`) }) : t(`state.${state}`);
      result.push({ label, templates: members });
    }
  }
  return result;
}
