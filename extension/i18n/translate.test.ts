import { expect, test } from 'vitest';
import { dictionary, translator } from './translate.ts';

const dict = dictionary({ due: '{n} due today', hello: 'Hello' }, { due: '今天有 {n} 个待跟进', hello: '你好' });

test.each([
  ['en', 'due', { n: 3 }, '3 due today'],
  ['zh', 'due', { n: 3 }, '今天有 3 个待跟进'],
  ['zh', 'hello', {}, '你好'],
  ['en', 'due', {}, '{n} due today'],
] as const)('%s %s', (language, key, params, expected) => {
  expect(translator(dict, language)(key, params)).toBe(expected);
});
