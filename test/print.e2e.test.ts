import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type StaticServer } from '../packages/cli/src/static-server.ts';
import { buildSite } from '../scripts/site.mjs';
import { buildBundle, launchChromium, ROOT } from './helpers.ts';
import { openDashboard } from './layout-probes.ts';

/**
 * The printed report: the demo dashboard (sample data) printed to an A4 PDF is 2–4 pages (it was 21: every
 * reason expanded, all 500 watch-list rows, every chart); under print media the controls, the import
 * details, the navigation and the drill-down are hidden, the ranking is one line per department and the
 * watch list keeps its 20 most urgent cases. The PDFs are kept in test-results/print/ for reviewers.
 */
const OUT = join(ROOT, 'test-results/print');
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await buildBundle();
  site = await buildSite(await mkdtemp(join(tmpdir(), 'ad-print-')));
  server = await preview(site, 0, '127.0.0.1', '/');
  browser = await launchChromium();
  await mkdir(OUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

/** Page objects of a PDF (`/Type /Page`, not the `/Type /Pages` tree nodes). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

describe('print to A4', () => {
  it('counts pages the way a PDF reader does', () => {
    const pdf = Buffer.from('<< /Type /Pages /Kids [3 0 R 4 0 R] >> << /Type /Page >> << /Type/Page >>');
    expect(pdfPages(pdf)).toBe(2);
  });

  for (const [lang, page] of [
    ['zh', 'index.html'],
    ['en', 'en.html'],
  ] as const) {
    it(`${lang}: 2–4 pages, the report's parts shown and the controls hidden`, async () => {
      const p = await openDashboard(browser, `${server.url}${page}`, 1280);
      try {
        await p.emulateMedia({ media: 'print' });
        const shown = await p.evaluate(() => {
          const root = document.querySelector('assessment-dashboard')?.shadowRoot as ShadowRoot;
          const visible = (e: Element | null | undefined) => !!e?.checkVisibility();
          const count = (root: ParentNode | null | undefined, selector: string) =>
            [...(root?.querySelectorAll(selector) ?? [])].filter((e) => e.checkVisibility()).length;
          const card = root.querySelector('assessment-scorecard')?.shadowRoot;
          const watch = root.querySelector('assessment-watch-list')?.shadowRoot;
          const bar = root.querySelector('assessment-bar-chart');
          return {
            tiles: count(root, 'assessment-kpi-tile'),
            extremes: visible(root.querySelector('[part="extremes"]')),
            ranking: count(card, 'tbody tr:not(.detail)'),
            reasonsExpanded: count(card, 'tr.detail'),
            reasonLines: count(card, 'td.reasons'),
            reasonLineHeight: Math.max(
              ...[...(card?.querySelectorAll('td.reasons') ?? [])].map(
                (e) => e.getBoundingClientRect().height,
              ),
            ),
            firstReason: card?.querySelector('td.reasons')?.textContent ?? '',
            watchRows: count(watch, 'tbody tr'),
            watchNote: watch?.querySelector('.print-only')?.textContent ?? '',
            summaries: count(root, '.band p.meta'),
            barSvg: visible(bar?.shadowRoot?.querySelector('svg')),
            hidden: {
              nav: visible(root.querySelector('.section-nav')),
              importDetails: visible(root.querySelector('details.import-details')),
              tools: count(root, '.tools'),
              buttonsLinks: count(root, 'button.link'),
              drill: visible(root.querySelector('[data-section="detail"]')),
              tableToggles: count(bar?.shadowRoot, 'details'),
              watchPicker: count(watch, 'select'),
            },
          };
        });
        expect(shown.tiles).toBe(4);
        expect(shown.extremes).toBe(true);
        // 30 departments, each one line: its reasons cut to the line, none unfolded.
        expect(shown.ranking).toBe(30);
        expect(shown.reasonsExpanded).toBe(0);
        expect(shown.reasonLines).toBe(30);
        expect(shown.reasonLineHeight).toBeLessThan(24);
        expect(shown.firstReason).toMatch(lang === 'zh' ? /按时办结率 −15/ : /On-time closure rate −15/);
        expect(shown.watchRows).toBe(20);
        expect(shown.watchNote).toContain('1203');
        expect(shown.summaries).toBeGreaterThanOrEqual(4);
        expect(shown.barSvg).toBe(false);
        expect(shown.hidden).toEqual({
          nav: false,
          importDetails: false,
          tools: 0,
          buttonsLinks: 0,
          drill: false,
          tableToggles: 0,
          watchPicker: 0,
        });

        const pdf = await p.pdf({ format: 'A4', printBackground: true });
        await writeFile(join(OUT, `report-${lang}.pdf`), pdf);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const pages = pdfPages(pdf);
        expect(pages).toBeGreaterThanOrEqual(2);
        expect(pages).toBeLessThanOrEqual(4);
      } finally {
        await p.close();
      }
    }, 300_000);
  }
});
