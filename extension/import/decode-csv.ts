// Turns the bytes of a CSV file into text. Excel writes three encodings a rep will meet: "CSV UTF-8"
// (with a byte-order mark), plain UTF-8 from other tools (no mark), and "CSV (comma delimited)" on
// Chinese Windows, which is GBK (code page 936). "Unicode text" is UTF-16 with a mark. A file that
// is not valid UTF-8 is taken as GBK: Latin-1 files of Western reps are rare here, and GBK is the
// encoding whose mojibake a Chinese rep would otherwise see.
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** Whether the file started with a byte-order mark (dropped from `text`). */
  bom: boolean;
}

export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  // The decoders drop their own byte-order mark (ignoreBOM defaults to false).
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', bom: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // WHATWG's "gbk" decoder is GB18030's, a superset of what Excel writes; it never throws.
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk', bom: false };
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
