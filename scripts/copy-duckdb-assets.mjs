// Copies the DuckDB-WASM engine files next to the element bundle so the built folder is self-contained, with
// the element's own workers, started from the same folder: the one that resolves fonts off the page's
// thread (a plain script) and the one that downloads the data files (built here from TypeScript into one
// classic script, which a cross-origin asset folder can serve as the DuckDB-WASM worker is served).
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions } from 'vite';
import { SOURCE_CONDITION } from './source-condition.mjs';

const FILES = [
  'duckdb-eh.wasm',
  'duckdb-browser-eh.worker.js',
  'duckdb-mvp.wasm',
  'duckdb-browser-mvp.worker.js',
];

const target = join(process.argv[2] ?? 'dist/assessment-dashboard', 'duckdb');
const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
await mkdir(target, { recursive: true });
for (const f of FILES) await copyFile(join(dist, f), join(target, f));
const FONT_WORKER = 'font-warmup.worker.js';
const here = dirname(fileURLToPath(import.meta.url));
await copyFile(join(here, '../packages/elements/assets', FONT_WORKER), join(target, FONT_WORKER));
const FETCH_WORKER = 'fetch.worker.js';
await build({
  configFile: false,
  logLevel: 'error',
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  build: {
    outDir: target,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: {
      entry: join(here, '../packages/elements/src/load/fetch.worker.ts'),
      formats: ['iife'],
      name: 'adFetchWorker',
      fileName: () => FETCH_WORKER,
    },
  },
});
console.log(
  `copied ${FILES.length} DuckDB-WASM files and ${FONT_WORKER}, built ${FETCH_WORKER}, to ${target}`,
);
