import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../features/run-content-script.ts';
import { createGmailHost } from '../hosts/gmail.ts';
import { everyPage, GMAIL_ORIGINS } from '../hosts/origins.ts';

export default defineContentScript({
  matches: everyPage(GMAIL_ORIGINS),
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    await runContentScript(createGmailHost(document), ctx);
  },
});
