import { expect, test } from 'vitest';
import { toImportRow, type Cells } from './contact-row.ts';

test.each<[string, Cells, unknown]>([
  ['email only, normalised', { email: ' Anna@Mueller.DE ' }, { email: 'anna@mueller.de' }],
  ['name split', { email: 'a@b.de', name: 'Anna Müller' }, { email: 'a@b.de', firstName: 'Anna', lastName: 'Müller' }],
  ['first/last columns win over name', { email: 'a@b.de', name: 'X Y', firstName: 'Anna' }, { email: 'a@b.de', firstName: 'Anna' }],
  ['tier letters', { email: 'a@b.de', tier: 'a' }, { email: 'a@b.de', tier: 'A' }],
  ['tier in Chinese', { email: 'a@b.de', tier: 'B类' }, { email: 'a@b.de', tier: 'B' }],
  ['stars digits', { email: 'a@b.de', stars: '0' }, { email: 'a@b.de', stars: 0 }],
  ['stars as ★', { email: 'a@b.de', stars: '★★' }, { email: 'a@b.de', stars: 2 }],
  ['stars 3星', { email: 'a@b.de', stars: '3星' }, { email: 'a@b.de', stars: 3 }],
  ['country name', { email: 'a@b.de', country: '德国' }, { email: 'a@b.de', country: 'DE' }],
  ['source trade show', { email: 'a@b.de', source: 'Canton Fair' }, { email: 'a@b.de', source: 'trade-show' }],
  ['source in Chinese', { email: 'a@b.de', source: '阿里巴巴国际站' }, { email: 'a@b.de', source: 'b2b-platform' }],
  ['source LinkedIn', { email: 'a@b.de', source: 'LinkedIn' }, { email: 'a@b.de', source: 'social-media' }],
  ['source 开发信', { email: 'a@b.de', source: '开发信' }, { email: 'a@b.de', source: 'email-outreach' }],
  ['source 询盘', { email: 'a@b.de', source: '询盘' }, { email: 'a@b.de', source: 'inbound-enquiry' }],
  ['source anything else', { email: 'a@b.de', source: 'referral from Tom' }, { email: 'a@b.de', source: 'other' }],
  ['export is not an expo', { email: 'a@b.de', source: 'Export agent' }, { email: 'a@b.de', source: 'other' }],
  ['website enquiry by email', { email: 'a@b.de', source: 'website enquiry by email' }, { email: 'a@b.de', source: 'inbound-enquiry' }],
  ['tags split on ; , 、', { email: 'a@b.de', tags: 'LED; lighting,老客户、LED' }, { email: 'a@b.de', tags: ['LED', 'lighting', '老客户'] }],
  ['note kept', { email: 'a@b.de', note: 'met at booth 5' }, { email: 'a@b.de', note: 'met at booth 5' }],
])('%s', (_, cells, row) => {
  expect(toImportRow(cells)).toEqual({ row });
});

test.each<[string, Cells, unknown[]]>([
  ['no email', { email: ' ', name: 'Anna' }, [{ code: 'missing-email' }]],
  ['bad email', { email: 'anna at mueller.de' }, [{ code: 'bad-email', value: 'anna at mueller.de' }]],
  ['stars 7', { email: 'a@b.de', stars: '7' }, [{ code: 'bad-stars', value: '7' }]],
  ['stars 1.5', { email: 'a@b.de', stars: '1.5' }, [{ code: 'bad-stars', value: '1.5' }]],
  ['tier D', { email: 'a@b.de', tier: 'D' }, [{ code: 'bad-tier', value: 'D' }]],
  ['country unknown', { email: 'a@b.de', country: 'Atlantis' }, [{ code: 'bad-country', value: 'Atlantis' }]],
  ['long company', { email: 'a@b.de', company: 'x'.repeat(161) }, [{ code: 'too-long', field: 'company', max: 160 }]],
  ['long name from the name column', { email: 'a@b.de', name: 'x'.repeat(81) }, [{ code: 'too-long', field: 'name', max: 80 }]],
  ['long tag', { email: 'a@b.de', tags: 'x'.repeat(41) }, [{ code: 'too-long', field: 'tags', max: 40 }]],
  ['many tags', { email: 'a@b.de', tags: Array.from({ length: 51 }, (_, i) => `t${i}`).join(';') }, [{ code: 'too-many-tags', max: 50 }]],
  ['every problem at once', { email: 'x', stars: '9', tier: 'Z' }, [{ code: 'bad-email', value: 'x' }, { code: 'bad-tier', value: 'Z' }, { code: 'bad-stars', value: '9' }]],
])('%s', (_, cells, problems) => {
  expect(toImportRow(cells)).toEqual({ problems });
});
