import { expect, test, vi } from 'vitest';
import { importInBatches } from './import-in-batches.ts';

test('batches in order, counts contacts, reports progress to 1', async () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ email: `c${i}@example.com` }));
  const send = vi.fn(async (batch: unknown[]) => ({ contacts: batch.length }));
  const progress: number[] = [];
  expect(await importInBatches(rows, send, (fraction) => progress.push(fraction), 10)).toEqual({ contacts: 25 });
  expect(send.mock.calls.map(([batch]) => batch.length)).toEqual([10, 10, 5]);
  expect(progress).toEqual([0, 0.4, 0.8, 1]);
});

test('a failing batch stops the import with its error', async () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ email: `c${i}@example.com` }));
  const send = vi.fn().mockResolvedValueOnce({ contacts: 2 }).mockRejectedValueOnce(new Error('quota'));
  await expect(importInBatches(rows, send, () => {}, 2)).rejects.toThrow('quota');
  expect(send).toHaveBeenCalledTimes(2);
});
