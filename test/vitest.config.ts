import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// `npm test` runs every project: pure shared/ code in Node, the Worker inside workerd.
export default defineConfig({
  root,
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: path.join(root, 'shared'),
          environment: 'node',
          include: ['**/*.test.ts'],
        },
      },
      path.join(root, 'worker/vitest.config.ts'),
      path.join(root, 'extension/vitest.config.ts'),
      {
        // Real Chromium with the built extension against a real Worker: slower, one file at a time.
        test: {
          name: 'e2e',
          root: path.join(root, 'test/e2e'),
          environment: 'node',
          include: ['**/*.test.ts'],
          globalSetup: [path.join(root, 'test/e2e/global-setup.ts')],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
    reporters: ['default', path.join(root, 'test/summary-reporter.ts')],
  },
});
