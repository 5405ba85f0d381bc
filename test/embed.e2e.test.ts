import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enumLabel, type RunSummary } from '@assessment-dashboard/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedData, serveFiles } from '../packages/cli/src/serve.ts';
import { preview, type StaticServer } from '../packages/cli/src/static-server.ts';
import { DEFAULT_TILES } from '../packages/elements/src/dashboard/default-tiles.ts';
import { buildSite } from '../scripts/site.mjs';
import { buildBundle, cliIndicators, launchChromium, ROOT } from './helpers.ts';

/**
 * The whole product path: build the folder, serve it from a sub-path as a webmaster would, open the
 * plain HTML demo page in Chromium, and check every number shown equals the CLI's for the same files.
 */
const MOUNT = '/gov/portal/zwgk/';
let site: string;
let server: StaticServer;
let browser: Browser;
let cli: RunSummary;

beforeAll(async () => {
  await buildBundle();
  site = await buildSite(await mkdtemp(join(tmpdir(), 'ad-site-')));
  server = await preview(site, 0, '127.0.0.1', MOUNT);
  [browser, cli] = await Promise.all([
    launchChromium(),
    // The demo page loads the supervision files too: they count in the page's row totals.
    cliIndicators(['data/cases.csv', 'data/disclosures.csv', 'data/steps.csv', 'data/receipts.csv']),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

async function openDemo(page: string): Promise<{ page: Page; requests: string[] }> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(`${server.url}${page}`);
  await p.locator('assessment-kpi-tile [data-key]').first().waitFor({ timeout: 120_000 });
  await p.locator('assessment-bar-chart svg .bar').first().waitFor();
  return { page: p, requests };
}

const percent = (v: number, locale: string) =>
  new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(v);

describe('embedded demo under a sub-path', () => {
  it('shows exactly the CLI numbers, loads nothing from another origin', async () => {
    const { page, requests } = await openDemo('index.html');
    expect(cli.import.rejected).toBe(0);
    const shown = await page.locator('assessment-kpi-tile [data-key]').evaluateAll((els) =>
      els.map((e) => ({
        key: e.getAttribute('data-key'),
        value: e.getAttribute('data-value'),
        text: e.textContent,
      })),
    );
    const tiles = DEFAULT_TILES.map((key) => cli.indicators.find((i) => i.key === key)).filter(
      (i) => i !== undefined,
    );
    expect(tiles).toHaveLength(DEFAULT_TILES.length);
    expect(shown.map((s) => s.key)).toEqual(tiles.map((i) => i.key));
    for (const ind of tiles) {
      const s = shown.find((x) => x.key === ind.key);
      expect(Number(s?.value)).toBe(ind.value);
      const text =
        ind.unit === 'percent'
          ? percent(ind.value ?? 0, 'zh-CN')
          : new Intl.NumberFormat('zh-CN').format(ind.value ?? 0);
      expect(s?.text).toBe(text);
    }
    const fractions = await page
      .locator('assessment-kpi-tile .fraction')
      .evaluateAll((els) =>
        els.map((e) => [
          Number(e.getAttribute('data-numerator')),
          Number(e.getAttribute('data-denominator')),
        ]),
      );
    const rates = tiles.filter((i) => i.kind === 'rate');
    expect(fractions).toEqual(rates.map((r) => [r.numerator, r.denominator]));

    const domains = cli.indicators.find((i) => i.key === 'foi.volume_by_domain');
    const rows = await page
      .locator('assessment-bar-chart[data-panel="domain"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]),
      );
    expect(rows).toEqual(
      (domains?.breakdown ?? []).map((b) => [
        enumLabel('disclosures', 'domain', b.key, 'zh'),
        new Intl.NumberFormat('zh-CN').format(b.value),
      ]),
    );
    const meta = await page
      .locator('assessment-dashboard')
      .evaluate((el) => el.shadowRoot?.textContent ?? '');
    const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
    expect(meta).toContain(
      `读取 ${fmt(cli.import.read)} 行，载入 ${fmt(cli.import.loaded)} 行，拒收 ${fmt(cli.import.rejected)} 行`,
    );

    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:'))).toEqual([]);
    expect(requests.some((u) => u.includes(`${MOUNT}assessment-dashboard/duckdb/duckdb-eh.wasm`))).toBe(true);
    await page.close();
  });

  it('has no axe-core violations (WCAG 2.1 A/AA) on the demo page with every panel shown', async () => {
    const { page } = await openDemo('index.html');
    // Wait for the panels that come after the first paint (cubes, heatmap, drill-down, ranking).
    for (const sel of [
      '[data-panel="dept"]',
      'assessment-calendar-heatmap',
      'assessment-item-breakdown',
      'assessment-scorecard',
    ]) {
      await page.locator(`assessment-dashboard ${sel}`).first().waitFor({ timeout: 180_000 });
    }
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const r = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('renders the English page with the same numbers', async () => {
    const { page } = await openDemo('en.html');
    const rate = cli.indicators.find((i) => i.key === 'case.online_apply_rate');
    await expect
      .poll(() => page.locator('[data-key="case.online_apply_rate"]').textContent(), { timeout: 30_000 })
      .toBe(percent(rate?.value ?? 0, 'en-US'));
    expect(await page.locator('assessment-kpi-tile h3').first().textContent()).toBe(
      'Online application rate',
    );
    // "Load other files" opens the browser's file chooser (the element's file input is hidden: never laid out).
    await page.locator('assessment-dashboard [part="import-details"] > summary').first().click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 10_000 }),
      page.getByRole('button', { name: 'Load other files' }).click(),
    ]);
    expect(chooser.isMultiple()).toBe(true);
    await page.close();
  });
});

describe('linked views: every panel follows a click and a brush, as the CLI computes them', () => {
  const FILES = ['data/cases.csv', 'data/disclosures.csv', 'data/steps.csv', 'data/receipts.csv'];
  const tileValues = (page: Page) =>
    page
      .locator('assessment-kpi-tile [data-key]')
      .evaluateAll((els) =>
        Object.fromEntries(
          els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))]),
        ),
      );
  const tableRows = (page: Page, panel: string) =>
    page
      .locator(`assessment-${panel} tbody tr`)
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelector('td')?.textContent ?? '',
        ]),
      );
  const expectTiles = async (page: Page, expected: RunSummary) => {
    const want = Object.fromEntries(
      DEFAULT_TILES.map((k) => [k, expected.indicators.find((i) => i.key === k)?.value]),
    );
    await expect.poll(() => tileValues(page), { timeout: 30_000 }).toEqual(want);
  };
  const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

  it('filters by a department bar (keyboard), then by a brushed month range on the trend; the URL keeps both', async () => {
    const { page } = await openDemo('index.html');
    const dept = page.locator('assessment-bar-chart[data-panel="dept"]');
    await dept.locator('svg .bar').first().waitFor({ timeout: 120_000 });
    // Keyboard only: the first bar holds the tab stop; ArrowDown moves to the second, Enter picks it.
    await dept.locator('svg .bar[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const chip = page.locator('assessment-dashboard .chip');
    await chip.waitFor();
    const picked = await page
      .locator('assessment-dashboard')
      .evaluate((el) => (el as unknown as { selection: { value: string }[] }).selection[0]?.value ?? '');
    const [filtered, byChannel, byMonth] = await Promise.all([
      cliIndicators(FILES, ['--filter', `cases.dept_name=${picked}`]),
      cliIndicators(FILES, ['--filter', `cases.dept_name=${picked}`, '--by', 'channel']),
      cliIndicators(FILES, ['--filter', `cases.dept_name=${picked}`, '--period', 'month']),
    ]);
    await expectTiles(page, filtered);
    expect(filtered.indicators.find((i) => i.key === 'case.online_apply_rate')?.denominator).toBeLessThan(
      cli.indicators.find((i) => i.key === 'case.online_apply_rate')?.denominator ?? 0,
    );
    // The channel chart counts the department's cases; the trend is the department's, month by month.
    type Group = {
      key: string;
      denominator: number | null;
      value: number | null;
      group?: { value?: string; period?: string };
    };
    const groups = (r: RunSummary) =>
      ((r as unknown as { groups: Group[] }).groups ?? []).filter((g) => g.key === 'case.online_apply_rate');
    const channelRows = groups(byChannel).map((g) => [
      enumLabel('cases', 'apply_channel', g.group?.value ?? '', 'zh'),
      fmt(g.denominator ?? 0),
    ]);
    await expect
      .poll(() => tableRows(page, 'bar-chart[data-panel="channel"]'), { timeout: 30_000 })
      .toEqual(channelRows);
    const trendRows = groups(byMonth).map((g) => {
      const [y, m] = (g.group?.period ?? '').split('-');
      return [`${y}年${Number(m)}月`, g.value === null ? '–' : percent(g.value, 'zh-CN')];
    });
    await expect
      .poll(() => tableRows(page, 'line-chart[data-panel="trend"]'), { timeout: 30_000 })
      .toEqual(trendRows);
    // The department chart is not filtered by its own pick: every department stays, the picked one pressed.
    expect(await dept.locator('svg .bar[aria-pressed="true"]').count()).toBe(1);
    expect(await dept.locator('svg .bar').count()).toBeGreaterThan(5);

    // Brush three months by keyboard on the trend: Enter picks a month, Shift+ArrowRight extends the range.
    const months = groups(byMonth).map((g) => g.group?.period ?? '');
    const dots = page.locator('assessment-line-chart[data-panel="trend"] svg circle[data-index]');
    await dots.first().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const range = `${months[3]}..${months[5]}`;
    await expect
      .poll(() => new URL(page.url()).searchParams.get('ad'), { timeout: 30_000 })
      .toContain(`all.month:${range}`);
    const [both, deptsInRange] = await Promise.all([
      cliIndicators(FILES, ['--filter', `cases.dept_name=${picked}`, '--month', range]),
      cliIndicators(FILES, ['--month', range, '--by', 'dept']),
    ]);
    await expectTiles(page, both);
    const deptRows = groups(deptsInRange)
      .filter((g) => (g.denominator ?? 0) > 0)
      .sort(
        (a, b) =>
          (b.denominator ?? 0) - (a.denominator ?? 0) ||
          ((a.group?.value ?? '') < (b.group?.value ?? '') ? -1 : 1),
      )
      .map((g) => [g.group?.value ?? '', fmt(g.denominator ?? 0)]);
    const shownDepts = (await tableRows(page, 'bar-chart[data-panel="dept"]')).filter(([, v]) => v !== '0');
    expect(new Set(shownDepts.map(([d]) => d))).toEqual(new Set(deptRows.map(([d]) => d)));
    for (const [d, v] of deptRows) expect(shownDepts.find(([x]) => x === d)?.[1]).toBe(v);
    expect(await chip.count()).toBe(2);

    // The URL round-trips: a fresh page at this address shows the same filters and numbers.
    const url = page.url();
    const again = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await again.goto(url);
    await again.locator('assessment-kpi-tile [data-key]').first().waitFor({ timeout: 120_000 });
    await expectTiles(again, both);
    expect(await again.locator('assessment-dashboard .chip').count()).toBe(2);
    await again.close();

    // Removing both chips brings back the whole data's numbers.
    await chip.first().click();
    await chip.first().click();
    await expectTiles(page, cli);
    await page.close();
  });
});

describe('remote engine (engine="…" → assessment-dashboard serve)', () => {
  let served: ServedData;
  beforeAll(async () => {
    // The page and the query server are different origins, as on a real portal: CORS names the page.
    served = await serveSample();
    const html = (await readFile(join(site, 'index.html'), 'utf8')).replace(
      /<assessment-dashboard[^>]*>/,
      `<assessment-dashboard engine="${served.server.url}">`,
    );
    await writeFile(join(site, 'remote.html'), html);
  });
  afterAll(() => served?.close());
  const serveSample = (port = 0) =>
    serveFiles([join(ROOT, 'data/cases.csv'), join(ROOT, 'data/disclosures.csv')], {
      cors: [new URL(server.url).origin],
      port,
    });

  it('shows the same numbers as the CLI without downloading DuckDB-WASM or the files', async () => {
    const { page, requests } = await openDemo('remote.html');
    const shown = await page
      .locator('assessment-kpi-tile [data-key]')
      .evaluateAll((els) =>
        els.map((e) => ({ key: e.getAttribute('data-key'), value: Number(e.getAttribute('data-value')) })),
      );
    expect(shown.length).toBe(DEFAULT_TILES.length);
    for (const s of shown) expect(s.value).toBe(cli.indicators.find((i) => i.key === s.key)?.value);
    const bars = await page.locator('assessment-bar-chart[data-panel="domain"] svg .bar').count();
    expect(bars).toBe(cli.indicators.find((i) => i.key === 'foi.volume_by_domain')?.breakdown?.length);
    expect(requests.some((u) => u.endsWith('.wasm') || u.endsWith('.csv'))).toBe(false);
    expect(requests.some((u) => u.startsWith(served.server.url))).toBe(true);
    const host = new URL(served.server.url).host;
    // Said on the folded import-details line, where a local load says how many rows it read.
    expect(
      await page.locator('assessment-dashboard .import-details summary', { hasText: host }).count(),
    ).toBe(1);
    await page.close();
  });

  it('says so when the query server goes away while the page is open, and Retry recovers once it is back', async () => {
    const { page } = await openDemo('remote.html');
    const before = await page
      .locator('assessment-kpi-tile [data-key]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-value')]));
    const url = served.server.url;
    await served.close();
    // A filter the cubes are not split by needs the server (`select` is the element's public API).
    await page.evaluate(() => {
      const el = document.querySelector('assessment-dashboard') as HTMLElement & {
        select(s: { dataset: string; column: string; value: string; label: string }[]): Promise<void>;
      };
      void el.select([
        { dataset: 'cases', column: 'item_name', value: '不存在的事项', label: '不存在的事项' },
      ]);
    });
    const alert = page.locator('assessment-dashboard [role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    const host = new URL(url).host;
    expect(await alert.locator('h3').textContent()).toBe(
      `查询服务器 ${host} 未能应答。服务器恢复后点击“重试”。`,
    );
    expect(await alert.textContent()).toContain(`Cannot reach the query server ${url}`);
    // Nothing half-updated stays on screen: the error replaces the panels.
    expect(await page.locator('assessment-kpi-tile').count()).toBe(0);
    // The server comes back on the same port (a restart); Retry loads the page's numbers again.
    served = await serveSample(Number(new URL(url).port));
    await alert.getByRole('button', { name: '重试' }).click();
    await page.locator('assessment-kpi-tile [data-key]').first().waitFor({ timeout: 120_000 });
    const after = await page
      .locator('assessment-kpi-tile [data-key]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-value')]));
    expect(after).toEqual(before);
    await page.close();
  }, 240_000);
});
