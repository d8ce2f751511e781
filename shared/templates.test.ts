import { describe, expect, test } from 'vitest';
import { CONTACT_STATES, LIVE_STATES } from './contact-state.ts';
import { proposeTemplate } from './propose-template.ts';
import { placeholdersOf, renderTemplate } from './render-template.ts';
import { emailTemplate, intent } from './schema.ts';
import { DEFAULT_TEMPLATES, PLACEHOLDERS, defaultTemplate } from './templates.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('default template library', () => {
  test.each(DEFAULT_TEMPLATES.map((t) => [t.key, t] as const))('%s is a valid, bilingual template', (key, template) => {
    expect(emailTemplate.parse(template)).toEqual(template);
    expect(key.startsWith(`${template.state}.${'intent' in template ? `${template.intent}.` : ''}`)).toBe(true);
    expect(template.label.zh).toMatch(CJK);
    expect(template.why.zh).toMatch(CJK);
    expect(`${template.label.en} ${template.why.en} ${template.subject} ${template.body}`).not.toMatch(CJK);
    for (const name of placeholdersOf(template)) expect(Object.keys(PLACEHOLDERS)).toContain(name);
  });

  test('keys are unique', () => {
    const keys = DEFAULT_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(LIVE_STATES)('at least two templates for %s', (state) => {
    expect(DEFAULT_TEMPLATES.filter((t) => t.state === state).length).toBeGreaterThanOrEqual(2);
  });

  test.each(intent.options)('at least two templates for replied / %s', (value) => {
    expect(DEFAULT_TEMPLATES.filter((t) => t.state === 'replied' && 'intent' in t && t.intent === value).length).toBeGreaterThanOrEqual(2);
  });

  test('every template signs off and fills completely when every value is given', () => {
    const values = Object.fromEntries(Object.keys(PLACEHOLDERS).map((name) => [name, `<${name}>`]));
    for (const template of DEFAULT_TEMPLATES) {
      const mail = renderTemplate(template, values);
      expect(mail.missing).toEqual([]);
      expect(`${mail.subject}${mail.body}`).not.toMatch(/\{\{|\[\[/);
      expect(mail.body.endsWith('<senderName>\n<senderCompany>')).toBe(true);
    }
  });

  test('every template classify can propose exists', () => {
    const proposed = new Set<string>();
    for (const state of CONTACT_STATES)
      for (const value of intent.options)
        for (let sent = 0; sent < 8; sent++)
          for (const flags of [
            { everSent: true, switchContact: false },
            { everSent: true, switchContact: true },
            { everSent: false, switchContact: false },
          ])
            for (const now of [Date.UTC(2026, 5, 1), Date.UTC(2026, 11, 24)])
              for (const lastOrderKind of ['sample', 'order'] as const) {
                const key = proposeTemplate({ state, intent: value, sentSinceEntry: sent, sentSinceOrder: sent, lastOrderKind, now, ...flags });
                if (key !== null) proposed.add(defaultTemplate(key).key);
              }
    // Every default is reachable: none is dead weight in the library.
    expect([...proposed].sort()).toEqual(DEFAULT_TEMPLATES.map((t) => t.key).sort());
  });
});
