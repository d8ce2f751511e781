// The MV3 service worker: owns the database, the network and the API token. Everything it does is
// restartable from Dexie, because Chrome stops it after 30 s idle.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../background/main.ts';

export default defineBackground(() => {
  startBackground(browser);
});
