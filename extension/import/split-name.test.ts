import { expect, test } from 'vitest';
import { splitName } from './split-name.ts';

test.each([
  ['Anna Müller', { firstName: 'Anna', lastName: 'Müller' }],
  ['  Anna   Müller ', { firstName: 'Anna', lastName: 'Müller' }],
  ['Müller, Anna', { firstName: 'Anna', lastName: 'Müller' }],
  ['Maria de la Cruz', { firstName: 'Maria', lastName: 'de la Cruz' }],
  ['Mr. John Smith', { firstName: 'John', lastName: 'Smith' }],
  ['Dr Ahmed', { firstName: 'Ahmed' }],
  ['Ahmed', { firstName: 'Ahmed' }],
  ['张伟', { lastName: '张', firstName: '伟' }],
  ['王小明', { lastName: '王', firstName: '小明' }],
  ['欧阳娜娜', { lastName: '欧阳', firstName: '娜娜' }],
  ['司马光', { lastName: '司马', firstName: '光' }],
  ['伟', { firstName: '伟' }],
  ['', {}],
])('%j', (name, expected) => {
  expect(splitName(name)).toEqual(expected);
});
