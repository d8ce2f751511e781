import { expect, test } from 'vitest';
import { countryCode } from './country.ts';

test.each([
  ['DE', 'DE'],
  ['de', 'DE'],
  [' us ', 'US'],
  ['UK', 'GB'],
  ['Germany', 'DE'],
  ['germany', 'DE'],
  ['United States', 'US'],
  ['USA', 'US'],
  ['United Kingdom', 'GB'],
  ['England', 'GB'],
  ['UAE', 'AE'],
  ['Turkey', 'TR'],
  ['Türkiye', 'TR'],
  ['Côte d’Ivoire', 'CI'],
  ['Ivory Coast', 'CI'],
  ['Hong Kong', 'HK'],
  ['South Korea', 'KR'],
  ['Vietnam', 'VN'],
  ['Netherlands', 'NL'],
  ['Holland', 'NL'],
  ['Myanmar', 'MM'],
  ['德国', 'DE'],
  ['美国', 'US'],
  ['英国', 'GB'],
  ['阿联酋', 'AE'],
  ['阿拉伯联合酋长国', 'AE'],
  ['俄罗斯', 'RU'],
  ['巴西', 'BR'],
  ['澳大利亚', 'AU'],
  ['香港', 'HK'],
  ['德國', 'DE'],
])('%s is %s', (value, code) => {
  expect(countryCode(value)).toBe(code);
});

test.each(['XX', 'EU', 'ZZ', 'Atlantis', '德', ''])('%j is not a country', (value) => {
  expect(countryCode(value)).toBeUndefined();
});
