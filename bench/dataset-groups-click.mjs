// node --conditions=assessment-dashboard-source bench/dataset-groups-click.mjs [runs]: the grouped queries of the 12345 / 依申请公开 / 主动公开 panels
// (packages/elements/src/session/dataset-groups.ts) rerun per chart click on the sample data (data/*.csv) in
// native DuckDB, every query run again vs. only those whose filters the click changed. Median ms per click.
// Absolute times drift with load (printed from /proc/loadavg); the wasm engine in a browser is slower.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { NodeEngine } = await import('../packages/core/src/engine/node.ts');
const { importFile } = await import('../packages/core/src/import/import-file.ts');
const { datasetGroups } = await import('../packages/elements/src/session/dataset-groups.ts');
const runs = Number(process.argv[2] ?? 5);
const engine = await NodeEngine.create();
for (const f of ['hotline.csv', 'requests.csv', 'disclosures.csv'])
  await importFile(engine, f, readFileSync(join(ROOT, 'data', f)));
const loaded = new Set([
  'hot.closure_rate',
  'hot.on_time_rate',
  'foi.request_on_time',
  'foi.backlog',
  'foi.proactive_timely',
]);
const options = (selection, previous) => ({
  asOf: undefined,
  shownAsOf: '2025-12-31 23:59:59',
  config: undefined,
  loaded,
  wants: () => true,
  signal: new AbortController().signal,
  selection,
  previous,
});
const clicks = {
  'case department (no dataset panel follows it)': [
    { dataset: 'cases', column: 'dept_name', value: '县民政局', label: '' },
  ],
  'hotline 承办单位 (its own chart keeps every bar)': [
    { dataset: 'hotline', column: 'lead_dept', value: '县城市管理局', label: '' },
  ],
  'month (every dataset)': [{ dataset: 'all', column: 'month', value: '2025-03', label: '' }],
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const before = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const base = await datasetGroups(engine, options([], undefined)); // the load's run (and table 三)
for (const [name, selection] of Object.entries(clicks)) {
  const all = [];
  const reuse = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    await datasetGroups(engine, options(selection, { ...base, groups: base.groups, clauses: {} }));
    all.push(performance.now() - t);
    t = performance.now();
    await datasetGroups(engine, options(selection, base));
    reuse.push(performance.now() - t);
  }
  console.log(
    `${name}: every query ${median(all).toFixed(1)} ms, changed ones only ${median(reuse).toFixed(1)} ms`,
  );
}
console.log(
  `load average ${before} → ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
