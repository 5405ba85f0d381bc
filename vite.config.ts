import { defaultClientConditions, defineConfig } from 'vite';
import { SOURCE_CONDITION } from './scripts/source-condition.mjs';

const ENTRY = new URL('packages/elements/src/index.ts', import.meta.url).pathname;
/** The core package's barrel: it imports every core module, most of which only the lazy chunks use. */
const CORE_BARREL = 'packages/core/src/index.ts';

interface ChunkingContext {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}
const initial = new WeakMap<ChunkingContext, Set<string>>();

/**
 * Modules the entry loads before it runs (static imports, not followed through the core barrel: the bundler
 * places the core modules they use). Grouped in one chunk: split into two dozen small shared chunks, they
 * arrived in three waves of requests (HTTP/1.1 opens six at a time) and the library took 140–175 ms to
 * load instead of 40–100.
 */
function initialModules(ctx: ChunkingContext): Set<string> {
  const known = initial.get(ctx);
  if (known) return known;
  const seen = new Set<string>();
  const stack = [...(ctx.getModuleInfo(ENTRY)?.importedIds ?? [])];
  while (stack.length) {
    const id = stack.pop() as string;
    if (seen.has(id) || id.endsWith(CORE_BARREL)) continue;
    seen.add(id);
    stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  initial.set(ctx, seen);
  return seen;
}

/**
 * Library build of the embeddable folder: one ES module with every element, Lit, D3 and the DuckDB-WASM
 * main-thread API. The DuckDB wasm and worker files are NOT imported (Vite would inline them as base64);
 * scripts/copy-duckdb-assets.mjs copies them into `duckdb/` beside the bundle.
 */
export default defineConfig({
  // Workspace packages from their TypeScript source (no package build needed for the bundle). Always the
  // production builds of dependencies: Vite picks Lit's development build when NODE_ENV says so (Vitest's
  // `test`, under which the e2e tests build this), with its warnings and 14 KB more.
  resolve: {
    conditions: [
      SOURCE_CONDITION,
      ...defaultClientConditions.map((c) => (c === 'development|production' ? 'production' : c)),
    ],
  },
  build: {
    outDir: 'dist/assessment-dashboard',
    emptyOutDir: true,
    target: 'es2022',
    // Maps without a pointer in the bundle, moved out of the deploy folder by scripts/move-source-maps.mjs.
    sourcemap: 'hidden',
    lib: {
      entry: 'packages/elements/src/index.ts',
      formats: ['es'],
      fileName: () => 'assessment-dashboard.js',
    },
    rolldownOptions: {
      output: {
        // Whitespace too (Vite keeps it in an ES library, for bundlers that re-bundle it): the folder is served
        // to browsers as it is, and every byte of the start-up chunks is parsed while DuckDB-WASM compiles.
        minify: { codegen: true },
        codeSplitting: {
          groups: [
            {
              debugName: 'start-up modules',
              name: (id, ctx) => (initialModules(ctx).has(id) ? 'elements' : null),
            },
            {
              // The D3 renderers, fetched when a chart first draws (packages/elements/src/charts-module.ts).
              debugName: 'chart renderers',
              name: (id) => (/\/packages\/charts\/|\/node_modules\/d3-/.test(id) ? 'charts' : null),
            },
          ],
        },
      },
    },
  },
});
