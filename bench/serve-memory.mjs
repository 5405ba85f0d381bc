// node bench/serve-memory.mjs [size] [--memory-mb N]: starts `assessment-dashboard serve` on generated cases
// (bench/generate.mjs), and prints its peak RSS after the load and after a few dashboard-like queries, the
// load time and the size of its on-disk database, then stops it (SIGTERM) and checks the database is gone.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureData } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [size = '1m', ...extra] = process.argv.slice(2);
const data = await ensureData(ROOT, size, console.error);
const mib = (pid, key) =>
  Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const serveDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('assessment-dashboard-serve-'));
const before = new Set(serveDirs());
const started = Date.now();
const child = spawn(
  process.execPath,
  [join(ROOT, 'scripts/cli.mjs'), 'serve', data.file, '--port', '0', ...extra],
  {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let out = '';
const url = await new Promise((ok, fail) => {
  child.stdout.on('data', (d) => {
    out += d;
    const m = /Query endpoint: (http:\/\/\S+\/)/.exec(out);
    if (m) ok(m[1]);
  });
  child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${out}`)));
});
const loadSeconds = (Date.now() - started) / 1000;
const afterLoad = { rss: mib(child.pid, 'VmRSS'), peak: mib(child.pid, 'VmHWM') };
const dir = serveDirs().find((d) => !before.has(d));
const dbMb = dir
  ? readdirSync(join(tmpdir(), dir)).reduce((n, f) => n + statSync(join(tmpdir(), dir, f)).size, 0) / 2 ** 20
  : undefined;
const queries = [
  'SELECT count(*) FROM cases',
  'SELECT dept_name, count(*) AS n, avg(CASE WHEN closed_online THEN 1 ELSE 0 END) FROM cases GROUP BY 1 ORDER BY 2 DESC',
  "SELECT date_trunc('month', accepted_at) AS m, count(*) FROM cases GROUP BY 1 ORDER BY 1",
  'SELECT domain, count(*) FROM cases WHERE closed_at IS NOT NULL GROUP BY 1',
];
for (const sql of queries) {
  const r = await fetch(url, { method: 'POST', body: JSON.stringify({ type: 'json', sql }) });
  if (!r.ok) throw new Error(`${sql}: ${r.status} ${await r.text()}`);
  await r.text();
}
const afterQueries = { rss: mib(child.pid, 'VmRSS'), peak: mib(child.pid, 'VmHWM') };
child.kill('SIGTERM');
await new Promise((ok) => child.once('exit', ok));
const r = (x) => Math.round(x);
console.log(
  JSON.stringify({
    size,
    options: extra,
    loadSeconds,
    peakRssAfterLoadMiB: r(afterLoad.peak),
    rssAfterLoadMiB: r(afterLoad.rss),
    peakRssAfterQueriesMiB: r(afterQueries.peak),
    databaseMiB: dbMb === undefined ? undefined : r(dbMb),
    databaseRemoved: dir ? !serveDirs().includes(dir) : undefined,
    loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  }),
);
