import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { computeIndicators, type RunSummary, type Scorecard } from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../packages/cli/src/load-files.ts';
import type { StaticServer } from '../packages/cli/src/static-server.ts';
import { DEFAULT_TILES } from '../packages/elements/src/dashboard/default-tiles.ts';
import { cliIndicators, launchChromium, ROOT } from './helpers.ts';
import { buildPrivateSite, type Site, serve } from './security/site.ts';

/**
 * Snapshot mode end to end: `assessment-dashboard snapshot` writes the file, the built element paints it
 * without DuckDB-WASM within the start-up byte budget, with exactly the CLI's numbers; with `src` too, a
 * chart filter loads the data into DuckDB-WASM (saying so) and then shows the filtered numbers.
 */
const FILES = ['data/cases.csv', 'data/disclosures.csv'];
/** gzip bytes of everything transferred before the scorecard is visible. */
// Issue 7's target. Besides the elements and code a snapshot does not show (loaded on first use), the
// snapshot reader does not bring the indicator computations or the holiday calendar: 142.8 KB measured.
const BUDGET = 150 * 1024;
/** DuckDB-WASM's files and API chunk (all named duckdb-*); the font worker beside them is not part of it. */
const DUCKDB_WASM = /\.wasm$|\/duckdb-[^/]*$/;
const run = promisify(execFile);
const cliBin = join(ROOT, 'scripts/cli.mjs');
const page = (attrs: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>snapshot</title>
<script type="module" src="assessment-dashboard/assessment-dashboard.js"></script></head>
<body><assessment-dashboard ${attrs}></assessment-dashboard></body></html>`;

let site: Site;
let server: StaticServer;
let browser: Browser;
let cli: RunSummary;
let scorecard: Scorecard;

beforeAll(async () => {
  site = await buildPrivateSite({
    'snapshot.html': page('snapshot="snapshot.arrow"'),
    'snapshot-src.html': page(
      'snapshot="snapshot.arrow" src="data/cases.csv" disclosures="data/disclosures.csv"',
    ),
  });
  const files = FILES.map((f) => join(ROOT, f));
  const [, card] = await Promise.all([
    run(process.execPath, [cliBin, 'snapshot', ...files, '-o', join(site.dir, 'snapshot.arrow')], {
      cwd: ROOT,
    }),
    run(process.execPath, [cliBin, 'scorecard', ...files, '--json'], { cwd: ROOT, maxBuffer: 1 << 26 }),
  ]);
  scorecard = (JSON.parse(card.stdout) as { scorecard: Scorecard }).scorecard;
  server = await serve(site.dir);
  [browser, cli] = await Promise.all([launchChromium(), cliIndicators(FILES)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

async function open(name: string): Promise<{ p: Page; requests: Request[] }> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: Request[] = [];
  p.on('request', (r) => requests.push(r));
  await p.goto(`${server.url}${name}`);
  return { p, requests };
}

const tileValues = (p: Page) =>
  p
    .locator('assessment-kpi-tile [data-key]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))]));

describe('<assessment-dashboard snapshot=…>', () => {
  it('paints tiles and scorecard with the CLI numbers, without DuckDB-WASM, within the byte budget', async () => {
    const { p, requests } = await open('snapshot.html');
    const started = Date.now();
    await p.locator('assessment-scorecard tbody tr').first().waitFor({ timeout: 60_000 });
    const visibleMs = Date.now() - started;
    const before = [...requests];

    // Everything transferred before the scorecard was visible, gzip-compressed as a server would send it.
    let gzip = 0;
    const sizes: [string, number][] = [];
    let holidays = 0;
    for (const r of before) {
      // A worker's script has no body here (the font worker, 1 KB): its size as transferred.
      const body = await (await r.response())?.body().catch(() => undefined);
      const n = body ? gzipSync(body).length : (await r.sizes()).responseBodySize;
      gzip += n;
      sizes.push([new URL(r.url()).pathname, n]);
      // The holiday calendar (chinese-days' data) comes with the computations: a snapshot needs neither.
      if (body?.includes('Spring Festival,春节')) holidays++;
    }
    console.log(`snapshot page: scorecard visible after ${visibleMs} ms, ${gzip} bytes gzip`, sizes);
    expect(gzip).toBeLessThanOrEqual(BUDGET);
    expect(holidays).toBe(0);

    const tiles = DEFAULT_TILES.map((key) => cli.indicators.find((i) => i.key === key));
    expect(await tileValues(p)).toEqual(tiles.map((i) => [i?.key, i?.value]));
    const fractions = await p
      .locator('assessment-kpi-tile .fraction')
      .evaluateAll((els) =>
        els.map((e) => [
          Number(e.getAttribute('data-numerator')),
          Number(e.getAttribute('data-denominator')),
        ]),
      );
    expect(fractions).toEqual(
      tiles.filter((i) => i?.kind === 'rate').map((i) => [i?.numerator, i?.denominator]),
    );
    // The JS API holds every indicator, equal to the CLI's.
    const results = await p
      .locator('assessment-dashboard')
      .evaluate((el) => (el as unknown as { results: unknown[] }).results);
    expect(results).toEqual(cli.indicators);

    const rows = await p
      .locator('assessment-scorecard tbody tr:not(.detail)')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('td')?.textContent?.trim(),
          tr.querySelector('th')?.textContent?.replace(/[▸▾]/g, '').trim(),
          tr.querySelectorAll('td')[1]?.textContent?.trim(),
        ]),
      );
    const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
    expect(rows).toEqual(
      scorecard.rows.map((r) => [
        String(r.rank ?? '–'),
        r.department,
        r.score === null ? expect.any(String) : fmt.format(Math.round(r.score * 100) / 100),
      ]),
    );
    // Trend and domain panels are painted from the snapshot too.
    await p.locator('assessment-line-chart svg').first().waitFor();
    const domains = cli.indicators.find((i) => i.key === 'foi.volume_by_domain');
    expect(await p.locator('assessment-bar-chart[data-panel="domain"] svg .bar').count()).toBe(
      domains?.breakdown?.length,
    );

    const urls = requests.map((r) => r.url());
    expect(urls.filter((u) => DUCKDB_WASM.test(u) || /Arrow\.dom|\.csv$/.test(u))).toEqual([]);
    expect(await p.locator('assessment-dashboard .snapshot-source').textContent()).toContain('预计算结果');

    // Without a data source, a filter cannot be computed: the dashboard says so and loads nothing.
    await p.locator('assessment-bar-chart[data-panel="domain"] svg .bar').first().click();
    await expect
      .poll(() => p.locator('assessment-dashboard .snapshot-source').textContent(), { timeout: 30_000 })
      .toContain('筛选需要原始数据');
    expect(requests.map((r) => r.url()).filter((u) => DUCKDB_WASM.test(u))).toEqual([]);
    await p.close();
  });

  it('with src: a chart filter loads DuckDB-WASM, says so, then shows the filtered numbers', async () => {
    const { p, requests } = await open('snapshot-src.html');
    await p.locator('assessment-scorecard tbody tr').first().waitFor({ timeout: 60_000 });
    expect(requests.map((r) => r.url()).filter((u) => DUCKDB_WASM.test(u) || /\.csv$/.test(u))).toEqual([]);

    const domain = cli.indicators.find((i) => i.key === 'foi.volume_by_domain')?.breakdown?.[0]?.key ?? '';
    const engine = await NodeEngine.create();
    let expected: [string, number | null][];
    try {
      await loadFiles(
        engine,
        FILES.map((f) => join(ROOT, f)),
      );
      const filtered = await computeIndicators(engine, {
        datasetFilters: { disclosures: { domain: [domain] } },
      });
      // The domain chart keeps every bar (it is not filtered by its own selection).
      expected = filtered
        .map((c): [string, number | null] => [c.result.key, c.result.value])
        .filter(([k]) => k !== 'foi.volume_by_domain');
    } finally {
      await engine.close();
    }
    expect(expected.some(([k, v]) => v !== cli.indicators.find((i) => i.key === k)?.value)).toBe(true);

    await p.locator('assessment-bar-chart[data-panel="domain"] svg .bar').first().click();
    await p.locator('assessment-dashboard .snapshot-status').waitFor({ timeout: 10_000 });
    expect(await p.locator('assessment-dashboard .snapshot-status').textContent()).toContain(
      '正在载入完整数据',
    );
    // The snapshot stays on screen while the data loads.
    expect(await p.locator('assessment-kpi-tile [data-key]').count()).toBe(DEFAULT_TILES.length);

    const results = () =>
      p
        .locator('assessment-dashboard')
        .evaluate((el) =>
          (el as unknown as { results: { key: string; value: number | null }[] }).results
            .map((r): [string, number | null] => [r.key, r.value])
            .filter(([k]) => k !== 'foi.volume_by_domain'),
        );
    await expect.poll(results, { timeout: 180_000, interval: 500 }).toEqual(expected);
    expect(await p.locator('assessment-dashboard .snapshot-status').count()).toBe(0);
    expect(await p.locator('assessment-dashboard .chip').count()).toBe(1);
    const urls = requests.map((r) => r.url());
    expect(urls.some((u) => u.endsWith('duckdb/duckdb-eh.wasm'))).toBe(true);
    expect(urls.some((u) => u.endsWith('data/cases.csv'))).toBe(true);
    // Same tiles as the snapshot showed: the domain filter applies to disclosures only.
    const tiles = DEFAULT_TILES.map((key) => cli.indicators.find((i) => i.key === key));
    expect(await tileValues(p)).toEqual(tiles.map((i) => [i?.key, i?.value]));
    await p.close();
  });
});
