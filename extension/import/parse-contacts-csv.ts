// Reads a contacts CSV into the rows to import and a list of problems, before anything is saved.
// Line numbers are the row numbers Excel shows (the header is row 1; a cell with a line break
// still makes one row), so a rep can find every problem in the sheet. Big files are parsed in
// chunks with a pause after each one: the page stays responsive and can draw its progress bar.
import Papa, { type ParseError, type ParseResult, type Parser } from 'papaparse';
import type { ImportRow } from '../requests.ts';
import { importRow } from '../requests.ts';
import { mapHeader, type ImportField } from './csv-columns.ts';
import { toImportRow, type Cells, type RowProblem } from './contact-row.ts';

export interface LineProblem {
  line: number;
  problem: RowProblem;
}

export interface ImportPreview {
  /** Contacts ready to import, each with the line it came from (its first line when merged). */
  rows: Array<{ line: number; contact: ImportRow }>;
  errors: LineProblem[];
  /** A later row with an address seen before: merged into the first (later values win). */
  merged: Array<{ line: number; firstLine: number; email: string }>;
  ignoredColumns: string[];
  /** Nothing can be imported at all. */
  fatal?: 'empty-file' | 'no-email-column';
}

export interface ParseOptions {
  /** 0..1, after each chunk. */
  onProgress?: (fraction: number) => void;
  /** Characters per chunk. */
  chunkSize?: number;
  signal?: AbortSignal;
}

const CHUNK_SIZE = 256 * 1024;

export function parseContactsCsv(text: string, options: ParseOptions = {}): Promise<ImportPreview> {
  const preview: ImportPreview = { rows: [], errors: [], merged: [], ignoredColumns: [] };
  const { body, delimiter } = prepare(text);
  const byEmail = new Map<string, number>(); // email -> index in preview.rows
  let line = 0;
  let fields: Partial<Record<ImportField, number>> | undefined;

  const take = (record: string[], quoteError: boolean) => {
    line += 1;
    if (record.every((cell) => cell.trim() === '')) return; // blank rows, and Excel's ",,,,"
    if (fields === undefined) {
      const header = mapHeader(record);
      fields = header.fields;
      preview.ignoredColumns = header.ignored;
      if (fields.email === undefined) preview.fatal = 'no-email-column';
      return;
    }
    if (quoteError) {
      preview.errors.push({ line, problem: { code: 'bad-quotes' } });
      return;
    }
    const cells: Cells = {};
    for (const [field, index] of Object.entries(fields) as Array<[ImportField, number]>) cells[field] = unescapeFormula(record[index] ?? '');
    const result = toImportRow(cells);
    if ('problems' in result) {
      for (const problem of result.problems) preview.errors.push({ line, problem });
      return;
    }
    const first = byEmail.get(result.row.email);
    if (first === undefined) {
      byEmail.set(result.row.email, preview.rows.length);
      preview.rows.push({ line, contact: result.row });
      return;
    }
    const earlier = preview.rows[first]!;
    const merged = importRow.safeParse(merge(earlier.contact, result.row));
    if (!merged.success) {
      preview.errors.push({ line, problem: { code: 'invalid', field: String(merged.error.issues[0]?.path[0] ?? '') } });
      return;
    }
    earlier.contact = merged.data;
    preview.merged.push({ line, firstLine: earlier.line, email: result.row.email });
  };

  return new Promise((resolve, reject) => {
    if (body.trim() === '') {
      resolve({ ...preview, fatal: 'empty-file' });
      return;
    }
    Papa.parse<string[]>(body, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: options.chunkSize ?? CHUNK_SIZE,
      chunk(results: ParseResult<string[]>, parser: Parser) {
        // Papa reports quote errors by the row's index inside this chunk.
        const badRows = new Set(results.errors.filter((error: ParseError) => error.type === 'Quotes').map((error: ParseError) => error.row));
        results.data.forEach((record: string[], index: number) => take(record, badRows.has(index)));
        options.onProgress?.(Math.min(1, results.meta.cursor / body.length));
        if (preview.fatal) {
          parser.abort();
          return;
        }
        parser.pause();
        setTimeout(() => {
          if (options.signal?.aborted) parser.abort();
          else parser.resume();
        }, 0);
      },
      complete() {
        if (options.signal?.aborted) {
          reject(options.signal.reason);
          return;
        }
        if (fields === undefined) preview.fatal = 'empty-file';
        options.onProgress?.(1);
        resolve(preview);
      },
    });
  });
}

/**
 * Excel's "sep=;" first line names the delimiter (and Excel hides that line). Otherwise the
 * header line's most frequent of , ; and tab wins: German Excel writes ";", "Unicode text" tabs.
 */
function prepare(text: string): { body: string; delimiter: string } {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return { body: text.slice(sep[0].length), delimiter: sep[1]! };
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((candidate) => [candidate, firstLine.split(candidate).length - 1] as const);
  const [best] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { body: text, delimiter: best };
}

/** Our export writes "'=..." so Excel shows a formula-looking cell as text; read it back as written. */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/** Later non-empty values win, as a newer entry in the sheet would; tags add up; notes join. */
function merge(first: ImportRow, later: ImportRow): ImportRow {
  const tags = [...new Set([...(first.tags ?? []), ...(later.tags ?? [])])];
  const note = [first.note, later.note].filter((text) => text !== undefined && text !== '').join('\n');
  return {
    ...first,
    ...later,
    ...(tags.length > 0 ? { tags } : {}),
    ...(note !== '' ? { note: first.note === later.note ? first.note : note } : {}),
  };
}
