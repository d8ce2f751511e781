// The columns of a contacts CSV: what each is called when we export (in the rep's language) and
// every header we accept on import, in English and Chinese, so a sheet kept in Excel imports
// without renaming columns and our own export imports back.
import type { Language } from '../settings.ts';

export const COLUMNS = {
  email: { en: 'Email', zh: '邮箱', accept: ['email', 'emailaddress', 'mail', 'mailaddress', '电子邮件', '电子邮箱', '邮件', '邮件地址', '邮箱地址', 'email地址'] },
  firstName: { en: 'First name', zh: '名', accept: ['givenname', 'forename', '名字'] },
  lastName: { en: 'Last name', zh: '姓', accept: ['surname', 'familyname', '姓氏'] },
  name: { en: 'Name', zh: '姓名', accept: ['fullname', 'contact', 'contactname', 'contactperson', '联系人', '联系人姓名', '客户姓名', '全名'] },
  company: { en: 'Company', zh: '公司', accept: ['companyname', 'organisation', 'organization', 'customer', '公司名', '公司名称', '客户公司', '客户名称', '单位'] },
  country: { en: 'Country', zh: '国家', accept: ['countrycode', 'countryregion', '国家地区', '国别', '国家或地区'] },
  tier: { en: 'Tier', zh: '等级', accept: ['level', 'grade', 'customertier', 'customerlevel', '客户等级', '级别', '客户级别', '分级'] },
  stars: { en: 'Stars', zh: '星级', accept: ['star', 'rating', '星', '客户星级'] },
  source: { en: 'Source', zh: '来源', accept: ['leadsource', 'channel', '客户来源', '渠道'] },
  tags: { en: 'Tags', zh: '标签', accept: ['tag', 'labels', 'label'] },
  note: { en: 'Note', zh: '备注', accept: ['notes', 'remark', 'remarks', 'comment', 'comments', '说明'] },
  // Written by our export for the rep's eyes; the extension works them out itself, so import skips them.
  state: { en: 'State', zh: '状态', accept: ['status'] },
  nextFollowUp: { en: 'Next follow-up', zh: '下次跟进', accept: ['nextfollowupdate', '下次跟进日期', '下次跟进时间'] },
} as const satisfies Record<string, { en: string; zh: string; accept: readonly string[] }>;

export type Column = keyof typeof COLUMNS;
export type ImportField = Exclude<Column, 'state' | 'nextFollowUp'>;
const READ_ONLY: ReadonlySet<Column> = new Set(['state', 'nextFollowUp']);

export function columnTitle(column: Column, language: Language): string {
  return COLUMNS[column][language];
}

const BY_HEADER = new Map<string, Column>();
for (const [column, names] of Object.entries(COLUMNS) as Array<[Column, (typeof COLUMNS)[Column]]>) {
  for (const name of [column, names.en, names.zh, ...names.accept]) BY_HEADER.set(headerKey(name), column);
}

/**
 * Case, spaces, punctuation, full-width forms and notes in brackets do not matter:
 * "E-mail", "EMAIL ADDRESS", "邮箱(必填)" and "First_Name" all match.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\(.*?\)|\[.*?\]|【.*?】/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export interface HeaderMap {
  /** Column index of each field found. */
  fields: Partial<Record<ImportField, number>>;
  /** Headers we do not know, or a second column for a field we already have: left out. */
  ignored: string[];
}

export function mapHeader(header: readonly string[]): HeaderMap {
  const fields: HeaderMap['fields'] = {};
  const ignored: string[] = [];
  header.forEach((title, index) => {
    const column = BY_HEADER.get(headerKey(title));
    if (column !== undefined && READ_ONLY.has(column)) return;
    if (column === undefined || column in fields) {
      if (title.trim() !== '') ignored.push(title.trim());
      return;
    }
    fields[column as ImportField] = index;
  });
  return { fields, ignored };
}
