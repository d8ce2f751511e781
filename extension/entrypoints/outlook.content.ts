import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../features/run-content-script.ts';
import { createOutlookHost } from '../hosts/outlook.ts';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    await runContentScript(createOutlookHost(document, { signal: ctx.signal }), ctx);
  },
});
