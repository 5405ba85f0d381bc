import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunSummary } from '@assessment-dashboard/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview } from '../packages/cli/src/static-server.ts';
import { DEFAULT_TILES } from '../packages/elements/src/dashboard/default-tiles.ts';
import { launchChromium, ROOT } from './helpers.ts';

/**
 * The install a web team or an analyst does: the packages packed as a registry would serve them, installed
 * into a fresh project (no workspace links), the element imported by a plain Vite app, a React 19 app and
 * a Vue 3 app (examples/, the code README shows), each built and opened in Chromium, and the installed CLI
 * run with `npx`. Every page must show the CLI's numbers.
 */
const run = promisify(execFile);
const PACKAGES = ['core', 'charts', 'cli', 'elements'];
const APPS = ['plain', 'react', 'vue'] as const;
/** The framework versions the examples are tested with (README names them). */
const VERSIONS = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  vue: '3.5.45',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  '@vitejs/plugin-vue': '6.0.11',
  typescript: '5.9.3',
  // Only for the type-check: the engine connectors' types are DuckDB-WASM's, whose own need Emscripten's.
  '@duckdb/duckdb-wasm': '1.32.0',
  '@types/emscripten': '1.41.6',
};
const DATA = ['cases.csv', 'disclosures.csv'];

let project: string;
let browser: Browser;
let cli: RunSummary;

const sh = (cmd: string, args: string[], cwd = project) =>
  run(cmd, args, { cwd, maxBuffer: 1 << 26, env: { ...process.env, npm_config_update_notifier: 'false' } });

beforeAll(async () => {
  await sh('npm', ['run', 'build:packages'], ROOT);
  project = await mkdtemp(join(tmpdir(), 'ad-install-'));
  const packs = join(project, 'packs');
  await mkdir(packs);
  const tarballs: Record<string, string> = {};
  for (const pkg of PACKAGES) {
    const dir = join(ROOT, 'packages', pkg);
    const { stdout } = await sh('npm', ['pack', '--json', '--pack-destination', packs], dir);
    const [info] = JSON.parse(stdout) as { name: string; filename: string }[];
    if (!info) throw new Error(`npm pack gave nothing for ${pkg}`);
    tarballs[info.name] = `file:./packs/${info.filename}`;
  }
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'install-check',
      private: true,
      type: 'module',
      dependencies: { ...tarballs, ...VERSIONS },
      // The packages depend on each other by version: take those from the tarballs, never a registry.
      overrides: tarballs,
    }),
  );
  await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  for (const app of APPS) {
    const dir = join(project, app);
    await cp(join(ROOT, 'examples', app), dir, { recursive: true });
    // What README tells a bundler user to do: the engine files in the public folder, the sample data beside.
    await cp(join(project, 'node_modules/assessment-dashboard/dist/duckdb'), join(dir, 'public/duckdb'), {
      recursive: true,
    });
    await mkdir(join(dir, 'public/data'), { recursive: true });
    for (const f of DATA) await cp(join(ROOT, 'data', f), join(dir, 'public/data', f));
  }
  [browser, cli] = await Promise.all([
    launchChromium(),
    sh('npx', [
      'assessment-dashboard',
      'indicators',
      ...DATA.map((f) => join('plain/public/data', f)),
      '--json',
    ]).then(({ stdout }) => JSON.parse(stdout) as RunSummary),
  ]);
});

afterAll(async () => {
  await browser?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

describe('installed from the packed tarballs', () => {
  it('has no workspace links and no TypeScript loader in the CLI', async () => {
    const installed = JSON.parse(
      await readFile(join(project, 'node_modules/@assessment-dashboard/cli/package.json'), 'utf8'),
    ) as { bin: Record<string, string>; dependencies: Record<string, string> };
    expect(installed.bin['assessment-dashboard']).toBe('./dist/bin.js');
    expect(Object.keys(installed.dependencies)).not.toContain('tsx');
    const files = await readdir(join(project, 'node_modules/assessment-dashboard'), { recursive: true });
    expect(files.filter((f) => /\.(ts|map)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toContain(join('dist', 'duckdb', 'duckdb-eh.wasm'));
  });

  it('ships custom-elements.json whose every path is a file of the package', async () => {
    const pkg = join(project, 'node_modules/assessment-dashboard');
    const meta = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8')) as { customElements: string };
    const manifest = await readFile(join(pkg, meta.customElements), 'utf8');
    const paths = [...manifest.matchAll(/"(?:path|module)": "([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(paths).toContain('dist/assessment-dashboard.js');
    expect(manifest).toContain('"tagName": "assessment-dashboard"');
    const files = new Set(await readdir(pkg, { recursive: true }));
    expect([...new Set(paths)].filter((p) => !files.has(p))).toEqual([]);
  });

  it('runs `npx assessment-dashboard indicators` from the installed CLI', () => {
    expect(cli.import).toMatchObject({ read: 56_000, loaded: 56_000, rejected: 0 });
    expect(cli.indicators.find((i) => i.key === 'case.online_apply_rate')).toMatchObject({
      numerator: 29_673,
      denominator: 50_000,
    });
  });

  it('type-checks the public API from the emitted .d.ts (skipLibCheck off)', async () => {
    const dir = join(project, 'typescript');
    await cp(join(ROOT, 'examples/typescript'), dir, { recursive: true });
    const tsc = join(project, 'node_modules/typescript/bin/tsc');
    const result = await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], dir).catch(
      (e: { stdout: string }) => e,
    );
    expect(result.stdout).toBe('');
  });

  for (const app of APPS) {
    it(`builds the ${app} example with Vite and shows the CLI's tiles in Chromium`, async () => {
      await sh('npx', ['vite', 'build', app, '--logLevel', 'error']);
      const server = await preview(join(project, app, 'dist'), 0, '127.0.0.1', '/');
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${server.url}index.html`);
        await page.locator('assessment-kpi-tile [data-key]').first().waitFor({ timeout: 120_000 });
        // The rate tiles paint first; the overdue count is pending (no value) until the working-day facts exist.
        await expect
          .poll(() => page.locator('assessment-kpi-tile [data-status="pending"]').count(), {
            timeout: 120_000,
          })
          .toBe(0);
        const shown = await page
          .locator('assessment-kpi-tile [data-key]')
          .evaluateAll((els) =>
            els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))]),
          );
        const expected = DEFAULT_TILES.map((key) => cli.indicators.find((i) => i.key === key))
          .filter((i) => i !== undefined)
          .map((i) => [i.key, i.value]);
        expect(expected.length).toBeGreaterThan(3);
        expect(shown).toEqual(expected);
        // The framework's own wiring: the object arrived as a property, the ad-ready listener ran (ad-ready
        // follows the tiles; on a loaded machine more than the poll's default second later).
        await expect
          .poll(() => page.locator('[role="status"]').first().textContent(), { timeout: 60_000 })
          .toBe(`已载入 ${cli.import.loaded} 行`);
        const target = await page
          .locator('assessment-dashboard')
          .evaluate(
            (el) => (el as unknown as { configuration: { targets: Record<string, number> } }).configuration,
          );
        expect(target).toEqual({ targets: { 'case.online_apply_rate': 0.6 } });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    });
  }
});

describe('README', () => {
  it('shows the tested example sources verbatim', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    for (const file of [
      'plain/main.js',
      'react/main.jsx',
      'react/vite.config.js',
      'vue/App.vue',
      'vue/vite.config.js',
    ]) {
      const source = await readFile(join(ROOT, 'examples', file), 'utf8');
      expect(readme, file).toContain(source);
    }
  });
});
