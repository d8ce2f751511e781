import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));
// Miniflare would otherwise download Request.cf data from Cloudflare.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';

export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: path.join(here, '../wrangler.toml') },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(path.join(here, 'migrations')),
          ADMIN_SECRET: 'test-admin-secret',
          PIXEL_MASTER_KEY: 'test-pixel-master-key',
        },
      },
    })),
  ],
  test: {
    name: 'worker',
    root: here,
    include: ['**/*.test.ts'],
    setupFiles: ['./test/apply-migrations.ts'],
  },
});
