// Outlook's page-world send tap (see hosts/outlook-tap.ts): in place before OWA's own scripts make
// their first request; it has no extension APIs.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installOutlookTap } from '../hosts/outlook-tap.ts';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installOutlookTap(window);
  },
});
