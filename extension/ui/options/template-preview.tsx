// A template filled with a sample contact, the way the sidebar fills it. Placeholders nothing can
// fill (a typo such as {{frstName}}) stay as the sidebar's [[name?]] marker and are highlighted.
import type { OptionsT } from '../../i18n/options.ts';
import { missingMarker, renderTemplate } from '../../../shared/render-template.ts';
import type { Placeholder } from '../../../shared/templates.ts';

/** Typed against PLACEHOLDERS: a new placeholder without a sample is a compile error. */
export const SAMPLE_VALUES: Record<Placeholder, string> = {
  firstName: 'Anna',
  company: 'Müller Handels GmbH',
  product: 'LED panel lights',
  newProduct: 'solar street lights',
  senderName: 'Li Ming',
  senderCompany: 'Ningbo Bright Lighting Co., Ltd.',
  effectiveDate: '1 June',
  paymentTerms: '30% deposit, balance against the B/L copy',
  certificates: 'CE and RoHS',
  tradeShow: 'the Canton Fair',
  showDates: '15\u201319 October',
  booth: '11.2 C05',
  topic: 'choosing LED drivers',
  holiday: 'the New Year',
};

export function TemplatePreview({ subject, body, t }: { subject: string; body: string; t: OptionsT }) {
  const rendered = renderTemplate({ subject, body }, SAMPLE_VALUES);
  return (
    <div class="opt-preview" data-testid="template-preview" aria-live="polite">
      <h3>{t('templates.preview')}</h3>
      <p class="opt-hint">{t('templates.previewNote')}</p>
      <p class="opt-preview-subject" data-testid="template-preview-subject">
        {highlight(rendered.subject, rendered.missing)}
      </p>
      <div class="opt-preview-body" data-testid="template-preview-body">
        {highlight(rendered.body, rendered.missing)}
      </div>
      {rendered.missing.length > 0 && (
        <p class="opt-field-error" data-testid="template-unknown">
          {t('templates.unknown', { names: rendered.missing.map((name) => `{{${name}}}`).join(', ') })}
        </p>
      )}
    </div>
  );
}

function highlight(text: string, missing: string[]) {
  if (missing.length === 0) return text;
  const markers = missing.map(missingMarker);
  const pattern = new RegExp(`(${markers.map((marker) => marker.replace(/[[\]?]/g, '\\$&')).join('|')})`);
  return text.split(pattern).map((part, index) =>
    markers.includes(part) ? (
      <mark key={index} class="opt-missing" data-testid="preview-missing">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}
