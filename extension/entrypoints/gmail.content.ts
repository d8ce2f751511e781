import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../features/run-content-script.ts';
import { createGmailHost } from '../hosts/gmail.ts';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    await runContentScript(createGmailHost(document), ctx);
  },
});
