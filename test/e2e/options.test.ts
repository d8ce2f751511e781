// The options page in real Chromium with the built extension, against the real Worker: connecting
// with a token, each connection failure named by its kind, the whole page in 简体中文, and the CSV
// import of the Excel fixtures (preview and problems first, nothing saved before the confirm).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { optionsText } from '../../extension/i18n/options.ts';
import type { ExportData, Responses } from '../../extension/messaging.ts';
import { freePort, ROOT } from '../tools/local-worker.ts';
import { startTestWorker, type TestWorker } from '../tools/miniflare-worker.ts';
import { askFrom, launchWithExtension, type ExtensionBrowser } from './browser.ts';

const CSV = path.join(ROOT, 'test/fixtures/csv');
const ACCOUNT_NAME = 'Ningbo Bright Lighting';
const en = optionsText.en;

let worker: TestWorker;
let browser: ExtensionBrowser;
let token: string;
/** Something on 127.0.0.1 that answers HTTP, but not like a Tidewise Worker (a router page, say). */
let stranger: Server;
let strangerUrl: string;

beforeAll(async () => {
  worker = await startTestWorker({ persistTo: false });
  browser = await launchWithExtension();
  ({ token } = await worker.createAccount(ACCOUNT_NAME));
  stranger = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Router login</h1>'));
  const port = await freePort();
  await new Promise<void>((resolve) => stranger.listen(port, '127.0.0.1', resolve));
  strangerUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  stranger?.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.open('options.html');
  await page.locator('[data-testid=options-page]').waitFor();
  return page;
}

const byId = (page: Page, id: string) => page.locator(`[data-testid=${id}]`);

/** Every data-state the element takes while `action` runs and until it settles on ok or error. */
async function statesDuring(page: Page, testId: string, action: () => Promise<void>): Promise<string[]> {
  await page.evaluate((id) => {
    const element = document.querySelector(`[data-testid=${id}]`)!;
    const seen: string[] = [];
    (globalThis as unknown as { seenStates: string[] }).seenStates = seen;
    new MutationObserver(() => seen.push(element.getAttribute('data-state') ?? '')).observe(element, { attributes: true, attributeFilter: ['data-state'] });
  }, testId);
  await action();
  await page.waitForFunction((id) => /^(ok|error)$/.test(document.querySelector(`[data-testid=${id}]`)?.getAttribute('data-state') ?? ''), testId);
  const seen = await page.evaluate(() => (globalThis as unknown as { seenStates: string[] }).seenStates);
  return seen.filter((state, index) => state !== seen[index - 1]);
}

test('a token connects: Save saves and tests, Test connection tests again, the account is named', async () => {
  const page = await openOptions();
  await expect.poll(() => byId(page, 'connection-account').innerText()).toBe(en['connection.notConnected']);

  await byId(page, 'worker-url').fill(worker.url);
  await byId(page, 'worker-token').fill(token);
  expect(await statesDuring(page, 'connection-status', () => byId(page, 'connection-save').click())).toEqual(['busy', 'ok']);
  await expect.poll(() => byId(page, 'connection-account').innerText()).toBe(`Saved account: ${ACCOUNT_NAME}`);
  expect(await byId(page, 'worker-token').inputValue()).toBe(''); // the token never stays on screen

  // The field is empty now, so the test uses the saved token.
  expect(await statesDuring(page, 'connection-status', () => byId(page, 'connection-test').click())).toEqual(['busy', 'ok']);
  expect(await byId(page, 'connection-status').innerText()).toBe(`Connected. Account: ${ACCOUNT_NAME}.`);

  const settings = await askFrom<Responses['settings-get']>(page, { type: 'settings-get' });
  expect(settings).toMatchObject({ workerUrl: worker.url, hasToken: true, account: { name: ACCOUNT_NAME } });
  expect(settings).not.toHaveProperty('token');
  await page.close();
});

test('each connection failure says what to fix: 401, not a Worker, nothing listening, not a URL', async () => {
  const page = await openOptions();
  const status = byId(page, 'connection-status');
  const tryWith = async (url: string, typedToken: string) => {
    await byId(page, 'worker-url').fill(url);
    await byId(page, 'worker-token').fill(typedToken);
    await statesDuring(page, 'connection-status', () => byId(page, 'connection-test').click());
    return { state: await status.getAttribute('data-state'), kind: await status.getAttribute('data-kind'), text: await status.innerText() };
  };

  expect(await tryWith(worker.url, `tw_${'A'.repeat(43)}`)).toEqual({ state: 'error', kind: 'unauthorized', text: en['connection.unauthorized'] });
  expect(await status.getAttribute('title')).toMatch(/unknown or revoked API token/);

  const wrongPath = `${worker.url}/nope`;
  expect(await tryWith(wrongPath, '')).toEqual({ state: 'error', kind: 'not-tidewise', text: en['connection.not-tidewise'].replace('{url}', wrongPath) });
  expect(await tryWith(strangerUrl, token)).toEqual({ state: 'error', kind: 'not-tidewise', text: en['connection.not-tidewise'].replace('{url}', strangerUrl) });

  const nobody = `http://127.0.0.1:${await freePort()}`;
  expect(await tryWith(nobody, token)).toEqual({ state: 'error', kind: 'unreachable', text: en['connection.unreachable'].replace('{url}', nobody) });

  expect(await tryWith('t.example.com', token)).toEqual({ state: 'error', kind: 'bad-url', text: en['connection.bad-url'] });

  // Testing other values saved nothing: the working connection is still there.
  const settings = await askFrom<Responses['settings-get']>(page, { type: 'settings-get' });
  expect(settings).toMatchObject({ workerUrl: worker.url, account: { name: ACCOUNT_NAME } });
  expect(await askFrom<Responses['connection-test']>(page, { type: 'connection-test' })).toMatchObject({ ok: true });
  await page.close();
});

/** Words the Chinese page keeps as they are. A whole string equal in both languages is checked too, unless it is one of these. */
const SAME_IN_BOTH = new Set(['Tidewise', 'Worker', 'CSV', 'JSON', 'Excel']);

/** Every English string of the options dictionary, cut at its {placeholders}: the pieces longer than three characters. */
function englishPieces(): string[] {
  const pieces = new Set<string>();
  for (const value of Object.values(en)) {
    for (const piece of value.split(/\{\w+\}/)) {
      const trimmed = piece.trim();
      if (trimmed.length > 3 && !SAME_IN_BOTH.has(trimmed)) pieces.add(trimmed);
    }
  }
  return [...pieces];
}

/** The pieces found in `text` as words of their own ("Name" is not found in the chip {{firstName}}). */
function piecesIn(text: string, pieces: string[]): string[] {
  const escape = (piece: string) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return pieces.filter((piece) => new RegExp(`(?<![A-Za-z])${escape(piece)}(?![A-Za-z])`).test(text));
}

/**
 * What the rep reads on the page, less what is the rep's own data rather than the page's words:
 * the sample mail in the template preview (mail is written in the buyer's language) and the name
 * of the chosen file.
 */
function visibleText(page: Page, fileName: string): Promise<string> {
  return page.evaluate((fileName) => {
    let text = document.body.innerText;
    for (const mail of document.querySelectorAll<HTMLElement>('[data-testid^=template-preview-]')) text = text.split(mail.innerText).join('');
    return text.split(fileName).join('');
  }, fileName);
}

test('switching to 简体中文 re-words every visible string, messages already on screen included', async () => {
  const page = await openOptions();
  await byId(page, 'connection-test').click();
  await expect.poll(() => byId(page, 'connection-status').getAttribute('data-state')).toBe('ok');
  // An import preview with problems, so its table, summary and row errors are on screen too.
  await page.setInputFiles('[data-testid=import-file]', path.join(CSV, 'contacts-bad-row.csv'));
  await byId(page, 'import-errors').waitFor();

  const pieces = englishPieces();
  const english = await visibleText(page, 'contacts-bad-row.csv');
  const shownInEnglish = piecesIn(english, pieces);
  // The check below means something only if the English page shows plenty of these strings.
  expect(shownInEnglish.length).toBeGreaterThan(60);
  expect(shownInEnglish).toEqual(expect.arrayContaining([en['connection.title'], 'Connected. Account:', en['data.errorsTitle'], en['column.company']]));
  expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['en', en['page.title']]);
  await browser.screenshot(page, 'options-en');

  await byId(page, 'language-select').selectOption('zh');
  await expect.poll(() => byId(page, 'options-page').getAttribute('data-language')).toBe('zh');
  const chinese = await visibleText(page, 'contacts-bad-row.csv');
  expect(piecesIn(chinese, pieces)).toEqual([]);
  expect(chinese.match(/\p{Script=Han}/gu)?.length ?? 0).toBeGreaterThan(500);
  expect(chinese).toContain(optionsText.zh['connection.ok'].replace('{name}', ACCOUNT_NAME));
  expect(chinese).toContain(optionsText.zh['problem.bad-stars'].replace('{value}', '7'));
  expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['zh-Hans', optionsText.zh['page.title']]);
  await browser.screenshot(page, 'options-zh');

  // The choice is saved: a new options page opens in Chinese, and switching back restores English.
  const again = await openOptions();
  expect(await byId(again, 'options-page').getAttribute('data-language')).toBe('zh');
  await byId(again, 'language-select').selectOption('en');
  await expect.poll(() => byId(again, 'options-page').getAttribute('data-language')).toBe('en');
  expect((await askFrom<Responses['settings-get']>(again, { type: 'settings-get' })).language).toBe('en');
  await again.close();
  await page.close();
});

/** The names and companies the fixture script writes into contacts-gbk.csv, read from the script itself. */
function gbkFixtureRows(): Array<{ email: string; name: string; company: string }> {
  const script = readFileSync(path.join(CSV, 'make-fixtures.py'), 'utf8');
  const block = /write\('contacts-gbk\.csv', \[([\s\S]*?)\]/.exec(script)?.[1];
  if (!block) throw new Error('contacts-gbk.csv is no longer written by make-fixtures.py');
  const [header, ...rows] = [...block.matchAll(/'([^']*)'/g)].map((match) => match[1]!.split(','));
  const column = (name: string) => header!.indexOf(name);
  return rows.map((cells) => ({ email: cells[column('邮箱')]!, name: cells[column('姓名')]!, company: cells[column('公司')]! }));
}

async function contactsSaved(page: Page): Promise<ExportData['contacts']> {
  return (await askFrom<ExportData>(page, { type: 'export-data' })).contacts;
}

async function choose(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid=import-file]', path.join(CSV, file));
  await expect.poll(() => byId(page, 'import-file-name').innerText()).toBe(file);
  await byId(page, 'import-summary').waitFor();
}

async function previewRows(page: Page): Promise<Array<{ line: string | null; cells: string[] }>> {
  return byId(page, 'import-preview')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => ({ line: row.getAttribute('data-line'), cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '') })));
}

test('CSV import: UTF-8 with BOM, GBK from Chinese Excel, and bad rows shown before anything is saved', async () => {
  const page = await openOptions();
  // In English and connected, whatever the tests before left behind.
  await askFrom(page, { type: 'settings-save', patch: { workerUrl: worker.url, token, language: 'en' } });
  await page.reload();
  await byId(page, 'options-page').waitFor();
  expect(await contactsSaved(page)).toEqual([]);

  await choose(page, 'contacts-utf8-bom.csv');
  expect(await byId(page, 'import-summary').getAttribute('data-rows')).toBe('3');
  expect(await byId(page, 'import-summary').getAttribute('data-errors')).toBe('0');
  expect(await byId(page, 'import-errors').count()).toBe(0);
  expect((await previewRows(page)).map((row) => row.line)).toEqual(['2', '3', '4']);
  expect(await contactsSaved(page)).toEqual([]);
  await byId(page, 'import-cancel').click();
  await expect.poll(() => byId(page, 'import-summary').count()).toBe(0);

  await choose(page, 'contacts-gbk.csv');
  expect(await byId(page, 'import-summary').getAttribute('data-rows')).toBe('3');
  expect(await byId(page, 'import-summary').getAttribute('data-errors')).toBe('0');
  expect(await byId(page, 'import-summary').innerText()).toContain('Read as GBK.');
  const expected = gbkFixtureRows();
  expect(expected.map((row) => row.name)).toContain('张伟');
  const shown = await previewRows(page);
  expect(shown).toHaveLength(expected.length);
  for (const { email, name, company } of expected) {
    const cells = shown.find((row) => row.cells[1] === email)?.cells;
    expect(cells, email).toBeDefined();
    const [first, last] = [cells![2], cells![3]];
    // Chinese names are family name first, without a space; others given name first.
    expect([`${last}${first}`, `${first} ${last}`], email).toContain(name);
    expect(cells![4], email).toBe(company);
  }
  expect(await contactsSaved(page)).toEqual([]);
  await byId(page, 'import-cancel').click();

  await choose(page, 'contacts-bad-row.csv');
  expect(await byId(page, 'import-summary').getAttribute('data-rows')).toBe('2');
  expect(await byId(page, 'import-summary').getAttribute('data-errors')).toBe('2');
  const problems = await byId(page, 'import-errors')
    .locator('li')
    .evaluateAll((items) => items.map((item) => [item.getAttribute('data-line'), item.getAttribute('data-code'), item.textContent]));
  expect(problems).toEqual([
    ['3', 'bad-email', 'Row 3 \u201cnot-an-email\u201d is not a valid email address.'],
    ['4', 'bad-stars', 'Row 4 Stars \u201c7\u201d must be a whole number from 0 to 3.'],
  ]);
  expect((await previewRows(page)).map((row) => row.line)).toEqual(['2', '5']);
  expect(await byId(page, 'import-confirm').innerText()).toBe('Import 2 contacts');
  expect(await contactsSaved(page)).toEqual([]); // nothing is saved before the confirm

  await byId(page, 'import-confirm').click();
  await expect.poll(() => byId(page, 'import-result').getAttribute('data-state')).toBe('ok');
  expect(await byId(page, 'import-result').innerText()).toBe('Imported 2 contacts.');
  const saved = await contactsSaved(page);
  expect(saved.map(({ email, firstName, lastName, company, country }) => ({ email, firstName, lastName, company, country })).sort((a, b) => a.email.localeCompare(b.email))).toEqual([
    { email: 'ok.one@example.de', firstName: 'Anna', lastName: 'Müller', company: 'Müller GmbH', country: 'DE' },
    { email: 'ok.three@example.it', firstName: 'Marco', lastName: 'Rossi', company: 'Rossi SpA', country: 'IT' },
  ]);
  // The import goes out to the Worker like every other change.
  await expect.poll(() => worker.count("SELECT count(*) AS n FROM events WHERE type = 'profile'"), { timeout: 15_000 }).toBe(2);

  // The GBK file, confirmed: its Chinese names and companies are stored as they were written.
  await choose(page, 'contacts-gbk.csv');
  await byId(page, 'import-confirm').click();
  await expect.poll(() => byId(page, 'import-result').innerText()).toBe('Imported 3 contacts.');
  const afterGbk = await contactsSaved(page);
  expect(afterGbk).toHaveLength(5);
  for (const { email, name, company } of expected) {
    const contact = afterGbk.find((row) => row.email === email);
    expect([`${contact?.lastName}${contact?.firstName}`, `${contact?.firstName} ${contact?.lastName}`], email).toContain(name);
    expect(contact?.company, email).toBe(company);
  }
  await page.close();
});
