// npm run account:create -- --url <worker> [--name "Lin Wei"]
// Creates an account on a local or deployed Worker. The admin secret comes from TIDEWISE_ADMIN_SECRET,
// or from .dev.vars for a local Worker.
import { parseArgs } from 'node:util';
import { createAccount, ensureDevVars } from './local-worker.ts';

const { values } = parseArgs({
  options: { url: { type: 'string' }, name: { type: 'string', default: 'Sales rep' } },
});

async function main() {
  if (!values.url) throw new Error('usage: npm run account:create -- --url https://t.example.com [--name "Lin Wei"]');
  const url = new URL(values.url);
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  const secret = process.env.TIDEWISE_ADMIN_SECRET ?? (local ? ensureDevVars().ADMIN_SECRET : undefined);
  if (!secret) throw new Error('set TIDEWISE_ADMIN_SECRET to the Worker\'s ADMIN_SECRET (wrangler secret put ADMIN_SECRET)');
  const account = await createAccount(url.origin, secret, values.name ?? 'Sales rep');
  console.log(`Account ${account.accountId} created on ${url.origin}
  API token     ${account.token}   (shown once: paste it into the extension's options)
  Pixel prefix  ${account.pixelPrefix}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
