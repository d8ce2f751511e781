// Builds the extension once for the Chromium tests (into .output/e2e so it never clobbers the
// build `npm start` made) and the Worker bundle is built by the first test that needs it.
import path from 'node:path';
import { ROOT, run } from '../tools/local-worker.ts';

export default async function setup(): Promise<void> {
  await run(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    env: { ...process.env, TIDEWISE_OUT_DIR: '.output/e2e', WXT_TEST_HOOKS: '1' },
  });
}
