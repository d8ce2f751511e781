// The CSV files the Chromium end-to-end test uploads, read here through the same code path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { decodeCsv } from './decode-csv.ts';
import { parseContactsCsv } from './parse-contacts-csv.ts';

const read = async (name: string) => {
  const bytes = new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../test/fixtures/csv', name)));
  const decoded = decodeCsv(bytes);
  return { decoded, preview: await parseContactsCsv(decoded.text) };
};

test('UTF-8 with BOM', async () => {
  const { decoded, preview } = await read('contacts-utf8-bom.csv');
  expect([decoded.encoding, decoded.bom]).toEqual(['utf-8', true]);
  expect(preview.errors).toEqual([]);
  expect(preview.rows.map((row) => row.contact)).toEqual([
    { email: 'anna.mueller@mueller-handel.de', firstName: 'Anna', lastName: 'Müller', company: 'Müller Handels GmbH', country: 'DE', tier: 'A', stars: 3, source: 'trade-show', tags: ['LED', 'lighting'], note: 'Sample sent 12 March, waiting for test results' },
    { email: 'zhang.wei@shanghai-trade.cn', firstName: '伟', lastName: '张', company: '上海贸易有限公司', country: 'CN', tier: 'B', stars: 2, source: 'trade-show', tags: ['老客户', 'LED'], note: '首单已发货' },
    { email: 'jose@distribuidora.es', firstName: 'José', lastName: 'García', company: 'Distribuidora García S.L.', country: 'ES', tier: 'C', stars: 1, source: 'social-media' },
  ]);
});

test('GBK from Chinese Excel', async () => {
  const { decoded, preview } = await read('contacts-gbk.csv');
  expect([decoded.encoding, decoded.bom]).toEqual(['gbk', false]);
  expect(preview.errors).toEqual([]);
  expect(preview.rows.map((row) => row.contact)).toEqual([
    { email: 'zhang.wei@shanghai-trade.cn', firstName: '伟', lastName: '张', company: '上海贸易有限公司', country: 'CN', tier: 'A', stars: 3, source: 'trade-show', tags: ['老客户', 'LED'], note: '样品已寄出' },
    { email: 'ouyang@hk-import.com.hk', firstName: '娜娜', lastName: '欧阳', company: '香港进口有限公司', country: 'HK', tier: 'B', stars: 2, source: 'b2b-platform', tags: ['灯具'] },
    { email: 'kenji.tanaka@osaka-shoji.jp', firstName: 'Kenji', lastName: 'Tanaka', company: 'Osaka Shoji', country: 'JP', tier: 'C', stars: 1, source: 'inbound-enquiry' },
  ]);
});

test('a bad email and stars 7', async () => {
  const { preview } = await read('contacts-bad-row.csv');
  expect(preview.rows.map((row) => [row.line, row.contact.email])).toEqual([
    [2, 'ok.one@example.de'],
    [5, 'ok.three@example.it'],
  ]);
  expect(preview.errors).toEqual([
    { line: 3, problem: { code: 'bad-email', value: 'not-an-email' } },
    { line: 4, problem: { code: 'bad-stars', value: '7' } },
  ]);
});
