import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../features/run-content-script.ts';
import { createOutlookHost } from '../hosts/outlook.ts';
import { everyPage, OUTLOOK_ORIGINS } from '../hosts/origins.ts';

export default defineContentScript({
  matches: everyPage(OUTLOOK_ORIGINS),
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    await runContentScript(createOutlookHost(document, { signal: ctx.signal }), ctx);
  },
});
