import { defineConfig } from 'vitest/config';

// `npm test` runs every project: pure shared/ code in Node, the Worker inside workerd.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          environment: 'node',
          include: ['**/*.test.ts'],
        },
      },
      './worker/vitest.config.ts',
    ],
    reporters: ['default', './tools/summary-reporter.ts'],
  },
});
