import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@assessment-dashboard/core';
import { ClickHouseEngine, importFile } from '@assessment-dashboard/core';
import { loadIntoClickHouse, NodeEngine } from '@assessment-dashboard/core/node';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type StaticServer } from '../packages/cli/src/static-server.ts';
import {
  type ChdbServer,
  chdbAvailable,
  startChdbServer,
} from '../packages/core/test/helpers/chdb-server.ts';
import { DEFAULT_TILES } from '../packages/elements/src/dashboard/default-tiles.ts';
import { buildSite } from '../scripts/site.mjs';
import { buildBundle, cliIndicators, launchChromium, ROOT } from './helpers.ts';

/**
 * The dashboard on ClickHouse: the sample files loaded into real ClickHouse (chdb behind its HTTP
 * interface, a different origin from the page), and `<assessment-dashboard engine="…"
 * engine-dialect="clickhouse">` shows the CLI's numbers computed on DuckDB.
 */
const FILES = ['data/cases.csv', 'data/disclosures.csv'];

describe.skipIf(!chdbAvailable)('engine-dialect="clickhouse" (chdb behind the HTTP interface)', () => {
  let site: string;
  let server: StaticServer;
  let browser: Browser;
  let cli: RunSummary;
  let ch: ChdbServer;

  beforeAll(async () => {
    await buildBundle();
    site = await buildSite(await mkdtemp(join(tmpdir(), 'ad-site-ch-')));
    server = await preview(site, 0, '127.0.0.1', '/');
    ch = await startChdbServer();
    const duck = await NodeEngine.create();
    for (const f of FILES) await importFile(duck, f, new Uint8Array(await readFile(join(ROOT, f))));
    await loadIntoClickHouse(duck, new ClickHouseEngine(ch.url));
    await duck.close();
    [browser, cli] = await Promise.all([launchChromium(), cliIndicators(FILES)]);
    const html = (await readFile(join(site, 'index.html'), 'utf8')).replace(
      /<assessment-dashboard[^>]*>/,
      `<assessment-dashboard engine="${ch.url}" engine-dialect="clickhouse">`,
    );
    await writeFile(join(site, 'clickhouse.html'), html);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ch?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('shows the same tiles as the CLI on DuckDB, without DuckDB-WASM or the files', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.url}clickhouse.html`);
    await page.locator('assessment-kpi-tile [data-key]').first().waitFor({ timeout: 180_000 });
    const shown = await page
      .locator('assessment-kpi-tile [data-key]')
      .evaluateAll((els) =>
        els.map((e) => ({ key: e.getAttribute('data-key'), value: Number(e.getAttribute('data-value')) })),
      );
    expect(shown.length).toBe(DEFAULT_TILES.length);
    for (const s of shown) expect(s.value).toBe(cli.indicators.find((i) => i.key === s.key)?.value);
    expect(requests.some((u) => u.endsWith('.wasm') || u.endsWith('.csv'))).toBe(false);
    // Every query went to ClickHouse as ArrowStream with the dialect's settings.
    const sent = ch.log.filter((q) => q.sql.includes('FROM'));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((q) => q.settings.join_use_nulls === '1' && q.settings.final === '1')).toBe(true);
    await page.close();
  }, 300_000);
});
