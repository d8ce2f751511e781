// One sheet row to one contact. Each column is read the forgiving way a rep would expect ("a",
// "A类", "★★", "展会", "LinkedIn"), and what cannot be read becomes a problem with a code the page
// translates, never an English sentence. importRow (requests.ts) checks the result last, as the
// background will.
import { normaliseEmail } from '../../shared/schema.ts';
import { importRow, type ImportRow } from '../requests.ts';
import type { ImportField } from './csv-columns.ts';
import { countryCode } from './country.ts';
import { splitName } from './split-name.ts';

export type RowProblem =
  | { code: 'missing-email' }
  | { code: 'bad-email'; value: string }
  | { code: 'bad-country'; value: string }
  | { code: 'bad-tier'; value: string }
  | { code: 'bad-stars'; value: string }
  | { code: 'too-long'; field: ImportField; max: number }
  | { code: 'too-many-tags'; max: number }
  | { code: 'bad-quotes' }
  | { code: 'invalid'; field: string };

export type Cells = Partial<Record<ImportField, string>>;

type Source = NonNullable<ImportRow['source']>;

// Matched against the lower-cased value; the first rule that matches wins.
const SOURCES: Array<[RegExp, Source]> = [
  [/trade.?show|exhibition|\bexpo\b|\bfair\b|展会|展览|广交会|canton/, 'trade-show'],
  [/b2b|alibaba|made.?in.?china|global.?sources|ec21|tradekey|阿里|中国制造网|环球资源|平台/, 'b2b-platform'],
  [/social|linkedin|facebook|instagram|twitter|whatsapp|tiktok|youtube|社交|社媒|领英|脸书/, 'social-media'],
  [/inbound|enquiry|inquiry|website|google|\bseo\b|询盘|官网|网站/, 'inbound-enquiry'],
  [/outreach|cold.?mail|e-?mail|mailing|开发信|邮件/, 'email-outreach'],
];

const LIMITS = { firstName: 80, lastName: 80, company: 160, note: 4000 } as const;
const TAG_MAX = 40;
const TAGS_MAX = 50;

export function toImportRow(cells: Cells): { row: ImportRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const value = (field: ImportField) => cells[field]?.trim() ?? '';
  const draft: Record<string, unknown> = {};

  const address = value('email');
  if (address === '') problems.push({ code: 'missing-email' });
  else if (!normaliseEmail(address).ok) problems.push({ code: 'bad-email', value: address });
  else draft.email = address;

  // Separate first/last name columns win; otherwise the single name column is split.
  const separate = value('firstName') !== '' || value('lastName') !== '';
  const name = separate ? { firstName: value('firstName'), lastName: value('lastName') } : splitName(value('name'));
  const texts: Array<[keyof typeof LIMITS, string | undefined, ImportField]> = [
    ['firstName', name.firstName, separate ? 'firstName' : 'name'],
    ['lastName', name.lastName, separate ? 'lastName' : 'name'],
    ['company', value('company'), 'company'],
    ['note', value('note'), 'note'],
  ];
  for (const [field, text, column] of texts) {
    if (!text) continue;
    if (text.length > LIMITS[field]) problems.push({ code: 'too-long', field: column, max: LIMITS[field] });
    else draft[field] = text;
  }

  const country = value('country');
  if (country) {
    const code = countryCode(country);
    if (code) draft.country = code;
    else problems.push({ code: 'bad-country', value: country });
  }

  const tier = value('tier');
  if (tier) {
    // "A", "a", "A类", "A级", "A 类客户"
    const letter = /^([abc])\s*(类|级|类客户|级客户)?$/i.exec(tier.normalize('NFKC'))?.[1];
    if (letter) draft.tier = letter.toUpperCase();
    else problems.push({ code: 'bad-tier', value: tier });
  }

  const stars = value('stars');
  if (stars) {
    const count = starCount(stars);
    if (count !== undefined) draft.stars = count;
    else problems.push({ code: 'bad-stars', value: stars });
  }

  const source = value('source');
  if (source) {
    const lower = source.normalize('NFKC').toLowerCase();
    // Anything else a rep wrote ("referral from Tom") is still a source: other.
    draft.source = SOURCES.find(([pattern]) => pattern.test(lower))?.[1] ?? 'other';
  }

  const tags = [...new Set(value('tags').split(/[;,、，；|\n]/u).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  if (tags.length > TAGS_MAX) problems.push({ code: 'too-many-tags', max: TAGS_MAX });
  else if (tags.some((tag) => tag.length > TAG_MAX)) problems.push({ code: 'too-long', field: 'tags', max: TAG_MAX });
  else if (tags.length > 0) draft.tags = tags;

  if (problems.length > 0) return { problems };
  const parsed = importRow.safeParse(draft);
  if (parsed.success) return { row: parsed.data };
  return { problems: parsed.error.issues.map((issue) => ({ code: 'invalid', field: String(issue.path[0] ?? '') })) };
}

/** "2", "2星", "★★", "☆" (none): 0-3 stars. */
function starCount(text: string): number | undefined {
  const plain = text.normalize('NFKC').replace(/\s*(星|stars?)$/i, '');
  if (/^★{1,3}$/u.test(plain)) return plain.length;
  if (/^☆+$/u.test(plain)) return 0;
  if (!/^\d+(\.0+)?$/.test(plain)) return undefined;
  const count = Number(plain);
  return count <= 3 ? count : undefined;
}
