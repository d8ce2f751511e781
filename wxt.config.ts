import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The Worker the build talks to by default (npm start sets it to the local wrangler dev port).
const workerUrl = process.env.WXT_WORKER_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Tidewise',
    description: 'Who reads your mail, who replied, who ordered: the next follow-up for every buyer.',
    version: '0.1.0',
    permissions: ['storage', 'alarms'],
    host_permissions: [`${new URL(workerUrl).origin}/*`],
    browser_specific_settings: { gecko: { id: 'tidewise@tidewise.invalid' } },
  },
  vite: () => ({ plugins: [preact()] }),
});
