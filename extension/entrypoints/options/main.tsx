// The options page entrypoint: loads settings and templates from the background, renders the page
// and turns its callbacks into messages. Everything else lives in ui/options/ and import/.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { optionsText } from '../../i18n/options.ts';
import { translator } from '../../i18n/translate.ts';
import { importInBatches } from '../../import/import-in-batches.ts';
import { ask } from '../../messaging.ts';
import { OptionsPage, type OptionsActions } from '../../ui/options/options-page.tsx';
import type { SettingsChange } from '../../ui/options/settings-change.ts';
import '../../ui/options/options.css';

const actions: OptionsActions = {
  async saveSettings(patch: SettingsChange) {
    if (patch.workerUrl !== undefined) await allowWorker(patch.workerUrl);
    return ask({ type: 'settings-save', patch });
  },
  testConnection: (values) => ask({ type: 'connection-test', ...values }),
  saveTemplate: (template) => ask({ type: 'template-save', template }),
  resetTemplate: (key) => ask({ type: 'template-reset', key }),
  exportData: () => ask({ type: 'export-data' }),
  download,
  importContacts: (rows, onProgress) => importInBatches(rows, (batch) => ask({ type: 'import-contacts', rows: batch }), onProgress),
};

/**
 * A Worker on the rep's own https domain needs host access (manifest: optional_host_permissions).
 * Asked on Save, which is a click, as Chrome requires; a refusal still saves, and the connection
 * test then shows what fails.
 */
async function allowWorker(url: string): Promise<void> {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return; // the background rejects the URL with a message
  }
  if (!origin.startsWith('https://')) return; // local Workers are in host_permissions already
  await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
}

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function start(root: HTMLElement): Promise<void> {
  const [settings, templates] = await Promise.all([
    ask({ type: 'settings-get' }),
    ask({ type: 'templates-list' }).catch(() => null),
  ]);
  root.textContent = '';
  render(<OptionsPage settings={settings} templates={templates} actions={actions} />, root);
}

const root = document.getElementById('app')!;
const fallback = translator(optionsText, navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');
root.textContent = fallback('page.loading');
start(root).catch((error: unknown) => {
  console.error('[tidewise] options page', error);
  root.textContent = fallback('page.loadFailed');
  root.setAttribute('data-testid', 'options-load-failed');
});
