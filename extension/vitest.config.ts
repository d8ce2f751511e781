import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Extension unit tests: happy-dom for components, fake-indexeddb for Dexie, WXT's fake browser.
export default defineProject({
  plugins: [WxtVitest({ root }), preact()],
  test: {
    name: 'extension',
    root: path.join(root, 'extension'),
    environment: 'happy-dom',
    include: ['**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
