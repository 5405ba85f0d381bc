import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITION } from './scripts/source-condition.mjs';

/** Chromium flags for this offline machine: no background connections, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Lets the lifecycle test force garbage collection and read exact heap sizes.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

export default defineConfig({
  // Workspace packages resolve to their TypeScript source in every project (packages/*/package.json).
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
  test: {
    // Two test files at a time in Node (Vitest's default on two cores is one: cores − 1), beside the one
    // browser below: most files wait on DuckDB, Chromium or a child process, so a second one fills the idle
    // core (the whole run: 18 → 14 min of `vitest run` on this 2-core machine).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/{core,cli}/test/**/*.test.ts',
            'packages/elements/test/**/*.node.test.ts',
            'data/**/*.test.ts',
          ],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          // The element bundle, built once before the files that serve it (see build-once.ts).
          globalSetup: ['test/build-once.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        // Every dependency the browser tests reach, pre-bundled before the first test, so that none found
        // mid-run can make Vite re-bundle and reload the page under a running test (a known cause of flaky
        // browser runs on a cold cache, as a fresh clone has; not reproduced here).
        optimizeDeps: {
          include: [
            '@duckdb/duckdb-wasm',
            '@e965/xlsx',
            '@uwdata/flechette',
            'apache-arrow',
            'axe-core',
            'd3-array',
            'd3-axis',
            'd3-scale',
            'd3-selection',
            'fflate',
            'fzstd',
            'hyparquet',
            'hyparquet/src/column.js',
            'lit',
            'lit/directives/if-defined.js',
            'lit/static-html.js',
          ],
        },
        test: {
          name: 'browser',
          include: ['packages/{charts,elements}/test/**/*.test.ts'],
          exclude: ['**/*.node.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            // One page at a time: the browser tests measure heap, workers and frame timing of their page.
            fileParallelism: false,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({
              launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
            }),
          },
        },
      },
    ],
  },
});
