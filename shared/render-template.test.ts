import { describe, expect, test } from 'vitest';
import { missingMarker, placeholdersOf, renderTemplate } from './render-template.ts';

const template = {
  subject: 'Quotation for {{product}}, {{company}}',
  body: 'Dear {{ firstName }},\n\nOur {{product}} prices for {{company}} are attached.\n\n{{senderName}}',
};

describe('renderTemplate', () => {
  test('fills every placeholder, spaces inside the braces allowed', () => {
    expect(renderTemplate(template, { product: 'LED panels', company: 'Firma GmbH', firstName: 'Anna', senderName: 'Li Wei' })).toEqual({
      subject: 'Quotation for LED panels, Firma GmbH',
      body: 'Dear Anna,\n\nOur LED panels prices for Firma GmbH are attached.\n\nLi Wei',
      missing: [],
    });
  });

  test.each<[string, Record<string, string | undefined>, string[]]>([
    ['no values at all', {}, ['product', 'company', 'firstName', 'senderName']],
    ['an empty value', { product: 'LED panels', company: '', firstName: 'Anna', senderName: 'Li' }, ['company']],
    ['a blank value', { product: 'LED panels', company: '  ', firstName: 'Anna', senderName: 'Li' }, ['company']],
    ['an undefined value', { product: 'LED panels', company: undefined, firstName: 'Anna', senderName: 'Li' }, ['company']],
  ])('marks what the rep must fill in: %s', (_name, values, missing) => {
    const mail = renderTemplate(template, values);
    expect(mail.missing).toEqual(missing);
    for (const name of missing) expect(`${mail.subject}\n${mail.body}`).toContain(missingMarker(name));
    expect(missingMarker('company')).toBe('[[company?]]');
  });

  test('an unknown or misspelt placeholder is marked, never left blank', () => {
    const mail = renderTemplate({ subject: 'Hi {{fristName}}', body: '{{constructor}} {{toString}}' }, { firstName: 'Anna' });
    expect(mail).toEqual({ subject: 'Hi [[fristName?]]', body: '[[constructor?]] [[toString?]]', missing: ['fristName', 'constructor', 'toString'] });
  });

  test('a value is inserted as written, not expanded again', () => {
    const mail = renderTemplate({ subject: '{{product}}', body: '{{product}} for {{company}}' }, { product: '{{company}} $& $1', company: 'Firma' });
    expect(mail.body).toBe('{{company}} $& $1 for Firma');
  });

  test('a subject stays on one line', () => {
    expect(renderTemplate({ subject: 'About {{product}}', body: '{{product}}' }, { product: 'LED\npanels' })).toMatchObject({
      subject: 'About LED panels',
      body: 'LED\npanels',
    });
  });

  test('text that only looks like a placeholder is left alone', () => {
    const text = 'Prices {in USD} and {{ }} and {{9lives}}';
    expect(renderTemplate({ subject: 's', body: text }, {})).toEqual({ subject: 's', body: text, missing: [] });
  });

  test('placeholdersOf lists names once, subject first', () => {
    expect(placeholdersOf(template)).toEqual(['product', 'company', 'firstName', 'senderName']);
  });
});
