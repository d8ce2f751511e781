// A chosen file to an import preview: bytes, encoding, rows and problems.
import { decodeCsv, type CsvEncoding } from './decode-csv.ts';
import { parseContactsCsv, type ImportPreview, type ParseOptions } from './parse-contacts-csv.ts';

export async function readContactsFile(file: Blob, options: ParseOptions = {}): Promise<{ encoding: CsvEncoding; preview: ImportPreview }> {
  const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  return { encoding: decoded.encoding, preview: await parseContactsCsv(decoded.text, options) };
}
