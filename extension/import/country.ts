// Reads the country column of a rep's sheet: an ISO code ("DE", "uk") or a name in English or
// Chinese ("Germany", "德国", "USA", "阿联酋"). The names come from the browser's own CLDR data
// (Intl.DisplayNames), so every country is covered in both languages without a table to maintain;
// the aliases below add the informal names reps actually type.
const ALIASES: Record<string, string> = {
  usa: 'US', us: 'US', america: 'US', unitedstatesofamerica: 'US', 美国: 'US',
  uk: 'GB', britain: 'GB', greatbritain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 英国: 'GB', 英格兰: 'GB',
  uae: 'AE', emirates: 'AE', dubai: 'AE', 阿联酋: 'AE', 迪拜: 'AE',
  ksa: 'SA', saudi: 'SA', 沙特: 'SA',
  holland: 'NL', korea: 'KR', southkorea: 'KR', 南韩: 'KR', northkorea: 'KP', 北韩: 'KP',
  russianfederation: 'RU', 俄国: 'RU', turkey: 'TR', czechrepublic: 'CZ', 捷克共和国: 'CZ',
  ivorycoast: 'CI', hongkong: 'HK', 香港: 'HK', 中国香港: 'HK', macau: 'MO', macao: 'MO', 澳门: 'MO', 中国澳门: 'MO',
  taiwan: 'TW', 中国台湾: 'TW', burma: 'MM', vatican: 'VA', swaziland: 'SZ', macedonia: 'MK', palestine: 'PS', 巴勒斯坦: 'PS',
  澳洲: 'AU', 纽西兰: 'NZ', 大马: 'MY', 新加坡: 'SG', 菲律宾: 'PH',
};

/** Region codes CLDR names that are not countries a buyer lives in. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

let byName: Map<string, string> | undefined;

/** The ISO 3166 alpha-2 code for a country column value, or undefined when it is not one. */
export function countryCode(raw: string): string | undefined {
  const value = raw.trim();
  if (/^[A-Za-z]{2}$/.test(value)) return canonicalCode(value.toUpperCase()) ?? ALIASES[key(value)];
  const name = key(value);
  return ALIASES[name] ?? names().get(name);
}

/** A two-letter code the browser knows as a country, mapped to its current code (UK -> GB). */
function canonicalCode(code: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(`und-${code}`)[0]?.slice(4);
  } catch {
    return undefined;
  }
  if (canonical === undefined || NOT_COUNTRIES.has(canonical)) return undefined;
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(canonical);
  return name !== undefined && name !== canonical ? canonical : undefined;
}

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const displays = ['en', 'zh-Hans', 'zh-Hant'].map((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) {
    for (const second of letters) {
      const code = canonicalCode(first + second);
      if (code !== first + second) continue; // skip unknown and deprecated codes
      for (const display of displays) {
        const name = display.of(code);
        if (name === undefined) continue;
        byName.set(key(name), code);
        // "Hong Kong SAR China", "Myanmar (Burma)": also the part before the qualifier.
        const short = name.replace(/\s*(\(.*\)|（.*）|SAR China)\s*$/u, '');
        if (short !== name && !byName.has(key(short))) byName.set(key(short), code);
      }
    }
  }
  return byName;
}

/** Case, accents, spaces and punctuation do not matter: "Côte d’Ivoire" = "cote d'ivoire". */
function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}
