// npm start: the whole product on this machine. Migrates the local D1, runs the Worker under
// wrangler dev on a free port, creates (once) a local account, builds the Chrome extension against
// that Worker, and keeps running until Ctrl-C, which stops everything it started.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createAccount, ensureDevVars, migrateLocal, ROOT, run, startWranglerDev } from './local-worker.ts';

const ACCOUNT_FILE = path.join(ROOT, '.tidewise/local-account.json');
const localAccount = z.object({ accountId: z.string(), token: z.string(), pixelPrefix: z.string(), tokenId: z.string() });

async function main() {
  const secrets = ensureDevVars();
  console.log('Applying D1 migrations to the local database…');
  await migrateLocal();

  console.log('Starting the Worker (wrangler dev)…');
  const worker = await startWranglerDev({ log: (line) => process.env.TIDEWISE_VERBOSE && console.log(`[worker] ${line}`) });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the Worker…');
    await worker.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  try {
    const account = await localAccountFor(worker.url, secrets.ADMIN_SECRET);
    console.log('Building the Chrome extension against this Worker…');
    await run(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
      env: { ...process.env, WXT_WORKER_URL: worker.url, WXT_DEV_TOKEN: account.token },
    });
    const extensionDir = path.join(ROOT, '.output/chrome-mv3');
    console.log(`
Tidewise is running.
  Worker        ${worker.url}   (pixels: ${worker.url}/p/${account.pixelPrefix}/…)
  API token     ${account.token}
  Pixel prefix  ${account.pixelPrefix}
  Extension     ${extensionDir}
                Chrome → chrome://extensions → Developer mode → Load unpacked → pick that folder.
                This build is already signed in to the local account.
Press Ctrl-C to stop.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

/** The local account from a previous start, if the local database still knows it; else a new one. */
async function localAccountFor(workerUrl: string, adminSecret: string) {
  if (existsSync(ACCOUNT_FILE)) {
    const saved = localAccount.safeParse(JSON.parse(readFileSync(ACCOUNT_FILE, 'utf8')));
    if (saved.success) {
      const me = await fetch(new URL('/api/me', workerUrl), { headers: { Authorization: `Bearer ${saved.data.token}` } });
      if (me.ok) return saved.data;
      console.log('The saved local account is not in the local database any more; creating a new one.');
    }
  }
  const created = await createAccount(workerUrl, adminSecret, 'Local rep');
  mkdirSync(path.dirname(ACCOUNT_FILE), { recursive: true });
  writeFileSync(ACCOUNT_FILE, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  console.log('Created a local account (saved in .tidewise/local-account.json).');
  return created;
}

void main();
