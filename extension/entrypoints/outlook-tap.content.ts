// Outlook's page-world send tap (see hosts/outlook-tap.ts): in place before OWA's own scripts make
// their first request; it has no extension APIs.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installOutlookTap } from '../hosts/outlook-tap.ts';
import { everyPage, OUTLOOK_ORIGINS } from '../hosts/origins.ts';

export default defineContentScript({
  matches: everyPage(OUTLOOK_ORIGINS),
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installOutlookTap(window);
  },
});
