// node bench/import-node.mjs [size]: one import of generated cases into native DuckDB (the CLI's engine),
// timed as a whole and statement by statement (the slowest first), plus the process's peak RSS. Compare
// runs made on the same machine state; absolute times drift with load (printed from /proc/loadavg).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { ensureData } from './generate.mjs';

register();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { NodeEngine } = await import('../packages/core/src/engine/node.ts');
// IMPORT_MODULE=<path under packages/core/src/import/> compares another importer (e.g. the previous one).
const { importFile } = await import(
  `../packages/core/src/import/${process.env.IMPORT_MODULE ?? 'import-file.ts'}`
);
const size = process.argv[2] ?? '1m';
const data = await ensureData(ROOT, size, console.error);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const engine = await NodeEngine.create();
const steps = [];
for (const method of ['exec', 'query']) {
  const inner = engine[method].bind(engine);
  engine[method] = async (sql, ...rest) => {
    const t = performance.now();
    try {
      return await inner(sql, ...rest);
    } finally {
      steps.push({ ms: performance.now() - t, sql: sql.replace(/\s+/g, ' ').slice(0, 110) });
    }
  };
}
const bytes = readFileSync(data.file);
const loadStart = load();
const t0 = performance.now();
const summary = await importFile(engine, 'cases.csv', bytes);
const ms = performance.now() - t0;
const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
console.log(
  JSON.stringify({
    size,
    module: process.env.IMPORT_MODULE ?? 'import-file.ts',
    importMs: Math.round(ms),
    read: summary.read,
    loaded: summary.loaded,
    rejected: summary.rejected,
    warnings: summary.warnings,
    peakRssMiB: Math.round(hwm),
    loadavg: [loadStart, load()],
  }),
);
for (const s of steps.sort((a, b) => b.ms - a.ms).slice(0, 12))
  console.log(`${(s.ms / 1000).toFixed(2)} s  ${s.sql}`);
