import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../packages/cli/src/static-server.ts';
import {
  HOSTILE,
  HOSTILE_HEADERS,
  HOSTILE_KEYS,
  HOSTILE_VALUES,
  hostileBadMapping,
  hostileCases,
  hostileDisclosures,
  hostileHeadersOnly,
  hostileMapping,
  hostileReceipts,
  hostileSteps,
} from '../fixtures/hostile.ts';
import { launchChromium, ROOT } from '../helpers.ts';
import {
  buildPrivateSite,
  loadOutcome,
  nthOutcome,
  recordOutcomes,
  type Site,
  serve,
  waitForTiles,
} from './site.ts';

/**
 * Exports are untrusted input: every string from a file (values, headers, file names) and from a mapping
 * file must be shown as text, never interpreted as markup, script or a link. Each payload in the corpus
 * sets `window.__pwned` and opens a dialog if it ever runs.
 */
/** The cases file is served under a hostile name: the name is shown in the import report. */
const CASES_FILE = `${HOSTILE.img}.csv`;
const bad = Object.fromEntries(
  HOSTILE_KEYS.map((k) => [`hostile/bad-${k}.json`, JSON.stringify(hostileBadMapping(k))]),
);

let site: Site;
let server: StaticServer;
let browser: Browser;

/** The demo page with its `<assessment-dashboard>` attributes pointed at the hostile files. */
function demoWith(demo: string, attrs: Record<string, string>): string {
  const tag = /<assessment-dashboard src="data\/cases.csv"[^>]*>/;
  if (!tag.test(demo)) throw new Error('demo/index.html no longer has the expected dashboard tag');
  const html = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
    .join('');
  return demo.replace(tag, () => `<assessment-dashboard${html}>`);
}

const SOURCES = {
  src: `hostile/${encodeURIComponent(CASES_FILE)}`,
  disclosures: 'hostile/disclosures.csv',
  steps: 'hostile/steps.csv',
  receipts: 'hostile/receipts.csv',
};

beforeAll(async () => {
  const demo = await readFile(join(ROOT, 'demo/index.html'), 'utf8');
  site = await buildPrivateSite({
    'hostile.html': demoWith(demo, SOURCES),
    'hostile-mapped.html': demoWith(demo, { ...SOURCES, mapping: 'hostile/mapping.json' }),
    [`hostile/${CASES_FILE}`]: hostileCases(),
    'hostile/disclosures.csv': hostileDisclosures(),
    'hostile/steps.csv': hostileSteps(),
    'hostile/receipts.csv': hostileReceipts(),
    'hostile/mapping.json': JSON.stringify(hostileMapping()),
    ...bad,
  });
  server = await serve(site.dir, '/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

/**
 * A page of the site with dialogs recorded (and dismissed) and load outcomes recorded. `hostile*.html` are
 * the demo page with other attributes; `analyst.html` is the demo's drop-zone page (nothing loaded yet).
 */
async function open(path: string): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const dialogs: string[] = [];
  page.on('dialog', (d: Dialog) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  await recordOutcomes(page);
  await page.goto(`${server.url}${path}`);
  return { page, dialogs };
}

const setAttributes = (page: Page, attrs: Record<string, string | null>) =>
  page.evaluate((a) => {
    const el = document.querySelector('assessment-dashboard');
    for (const [k, v] of Object.entries(a)) {
      if (v === null) el?.removeAttribute(k);
      else el?.setAttribute(k, v);
    }
  }, attrs);

/** Loads files built inside the page (as the drop zone does) through the public `loadFiles`. */
const loadFiles = (page: Page, files: { name: string; text: string }[]) =>
  page.evaluate(async (fs) => {
    const el = document.querySelector('assessment-dashboard') as unknown as {
      loadFiles(files: File[]): Promise<void>;
    };
    await el.loadFiles(fs.map((f) => new File([f.text], f.name, { type: 'text/csv' })));
  }, files);

/** Text of an element inside the dashboard's shadow root (including nested shadow roots). */
const shadowText = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const text = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
      const el = n as Element;
      const kids = [...(el.shadowRoot?.childNodes ?? []), ...n.childNodes];
      return kids.map(text).join('');
    };
    const host = document.querySelector('assessment-dashboard')?.shadowRoot?.querySelector(sel);
    return host ? text(host) : '';
  }, selector);

/** Nothing ran, nothing was parsed into markup: no flag, no dialog, no frame, no handler, no script URL. */
async function expectInert(page: Page, dialogs: string[]) {
  await page.waitForTimeout(200);
  for (const frame of page.frames()) {
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  }
  expect(page.frames()).toHaveLength(1);
  expect(dialogs).toEqual([]);
  expect(new URL(page.url()).origin).toBe(new URL(server.url).origin);
  expect(page.url()).toMatch(/\/(hostile[\w-]*|analyst)\.html$/);
  const injected = await page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot, inShadow: boolean) => {
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) found.push(`${el.tagName}[${a.name}]`);
          if (/^\s*javascript:/i.test(a.value) && /href|src|action|formaction/i.test(a.name)) {
            found.push(`${el.tagName}[${a.name}=${a.value.slice(0, 40)}]`);
          }
        }
        if (inShadow && /^(IMG|SCRIPT|IFRAME|OBJECT|EMBED|B)$/.test(el.tagName)) found.push(el.tagName);
        if (el.shadowRoot) walk(el.shadowRoot, true);
      }
    };
    walk(document, false);
    return found;
  });
  expect(injected).toEqual([]);
}

/** Hovers every bar and tile, picks a bar by keyboard and clears it, opens the chart table. */
async function poke(page: Page) {
  const bars = page.locator('assessment-bar-chart[data-panel="domain"] svg .bar');
  const n = await bars.count();
  // The bar itself (its rect): a narrow bar's row centre can fall in the gap between its label and the bar.
  for (let i = 0; i < n; i++) await bars.nth(i).locator('rect').hover();
  if (n > 0) {
    await bars.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
  }
  const tiles = page.locator('assessment-kpi-tile article');
  for (let i = 0; i < (await tiles.count()); i++) await tiles.nth(i).hover();
  const tables = page.locator('assessment-bar-chart summary');
  if (await tables.count()) await tables.first().click();
}

async function openReport(page: Page) {
  // The report sits in the dashboard's folded import details: unfold those first.
  const folded = page.locator('assessment-dashboard details.import-details');
  if (!(await folded.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await page.locator('assessment-dashboard .import-details > summary').click();
  }
  const details = page.locator('assessment-import-report details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await page.locator('assessment-import-report summary').click();
  }
}

describe('hostile strings in exports and mapping files stay text', () => {
  it('served files (src, disclosures): values, codes, headers, file name shown literally', async () => {
    const { page, dialogs } = await open('hostile.html');
    expect(await nthOutcome(page, 1)).toBe('ready');
    await waitForTiles(page);
    await openReport(page);
    const report = await shadowText(page, 'assessment-import-report');
    // The file name (report's file column), unknown codes ("unrecognised values") and rejected values
    // (ledger entries) all arrive as text.
    expect(report).toContain(CASES_FILE);
    for (const h of HOSTILE_VALUES) expect(report).toContain(h);
    // Unknown disclosure domains are listed as unrecognised values of the disclosures file.
    const unmapped = await page
      .locator('assessment-import-report li')
      .evaluateAll((lis) => lis.map((li) => li.textContent ?? ''));
    const domainLine = unmapped.find((t) => t.startsWith('disclosures.csv') && t.includes('domain'));
    for (const h of HOSTILE_VALUES) expect(domainLine).toContain(h);
    // Hostile headers are unknown columns, kept (not dropped, not interpreted).
    const unknown = await page.evaluate(() =>
      (
        document.querySelector('assessment-dashboard') as unknown as { imports: { unknown: string[] }[] }
      ).imports.map((i) => i.unknown),
    );
    for (const cols of unknown) expect(cols).toEqual(expect.arrayContaining([...HOSTILE_HEADERS]));
    // Supervision findings list hostile case ids, step names and payment references as text.
    await page.locator('assessment-supervision table').first().waitFor({ timeout: 60_000 });
    const supervision = await shadowText(page, 'assessment-supervision');
    for (const h of HOSTILE_VALUES) expect(supervision).toContain(h);
    await poke(page);
    await expectInert(page, dialogs);

    // The full ledger download: formula cells are neutralised, markup is left as plain text.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('assessment-import-report button').click(),
    ]);
    const ledger = await readFile(await download.path(), 'utf8');
    expect(ledger).toContain(`"'${HOSTILE.formula.replaceAll('"', '""')}"`);
    expect(ledger).not.toMatch(/(^|,)=HYPERLINK/m);
    await expectInert(page, dialogs);
    await page.close();
  });

  it('a mapping file with hostile keys and values is applied, and its values stay text', async () => {
    const { page, dialogs } = await open('hostile-mapped.html');
    expect(await nthOutcome(page, 1)).toBe('ready');
    const imports = await page.evaluate(() =>
      (
        document.querySelector('assessment-dashboard') as unknown as {
          imports: { dataset: string; unmappedValues: Record<string, { value: string }[]> }[];
        }
      ).imports.map((i) => ({ dataset: i.dataset, unmapped: i.unmappedValues })),
    );
    const cases = imports.find((i) => i.dataset === 'cases');
    const channels = (cases?.unmapped.apply_channel ?? []).map((v) => v.value);
    // Recoded by the mapping (hostile keys matched literally), so no longer unrecognised ...
    expect(channels).not.toContain(HOSTILE.img);
    expect(channels).not.toContain(HOSTILE.svg);
    // ... while the rest still are, shown as text.
    expect(channels).toContain(HOSTILE.script);
    await openReport(page);
    expect(await shadowText(page, 'assessment-import-report')).toContain(HOSTILE.script);
    await poke(page);
    await expectInert(page, dialogs);
    await page.close();
  });

  it('errors in a mapping file quote the hostile key as text', async () => {
    const { page, dialogs } = await open('analyst.html');
    for (const k of HOSTILE_KEYS) {
      const outcome = await loadOutcome(page, () =>
        setAttributes(page, {
          mapping: `hostile/bad-${k}.json`,
          src: `hostile/${encodeURIComponent(CASES_FILE)}`,
        }),
      );
      expect(outcome).toMatch(/^error: /);
      const alert = await shadowText(page, '[role="alert"]');
      expect(alert).toContain(`unknown key "${HOSTILE[k]}"`);
      await expectInert(page, dialogs);
    }
    await page.close();
  });

  it('dropped files (loadFiles) with hostile names, values and headers', async () => {
    const { page, dialogs } = await open('analyst.html');
    const outcome = await loadOutcome(page, () =>
      loadFiles(page, [
        { name: `${HOSTILE.svg}.csv`, text: hostileCases() },
        { name: `${HOSTILE.rtl}.csv`, text: hostileDisclosures() },
      ]),
    );
    expect(outcome).toBe('ready');
    await waitForTiles(page);
    await openReport(page);
    const report = await shadowText(page, 'assessment-import-report');
    expect(report).toContain(`${HOSTILE.svg}.csv`);
    expect(report).toContain(`${HOSTILE.rtl}.csv`);
    for (const h of HOSTILE_VALUES) expect(report).toContain(h);
    // The ledger table's value cells hold the rejected dates as they were in the file, except values without a
    // digit: in a date column those may be a shifted name, so the ledger keeps them masked (ledger-mask.ts).
    const cells = await page
      .locator('assessment-import-report td.value')
      .evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
    const masked = (h: string) => {
      const m = `${h[0]}${'*'.repeat(h.length - 1)}`;
      return m.length > 200 ? `${m.slice(0, 200)}…` : m;
    };
    for (const h of HOSTILE_VALUES) expect(cells).toContain(/[0-9]/.test(h) ? h : masked(h));
    await poke(page);
    await expectInert(page, dialogs);
    await page.close();
  });

  it('the column-mapping screen for a file with only hostile headers', async () => {
    const { page, dialogs } = await open('analyst.html');
    // A local file name cannot hold '/', so not the iframe payload (it closes its tags).
    const name = `${HOSTILE.img}${HOSTILE.rtl}.csv`;
    await loadFiles(page, [{ name, text: hostileHeadersOnly() }]);
    const mapper = page.locator('assessment-column-mapper');
    await mapper.locator('form').waitFor({ timeout: 120_000 });
    const title = await mapper.locator('h3').textContent();
    expect(title).toContain(name);
    // Every select offers the hostile headers as option text.
    const options = await mapper
      .locator('select[id^="f-"]')
      .first()
      .locator('option')
      .evaluateAll((os) =>
        os.map((o) => ({ text: o.textContent ?? '', value: (o as HTMLOptionElement).value })),
      );
    expect(options.slice(1)).toEqual(HOSTILE_HEADERS.map((h) => ({ text: h, value: h })));
    // Picking a hostile header shows its hostile sample values as text.
    for (let i = 0; i < HOSTILE_HEADERS.length; i++) {
      const header = HOSTILE_HEADERS[i] ?? '';
      await mapper.locator('select[id^="f-"]').first().selectOption({ value: header });
      await expect
        .poll(() => mapper.locator('td.samples').first().textContent())
        .toContain(HOSTILE_VALUES[i] ?? '');
    }
    // The downloadable mapping keeps the header byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      mapper.locator('button[type="button"]').click(),
    ]);
    const json = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      columns: Record<string, string>;
    };
    expect(Object.values(json.columns)).toContain(HOSTILE_HEADERS.at(-1));
    await mapper.locator('select[id^="f-"]').first().focus();
    await expectInert(page, dialogs);
    await page.close();
  });

  it('the corpus is live: parsed as HTML, its payloads would run and be caught', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => {});
    });
    await page.goto(`${server.url}demo.css`);
    await page.setContent('<!doctype html><body></body>');
    await page.evaluate(
      (hs) => {
        for (const h of hs) document.body.insertAdjacentHTML('beforeend', h);
      },
      [HOSTILE.img, HOSTILE.svg, HOSTILE.iframe],
    );
    await expect.poll(() => dialogs.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe(1);
    await page.close();
  });
});
