import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static `import … from './x.js'` and `import './x.js'`; never `import('./x.js')`. */
const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["'](\.\/[^"']+)["']/g;

const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * What a page downloads of the built folder `dir` before `entry` runs: the entry and every chunk it imports
 * statically, transitively (chunks behind `import()` load only when used), each gzip -9 as a server sends
 * it. Maps each file (relative to `dir`) to its gzip bytes. One measure for the bundle-size test and the bench.
 */
export function startUpModules(dir, entry = 'assessment-dashboard.js') {
  const sizes = new Map();
  const visit = (file) => {
    if (sizes.has(file)) return;
    sizes.set(file, gzipped(join(dir, file)));
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) visit(normalize(join(dirname(file), spec)));
  };
  visit(entry);
  return sizes;
}

/** Every script of the built folder (not the engine's own files under duckdb/), gzip -9 bytes by file. */
export function allScripts(dir) {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, gzipped(join(dir, f))]),
  );
}
