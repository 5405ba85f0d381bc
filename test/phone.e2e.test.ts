import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type StaticServer } from '../packages/cli/src/static-server.ts';
import { buildSite } from '../scripts/site.mjs';
import { buildBundle, launchChromium } from './helpers.ts';
import { findClipped, openDashboard, resizeDashboard } from './layout-probes.ts';

/**
 * Phones: on the demo dashboard (sample data) at 360 and 414 px, in Chinese and English, nothing is cut
 * off sideways. Every element, inside every shadow root, fits its box, or is a declared scroller (a table
 * that scrolls sideways with its first column kept in view, reachable by keyboard); no text ends in "…";
 * the daily calendar is a compact month strip. The drill-down's case list (opened from a department and
 * one of its items) is probed too: its times and names must fit their columns.
 */
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await buildBundle();
  site = await buildSite(await mkdtemp(join(tmpdir(), 'ad-phone-')));
  server = await preview(site, 0, '127.0.0.1', '/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

/** Opens the first department, then its first item: the case list. */
async function openCaseList(p: Page) {
  // Generous waits: right after the first paint the engine is still building the indicator cubes, and the
  // e2e files run side by side on a small machine.
  await p.locator('assessment-item-breakdown tbody button').first().click({ timeout: 120_000 });
  // The item rows (they have a code cell): until they are loaded the department rows are still shown.
  await p.locator('assessment-item-breakdown tbody td.code').first().waitFor({ timeout: 120_000 });
  await p.locator('assessment-item-breakdown tbody th button').first().click({ timeout: 120_000 });
  await p.locator('assessment-case-list tbody tr[aria-rowindex] th').first().waitFor({ timeout: 180_000 });
  await p.waitForTimeout(300);
}

describe('phone layout: nothing clipped', () => {
  for (const [lang, page] of [
    ['zh', 'index.html'],
    ['en', 'en.html'],
  ] as const) {
    describe(lang, () => {
      // One load per language: 414 px first, then turned to 360 px (resizeDashboard), where the case list
      // is opened last (it changes what the page shows).
      let p: Page | undefined;
      afterAll(() => p?.close());

      it(`${lang} at 414 px`, async () => {
        p = await openDashboard(browser, `${server.url}${page}`, 414);
        await checkTop(p);
      }, 420_000);

      it(`${lang} at 360 px, and its case list`, async () => {
        if (!p) p = await openDashboard(browser, `${server.url}${page}`, 360);
        else await resizeDashboard(p, 360);
        await checkTop(p);
        await openCaseList(p);
        expect(await p.evaluate(findClipped)).toEqual([]);
      }, 420_000);
    });
  }
});

/** The dashboard's first view at a phone's width: nothing clipped, the wide tables scroll, a compact calendar. */
async function checkTop(p: Page): Promise<void> {
  expect(await p.evaluate(findClipped)).toEqual([]);
  // The declared scrollers are the wide tables, and they do scroll here (the probe is not idle).
  const scrollers = await p.evaluate(() => {
    const all: { scrolls: boolean }[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const e of root.querySelectorAll('*')) {
        if (e.shadowRoot) walk(e.shadowRoot);
        if (e.hasAttribute('data-scroller') && e.checkVisibility())
          all.push({ scrolls: e.scrollWidth > e.clientWidth });
      }
    };
    walk(document);
    return all;
  });
  expect(scrollers.filter((s) => s.scrolls).length).toBeGreaterThanOrEqual(2);
  // The calendar is a strip of days per month (two rows each where cells would be too narrow for the
  // 休/班 marks): 24 months of sample data in a quarter of the 4,500 px the month blocks took.
  const calendar = await p.locator('assessment-calendar-heatmap svg[part="chart"]').evaluate((svg) => ({
    strip: svg.classList.contains('strip'),
    height: svg.getBoundingClientRect().height,
    months: svg.querySelectorAll('.month').length,
  }));
  expect(calendar).toMatchObject({ strip: true, months: 24 });
  expect(calendar.height).toBeLessThan(1200);
}
