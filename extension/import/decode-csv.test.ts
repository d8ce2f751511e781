import { expect, test } from 'vitest';
import { decodeCsv } from './decode-csv.ts';

// GBK bytes from the GB2312 table (checked with Python's codec): 邮箱 姓名 张伟 德国.
const GBK = {
  邮箱: [0xd3, 0xca, 0xcf, 0xe4],
  姓名: [0xd0, 0xd5, 0xc3, 0xfb],
  张伟: [0xd5, 0xc5, 0xce, 0xb0],
  德国: [0xb5, 0xc2, 0xb9, 0xfa],
};
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

test('the runtime has a GBK decoder (browsers and Node with full ICU do)', () => {
  expect(new TextDecoder('gbk').decode(new Uint8Array(GBK.张伟))).toBe('张伟');
});

test.each([
  ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, ...new TextEncoder().encode('邮箱,姓名\r\nzw@x.cn,张伟')], 'utf-8', true],
  ['UTF-8 without BOM', [...new TextEncoder().encode('邮箱,姓名\r\nzw@x.cn,张伟')], 'utf-8', false],
  ['GBK (Chinese Excel)', [...GBK.邮箱, ...ascii(','), ...GBK.姓名, ...ascii('\r\nzw@x.cn,'), ...GBK.张伟], 'gbk', false],
  ['UTF-16LE with BOM (Excel "Unicode text")', [0xff, 0xfe, ...[...'邮箱,姓名\r\nzw@x.cn,张伟'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])], 'utf-16le', true],
] as const)('%s', (_, bytes, encoding, bom) => {
  expect(decodeCsv(new Uint8Array(bytes))).toEqual({ text: '邮箱,姓名\r\nzw@x.cn,张伟', encoding, bom });
});

test('plain ASCII is UTF-8', () => {
  expect(decodeCsv(new Uint8Array(ascii('email\r\na@b.de')))).toEqual({ text: 'email\r\na@b.de', encoding: 'utf-8', bom: false });
});

test('GBK text with a country name decodes whole', () => {
  const bytes = new Uint8Array([...ascii('email,country\na@b.de,'), ...GBK.德国]);
  expect(decodeCsv(bytes).text).toBe('email,country\na@b.de,德国');
});
