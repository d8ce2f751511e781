import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { EmailTemplate } from '../../../shared/schema.ts';
import { DEFAULT_TEMPLATES } from '../../../shared/templates.ts';
import type { ConnectionResult } from '../../messaging.ts';
import { publicSettings, settings as settingsSchema, type PublicSettings } from '../../settings.ts';
import { OptionsPage, type OptionsActions } from './options-page.tsx';
import type { SettingsChange } from './settings-change.ts';
import type { TemplateList } from './template-editor.tsx';

const ME = { accountId: 'acc_1', name: 'Ningbo Bright Lighting', pixelPrefix: 'p1', pixelKey: 'k', pixelBase: 'https://t.example.com/p/p1/', tokenId: 't1' };

function startSettings(input: Parameters<typeof settingsSchema.parse>[0] = {}): PublicSettings {
  return publicSettings(settingsSchema.parse({ workerUrl: 'https://t.example.com', token: 'saved-token', ...(input as object) }));
}

const TEMPLATES: TemplateList = { templates: [...DEFAULT_TEMPLATES], customKeys: [] };

/** Actions that save into a settings object, like the background would. */
function fakeActions(current: PublicSettings, overrides: Partial<OptionsActions> = {}) {
  let state = current;
  const actions: OptionsActions = {
    saveSettings: vi.fn(async (patch: SettingsChange) => {
      state = { ...state, ...patch, tracking: { ...state.tracking, ...patch.tracking } } as PublicSettings;
      return state;
    }),
    testConnection: vi.fn(async (): Promise<ConnectionResult> => ({ ok: true, account: ME })),
    saveTemplate: vi.fn(async (template: EmailTemplate) => ({
      templates: TEMPLATES.templates.map((known) => (known.key === template.key ? template : known)),
      customKeys: [template.key],
    })),
    resetTemplate: vi.fn(async () => TEMPLATES),
    exportData: vi.fn(async () => ({ exportedAt: Date.UTC(2025, 4, 2), account: ME, events: [], contacts: [], outbox: [], templates: [] })),
    download: vi.fn(),
    importContacts: vi.fn(async (rows: unknown[]) => ({ contacts: rows.length })),
    ...overrides,
  };
  return actions;
}

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

async function show(current = startSettings(), overrides: Partial<OptionsActions> = {}, templates: TemplateList | null = TEMPLATES) {
  const actions = fakeActions(current, overrides);
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  await act(() => render(<OptionsPage settings={current} templates={templates} actions={actions} />, root));
  const get = <E extends HTMLElement = HTMLElement>(testId: string) => {
    const element = root.querySelector<E>(`[data-testid="${testId}"]`);
    if (!element) throw new Error(`no [data-testid="${testId}"]`);
    return element;
  };
  return { root, actions, get };
}

async function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function choose(element: HTMLSelectElement, value: string) {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function click(element: HTMLElement) {
  await act(() => element.click());
}

describe('connection', () => {
  test('a refused token shows the 401 message, by kind', async () => {
    const testConnection = vi.fn(async (): Promise<ConnectionResult> => ({ ok: false, kind: 'unauthorized', message: 'the Worker refused the token: bad token' }));
    const { get } = await show(startSettings(), { testConnection });
    await type(get<HTMLInputElement>('worker-token'), '  wrong-token ');
    await click(get('connection-test'));
    await vi.waitFor(() => expect(get('connection-status').dataset.kind).toBe('unauthorized'));
    expect(testConnection).toHaveBeenCalledExactlyOnceWith({ workerUrl: 'https://t.example.com', token: 'wrong-token' });
    expect(get('connection-status').textContent).toBe('The Worker refused this token (401). Copy the token again from your account and save it.');
    expect(get('connection-status').dataset.state).toBe('error');
    expect(get('connection-status').title).toBe('the Worker refused the token: bad token');
  });

  test.each([
    ['unreachable', 'Cannot reach a Worker at https://t.example.com.'],
    ['not-tidewise', 'Something answered at https://t.example.com, but it is not a Tidewise Worker.'],
  ] as const)('%s', async (kind, start) => {
    const { get } = await show(startSettings(), { testConnection: async () => ({ ok: false, kind, message: 'x' }) });
    await click(get('connection-test'));
    await vi.waitFor(() => expect(get('connection-status').dataset.kind).toBe(kind));
    expect(get('connection-status').textContent).toContain(start);
  });

  test('success names the account; an empty token field tests the saved token', async () => {
    const { get, actions } = await show();
    await click(get('connection-test'));
    await vi.waitFor(() => expect(get('connection-status').textContent).toBe('Connected. Account: Ningbo Bright Lighting.'));
    expect(actions.testConnection).toHaveBeenCalledWith({ workerUrl: 'https://t.example.com' });
  });

  test('a wrong URL or a missing token is said before anything is sent', async () => {
    const { get, actions } = await show(startSettings({ token: '' }));
    await type(get<HTMLInputElement>('worker-url'), 't.example.com');
    await click(get('connection-test'));
    expect(get('connection-status').dataset.kind).toBe('bad-url');
    await type(get<HTMLInputElement>('worker-url'), 'https://t.example.com/');
    await click(get('connection-test'));
    expect(get('connection-status').dataset.kind).toBe('no-token');
    expect(actions.testConnection).not.toHaveBeenCalled();
  });

  test('save sends the URL and the new token, clears the field, then tests the saved values', async () => {
    const { get, actions } = await show();
    await type(get<HTMLInputElement>('worker-url'), 'https://track.example.org/');
    await type(get<HTMLInputElement>('worker-token'), 'new-token');
    await click(get('connection-save'));
    await vi.waitFor(() => expect(get('connection-status').dataset.state).toBe('ok'));
    expect(actions.saveSettings).toHaveBeenCalledExactlyOnceWith({ workerUrl: 'https://track.example.org', token: 'new-token' });
    expect(actions.testConnection).toHaveBeenCalledExactlyOnceWith({ workerUrl: 'https://track.example.org' });
    expect(get<HTMLInputElement>('worker-token').value).toBe('');
  });
});

describe('language', () => {
  test('switching to 简体中文 saves it and re-renders every section in Chinese', async () => {
    const { root, get, actions } = await show(startSettings({ account: ME }));
    expect(get('options-page').textContent).toContain('Silence periods and follow-up cadence');
    await choose(get<HTMLSelectElement>('language-select'), 'zh');
    await vi.waitFor(() => expect(get('options-page').dataset.language).toBe('zh'));
    expect(actions.saveSettings).toHaveBeenCalledExactlyOnceWith({ language: 'zh' });
    expect(get('options-page').getAttribute('lang')).toBe('zh-Hans');
    expect(document.title).toBe('Tidewise 设置');
    expect(root.querySelector('h2#connection-title')?.textContent).toBe('连接');
    expect(get('connection-test').textContent).toBe('测试连接');
    expect(get('import-file-button').textContent).toBe('选择 CSV 文件\u2026');
    expect(leftoverEnglish(root)).toEqual([]);
  });

  test('a message already on screen changes language too', async () => {
    const { get } = await show(startSettings(), { testConnection: async () => ({ ok: false, kind: 'unreachable', message: 'x' }) });
    await click(get('connection-test'));
    await vi.waitFor(() => expect(get('connection-status').dataset.kind).toBe('unreachable'));
    await choose(get<HTMLSelectElement>('language-select'), 'zh');
    await vi.waitFor(() => expect(get('connection-status').textContent).toBe('无法连接到 https://t.example.com 上的 Worker。请检查地址和网络连接。'));
  });

  test('the English page has no Chinese but the name of the language', async () => {
    const { root } = await show();
    expect(visibleText(root).match(/\p{Script=Han}+/gu)).toEqual(['简体中文']);
  });
});

describe('policy', () => {
  test('a value out of range is explained beside its box and nothing is saved', async () => {
    const { get, actions } = await show();
    await type(get<HTMLInputElement>('policy-silenceDays-replied'), '0');
    await type(get<HTMLInputElement>('policy-cadenceDays-inactive-slow'), '5');
    await click(get('policy-save'));
    expect(get('policy-silenceDays-replied-error').textContent).toBe('At least 1 day.');
    expect(get('policy-cadenceDays-inactive-slow-error').textContent).toBe('Must not be shorter than the normal inactive cadence.');
    expect(get('policy-status').dataset.state).toBe('error');
    expect(actions.saveSettings).not.toHaveBeenCalled();
  });

  test('a valid change saves the whole policy', async () => {
    const { get, actions } = await show();
    await type(get<HTMLInputElement>('policy-cadenceDays-replied-interested'), '4');
    await click(get('policy-save'));
    await vi.waitFor(() => expect(get('policy-status').dataset.state).toBe('ok'));
    const patch = vi.mocked(actions.saveSettings).mock.calls[0]![0];
    expect(patch.policy?.cadenceDays.replied.interested).toBe(4);
    expect(patch.policy?.silenceDays.replied).toBe(60);
  });
});

describe('templates', () => {
  test('the preview fills placeholders and highlights one nothing fills', async () => {
    const { get } = await show();
    expect(get('template-preview-subject').textContent).toBe('Thank you for your order, Anna');
    await type(get<HTMLInputElement>('template-subject'), 'Hello {{frstName}} from {{company}}');
    expect(get('template-preview-subject').textContent).toBe('Hello [[frstName?]] from Müller Handels GmbH');
    expect(get('preview-missing').textContent).toBe('[[frstName?]]');
    expect(get('template-unknown').textContent).toContain('{{frstName}}');
  });

  test('save sends the edited template; an empty subject is refused', async () => {
    const { get, actions } = await show();
    await type(get<HTMLInputElement>('template-subject'), '   ');
    await click(get('template-save'));
    expect(get('template-subject-error').textContent).toBe('A template needs a subject.');
    expect(actions.saveTemplate).not.toHaveBeenCalled();
    await type(get<HTMLInputElement>('template-subject'), 'Thanks, {{firstName}}');
    await click(get('template-save'));
    await vi.waitFor(() => expect(get('template-status').dataset.state).toBe('ok'));
    expect(actions.saveTemplate).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ key: 'ordered.thanks-feedback', subject: 'Thanks, {{firstName}}' }));
    expect(get<HTMLButtonElement>('template-reset').disabled).toBe(false);
  });

  test('templates that cannot be listed say so', async () => {
    const { get } = await show(startSettings(), {}, null);
    expect(get('templates-failed').textContent).toBe('The templates could not be loaded.');
  });
});

describe('tracking', () => {
  test('the EU button adds country endings once; a bad line is named; a good list saves', async () => {
    const { get, actions } = await show();
    const box = get<HTMLTextAreaElement>('tracking-excluded');
    await type(box, 'buyer.de\n.de\nnot a domain');
    await click(get('tracking-exclude-eu'));
    const lines = box.value.split('\n');
    expect(lines.slice(0, 4)).toEqual(['buyer.de', '.de', 'not a domain', '.at']);
    expect(lines.filter((line) => line === '.de')).toHaveLength(1);
    expect(lines).toContain('.fr');
    expect(lines).toContain('.eu');
    await click(get('tracking-save'));
    expect(get('tracking-errors').textContent).toBe('Line 3: \u201cnot a domain\u201d is not a domain.');
    expect(actions.saveSettings).not.toHaveBeenCalled();
    await type(box, 'Buyer.DE\n\n.it\nbuyer.de');
    await type(get<HTMLInputElement>('tracking-disclosure'), 'This message uses a read receipt.');
    await click(get<HTMLInputElement>('tracking-enabled'));
    await click(get('tracking-save'));
    await vi.waitFor(() => expect(get('tracking-status').dataset.state).toBe('ok'));
    expect(actions.saveSettings).toHaveBeenCalledExactlyOnceWith({
      tracking: { enabled: false, excludedDomains: ['buyer.de', '.it'], disclosure: 'This message uses a read receipt.' },
    });
  });

  test('notifications save as soon as they change', async () => {
    const { get, actions } = await show();
    await click(get<HTMLInputElement>('notifications-enabled'));
    await vi.waitFor(() => expect(get('notifications-status').dataset.state).toBe('ok'));
    expect(actions.saveSettings).toHaveBeenCalledExactlyOnceWith({ notifications: false });
  });
});

describe('data', () => {
  const BAD_ROWS = '\uFEFFEmail,Name,Stars\r\nok@example.de,Anna Müller,2\r\nnot-an-email,Bob,1\r\nfine@example.fr,Claire Dubois,7\r\nlast@example.it,Marco Rossi,3\r\n';

  async function pick(input: HTMLInputElement, file: File) {
    await act(() => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  test('the preview lists rows and problems, and nothing is imported before confirming', async () => {
    const { get, actions } = await show();
    await pick(get<HTMLInputElement>('import-file'), new File([BAD_ROWS], 'contacts.csv', { type: 'text/csv' }));
    await vi.waitFor(() => get('import-preview'));
    expect(get('import-summary').dataset).toMatchObject({ rows: '2', errors: '2' });
    const errors = [...get('import-errors').querySelectorAll('li')].map((item) => item.textContent);
    expect(errors).toEqual(['Row 3 \u201cnot-an-email\u201d is not a valid email address.', 'Row 4 Stars \u201c7\u201d must be a whole number from 0 to 3.']);
    const rows = [...get('import-preview').querySelectorAll('tbody tr')].map((row) => (row as HTMLElement).dataset.line);
    expect(rows).toEqual(['2', '5']);
    expect(actions.importContacts).not.toHaveBeenCalled();

    expect(get('import-confirm').textContent).toBe('Import 2 contacts');
    await click(get('import-confirm'));
    await vi.waitFor(() => expect(get('import-result').dataset.state).toBe('ok'));
    expect(actions.importContacts).toHaveBeenCalledExactlyOnceWith(
      [
        { email: 'ok@example.de', firstName: 'Anna', lastName: 'Müller', stars: 2 },
        { email: 'last@example.it', firstName: 'Marco', lastName: 'Rossi', stars: 3 },
      ],
      expect.any(Function),
    );
    expect(get('import-result').textContent).toBe('Imported 2 contacts.');
  });

  test('cancel drops the preview without importing', async () => {
    const { root, get, actions } = await show();
    await pick(get<HTMLInputElement>('import-file'), new File([BAD_ROWS], 'contacts.csv'));
    await vi.waitFor(() => get('import-preview'));
    await click(get('import-cancel'));
    expect(root.querySelector('[data-testid="import-preview"]')).toBeNull();
    expect(actions.importContacts).not.toHaveBeenCalled();
  });

  test('a file without an email column says so', async () => {
    const { get } = await show();
    await pick(get<HTMLInputElement>('import-file'), new File(['Name,Company\r\nAnna,ACME\r\n'], 'x.csv'));
    await vi.waitFor(() => expect(get('import-fatal').dataset.kind).toBe('no-email-column'));
  });

  test('exports hand a JSON file and an Excel CSV to the browser', async () => {
    const { get, actions } = await show();
    await click(get('export-json'));
    await vi.waitFor(() => expect(actions.download).toHaveBeenCalledTimes(1));
    expect(vi.mocked(actions.download).mock.calls[0]!.slice(0, 1)).toEqual(['tidewise-export-2025-05-02.json']);
    await click(get('export-csv'));
    await vi.waitFor(() => expect(actions.download).toHaveBeenCalledTimes(2));
    const [name, text, type] = vi.mocked(actions.download).mock.calls[1]!;
    expect([name, type]).toEqual(['tidewise-contacts-2025-05-02.csv', 'text/csv;charset=utf-8']);
    expect(text.startsWith('\uFEFFEmail,')).toBe(true);
  });
});

// Text a rep reads: text nodes, placeholders, option labels, tooltips, button labels.
function visibleText(root: HTMLElement): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // The mail itself (template preview and the placeholder chips) is content, not interface.
    if (parent?.closest('[data-testid="template-preview"], [data-testid="template-placeholders"], textarea')) continue;
    parts.push(node.textContent ?? '');
  }
  for (const element of root.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')) parts.push(element.placeholder);
  return parts.join(' ');
}

/** English words left on a Chinese page, beyond names and formats that stay as they are. */
function leftoverEnglish(root: HTMLElement): string[] {
  const allowed = /^(Tidewise|Worker|English|CSV|JSON|Excel|UTF|B2B|Email|A|B|C|DE|https?|t|example|com|de|fr|it|eu|Ningbo|Bright|Lighting)$/;
  const words = visibleText(root).match(/[A-Za-z]+/g) ?? [];
  return [...new Set(words.filter((word) => !allowed.test(word)))];
}
