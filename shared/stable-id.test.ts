import { expect, test } from 'vitest';
import { eventId } from './schema.ts';
import { stableEventId } from './stable-id.ts';

test('the same fact gets the same valid UUID; different facts differ', () => {
  const a = stableEventId('reply', 'gmail', 'msg-f:1581064946762017791');
  expect(stableEventId('reply', 'gmail', 'msg-f:1581064946762017791')).toBe(a);
  expect(eventId.safeParse(a).success).toBe(true);
  const ids = new Set(Array.from({ length: 10_000 }, (_, i) => stableEventId('reply', 'gmail', `msg-f:${i}`)));
  expect(ids.size).toBe(10_000);
  expect(stableEventId('reply', 'gmail', 'x')).not.toBe(stableEventId('reply', 'outlook', 'x'));
});
