// Gmail's Trusted Types policy lets `new Function("")` through but refuses to compile real code,
// so a validator that compiles at run time (zod's fast path did) would throw on Gmail pages.
// Confirmations must be read without it. (Own file: it replaces the global Function.)
import { afterAll, expect, test } from 'vitest';

const RealFunction = globalThis.Function;
const TrustedTypesFunction = new Proxy(RealFunction, {
  construct(target, args: string[]) {
    if (args.some((arg) => arg !== '')) throw new EvalError("Evaluating a string as JavaScript violates this document's Trusted Type assignment requirements.");
    return Reflect.construct(target, args);
  },
});
globalThis.Function = TrustedTypesFunction;
afterAll(() => {
  globalThis.Function = RealFunction;
});

test('a send confirmation is read on a page that refuses eval', async () => {
  const { createGmailHost } = await import('./gmail.ts');
  const host = createGmailHost(document);
  const controller = new AbortController();
  const confirmations: unknown[] = [];
  host.onSendConfirmed((confirmation) => confirmations.push(confirmation), controller.signal);
  const detail = { messageId: 'msg-a:r1', threadId: null, to: [{ email: 'anna.schmidt@schmidt-haushalt.de' }], cc: [], bcc: [], subject: 'Catalogue', at: 1, pixels: [{ prefix: 'tw84tAtqmZBOChhg', messageId: 'rEr4ZSxF5Gn-IaIP4kkhmA' }] };
  document.dispatchEvent(new CustomEvent('tidewise:gmail-sent', { detail: JSON.stringify(detail) }));
  controller.abort();
  expect(confirmations).toEqual([{ pixelMessageIds: ['rEr4ZSxF5Gn-IaIP4kkhmA'], recipients: [{ email: 'anna.schmidt@schmidt-haushalt.de' }], subject: 'Catalogue', threadKey: null, at: 1 }]);
});
