// node bench/cube-node.mjs [size]: the cross-filter cubes on generated cases in native DuckDB (the CLI's
// engine), built the previous way (one LATERAL statement per indicator and cell dimension set) and the
// grouped way (cells-grouped.ts) in the same run, alternating, with each indicator's time both ways and a
// check that both give the same cells. Absolute times drift with load (printed from /proc/loadavg).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { ensureData } from './generate.mjs';

register();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { NodeEngine } = await import('../packages/core/src/engine/node.ts');
const { importFile } = await import('../packages/core/src/import/import-file.ts');
const { buildCubes } = await import('../packages/core/src/indicators/cube.ts');
const size = process.argv[2] ?? '1m';
const runs = Number(process.argv[3] ?? 2);
const data = await ensureData(ROOT, size, console.error);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const engine = await NodeEngine.create();
await importFile(engine, 'cases.csv', readFileSync(data.file));
const asOf = '2025-12-31 23:59:59';
const defs = (await buildCubes(engine, { asOf })).cubes; // warm-up, and the indicator list
const perKey = new Map([...defs.keys()].map((k) => [k, { lateral: [], grouped: [] }]));
const total = { lateral: [], grouped: [] };
const loadStart = load();
// A breakdown cell's numbers are its rows (its first row depends on row order).
const cellsOf = (cubes) =>
  JSON.stringify(
    [...cubes.cubes.values()].map((c) =>
      c.cells
        .map((x) => [
          x.keys,
          c.def.kind === 'breakdown'
            ? null
            : Object.entries(x.row).map(([k, v]) => [k, typeof v === 'number' ? +v.toPrecision(12) : v]),
          x.breakdown,
        ])
        .sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1)),
    ),
  );
const built = {};
for (let r = 0; r < runs; r++) {
  for (const mode of r % 2 ? ['grouped', 'lateral'] : ['lateral', 'grouped']) {
    let t0 = performance.now();
    const start = t0;
    for (const key of perKey.keys()) {
      await buildCubes(engine, { asOf, keys: [key] }, undefined, { lateral: mode === 'lateral' });
      const t = performance.now();
      perKey.get(key)[mode].push(t - t0);
      t0 = t;
    }
    total[mode].push(performance.now() - start);
    built[mode] ??= await buildCubes(engine, { asOf }, undefined, { lateral: mode === 'lateral' });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
for (const [key, t] of perKey)
  console.log(
    `${key.padEnd(28)} lateral ${s(median(t.lateral))}  grouped ${s(median(t.grouped))}  ×${(median(t.lateral) / median(t.grouped)).toFixed(1)}`,
  );
console.log(
  JSON.stringify({
    size,
    runs,
    lateralMs: total.lateral.map(Math.round),
    groupedMs: total.grouped.map(Math.round),
    ratio: +(median(total.lateral) / median(total.grouped)).toFixed(2),
    sameCells: cellsOf(built.lateral) === cellsOf(built.grouped),
    loadavg: [loadStart, load()],
  }),
);
engine.close();
