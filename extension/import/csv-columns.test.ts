import { expect, test } from 'vitest';
import { columnTitle, mapHeader } from './csv-columns.ts';

test.each([
  ['Email', 'email'],
  ['E-mail', 'email'],
  ['EMAIL ADDRESS', 'email'],
  ['邮箱', 'email'],
  ['电子邮件', 'email'],
  ['邮箱(必填)', 'email'],
  ['\uFEFFemail', 'email'],
  ['First name', 'firstName'],
  ['first_name', 'firstName'],
  ['名', 'firstName'],
  ['Last Name', 'lastName'],
  ['姓', 'lastName'],
  ['Name', 'name'],
  ['姓名', 'name'],
  ['联系人', 'name'],
  ['Company', 'company'],
  ['公司', 'company'],
  ['公司名称', 'company'],
  ['Country', 'country'],
  ['国家', 'country'],
  ['国家/地区', 'country'],
  ['Tier', 'tier'],
  ['等级', 'tier'],
  ['Stars', 'stars'],
  ['星级', 'stars'],
  ['Source', 'source'],
  ['来源', 'source'],
  ['Tags', 'tags'],
  ['标签', 'tags'],
  ['Note', 'note'],
  ['备注', 'note'],
] as const)('%s is %s', (header, field) => {
  expect(mapHeader(['x', header]).fields).toEqual({ [field]: 1 });
});

test('unknown and repeated columns are ignored and listed; our own state columns are skipped quietly', () => {
  expect(mapHeader(['Email', 'Phone', '邮箱', 'State', '下次跟进', ''])).toEqual({ fields: { email: 0 }, ignored: ['Phone', '邮箱'] });
});

test('export titles import back as their column in both languages', () => {
  for (const language of ['en', 'zh'] as const) {
    const titles = (['email', 'firstName', 'lastName', 'company', 'country', 'tier', 'stars', 'source', 'tags', 'note'] as const).map((column) => columnTitle(column, language));
    expect(mapHeader(titles).fields).toEqual({ email: 0, firstName: 1, lastName: 2, company: 3, country: 4, tier: 5, stars: 6, source: 7, tags: 8, note: 9 });
  }
});
