import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../packages/cli/src/static-server.ts';
import { launchChromium } from '../helpers.ts';
import { buildPrivateSite, type Site, serve, waitForTiles } from './site.ts';

/**
 * A strict host-page Content-Security-Policy, as a government site would send it: no inline script or style,
 * nothing from another origin. The built element must load its bundle, start DuckDB-WASM (worker + wasm) and
 * draw tiles and charts without a single violation.
 */
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'";

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

let site: Site;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildPrivateSite();
  server = await serve(site.dir, '/', { 'Content-Security-Policy': CSP });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

/** A page that records CSP violation events (on window) and CSP console messages (page and workers). */
async function recordingPage(): Promise<{ page: Page; console: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: Violation[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        sample: e.sample,
      }),
    );
  });
  const console: string[] = [];
  const onMessage = (text: string) => {
    if (/Content[- ]Security[- ]Policy/i.test(text)) console.push(text);
  };
  page.on('console', (m) => onMessage(m.text()));
  page.on('worker', (w) => w.on('console', (m) => onMessage(`[worker] ${m.text()}`)));
  return { page, console };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);

describe('strict Content-Security-Policy on the host page', () => {
  it('loads the demo with zero CSP violations', async () => {
    const { page, console } = await recordingPage();
    const responses: { url: string; csp: string | undefined }[] = [];
    page.on('response', (r) => responses.push({ url: r.url(), csp: r.headers()['content-security-policy'] }));
    const res = await page.goto(`${server.url}index.html`);
    expect(res?.headers()['content-security-policy']).toBe(CSP);
    await waitForTiles(page);
    await page.locator('assessment-bar-chart[data-panel="domain"] svg .bar').first().waitFor();
    // Interact the way a visitor would: open the import report and the chart's table, pick a bar.
    await page.locator('assessment-dashboard .import-details > summary').click();
    await page.locator('assessment-import-report summary').click();
    await page.locator('assessment-bar-chart[data-panel="domain"] summary').click();
    await page.locator('assessment-bar-chart[data-panel="domain"] svg .bar').first().click();
    await page.locator('assessment-dashboard .chip').first().waitFor();
    await page.locator('assessment-bar-chart[data-panel="domain"] svg .bar rect').nth(1).hover();
    await page.waitForTimeout(300);

    expect(await violations(page)).toEqual([]);
    expect(console).toEqual([]);
    // Every response carried the policy, the worker script and the wasm included (they ran under it too).
    expect(responses.filter((r) => r.csp !== CSP)).toEqual([]);
    const engine = /duckdb-eh\.wasm$|duckdb-browser-eh\.worker\.js$|\/data\/\w+\.csv$/;
    // wasm, worker and the demo's four data files (cases, disclosures, process steps, receipts), plus the
    // element's check of the wasm's first bytes (status, MIME type, magic number) before the worker compiles it
    const urls = responses.filter((r) => engine.test(r.url)).map((r) => r.url.replace(/^.*\//, ''));
    expect(urls.sort()).toEqual(
      [
        'cases.csv',
        'disclosures.csv',
        'duckdb-browser-eh.worker.js',
        'duckdb-eh.wasm',
        'duckdb-eh.wasm',
        'receipts.csv',
        'steps.csv',
      ].sort(),
    );
    await page.close();
  });

  it('would notice a violation (the recorders are live)', async () => {
    const { page, console } = await recordingPage();
    await page.goto(`${server.url}index.html`);
    await page.evaluate(() => {
      document.body.setAttribute('style', 'outline: 1px solid red');
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1;';
      document.body.append(s);
    });
    await expect
      .poll(async () => (await violations(page)).map((v) => v.directive).sort())
      .toEqual(['script-src-elem', 'style-src-attr']);
    await expect.poll(() => console.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    await page.close();
  });
});
