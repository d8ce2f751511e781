import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { everyPage, MAIL_ORIGINS } from './extension/hosts/origins.ts';

// The Worker the build talks to by default (npm start sets it to the local wrangler dev port).
const workerUrl = process.env.WXT_WORKER_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  srcDir: 'extension',
  outDir: process.env.TIDEWISE_OUT_DIR ?? '.output',
  publicDir: 'extension/public',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Tidewise',
    description: 'Who reads your mail, who replied, who ordered: the next follow-up for every buyer.',
    version: '0.1.0',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'declarativeNetRequest'],
    // The Worker the build points at, any local Worker, and the webmails the content scripts run in.
    host_permissions: [
      `${new URL(workerUrl).origin}/*`,
      'http://127.0.0.1/*',
      'http://localhost/*',
      ...everyPage(MAIL_ORIGINS),
    ],
    // A Worker on the rep's own tracking domain is granted when the rep saves its URL.
    optional_host_permissions: ['https://*/*'],
    browser_specific_settings: { gecko: { id: 'tidewise@tidewise.invalid' } },
  },
  vite: () => ({ plugins: [preact()] }),
});
