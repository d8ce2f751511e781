// The Worker served by workerd through the Miniflare API, for benchmarks and end-to-end tests:
// the bundle `wrangler deploy --dry-run` produces (exactly what would be deployed), a D1 migrated
// from worker/migrations, the OPENS queue and its consumer, on 127.0.0.1 at a free port.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { createAccount, freePort, ROOT, run, wranglerEnv } from './local-worker.ts';

export const TEST_ADMIN_SECRET = 'test-admin-secret-0123456789';
const MASTER_KEY = 'test-pixel-master-key-0123456789';

let bundle: Promise<string> | undefined;

/** Bundles the Worker once per process. */
export function workerBundle(): Promise<string> {
  bundle ??= (async () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'tidewise-worker-'));
    await run(path.join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outdir], { env: wranglerEnv() });
    return outdir;
  })();
  return bundle;
}

export interface TestWorker {
  url: string;
  port: number;
  db: D1DatabaseLike;
  /** Creates an account through the API: token and pixel prefix. */
  createAccount(name?: string): Promise<{ token: string; pixelPrefix: string; accountId: string }>;
  count(sql: string, ...params: unknown[]): Promise<number>;
  stop(): Promise<void>;
}

export interface D1DatabaseLike {
  prepare(sql: string): { bind(...values: unknown[]): { first<T>(): Promise<T | null>; run(): Promise<unknown>; all<T>(): Promise<{ results: T[] }> }; run(): Promise<unknown> };
}

export interface WorkerOptions {
  /** Send hits through the OPENS queue (the production path); otherwise straight to D1. */
  queue?: boolean;
  /** Keep D1 here so a stopped Worker can be started again with its data; false = in memory. */
  persistTo?: string | false;
  port?: number;
}

export async function startTestWorker(options: WorkerOptions = {}): Promise<TestWorker> {
  const outdir = await workerBundle();
  const port = options.port ?? (await freePort());
  const persistTo = options.persistTo ?? mkdtempSync(path.join(os.tmpdir(), 'tidewise-d1-'));
  const mf = new Miniflare({
    modules: true,
    scriptPath: path.join(outdir, 'index.js'),
    modulesRoot: outdir,
    compatibilityDate: '2026-04-20',
    host: '127.0.0.1',
    port,
    d1Databases: { DB: 'tidewise' },
    d1Persist: persistTo === false ? false : path.join(persistTo, 'd1'),
    ...(options.queue
      ? {
          queueProducers: { OPENS: { queueName: 'tidewise-opens' } },
          queueConsumers: { 'tidewise-opens': { maxBatchSize: 100, maxBatchTimeout: 1 } },
        }
      : {}),
    bindings: { ADMIN_SECRET: TEST_ADMIN_SECRET, PIXEL_MASTER_KEY: MASTER_KEY, RETENTION_DAYS: '90', API_ORIGINS: '', PIXEL_ORIGIN: '' },
  });
  const url = (await mf.ready).toString().replace(/\/$/, '');
  const db = (await mf.getD1Database('DB')) as unknown as D1DatabaseLike;
  await migrate(db);
  return {
    url,
    port,
    db,
    createAccount: (name = 'Test rep') => createAccount(url, TEST_ADMIN_SECRET, name),
    async count(sql, ...params) {
      const row = await db.prepare(sql).bind(...params).first<{ n: number }>();
      return row?.n ?? 0;
    },
    stop: () => mf.dispose(),
  };
}

/** Applies every migration not yet applied (tracked in a table of our own). */
async function migrate(db: D1DatabaseLike): Promise<void> {
  await db.prepare('CREATE TABLE IF NOT EXISTS test_migrations (name TEXT PRIMARY KEY)').run();
  const dir = path.join(ROOT, 'worker/migrations');
  for (const file of readdirSync(dir).sort()) {
    if (await db.prepare('SELECT name FROM test_migrations WHERE name = ?1').bind(file).first()) continue;
    const sql = readFileSync(path.join(dir, file), 'utf8').replace(/--.*$/gm, '');
    for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await db.prepare(statement).run();
    await db.prepare('INSERT INTO test_migrations (name) VALUES (?1)').bind(file).run();
  }
}
