import { expect, test } from 'vitest';
import { parseContactsCsv } from './parse-contacts-csv.ts';

const lines = (...rows: string[]) => rows.join('\r\n');

test('line numbers are Excel row numbers: header is 1, blank rows and line breaks in cells count as Excel counts them', async () => {
  const csv = lines(
    'Email,Name,Stars,Note', // 1
    'anna@mueller.de,Anna Müller,2,', // 2
    '', // 3
    'bad-address,Bob,1,', // 4
    'li@shop.cn,张伟,3,"first line', // 5 (one cell over two lines)
    'second line"',
    ',,,', // 6: Excel's empty row
    'tom@x.com,Tom,7,', // 7
  );
  const preview = await parseContactsCsv(csv);
  expect(preview.rows.map((row) => [row.line, row.contact.email])).toEqual([
    [2, 'anna@mueller.de'],
    [5, 'li@shop.cn'],
  ]);
  expect(preview.rows[1]!.contact).toMatchObject({ firstName: '伟', lastName: '张', note: 'first line\r\nsecond line' });
  expect(preview.errors).toEqual([
    { line: 4, problem: { code: 'bad-email', value: 'bad-address' } },
    { line: 7, problem: { code: 'bad-stars', value: '7' } },
  ]);
  expect(preview.fatal).toBeUndefined();
});

test('Chinese headers', async () => {
  const preview = await parseContactsCsv(lines('邮箱,姓名,公司,国家,等级,星级,来源,标签,备注', 'zw@shop.cn,张伟,上海贸易有限公司,中国,A,3,展会,老客户、LED,样品已寄'));
  expect(preview.rows).toEqual([
    {
      line: 2,
      contact: {
        email: 'zw@shop.cn',
        firstName: '伟',
        lastName: '张',
        company: '上海贸易有限公司',
        country: 'CN',
        tier: 'A',
        stars: 3,
        source: 'trade-show',
        tags: ['老客户', 'LED'],
        note: '样品已寄',
      },
    },
  ]);
});

test('a repeated address is merged into its first row: later values win, tags add up', async () => {
  const preview = await parseContactsCsv(
    lines('email,company,tier,tags', 'a@b.de,Old GmbH,B,led', 'c@d.fr,,,', 'A@B.de,New GmbH,,show'),
  );
  expect(preview.rows).toEqual([
    { line: 2, contact: { email: 'a@b.de', company: 'New GmbH', tier: 'B', tags: ['led', 'show'] } },
    { line: 3, contact: { email: 'c@d.fr' } },
  ]);
  expect(preview.merged).toEqual([{ line: 4, firstLine: 2, email: 'a@b.de' }]);
});

test('semicolons (German Excel), tabs and a sep= line', async () => {
  for (const csv of [lines('Email;Firma;Company', 'a@b.de;x;ACME, Inc.'), lines('email\tcompany', 'a@b.de\tACME, Inc.'), lines('sep=|', 'email|company', 'a@b.de|ACME, Inc.')]) {
    const preview = await parseContactsCsv(csv);
    expect(preview.rows).toEqual([{ line: 2, contact: { email: 'a@b.de', company: 'ACME, Inc.' } }]);
  }
  expect((await parseContactsCsv(lines('Email;Firma;Company', 'a@b.de;x;y'))).ignoredColumns).toEqual(['Firma']);
});

test('no email column, empty file', async () => {
  expect((await parseContactsCsv(lines('Name,Company', 'Anna,ACME'))).fatal).toBe('no-email-column');
  expect((await parseContactsCsv('')).fatal).toBe('empty-file');
  expect((await parseContactsCsv('\r\n\r\n')).fatal).toBe('empty-file');
  const headerOnly = await parseContactsCsv('email\r\n');
  expect([headerOnly.fatal, headerOnly.rows]).toEqual([undefined, []]);
});

test('an unterminated quote is reported on its row', async () => {
  const preview = await parseContactsCsv(lines('email,note', 'a@b.de,ok', 'c@d.de,"never closed', 'e@f.de,lost'));
  expect(preview.rows.map((row) => row.line)).toEqual([2]);
  expect(preview.errors).toEqual([{ line: 3, problem: { code: 'bad-quotes' } }]);
});

test('formula-escaped cells from our export read back as written', async () => {
  const preview = await parseContactsCsv(lines('email,note', "a@b.de,'=1+1"));
  expect(preview.rows[0]!.contact.note).toBe('=1+1');
});

test('a big file in small chunks: same result, line numbers across chunk borders, progress rising to 1', async () => {
  const rows = Array.from({ length: 3000 }, (_, i) => (i % 500 === 7 ? `bad${i},"multi\nline",1` : `c${i}@example.com,"Name ${i}",${i % 4}`));
  const csv = lines('email,name,stars', ...rows);
  const progress: number[] = [];
  const chunked = await parseContactsCsv(csv, { chunkSize: 4096, onProgress: (fraction) => progress.push(fraction) });
  const whole = await parseContactsCsv(csv, { chunkSize: 10_000_000 });
  expect(chunked).toEqual(whole);
  expect(chunked.rows).toHaveLength(2994);
  expect(chunked.errors.map((error) => error.line)).toEqual([9, 509, 1009, 1509, 2009, 2509]);
  expect(chunked.rows.at(-1)).toEqual({ line: 3001, contact: { email: 'c2999@example.com', firstName: 'Name', lastName: '2999', stars: 3 } });
  expect(progress.length).toBeGreaterThan(10);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress.at(-1)).toBe(1);
});

test('an aborted parse rejects', async () => {
  const controller = new AbortController();
  const csv = lines('email', ...Array.from({ length: 2000 }, (_, i) => `c${i}@example.com`));
  const parsing = parseContactsCsv(csv, { chunkSize: 1000, signal: controller.signal });
  controller.abort();
  await expect(parsing).rejects.toBeDefined();
});
