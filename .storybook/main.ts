import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';
import { SOURCE_CONDITION } from '../scripts/source-condition.mjs';

type StaticDir = { from: string; to: string };

/** The DuckDB-WASM files the dashboard loads (packages/elements/src/duckdb/shared-db.ts). */
const DUCKDB_FILES = [
  'duckdb-eh.wasm',
  'duckdb-browser-eh.worker.js',
  'duckdb-mvp.wasm',
  'duckdb-browser-mvp.worker.js',
];

/** Paths are relative to this folder; a missing one is skipped so the build never fails. */
const present = (dir: StaticDir): boolean => {
  const ok = existsSync(fileURLToPath(new URL(dir.from, import.meta.url)));
  if (!ok) console.warn(`[storybook] not serving ${dir.to}: ${dir.from} does not exist`);
  return ok;
};

const staticDirs: StaticDir[] = [
  // Only the files the engine needs, not the whole 138 MB dist folder: keeps the build fast.
  ...DUCKDB_FILES.map((file) => ({
    from: `../node_modules/@duckdb/duckdb-wasm/dist/${file}`,
    to: `/duckdb/${file}`,
  })),
  // Sample exports (data/cases.csv, data/disclosures.csv, …): copied as they are, whatever exists.
  { from: '../data', to: '/data' },
].filter(present);

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // The Accessibility panel: axe-core on the open story (the same WCAG 2.1 A/AA rules as
  // packages/elements/test/stories.browser.test.ts, which runs them on every story in `npm test`).
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // No telemetry, no "what's new" fetches: this machine is offline.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs,
  // Storybook's renderer imports `lit/directive-helpers.js`; pre-bundling it with `lit` keeps one
  // lit-html instance in dev (otherwise: "Multiple versions of Lit loaded").
  viteFinal: (vite) =>
    mergeConfig(vite, {
      resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
      optimizeDeps: {
        include: [
          'lit',
          'lit/directive-helpers.js',
          'lit/directives/if-defined.js',
          'lit/directives/keyed.js',
        ],
      },
    }),
};

export default config;
