import { describe, expect, test } from 'vitest';
import { clientEvent, normaliseEmail, postEventsBody } from './schema.ts';

describe('normaliseEmail', () => {
  test.each([
    ['  Buyer@Example.COM ', 'buyer@example.com'],
    ['ANNA.Lee@Firma.de.', 'anna.lee@firma.de'],
    ['李@例子.中国', '李@例子.中国'],
    ['e\u0301mile@example.fr', '\u00e9mile@example.fr'],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, email: expected });
  });

  test.each([
    ['', 'empty'],
    ['no-at-sign.example.com', 'exactly one @'],
    ['a@b@example.com', 'exactly one @'],
    ['buyer@localhost', 'no valid domain'],
    ['buy er@example.com', 'characters not allowed'],
    ['<buyer@example.com>', 'characters not allowed'],
    ['.buyer@example.com', 'misplaced dots'],
    [`${'x'.repeat(65)}@example.com`, 'longer than 64'],
    [`a@${'x'.repeat(320)}.com`, 'longer than 254'],
  ])('%j is rejected (%s)', (raw, message) => {
    const result = normaliseEmail(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('client events', () => {
  const sent = {
    id: '6F1C2B9A-0D7E-4E4B-9C55-3E2A1B0C9D8E',
    type: 'sent',
    at: Date.UTC(2026, 2, 12),
    messageId: 'AAAAAAAAAAAAAAAAAAAAAA',
    recipients: ['Buyer@Example.com'],
    subject: 'Quotation',
    threadKey: 't1',
    provider: 'gmail',
  };

  test('a sent event is normalised', () => {
    const parsed = clientEvent.parse(sent);
    expect(parsed.id).toBe('6f1c2b9a-0d7e-4e4b-9c55-3e2a1b0c9d8e');
    expect(parsed.type === 'sent' && parsed.recipients).toEqual(['buyer@example.com']);
  });

  test.each([
    ['unknown field', { ...sent, extra: 1 }],
    ['string time', { ...sent, at: '1700000000000' }],
    ['negative time', { ...sent, at: -1 }],
    ['time in year 9999', { ...sent, at: Date.UTC(9999, 0, 1) }],
    ['NaN time', { ...sent, at: Number.NaN }],
    ['no recipients', { ...sent, recipients: [] }],
    ['bad recipient', { ...sent, recipients: ['nobody'] }],
    ['unknown type', { ...sent, type: 'open' }],
    ['bad id', { ...sent, id: 'x' }],
  ])('rejects %s', (_name, event) => {
    expect(clientEvent.safeParse(event).success).toBe(false);
  });

  test('a batch holds 1-100 events', () => {
    expect(postEventsBody.safeParse({ events: [] }).success).toBe(false);
    expect(postEventsBody.safeParse({ events: Array(101).fill(sent) }).success).toBe(false);
    expect(postEventsBody.safeParse({ events: [sent] }).success).toBe(true);
  });
});
