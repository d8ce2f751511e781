// Gmail's page-world send tap (see hosts/gmail-tap.ts): it must be in place before Gmail's own
// scripts make their first request, and it has no extension APIs.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installGmailTap } from '../hosts/gmail-tap.ts';
import { everyPage, GMAIL_ORIGINS } from '../hosts/origins.ts';

export default defineContentScript({
  matches: everyPage(GMAIL_ORIGINS),
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installGmailTap(window);
  },
});
