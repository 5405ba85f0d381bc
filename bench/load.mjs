// npm run load: simulated dashboards (a page load and ten clicks each, the element's own query mix) against
// `assessment-dashboard serve` on 1M generated cases, at 50 and 200 concurrent clients, on loopback only.
// The dashboards run in several child processes (a few dozen each: one process for 200 ran out of heap)
// whose samples are merged. Prints and writes bench/results/load.json: throughput, request latency
// p50/p95/p99, page-load and click latency, statuses, errors, the server's own timing of each answer
// (Server-Timing: cache hit/shared/miss; queue, check, exec, encode), the server's peak RSS against its DuckDB
// memory limit, and the machine's load average. Always exits 0.
//
// Env: LOAD_SIZE=1m (100k, 1m, 3m)  LOAD_CLIENTS=50,200  LOAD_CLICKS=10  LOAD_MEMORY_MB=4096
//      LOAD_PER_PROCESS=25 (dashboards per child process)  LOAD_WARM_UP=1 (0: serve --no-warm-up)
//      LOAD_SERVE_ARGS="--threads 1" (more serve options, e.g. to compare settings)
//      LOAD_MAX_S=900 (a run stops after this many seconds; the whole script is bounded by it per client count)
import { fork, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { register as registerHook } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Workspace packages from their TypeScript source, as scripts/cli.mjs does (no build step).
registerHook('../scripts/source-condition.mjs', import.meta.url);
register();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const dashboards = () => import('../packages/cli/test/simulated-dashboard.ts');

// A child process: its share of the dashboards, started on the parent's signal, samples sent back.
if (process.argv[2] === '--dashboards') {
  const { runDashboards } = await dashboards();
  process.on('message', async (m) => {
    if (m.type !== 'go') return;
    const samples = await runDashboards(m.options, m.targets);
    process.send({ type: 'done', samples }, () => process.exit(0));
  });
  process.send({ type: 'ready' });
} else await main();

async function main() {
  const { ensureData } = await import('./generate.mjs');
  const { clickTargets, summarise } = await dashboards();
  const SIZE = process.env.LOAD_SIZE ?? '1m';
  const CLIENTS = (process.env.LOAD_CLIENTS ?? '50,200')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const CLICKS = Number(process.env.LOAD_CLICKS ?? 10);
  const MEMORY_MB = Number(process.env.LOAD_MEMORY_MB ?? 4096);
  const PER_PROCESS = Number(process.env.LOAD_PER_PROCESS ?? 25);
  const WARM_UP = process.env.LOAD_WARM_UP !== '0';
  const MAX_S = Number(process.env.LOAD_MAX_S ?? 900);
  const log = (...a) => console.error(...a);
  const load = () => loadavg().map((n) => Math.round(n * 100) / 100);

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

  /** `serve` in its own process (so its memory is its own), on loopback, on a free port; waits for its warm-up. */
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
        '--server-timing',
        ...(WARM_UP ? [] : ['--no-warm-up']),
        ...(process.env.LOAD_SERVE_ARGS ?? '').split(' ').filter(Boolean),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    let listening;
    const url = await new Promise((ok, fail) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /Query endpoint: (http:\/\/\S+\/)/.exec(out);
        if (m && !listening) listening = Date.now();
        if (m && (!WARM_UP || /Warm-up/.test(out))) ok(m[1]);
      });
      child.once('exit', (code) => fail(new Error(`serve exited with ${code} before listening:\n${out}`)));
    });
    log(out.trim());
    return {
      child,
      url,
      loadSeconds: (listening - started) / 1000,
      warmUpSeconds: WARM_UP ? (Date.now() - listening) / 1000 : null,
      warmUp: /Warm-up.*/.exec(out)?.[0] ?? null,
      importPeakMb: memory(child.pid).peak,
    };
  }

  /** `clients` dashboards over child processes of at most PER_PROCESS each, started together. */
  async function runClients(url, clients, targets) {
    const shares = [];
    for (let first = 0; first < clients; first += PER_PROCESS)
      shares.push({ firstIndex: first, clients: Math.min(PER_PROCESS, clients - first) });
    const children = shares.map(() =>
      fork(SELF, ['--dashboards'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    const message = (child, type) =>
      new Promise((ok, fail) => {
        child.on('message', (m) => m.type === type && ok(m));
        child.once('exit', (code) => fail(new Error(`a load process exited with ${code} (${type})`)));
      });
    await Promise.all(children.map((c) => message(c, 'ready')));
    const done = children.map((c) => message(c, 'done'));
    for (const [i, c] of children.entries())
      c.send({ type: 'go', targets, options: { url, clicks: CLICKS, ...shares[i] } });
    const settled = await Promise.allSettled(done);
    const failed = settled.filter((s) => s.status === 'rejected').map((s) => s.reason.message);
    return {
      samples: settled.filter((s) => s.status === 'fulfilled').map((s) => s.value.samples),
      failed,
      children,
    };
  }

  const loadBefore = load();
  const server = await startServer();
  const targets = await clickTargets(server.url);
  const runs = [];
  for (const clients of CLIENTS) {
    let peak = memory(server.child.pid).rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memory(server.child.pid).rss);
    }, 100);
    const processes = Math.ceil(clients / PER_PROCESS);
    log(`${clients} dashboards × (page load + ${CLICKS} clicks) in ${processes} processes …`);
    const loadAtStart = load();
    let children = [];
    const bounded = new Promise((ok) =>
      setTimeout(() => ok({ error: `stopped after ${MAX_S} s` }), MAX_S * 1000).unref(),
    );
    const outcome = await Promise.race([
      runClients(server.url, clients, targets).then((r) => {
        children = r.children;
        return r;
      }),
      bounded,
    ]);
    for (const c of children) if (c.exitCode === null) c.kill();
    clearInterval(sampler);
    const report = outcome.samples ? summarise(outcome.samples, CLICKS) : outcome;
    const run = {
      ...report,
      processes,
      failedProcesses: outcome.failed ?? null,
      errors: report.errors?.length ?? null,
      errorSamples: [...new Set(report.errors ?? [])].slice(0, 5),
      serverAlive: server.child.exitCode === null,
      peakRssMb: Math.round(peak),
      loadavgAtStart: loadAtStart,
      loadavgAtEnd: load(),
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
    cores: (await import('node:os')).availableParallelism(),
    loadavgBeforeServerStart: loadBefore,
    serverLoadSeconds: Math.round(server.loadSeconds),
    warmUpSeconds: server.warmUpSeconds === null ? null : Math.round(server.warmUpSeconds * 10) / 10,
    warmUp: server.warmUp,
    serveArgs: process.env.LOAD_SERVE_ARGS ?? '',
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
}
