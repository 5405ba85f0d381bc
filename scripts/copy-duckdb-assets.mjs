// Copies the DuckDB-WASM engine files next to the element bundle so the built folder is self-contained, with
// the element's own worker that resolves fonts off the page's thread (it is started from the same folder).
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
console.log(`copied ${FILES.length} DuckDB-WASM files and ${FONT_WORKER} to ${target}`);
