import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../packages/cli/src/static-server.ts';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../fixtures/small.ts';
import { launchChromium } from '../helpers.ts';
import { buildPrivateSite, loadOutcome, recordOutcomes, type Site, serve, waitForTiles } from './site.ts';

/**
 * "The data never leaves the browser": every request the page makes while it loads, filters, takes dropped
 * files, downloads the ledger and prints goes to the site's own origin (or is a blob:/data: URL), is a GET,
 * and carries no file contents.
 */
const MOUNT = '/gov/portal/zwgk/';
/** A value that only exists inside the local files; it must never show up in any request. */
const MARKER = 'EGRESS甲局7f3a9c';
const LOCAL_CASES = `${SMALL_CASES.replaceAll('甲局', MARKER)}C11,${MARKER},窗口,not a date,,,,,否,已申报\n`;
const LOCAL_DISCLOSURES = SMALL_DISCLOSURES.replace('D1,a,', `D1,${MARKER},`);

interface Sent {
  url: string;
  method: string;
  body: string | null;
  type: string;
}

let site: Site;
let server: StaticServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await buildPrivateSite();
  server = await serve(site.dir, MOUNT);
  origin = new URL(server.url).origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

async function recordingPage(): Promise<{ page: Page; sent: Sent[]; sockets: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const sent: Sent[] = [];
  const sockets: string[] = [];
  page.on('request', (r) =>
    sent.push({ url: r.url(), method: r.method(), body: r.postData(), type: r.resourceType() }),
  );
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await recordOutcomes(page);
  return { page, sent, sockets };
}

/** Everything the page sent, checked against the egress rules. */
function expectNoEgress(sent: Sent[], sockets: string[]) {
  expect(sent.length).toBeGreaterThan(0);
  const foreign = sent.filter(
    (r) => !(r.url.startsWith('blob:') || r.url.startsWith('data:') || new URL(r.url).origin === origin),
  );
  expect(foreign).toEqual([]);
  expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(sent.filter((r) => r.body !== null)).toEqual([]);
  expect(sent.filter((r) => decodeURIComponent(r.url).includes(MARKER) || r.url.includes(MARKER))).toEqual(
    [],
  );
  // Same-origin GETs go only to the site's own folder (the element, its engine, the demo's data).
  const own = sent.filter((r) => r.url.startsWith(origin));
  expect(own.filter((r) => !r.url.startsWith(server.url))).toEqual([]);
  expect(sockets).toEqual([]);
}

/** Builds Files inside the page (as a user's picker would) from the local exports. */
const makeFiles = `[
  new File([${JSON.stringify(LOCAL_CASES)}], 'local-cases.csv', { type: 'text/csv' }),
  new File([${JSON.stringify(LOCAL_DISCLOSURES)}], 'local-disclosures.csv', { type: 'text/csv' }),
]`;

describe('no data leaves the browser', () => {
  it('load, filter, loadFiles, ledger download and print make only same-origin GETs', async () => {
    const { page, sent, sockets } = await recordingPage();
    await page.goto(`${server.url}index.html`);
    await waitForTiles(page);
    const loadRequests = sent.length;

    // Filtering: pick a bar in the domain chart; the panels recompute in the browser.
    const before = await page.locator('[data-key="case.online_apply_rate"]').textContent();
    await page.locator('assessment-bar-chart[data-panel="domain"] svg .bar').first().click();
    await page.locator('assessment-dashboard .chip').first().waitFor();
    await page.locator('assessment-dashboard .chip').first().click();
    await expect.poll(() => page.locator('assessment-dashboard .chip').count()).toBe(0);
    expect(await page.locator('[data-key="case.online_apply_rate"]').textContent()).toBe(before);

    // Local files through the public API, as the drop zone and the picker do. C11 has an unparseable
    // required date: it is rejected (so the rate stays 6/10) and listed in the ledger.
    const outcome = await loadOutcome(page, () =>
      page.evaluate(
        `document.querySelector('assessment-dashboard').loadFiles(${makeFiles}).then(() => undefined)`,
      ),
    );
    expect(outcome).toBe('ready');
    await waitForTiles(page);
    await expect
      .poll(() => page.locator('[data-key="case.online_apply_rate"]').getAttribute('data-value'))
      .toBe(String(6 / 10));

    // The ledger download: a blob: URL made in the page, holding the rejected row.
    // The report opens by itself since a row was rejected.
    const details = page.locator('assessment-import-report details');
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('assessment-import-report button').click(),
    ]);
    expect(download.suggestedFilename()).toBe('import-ledger.csv');
    expect(download.url()).toMatch(/^blob:/);
    // The rejected cell is in the ledger, masked like a name (it holds no digit: a shifted row may put one there).
    expect(await readFile(await download.path(), 'utf8')).toMatch(/,unparseable_datetime,reject,n\*{9}\r?\n/);

    // Printing (print styles, re-layout, chart redraw on resize).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.waitForTimeout(500);
    await page.emulateMedia({ media: 'screen' });

    expect(sent.length).toBeGreaterThanOrEqual(loadRequests);
    expect(sent.some((r) => r.url.endsWith('/duckdb/duckdb-eh.wasm'))).toBe(true);
    expectNoEgress(sent, sockets);
    await page.close();
  });

  it('a file dropped on the drop zone is read locally', async () => {
    const { page, sent, sockets } = await recordingPage();
    await page.goto(`${server.url}analyst.html`);
    await page.locator('assessment-dashboard [part="dropzone"]').waitFor();
    const outcome = await loadOutcome(page, () =>
      page.evaluate(`(() => {
        const dt = new DataTransfer();
        for (const f of ${makeFiles}) dt.items.add(f);
        const zone = document.querySelector('assessment-dashboard').shadowRoot.querySelector('.drop');
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      })()`),
    );
    expect(outcome).toBe('ready');
    await waitForTiles(page);
    expect(await page.locator('[data-key="case.online_apply_rate"]').getAttribute('data-value')).toBe(
      String(6 / 10),
    );
    // Only the page, its stylesheet and the element's own files: no data URL at all, nothing sent.
    expect(sent.filter((r) => r.url.endsWith('.csv'))).toEqual([]);
    expectNoEgress(sent, sockets);
    await page.close();
  });

  it('would notice a leak (the recorder sees cross-origin and POST requests)', async () => {
    const { page, sent, sockets } = await recordingPage();
    await page.goto(`${server.url}analyst.html`);
    await page.evaluate(async (marker) => {
      const post = (url: string) => fetch(url, { method: 'POST', body: marker }).catch(() => undefined);
      await Promise.all([post('http://127.0.0.2:9/upload'), post(`${location.origin}/upload`)]);
    }, MARKER);
    await expect.poll(() => sent.filter((r) => r.method === 'POST').length).toBe(2);
    expect(() => expectNoEgress(sent, sockets)).toThrow();
    expect(() =>
      expectNoEgress(
        sent.filter((r) => !r.url.startsWith('http://127.0.0.2')),
        sockets,
      ),
    ).toThrow();
    await page.close();
  });

  it('loads a local file whose name contains % # ? (names are used as they are, not URL-decoded)', async () => {
    const { page } = await recordingPage();
    await page.goto(`${server.url}analyst.html`);
    const out = await loadOutcome(page, () =>
      page.evaluate(async (t) => {
        const el = document.querySelector('assessment-dashboard') as unknown as {
          loadFiles(f: File[]): Promise<void>;
        };
        await el.loadFiles([new File([t], 'Q1 100% #2?.csv')]);
      }, SMALL_CASES),
    );
    expect(out).toBe('ready');
    const file = await page
      .locator('assessment-dashboard')
      .evaluate((el) => (el as unknown as { imports: { file: string }[] }).imports[0]?.file);
    expect(file).toBe('Q1 100% #2?.csv');
    await page.close();
  });
});
