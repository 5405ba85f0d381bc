import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, ROOT } from './helpers.ts';

/**
 * What a page downloads before the dashboard can start: the entry module and every chunk it imports
 * statically (chunks behind `import()` load only when used), gzip-compressed as a server sends them.
 * README states the figure; raise the budget only together with README.
 */
const START_UP_BUDGET_GZIP = 120 * 1024;
const DIR = join(ROOT, 'dist/assessment-dashboard');

/** Static `import … from './x.js'` and `import './x.js'`; never `import('./x.js')`. */
const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["'](\.\/[^"']+)["']/g;

async function startUpModules(entry: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const visit = async (file: string): Promise<void> => {
    if (sizes.has(file)) return;
    const code = await readFile(join(DIR, file));
    sizes.set(file, gzipSync(code).length);
    for (const [, spec] of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      await visit(posix.normalize(posix.join(posix.dirname(file), spec ?? '')));
    }
  };
  await visit(entry);
  return sizes;
}

beforeAll(async () => {
  await buildBundle();
});

describe('element bundle start-up size', () => {
  it(`stays within ${START_UP_BUDGET_GZIP / 1024} KB gzip (entry + static imports)`, async () => {
    const sizes = await startUpModules('assessment-dashboard.js');
    const names = [...sizes.keys()];
    // The engine API, Arrow and the readers are not part of start-up.
    expect(names.some((n) => /duckdb|Arrow|xlsx|parquet/i.test(n))).toBe(false);
    expect(names.length).toBeGreaterThan(1);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(50 * 1024);
    expect(total).toBeLessThanOrEqual(START_UP_BUDGET_GZIP);
  });
});

describe('the deploy folder npm run build writes', () => {
  it('holds only the scripts, the engine files and the dashboard’s two workers: source maps are in dist/sourcemaps, not pointed at', async () => {
    const files = (await readdir(DIR, { recursive: true })).map((f) => f.split('\\').join('/')).sort();
    expect(files.filter((f) => !/^[\w.-]+\.js$/.test(f))).toEqual([
      'duckdb',
      'duckdb/duckdb-browser-eh.worker.js',
      'duckdb/duckdb-browser-mvp.worker.js',
      'duckdb/duckdb-eh.wasm',
      'duckdb/duckdb-mvp.wasm',
      'duckdb/fetch.worker.js',
      'duckdb/font-warmup.worker.js',
    ]);
    const maps = await readdir(join(ROOT, 'dist/sourcemaps'));
    expect(maps).toContain('assessment-dashboard.js.map');
    expect(await readFile(join(DIR, 'assessment-dashboard.js'), 'utf8')).not.toMatch(/sourceMappingURL/);
  });
});
