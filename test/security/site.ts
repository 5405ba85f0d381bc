import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { preview, type StaticServer } from '../../packages/cli/src/static-server.ts';
import { DATA } from '../../scripts/site.mjs';
import { ROOT } from '../helpers.ts';

/**
 * Shared set-up of the security end-to-end tests (not a test file itself).
 *
 * The bundle is built exactly as `npm run build` builds it (`vite build` + `copy-duckdb-assets.mjs`), but
 * into a private temporary folder: test files may run in parallel with each other and with
 * `embed.e2e.test.ts`, and concurrent builds into the shared `dist/assessment-dashboard/` (which `vite build`
 * empties first) would let one file copy another's half-written folder. The site is then composed as
 * `scripts/site.mjs` composes it: the element folder, the demo pages and the sample data.
 */
const run = promisify(execFile);

export interface Site {
  dir: string;
  cleanup(): Promise<void>;
}

/** Builds the element folder and composes the demo site in a temp dir; `extra` files are added to it. */
export async function buildPrivateSite(extra: Record<string, string | Uint8Array> = {}): Promise<Site> {
  const tmp = await mkdtemp(join(tmpdir(), 'ad-sec-'));
  const bundle = join(tmp, 'bundle');
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  await run(process.execPath, [vite, 'build', '--outDir', bundle, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    maxBuffer: 1 << 24,
  });
  await run(process.execPath, [join(ROOT, 'scripts/copy-duckdb-assets.mjs'), bundle], { cwd: ROOT });
  const dir = join(tmp, 'site');
  await mkdir(join(dir, 'data'), { recursive: true });
  await cp(bundle, join(dir, 'assessment-dashboard'), { recursive: true });
  await cp(join(ROOT, 'demo'), dir, { recursive: true });
  for (const f of DATA) await cp(join(ROOT, 'data', f), join(dir, 'data', f));
  for (const [name, content] of Object.entries(extra)) {
    const path = join(dir, name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
  }
  return { dir, cleanup: () => rm(tmp, { recursive: true, force: true }) };
}

/**
 * Serves `dir` with the CLI's preview server (right MIME types, `.wasm` as application/wasm), adding
 * `headers` to every response, error responses included.
 */
export async function serve(
  dir: string,
  mount = '/',
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const s = await preview(dir, 0, '127.0.0.1', mount);
  s.server.prependListener('request', (_req, res) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  });
  return s;
}

/** Waits until the KPI tiles show numbers (the whole load path has run). */
export async function waitForTiles(page: Page): Promise<void> {
  await page.locator('assessment-kpi-tile [data-key]').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    () => {
      const dash = document.querySelector('assessment-dashboard');
      const tiles = dash?.shadowRoot?.querySelectorAll('assessment-kpi-tile') ?? [];
      return (
        tiles.length > 0 &&
        [...tiles].every((t) => /\d/.test(t.shadowRoot?.querySelector('[data-key]')?.textContent ?? ''))
      );
    },
    undefined,
    { timeout: 120_000 },
  );
}

/** Records each `ad-ready` / `ad-error` of the page's dashboards in `window.__outcomes`; call before goto. */
export async function recordOutcomes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __outcomes: string[] };
    w.__outcomes = [];
    // The events do not bubble; a capturing listener on window still sees them.
    window.addEventListener('ad-ready', () => w.__outcomes.push('ready'), true);
    window.addEventListener(
      'ad-error',
      (e) => w.__outcomes.push(`error: ${JSON.stringify((e as CustomEvent).detail)}`),
      true,
    );
  });
}

const outcomes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __outcomes: string[] }).__outcomes.length);

/** Waits for the next `ad-ready` / `ad-error` (see `recordOutcomes`) after `start` and returns it. */
export async function loadOutcome(page: Page, start: () => Promise<unknown>): Promise<string> {
  const n = await outcomes(page);
  await start();
  await page.waitForFunction(
    (k) => (window as unknown as { __outcomes: string[] }).__outcomes.length > k,
    n,
    {
      timeout: 120_000,
    },
  );
  return page.evaluate((k) => (window as unknown as { __outcomes: string[] }).__outcomes[k] ?? '', n);
}

/** Waits until the page's dashboards have reported `count` outcomes in all, and returns the last one. */
export async function nthOutcome(page: Page, count: number): Promise<string> {
  await page.waitForFunction(
    (k) => (window as unknown as { __outcomes: string[] }).__outcomes.length >= k,
    count,
    { timeout: 120_000 },
  );
  return page.evaluate((k) => (window as unknown as { __outcomes: string[] }).__outcomes[k - 1] ?? '', count);
}
