// npm run bench:pixel: the pixel under load, served by workerd through the Miniflare API (wrangler
// dev's proxy distorts load), with a migrated in-memory D1. Compares the bare GIF (a malformed id:
// nothing to verify or record) with the recorded pixel (a valid token: verified and written after
// the answer) at c=1 and c=50, then checks that the database holds exactly one row per answered hit.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Miniflare } from 'miniflare';
import { fromBase64Url, importAccountKey, mintPixelToken, pixelPath } from '../../shared/pixel-token.ts';
import { freePort, ROOT, run, waitFor, wranglerEnv } from '../tools/local-worker.ts';

const ADMIN = 'bench-admin-secret-000000';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 6000);
const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

async function main() {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'tidewise-bench-'));
  await run(path.join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outdir], { env: wranglerEnv() });
  console.log(`Pixel benchmark: workerd via Miniflare, ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${REQUESTS} requests per run, load generator on the same machine`);
  let failed = false;
  const modes = (process.env.BENCH_MODES ?? 'queue,direct').split(',') as Array<'queue' | 'direct'>;
  for (const mode of modes) failed = !(await bench(outdir, mode)) || failed;
  if (failed) process.exitCode = 1;
}

/** One full run: `queue` = the production path (OPENS queue, batched consumer); `direct` = one D1 write per hit. */
async function bench(outdir: string, mode: 'queue' | 'direct'): Promise<boolean> {
  const port = await freePort();
  const mf = new Miniflare({
    modules: true,
    scriptPath: path.join(outdir, 'index.js'),
    modulesRoot: outdir,
    compatibilityDate: '2026-04-20',
    host: '127.0.0.1',
    port,
    d1Databases: { DB: 'bench-db' },
    ...(mode === 'queue'
      ? {
          queueProducers: { OPENS: { queueName: 'tidewise-opens' } },
          queueConsumers: { 'tidewise-opens': { maxBatchSize: 100, maxBatchTimeout: 1 } },
        }
      : {}),
    bindings: { ADMIN_SECRET: ADMIN, PIXEL_MASTER_KEY: 'bench-pixel-master-key-0000', RETENTION_DAYS: '90', API_ORIGINS: '', PIXEL_ORIGIN: '' },
  });
  const url = (await mf.ready).toString().replace(/\/$/, '');
  try {
    const db = await mf.getD1Database('DB');
    for (const file of readdirSync(path.join(ROOT, 'worker/migrations')).sort()) {
      const sql = readFileSync(path.join(ROOT, 'worker/migrations', file), 'utf8');
      for (const statement of sql.split(/;\s*$/m).map((s) => s.replace(/--.*$/gm, '').trim()).filter(Boolean)) await db.prepare(statement).run();
    }
    const account = await post(`${url}/api/accounts`, { name: 'Bench' }, ADMIN);
    const me = (await (await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${account.token}` } })).json()) as { pixelKey: string };
    const key = await importAccountKey(fromBase64Url(me.pixelKey)!);
    const { token } = await mintPixelToken(key, account.pixelPrefix);
    const recordedPath = pixelPath(account.pixelPrefix, token);
    const barePath = `/p/${account.pixelPrefix}/not-a-token.gif`;

    console.log(`\n${mode === 'queue' ? 'Hits through the OPENS queue, written in batches (production path)' : 'Hits written to D1 one by one (no queue bound)'}`);
    console.log('route     conc  req/s    p50 ms  p99 ms  non-2xx');
    let recordedOk = 0;
    const ratios: string[] = [];
    for (const connections of [1, 50]) {
      await load(url + barePath, connections, Math.min(500, REQUESTS)); // warm-up
      const bare = await load(url + barePath, connections, REQUESTS);
      const recorded = await load(url + recordedPath, connections, REQUESTS);
      recordedOk += recorded.ok;
      for (const [name, r] of [['bare', bare], ['recorded', recorded]] as const) {
        console.log(`${name.padEnd(9)} ${String(connections).padStart(4)}  ${r.rps.toFixed(0).padStart(6)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p99.toFixed(1).padStart(6)}  ${r.non2xx}`);
      }
      ratios.push(`c=${connections}: ${(recorded.rps / bare.rps).toFixed(2)}`);
    }
    console.log(`ratio recorded ÷ bare (req/s): ${ratios.join(', ')} (goal ≥ 0.8)`);

    let rows = 0;
    await waitFor(async () => {
      const before = rows;
      rows = (await db.prepare("SELECT count(*) AS n FROM events WHERE type = 'open'").first<{ n: number }>())?.n ?? 0;
      return rows === recordedOk || (rows === before && rows > 0 && before > 0);
    }, 120_000).catch(() => undefined);
    const lost = recordedOk - rows;
    console.log(`rows written: ${rows} for ${recordedOk} answered valid hits → ${lost === 0 ? 'zero lost' : `${lost} LOST`}`);
    return lost === 0;
  } finally {
    await mf.dispose();
  }
}

async function post(url: string, body: unknown, bearer: string) {
  const response = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { token: string; pixelPrefix: string };
}

async function load(url: string, connections: number, amount: number) {
  // autocannon reports whole-second durations in `amount` mode; time the responses ourselves.
  const started = performance.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, amount, headers: { 'User-Agent': GOOGLE_PROXY } }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', () => {
      last = performance.now();
    });
  });
  return {
    rps: result['2xx'] / ((last - started) / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
