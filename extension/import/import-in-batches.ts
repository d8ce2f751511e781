// Sends the confirmed rows to the background in batches: one message stays small (the protocol
// takes at most 20,000 rows) and the page can show progress between them. Batches already sent
// stay imported if a later one fails, and the page says so: importing the file again sets the same
// fields again (only notes would be added a second time).
import type { ImportRow } from '../requests.ts';

export const BATCH_SIZE = 1000;

export async function importInBatches(
  rows: readonly ImportRow[],
  send: (batch: ImportRow[]) => Promise<{ contacts: number }>,
  onProgress: (fraction: number) => void = () => {},
  size = BATCH_SIZE,
): Promise<{ contacts: number }> {
  let contacts = 0;
  onProgress(0);
  for (let start = 0; start < rows.length; start += size) {
    contacts += (await send(rows.slice(start, start + size))).contacts;
    onProgress(Math.min(1, (start + size) / rows.length));
  }
  return { contacts };
}
