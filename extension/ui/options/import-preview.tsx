// What an import would do, before it does it: a summary, the rows with problems (by Excel row
// number), merged duplicates, columns left out, and the first rows as they will be saved.
import type { OptionsKey, OptionsT } from '../../i18n/options.ts';
import type { CsvEncoding } from '../../import/decode-csv.ts';
import type { RowProblem } from '../../import/contact-row.ts';
import type { ImportPreview } from '../../import/parse-contacts-csv.ts';

const SHOWN_ROWS = 100;
const SHOWN_ERRORS = 200;
const ENCODING_NAMES: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', gbk: 'GBK' };
const COLUMNS = ['email', 'firstName', 'lastName', 'company', 'country', 'tier', 'stars', 'source', 'tags', 'note'] as const;

export function ImportPreviewView({ name, encoding, preview, t }: { name: string; encoding: CsvEncoding; preview: ImportPreview; t: OptionsT }) {
  if (preview.fatal) {
    return (
      <p class="opt-field-error" data-testid="import-fatal" data-kind={preview.fatal}>
        {t(`data.fatal.${preview.fatal}`)}
      </p>
    );
  }
  const { rows, errors, merged, ignoredColumns } = preview;
  const badLines = new Set(errors.map((error) => error.line)).size;
  return (
    <div class="opt-import-preview">
      <p data-testid="import-summary" data-rows={rows.length} data-errors={badLines}>
        {t('data.summary', { name, rows: rows.length, errors: badLines })} <span class="opt-hint">{t('data.encoding', { encoding: ENCODING_NAMES[encoding] })}</span>
      </p>
      {ignoredColumns.length > 0 && (
        <p class="opt-hint" data-testid="import-ignored">
          {t('data.ignoredColumns', { names: ignoredColumns.join(', ') })}
        </p>
      )}
      {errors.length > 0 && (
        <div class="opt-import-errors">
          <h4>{t('data.errorsTitle')}</h4>
          <ul class="opt-errors" id="import-errors" data-testid="import-errors">
            {errors.slice(0, SHOWN_ERRORS).map((error, index) => (
              <li key={index} data-line={error.line} data-code={error.problem.code}>
                <strong>{t('data.line', { line: error.line })}</strong> {problemText(error.problem, t)}
              </li>
            ))}
          </ul>
          {errors.length > SHOWN_ERRORS && <p class="opt-hint">{t('data.more', { n: errors.length - SHOWN_ERRORS })}</p>}
        </div>
      )}
      {merged.length > 0 && (
        <ul class="opt-notices" data-testid="import-merged">
          {merged.slice(0, SHOWN_ERRORS).map((item) => (
            <li key={item.line} data-line={item.line}>
              {t('data.merged', { line: item.line, first: item.firstLine, email: item.email })}
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <p data-testid="import-empty">{t('data.noRows')}</p>
      ) : (
        <div class="opt-table-wrap">
          <h4>{t('data.previewTitle')}</h4>
          <table class="opt-table" id="import-preview" data-testid="import-preview">
            <thead>
              <tr>
                <th scope="col">{t('column.line')}</th>
                {COLUMNS.map((column) => (
                  <th scope="col" key={column}>
                    {t(`column.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN_ROWS).map(({ line, contact }) => (
                <tr key={line} data-line={line}>
                  <td>{line}</td>
                  <td>{contact.email}</td>
                  <td>{contact.firstName}</td>
                  <td>{contact.lastName}</td>
                  <td>{contact.company}</td>
                  <td>{contact.country}</td>
                  <td>{contact.tier}</td>
                  <td>{contact.stars}</td>
                  <td>{contact.source && t(`source.${contact.source}`)}</td>
                  <td>{contact.tags?.join(', ')}</td>
                  <td class="opt-note-cell">{contact.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN_ROWS && <p class="opt-hint">{t('data.more', { n: rows.length - SHOWN_ROWS })}</p>}
        </div>
      )}
    </div>
  );
}

export function problemText(problem: RowProblem, t: OptionsT): string {
  switch (problem.code) {
    case 'missing-email':
    case 'bad-quotes':
      return t(`problem.${problem.code}`);
    case 'bad-email':
    case 'bad-country':
    case 'bad-tier':
    case 'bad-stars':
      return t(`problem.${problem.code}`, { value: problem.value });
    case 'too-long':
      return t('problem.too-long', { field: t(`column.${problem.field}`), max: problem.max });
    case 'too-many-tags':
      return t('problem.too-many-tags', { max: problem.max });
    case 'invalid': {
      const key = `column.${problem.field}`;
      return t('problem.invalid', { field: isColumnKey(key) ? t(key) : problem.field });
    }
  }
}

function isColumnKey(key: string): key is OptionsKey {
  return (COLUMNS as readonly string[]).includes(key.slice('column.'.length));
}
