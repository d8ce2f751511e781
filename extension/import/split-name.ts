// Splits a sheet's single name column ("Anna Müller", "Müller, Anna", "张伟", "欧阳娜娜") into the
// first and last name the templates address ("Dear {{firstName}}"). Chinese names put the family
// name first, usually one character, two for the compound surnames listed here.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '司空',
  '夏侯', '轩辕', '令狐', '钟离', '澹台', '端木', '独孤', '南宫', '西门', '申屠', '太史', '万俟', '呼延',
]);

const HONORIFIC = /^(mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|m|herr|frau|sr|sra|srta|sig|sigra)\.?$/i;
const HAN = /^\p{Script=Han}+$/u;

export interface SplitName {
  firstName?: string;
  lastName?: string;
}

export function splitName(raw: string): SplitName {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') return {};
  if (HAN.test(name)) {
    if (name.length === 1) return { firstName: name };
    const surname = name.length >= 3 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);
    return { lastName: surname, firstName: name.slice(surname.length) };
  }
  // "Müller, Anna" is how address books and CRMs export "last, first".
  const comma = name.indexOf(',');
  if (comma > 0) {
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    return { ...(first ? { firstName: first } : {}), ...(last ? { lastName: last } : {}) };
  }
  const words = name.split(' ');
  while (words.length > 1 && HONORIFIC.test(words[0]!)) words.shift();
  const [first, ...rest] = words;
  return rest.length > 0 ? { firstName: first!, lastName: rest.join(' ') } : { firstName: first! };
}
