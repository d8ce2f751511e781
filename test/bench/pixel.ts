// npm run bench:pixel: the pixel under load, served by workerd through the Miniflare API (wrangler
// dev's proxy distorts load), with a migrated D1. Compares the bare GIF (a malformed id:
// nothing to verify or record) with the recorded pixel (a valid token: verified and written after
// the answer) at c=1 and c=50, then checks that the database holds exactly one row per answered hit.
import os from 'node:os';
import autocannon from 'autocannon';
import { fromBase64Url, importAccountKey, mintPixelToken, pixelPath } from '../../shared/pixel-token.ts';
import { waitFor } from '../tools/local-worker.ts';
import { startTestWorker } from '../tools/miniflare-worker.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 6000);
const GOOGLE_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

async function main() {
  console.log(`Pixel benchmark: workerd via Miniflare, ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${REQUESTS} requests per run, load generator on the same machine`);
  let failed = false;
  const modes = (process.env.BENCH_MODES ?? 'queue,direct').split(',') as Array<'queue' | 'direct'>;
  for (const mode of modes) failed = !(await bench(mode)) || failed;
  if (failed) process.exitCode = 1;
}

/** One full run: `queue` = the production path (OPENS queue, batched consumer); `direct` = one D1 write per hit. */
async function bench(mode: 'queue' | 'direct'): Promise<boolean> {
  // D1 in memory: this VM's disk flushes say nothing about Cloudflare's storage.
  const worker = await startTestWorker({ queue: mode === 'queue', persistTo: false });
  const url = worker.url;
  try {
    const account = await worker.createAccount('Bench');
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
      rows = await worker.count("SELECT count(*) AS n FROM events WHERE type = 'open'");
      return rows === recordedOk || (rows === before && rows > 0 && before > 0);
    }, 120_000).catch(() => undefined);
    const lost = recordedOk - rows;
    console.log(`rows written: ${rows} for ${recordedOk} answered valid hits → ${lost === 0 ? 'zero lost' : `${lost} LOST`}`);
    return lost === 0;
  } finally {
    await worker.stop();
  }
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
