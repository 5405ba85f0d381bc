// npm run load: simulated dashboards (a page load and ten clicks each, the element's own query mix) against
// `assessment-dashboard serve` on 1M generated cases, at 50 and 200 concurrent clients, on loopback only.
// Prints and writes bench/results/load.json: throughput, request latency p50/p95/p99, page-load and click
// latency, statuses, errors, and the server's peak RSS against its DuckDB memory limit. Always exits 0.
//
// Env: LOAD_SIZE=1m (100k, 1m, 3m)  LOAD_CLIENTS=50,200  LOAD_CLICKS=10  LOAD_MEMORY_MB=4096
//      LOAD_MAX_S=900 (a run stops after this many seconds; the whole script is bounded by it per client count)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { ensureData } from './generate.mjs';

register();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { simulateDashboards } = await import('../packages/cli/test/simulated-dashboard.ts');
const SIZE = process.env.LOAD_SIZE ?? '1m';
const CLIENTS = (process.env.LOAD_CLIENTS ?? '50,200')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const CLICKS = Number(process.env.LOAD_CLICKS ?? 10);
const MEMORY_MB = Number(process.env.LOAD_MEMORY_MB ?? 4096);
const MAX_S = Number(process.env.LOAD_MAX_S ?? 900);
const log = (...a) => console.error(...a);

const data = await ensureData(ROOT, SIZE, log);
log(`data: ${data.file} (${data.rows} rows, ${Math.round(data.bytes / 1e6)} MB)`);

/** RSS and its peak (VmHWM) of a process, in MiB, from /proc (Linux). */
function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** `serve` in its own process (so its memory is its own), on loopback, on a free port. */
async function startServer() {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'scripts/cli.mjs'),
      'serve',
      data.file,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--memory-mb',
      String(MEMORY_MB),
      // Every simulated dashboard comes from 127.0.0.1: as one client they would share one client's limit.
      '--per-client',
      '100000',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const url = await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Query endpoint: (http:\/\/\S+\/)/.exec(out);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code} before listening:\n${out}`)));
  });
  log(out.trim());
  return { child, url, loadSeconds: (Date.now() - started) / 1000, importPeakMb: memory(child.pid).peak };
}

const server = await startServer();
const runs = [];
for (const clients of CLIENTS) {
  let peak = memory(server.child.pid).rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory(server.child.pid).rss);
  }, 100);
  log(`${clients} dashboards × (page load + ${CLICKS} clicks) …`);
  const bounded = new Promise((ok) =>
    setTimeout(() => ok({ error: `stopped after ${MAX_S} s` }), MAX_S * 1000).unref(),
  );
  const report = await Promise.race([
    simulateDashboards({ url: server.url, clients, clicks: CLICKS, asOf: '2025-12-31' }),
    bounded,
  ]);
  clearInterval(sampler);
  const alive = server.child.exitCode === null;
  const run = {
    ...report,
    errors: report.errors?.length ?? null,
    errorSamples: [...new Set(report.errors ?? [])].slice(0, 5),
    serverAlive: alive,
    peakRssMb: Math.round(peak),
  };
  runs.push(run);
  log(JSON.stringify(run));
}
server.child.kill('SIGTERM');
await new Promise((ok) => server.child.once('exit', ok));

const result = {
  date: new Date().toISOString(),
  size: SIZE,
  rows: data.rows,
  clicks: CLICKS,
  memoryLimitMb: MEMORY_MB,
  serverLoadSeconds: Math.round(server.loadSeconds),
  importPeakRssMb: Math.round(server.importPeakMb),
  runs,
  targets: {
    'errors at 50 clients': '0',
    'p95 at 50 clients': '≤ 500 ms',
    'RSS while serving': `≤ ${Math.round(MEMORY_MB * 1.2)} MiB (memory limit + 20 %)`,
    'at 200 clients': 'only 503s, no crash',
  },
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/load.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
