import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MessageIndex } from './message-index.ts';

// Real pixel ids are random; fixtures and other clients may differ in one place only.
const id = fc.oneof(
  fc.string({ minLength: 22, maxLength: 22 }),
  fc.nat(5000).map((n) => `m${n.toString(36)}`.padEnd(22, '0')),
  fc.nat(5000).map((n) => `${n.toString(36)}`.padStart(22, '0')),
);

describe('message index', () => {
  test('numbers ids in the order first added, as a Map would', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 3000 }), fc.array(id, { maxLength: 200 }), (added, asked) => {
        const index = new MessageIndex();
        const map = new Map<string, number>();
        for (const message of added) {
          if (!map.has(message)) map.set(message, map.size);
          expect(index.add(message)).toBe(map.get(message));
        }
        expect(index.size).toBe(map.size);
        for (const message of [...added, ...asked]) expect(index.find(message)).toBe(map.get(message) ?? -1);
      }),
      { numRuns: 60 },
    );
  });
});
