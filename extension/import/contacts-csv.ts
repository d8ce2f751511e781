// Writes the contacts as a CSV that Excel opens correctly on a Chinese or Western Windows: UTF-8
// with a byte-order mark (without it Excel reads the bytes as GBK or Latin-1), CRLF line ends,
// and quoting where a cell needs it. The columns are the ones the import reads, so a rep can
// export, edit in Excel and import the sheet back.
import type { Language } from '../settings.ts';
import type { ExportData } from '../messaging.ts';
import { columnTitle, type Column } from './csv-columns.ts';

type Exported = Exclude<Column, 'name'>;

// One name column on import is split; the export writes the two parts.
const ORDER: Exported[] = ['email', 'firstName', 'lastName', 'company', 'country', 'tier', 'stars', 'source', 'tags', 'note', 'state', 'nextFollowUp'];

export interface CsvLabels {
  state: (state: string) => string;
  source: (source: string) => string;
}

export function contactsCsv(data: Pick<ExportData, 'contacts' | 'events'>, language: Language, labels: CsvLabels, timeZone?: string): string {
  const extras = latestFields(data.events);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' });
  const lines = [ORDER.map((column) => columnTitle(column, language))];
  for (const contact of data.contacts) {
    const extra = extras.get(contact.email) ?? {};
    const next = contact.nextFollowUpAt;
    const values: Record<Exported, string> = {
      email: contact.email,
      firstName: contact.firstName ?? '',
      lastName: contact.lastName ?? '',
      company: contact.company ?? '',
      country: contact.country ?? '',
      tier: extra.tier ?? '',
      stars: extra.stars === undefined ? '' : String(extra.stars),
      source: extra.source ? labels.source(extra.source) : '',
      tags: (extra.tags ?? []).join('; '),
      note: (extra.notes ?? []).join('\n'),
      state: labels.state(contact.state),
      nextFollowUp: next !== null && Number.isFinite(next) ? day.format(next) : '',
    };
    lines.push(ORDER.map((column) => values[column]));
  }
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Quotes a cell when it must be, and defuses what Excel would run as a formula. */
export function csvCell(value: string): string {
  // OWASP's advice against CSV injection: a leading apostrophe makes Excel show the text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

interface Extra {
  tier?: string;
  stars?: number;
  source?: string;
  tags?: string[];
  notes?: string[];
}

/** Tier, stars, source and tags as last set (events come oldest first); every note, in order. */
function latestFields(events: ExportData['events']): Map<string, Extra> {
  const byContact = new Map<string, Extra>();
  const sorted = [...events].sort((a, b) => a.at - b.at);
  for (const event of sorted) {
    if (!('contact' in event)) continue;
    const extra = byContact.get(event.contact) ?? {};
    byContact.set(event.contact, extra);
    if (event.type === 'tier') extra.tier = event.tier ?? undefined;
    else if (event.type === 'stars') extra.stars = event.stars;
    else if (event.type === 'source') extra.source = event.source ?? undefined;
    else if (event.type === 'tags') extra.tags = event.tags;
    else if (event.type === 'note') extra.notes = [...(extra.notes ?? []), event.text];
  }
  return byContact;
}
