// Export everything (JSON) or the contact list (CSV for Excel), and import contacts from a CSV:
// choose a file, watch it being read, check the preview and the problems, then confirm. Nothing
// is saved before the confirm button.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OptionsT } from '../../i18n/options.ts';
import { contactsCsv } from '../../import/contacts-csv.ts';
import type { CsvEncoding } from '../../import/decode-csv.ts';
import type { ImportPreview } from '../../import/parse-contacts-csv.ts';
import { readContactsFile } from '../../import/read-contacts-file.ts';
import type { ExportData } from '../../messaging.ts';
import type { ImportRow } from '../../requests.ts';
import type { PublicSettings } from '../../settings.ts';
import { ImportPreviewView } from './import-preview.tsx';
import { detailOf, IDLE, msg, StatusLine, type Message, type Status } from './status-line.tsx';

export interface DataProps {
  settings: PublicSettings;
  t: OptionsT;
  exportData: () => Promise<ExportData>;
  /** Hands a finished file to the browser. */
  download: (fileName: string, text: string, type: string) => void;
  importContacts: (rows: ImportRow[], onProgress: (fraction: number) => void) => Promise<{ contacts: number }>;
  /** Reads a chosen file; replaceable in tests. */
  readFile?: typeof readContactsFile;
}

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; name: string; progress: number }
  | { step: 'preview'; name: string; encoding: CsvEncoding; preview: ImportPreview }
  | { step: 'saving'; name: string; encoding: CsvEncoding; preview: ImportPreview; progress: number }
  | { step: 'done'; contacts: number }
  | { step: 'failed'; text: Message; detail: string };

export function DataSection({ settings, t, exportData, download, importContacts, readFile = readContactsFile }: DataProps) {
  const [exportStatus, setExportStatus] = useState<Status>(IDLE);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const reading = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => () => reading.current?.abort(), []);

  const runExport = async (kind: 'json' | 'csv') => {
    setExportStatus({ state: 'busy', text: msg('data.exporting') });
    try {
      const data = await exportData();
      const day = new Date(data.exportedAt).toISOString().slice(0, 10);
      const name = kind === 'json' ? `tidewise-export-${day}.json` : `tidewise-contacts-${day}.csv`;
      if (kind === 'json') download(name, JSON.stringify(data, null, 2), 'application/json');
      else {
        const labels = { state: (state: string) => stateLabel(state, t), source: (source: string) => sourceLabel(source, t) };
        download(name, contactsCsv(data, settings.language, labels, settings.timeZone), 'text/csv;charset=utf-8');
      }
      setExportStatus({ state: 'ok', text: msg('data.exported', { name }) });
    } catch (error) {
      setExportStatus({ state: 'error', kind: 'export-failed', text: msg('data.exportFailed'), detail: detailOf(error) });
    }
  };

  const choose = async (file: File | undefined) => {
    reading.current?.abort();
    if (!file) {
      setState({ step: 'idle' });
      return;
    }
    const controller = new AbortController();
    reading.current = controller;
    setState({ step: 'reading', name: file.name, progress: 0 });
    try {
      const { encoding, preview } = await readFile(file, {
        signal: controller.signal,
        onProgress: (progress) => setState({ step: 'reading', name: file.name, progress }),
      });
      if (!controller.signal.aborted) setState({ step: 'preview', name: file.name, encoding, preview });
    } catch (error) {
      if (!controller.signal.aborted) setState({ step: 'failed', text: msg('data.readFailed'), detail: detailOf(error) });
    }
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    const rows = state.preview.rows.map((row) => row.contact);
    let progress = 0;
    setState({ ...state, step: 'saving', progress });
    try {
      const result = await importContacts(rows, (fraction) => {
        progress = fraction;
        setState({ ...state, step: 'saving', progress: fraction });
      });
      setState({ step: 'done', contacts: result.contacts });
    } catch (error) {
      const done = Math.round(progress * rows.length);
      setState({ step: 'failed', text: msg('data.importFailed', { done, total: rows.length }), detail: detailOf(error) });
    }
    if (fileInput.current) fileInput.current.value = '';
  };

  const cancel = () => {
    reading.current?.abort();
    if (fileInput.current) fileInput.current.value = '';
    setState({ step: 'idle' });
  };

  const busy = state.step === 'reading' || state.step === 'saving';
  const ready = state.step === 'preview' ? state.preview.rows.length : 0;

  return (
    <section class="opt-section" aria-labelledby="data-title" data-testid="data-section">
      <h2 id="data-title">{t('data.title')}</h2>

      <h3>{t('data.export')}</h3>
      <p class="opt-hint">{t('data.exportHint')}</p>
      <div class="opt-actions">
        <button type="button" class="opt-button" id="export-json" data-testid="export-json" disabled={exportStatus.state === 'busy'} onClick={() => void runExport('json')}>
          {t('data.exportJson')}
        </button>
        <button type="button" class="opt-button" id="export-csv" data-testid="export-csv" disabled={exportStatus.state === 'busy'} onClick={() => void runExport('csv')}>
          {t('data.exportCsv')}
        </button>
      </div>
      <StatusLine status={exportStatus} testId="export-status" t={t} />

      <h3>{t('data.import')}</h3>
      <p class="opt-hint">{t('data.importHint')}</p>
      {/* The browser's own file button speaks the browser's language; this one speaks the rep's. */}
      <div class="opt-file">
        <input
          id="import-file"
          class="opt-file-input"
          data-testid="import-file"
          type="file"
          accept=".csv,.txt,text/csv"
          ref={fileInput}
          disabled={state.step === 'saving'}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
        <label for="import-file" class="opt-button" data-testid="import-file-button">
          {t('data.chooseFile')}
        </label>
        <span class="opt-hint" data-testid="import-file-name">
          {'name' in state ? state.name : t('data.noFile')}
        </span>
      </div>

      {(state.step === 'reading' || state.step === 'saving') && (
        <div class="opt-progress">
          <progress id="import-progress" data-testid="import-progress" data-step={state.step} max={100} value={Math.round(state.progress * 100)} />
          <span>
            {state.step === 'reading'
              ? t('data.reading', { name: state.name, percent: Math.round(state.progress * 100) })
              : t('data.saving', { percent: Math.round(state.progress * 100) })}
          </span>
        </div>
      )}

      {(state.step === 'preview' || state.step === 'saving') && <ImportPreviewView name={state.name} encoding={state.encoding} preview={state.preview} t={t} />}

      {(state.step === 'preview' || state.step === 'saving') && (
        <div class="opt-actions">
          <button type="button" class="opt-button opt-primary" id="import-confirm" data-testid="import-confirm" disabled={busy || ready === 0} onClick={() => void confirm()}>
            {t('data.confirm', { n: state.step === 'preview' ? ready : state.preview.rows.length })}
          </button>
          <button type="button" class="opt-button" id="import-cancel" data-testid="import-cancel" disabled={state.step === 'saving'} onClick={cancel}>
            {t('data.cancel')}
          </button>
        </div>
      )}

      <StatusLine
        t={t}
        testId="import-result"
        status={
          state.step === 'done'
            ? { state: 'ok', text: msg('data.imported', { contacts: state.contacts }) }
            : state.step === 'failed'
              ? { state: 'error', kind: 'import-failed', text: state.text, detail: state.detail }
              : IDLE
        }
      />
    </section>
  );
}

function stateLabel(state: string, t: OptionsT): string {
  switch (state) {
    case 'ordered':
    case 'replied':
    case 'opened-no-reply':
    case 'inactive':
    case 'archived':
      return t(`state.${state}`);
    default:
      return state;
  }
}

function sourceLabel(source: string, t: OptionsT): string {
  switch (source) {
    case 'trade-show':
    case 'b2b-platform':
    case 'social-media':
    case 'email-outreach':
    case 'inbound-enquiry':
    case 'other':
      return t(`source.${source}`);
    default:
      return source;
  }
}
