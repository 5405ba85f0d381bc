import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../src/index.ts';

/**
 * Issue 17, item 7: the sample dashboard as the demo page shows it (data/*.csv), walked as the Tab key does.
 * Each chart is one Tab stop (roving focus inside: the arrow keys move between its marks), each table's
 * rows are one stop, and the whole page stays under a small bound. Measured on this data at 1,280 px:
 * 123 stops before (every ranking row, drill-down row and export button was one), 44 after.
 */
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});
beforeAll(() => document.documentElement.setAttribute('lang', 'zh-CN'));

const NATIVE = 'a[href], button, input, select, textarea, summary, [contenteditable="true"]';

/** Whether the Tab key stops at `el`: a tabindex ≥ 0, or natively focusable; enabled and rendered. */
function isTabStop(el: Element): boolean {
  const tabindex = el.getAttribute('tabindex');
  if (tabindex !== null && Number(tabindex) < 0) return false;
  if (tabindex === null && !el.matches(NATIVE)) return false;
  if (el.matches(':disabled') || (el instanceof HTMLInputElement && el.type === 'hidden')) return false;
  // A summary is a stop only as its details' own summary.
  if (el.localName === 'summary' && el.parentElement?.localName !== 'details') return false;
  // Not rendered: display none, visibility hidden, or inside a closed details (across shadow roots).
  return el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
}

/** Every Tab stop under `root`, in tree order, walking into open shadow roots; `owner` is the host chain. */
function tabStops(root: ParentNode, owner: string[] = []): { el: Element; owner: string[] }[] {
  const out: { el: Element; owner: string[] }[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (isTabStop(el)) out.push({ el, owner });
    if (el.shadowRoot) out.push(...tabStops(el.shadowRoot, [...owner, hostName(el)]));
  }
  return out;
}

const hostName = (el: Element) => {
  const panel = el.getAttribute('data-panel');
  return panel ? `${el.localName}[${panel}]` : el.localName;
};

const CHARTS = ['assessment-bar-chart', 'assessment-line-chart', 'assessment-calendar-heatmap'];

describe('Tab stops of the sample dashboard', () => {
  it('one stop per chart, toolbar and table body, at most 49 in all, and a skip link to the sections', async () => {
    const el = document.createElement('assessment-dashboard');
    el.setAttribute('asset-base', ASSETS);
    el.setAttribute('src', '/data/cases.csv');
    el.setAttribute('disclosures', '/data/disclosures.csv');
    el.setAttribute('steps', '/data/steps.csv');
    el.setAttribute('receipts', '/data/receipts.csv');
    el.style.width = '1280px';
    el.style.display = 'block';
    document.body.append(el);
    mounted.push(el);
    const root = el.shadowRoot as ShadowRoot;
    // Wait for the panels that arrive after the first paint: the ranking, the watch list, the calendar.
    await vi.waitFor(
      () => {
        expect(
          root.querySelector('assessment-scorecard')?.shadowRoot?.querySelector('tbody tr'),
        ).toBeTruthy();
        expect(
          root.querySelector('assessment-watch-list')?.shadowRoot?.querySelector('tbody tr'),
        ).toBeTruthy();
        expect(
          root.querySelector('assessment-calendar-heatmap')?.shadowRoot?.querySelector('.day'),
        ).toBeTruthy();
        expect(
          root.querySelector('assessment-bar-chart[data-panel="dept"]')?.shadowRoot?.querySelector('.bar'),
        ).toBeTruthy();
      },
      { timeout: 120_000, interval: 500 },
    );
    await new Promise((r) => setTimeout(r, 500));
    const stops = tabStops(root);
    const report = stops.map(
      (s) => `${s.owner.join(' > ')} ${s.el.localName}.${s.el.getAttribute('class') ?? ''}`,
    );

    // Every chart that filters contributes exactly one stop (its marks rove); a static one (role img, its
    // numbers in the data table) none.
    const charts = [...root.querySelectorAll<HTMLElement>(CHARTS.join(','))];
    const operable = charts.filter(
      (c) => c.shadowRoot?.querySelector('svg')?.getAttribute('role') === 'group',
    );
    expect(operable.map(hostName)).toEqual(
      expect.arrayContaining([
        'assessment-line-chart[trend]',
        'assessment-bar-chart[dept]',
        'assessment-bar-chart[channel]',
        'assessment-calendar-heatmap[daily]',
        'assessment-bar-chart[domain]',
      ]),
    );
    for (const chart of charts) {
      const inSvg = stops.filter((s) => s.owner[0] === hostName(chart) && s.el.closest('svg'));
      expect(inSvg, hostName(chart)).toHaveLength(operable.includes(chart) ? 1 : 0);
    }
    // Each export toolbar and each table's rows are one stop too.
    for (const tools of root.querySelectorAll('.tools[role="toolbar"]'))
      expect(stops.filter((s) => tools.contains(s.el))).toHaveLength(1);
    const scorecard = stops.filter((s) => s.owner[0] === 'assessment-scorecard');
    expect(scorecard.filter((s) => s.el.closest('tbody'))).toHaveLength(1);
    // 49 measured (123 before roving focus): the scope bar's date, the skip link, the import line, 4 section
    // links, 12 panel titles, 3 sort headers and the ranking's rows, 6 toolbars, 6 charts that filter (the
    // 主动公开及时率 months too), 6 data tables, the watch list's filter and its "show more", 5 table
    // scrollers, the drill-down's rows.
    expect(stops.length, report.join('\n')).toBeLessThanOrEqual(49);
    // The skip link leads to the sections and comes before every panel's stop.
    const skip = root.querySelector<HTMLAnchorElement>('a.skip');
    expect(skip?.textContent).toBe('跳到各部分');
    const at = stops.findIndex((s) => s.el === skip);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(stops.findIndex((s) => s.el.matches('button.disclosure')));
  }, 180_000);
});
