import { expect, test } from 'vitest';
import type { ExportData } from '../messaging.ts';
import { contactsCsv, csvCell } from './contacts-csv.ts';
import { decodeCsv } from './decode-csv.ts';
import { parseContactsCsv } from './parse-contacts-csv.ts';

const at = Date.UTC(2025, 2, 1, 9);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const data: Pick<ExportData, 'contacts' | 'events'> = {
  contacts: [
    { email: 'anna@mueller.de', state: 'replied', nextFollowUpAt: Date.UTC(2025, 2, 4, 9), firstName: 'Anna', lastName: 'Müller', company: 'Müller Handels GmbH', country: 'DE' },
    { email: 'zw@shop.cn', state: 'inactive', nextFollowUpAt: null, firstName: '伟', lastName: '张', company: '上海贸易, "有限"公司' },
    { email: 'x@y.com', state: 'ordered', nextFollowUpAt: null },
  ],
  events: [
    { id: id(1), at, type: 'tier', contact: 'anna@mueller.de', tier: 'B' },
    { id: id(2), at: at + 1, type: 'tier', contact: 'anna@mueller.de', tier: 'A' },
    { id: id(3), at, type: 'stars', contact: 'anna@mueller.de', stars: 2 },
    { id: id(4), at, type: 'source', contact: 'anna@mueller.de', source: 'trade-show' },
    { id: id(5), at, type: 'tags', contact: 'anna@mueller.de', tags: ['LED', 'Canton fair'] },
    { id: id(6), at, type: 'note', contact: 'zw@shop.cn', text: 'sample sent\nwaiting' },
    { id: id(7), at: at + 5, type: 'note', contact: 'zw@shop.cn', text: '=call back' },
  ],
};

const labels = { state: (state: string) => `state:${state}`, source: (source: string) => source };

test('Excel-ready: BOM, CRLF, header in the rep language, quoted cells, dates in the rep time zone', () => {
  const csv = contactsCsv(data, 'en', labels, 'UTC');
  expect(csv.startsWith('\uFEFFEmail,First name,Last name,Company,Country,Tier,Stars,Source,Tags,Note,State,Next follow-up\r\n')).toBe(true);
  expect(csv).toContain('\r\nanna@mueller.de,Anna,Müller,Müller Handels GmbH,DE,A,2,trade-show,"LED; Canton fair",,state:replied,2025-03-04\r\n');
  expect(csv).toContain('zw@shop.cn,伟,张,"上海贸易, ""有限""公司",,,,,,"sample sent\nwaiting\n=call back",state:inactive,\r\n');
  expect(contactsCsv(data, 'zh', labels, 'UTC')).toMatch(/^\uFEFF邮箱,名,姓,公司,国家,等级,星级,来源,标签,备注,状态,下次跟进\r\n/);
});

test.each([
  ['plain', 'plain'],
  ['=1+1', "'=1+1"],
  ['a,b', '"a,b"'],
  ['a;b', '"a;b"'],
  ['say "hi"', '"say ""hi"""'],
  ['two\nlines', '"two\nlines"'],
  [' padded', '" padded"'],
  ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
  ['+1 555', "'+1 555"],
  ['@SUM(A1)', "'@SUM(A1)"],
])('cell %j', (value, cell) => {
  expect(csvCell(value)).toBe(cell);
});

test.each(['en', 'zh'] as const)('round trip through the import (%s)', async (language) => {
  const csv = contactsCsv(data, language, { state: (state) => state, source: (source) => (language === 'zh' && source === 'trade-show' ? '展会' : source) });
  const bytes = new TextEncoder().encode(csv);
  const preview = await parseContactsCsv(decodeCsv(bytes).text);
  expect(preview.errors).toEqual([]);
  expect(preview.ignoredColumns).toEqual([]);
  expect(preview.rows.map((row) => row.contact)).toEqual([
    { email: 'anna@mueller.de', firstName: 'Anna', lastName: 'Müller', company: 'Müller Handels GmbH', country: 'DE', tier: 'A', stars: 2, source: 'trade-show', tags: ['LED', 'Canton fair'] },
    { email: 'zw@shop.cn', firstName: '伟', lastName: '张', company: '上海贸易, "有限"公司', note: 'sample sent\nwaiting\n=call back' },
    { email: 'x@y.com' },
  ]);
});
