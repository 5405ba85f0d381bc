import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type StaticServer } from '../packages/cli/src/static-server.ts';
import { buildSite } from '../scripts/site.mjs';
import { buildBundle, launchChromium, ROOT } from './helpers.ts';
import { openDashboard, resizeDashboard } from './layout-probes.ts';

/**
 * Screenshots of the demo dashboard (sample data) at a phone's 360 px, a tablet's 768 px and desktops' 1280 and 1920 px, in Chinese and
 * English, kept in test-results/screenshots/ (gitignored) as artifacts for reviewers. Each must be a real
 * picture of a loaded dashboard, the page must not scroll sideways, and axe-core (WCAG 2.1 A and AA, open
 * shadow roots included) must find nothing on the loaded dashboard at that width. Each language's page is
 * loaded once, at the phone's width, and then widened as a window is (resizeDashboard).
 */
const OUT = join(ROOT, 'test-results/screenshots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await buildBundle();
  site = await buildSite(await mkdtemp(join(tmpdir(), 'ad-shots-')));
  server = await preview(site, 0, '127.0.0.1', '/');
  browser = await launchChromium();
  await mkdir(OUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('demo dashboard screenshots', () => {
  for (const [lang, page] of [
    ['zh', 'index.html'],
    ['en', 'en.html'],
  ] as const) {
    describe(lang, () => {
      let p: Page | undefined;
      afterAll(() => p?.close());
      for (const width of [360, 768, 1280, 1920]) {
        it(`${lang} at ${width} px: loaded, no sideways scrolling, saved as a PNG, axe-core 0`, async () => {
          if (!p) p = await openDashboard(browser, `${server.url}${page}`, width);
          else await resizeDashboard(p, width);
          await checkAt(p, lang, width);
        }, 240_000);
      }
    });
  }
});

async function checkAt(p: Page, lang: string, width: number): Promise<void> {
  const layout = await p.evaluate(() => {
    const el = document.querySelector('assessment-dashboard') as HTMLElement;
    return {
      pageScroll: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      elScroll: el.scrollWidth,
      elClient: el.clientWidth,
      tiles: el.shadowRoot?.querySelectorAll('assessment-kpi-tile').length ?? 0,
    };
  });
  expect(layout.viewport).toBe(width);
  expect(layout.pageScroll).toBeLessThanOrEqual(layout.viewport);
  expect(layout.elScroll).toBeLessThanOrEqual(layout.elClient);
  expect(layout.tiles).toBeGreaterThanOrEqual(4);
  // Tile numbers are on screen, not cut off: each value lies within the viewport horizontally.
  const values = await p.locator('assessment-kpi-tile p.value').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right };
    }),
  );
  for (const v of values) {
    expect(v.left).toBeGreaterThanOrEqual(0);
    expect(v.right).toBeLessThanOrEqual(width);
  }

  const file = join(OUT, `dashboard-${lang}-${width}.png`);
  await p.screenshot({ path: file, fullPage: true });
  const bytes = await readFile(file);
  const size = pngSize(bytes);
  expect(size.width).toBe(width);
  expect(size.height).toBeGreaterThan(900);
  expect(bytes.length).toBeGreaterThan(30_000);

  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const result = await axe.run(document.querySelector('assessment-dashboard') as Element, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${v.help} — ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`),
    );
  });
  expect(violations).toEqual([]);
}
