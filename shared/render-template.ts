// Fills a template's {{placeholders}}. A value the rep has not given is marked in the text, as
// [[company?]], and listed in `missing`: a mail must never go out with a silent blank.
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

export interface RenderedMail {
  subject: string;
  body: string;
  /** Placeholders without a value, once each, in order of first use (subject first). */
  missing: string[];
}

export function missingMarker(name: string): string {
  return `[[${name}?]]`;
}

export function renderTemplate(
  template: { subject: string; body: string },
  values: Readonly<Record<string, string | undefined>>,
): RenderedMail {
  const missing: string[] = [];
  // One pass per text: a value that itself contains {{...}} is inserted as written, not expanded.
  const fill = (text: string, oneLine: boolean) =>
    text.replace(PLACEHOLDER, (_, name: string) => {
      const value = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
      if (value) return oneLine ? value.replace(/\s+/g, ' ') : value; // a subject has no line breaks
      if (!missing.includes(name)) missing.push(name);
      return missingMarker(name);
    });
  const subject = fill(template.subject, true);
  return { subject, body: fill(template.body, false), missing };
}

/** The placeholder names a template uses, once each, in order of first use. */
export function placeholdersOf(template: { subject: string; body: string }): string[] {
  const names: string[] = [];
  for (const text of [template.subject, template.body]) {
    for (const match of text.matchAll(PLACEHOLDER)) if (!names.includes(match[1]!)) names.push(match[1]!);
  }
  return names;
}
