import { defaultClientConditions, defineConfig } from 'vite';
import { SOURCE_CONDITION } from './scripts/source-condition.mjs';

/**
 * Library build of the embeddable folder: one ES module with every element, Lit, D3 and the DuckDB-WASM
 * main-thread API. The DuckDB wasm and worker files are NOT imported (Vite would inline them as base64);
 * scripts/copy-duckdb-assets.mjs copies them into `duckdb/` beside the bundle.
 */
export default defineConfig({
  // Workspace packages from their TypeScript source (no package build needed for the bundle).
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
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
  },
});
