import type { IndicatorResult } from '@assessment-dashboard/core';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRILL_ITEMS, drillCases } from '../../core/test/fixtures/drill.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import '../src/index.ts';

// Linked views inside the element: department/channel bars and the month trend filter every other panel,
// a pointer drag brushes months, and the drill-down opens department → item → cases.
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const CASES = drillCases(3000);
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

beforeAll(() => document.documentElement.removeAttribute('lang'));
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function ready(attrs: Record<string, string> = {}): Promise<AssessmentDashboard> {
  const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('asset-base', ASSETS);
  el.setAttribute('src', blobUrl(CASES));
  el.setAttribute('items', blobUrl(DRILL_ITEMS));
  el.style.width = '1100px';
  const done = new Promise<string>((resolve) => {
    el.addEventListener('ad-ready', () => resolve('ready'), { once: true });
    el.addEventListener('ad-error', (e) => resolve(`error ${(e as CustomEvent).detail.message}`), {
      once: true,
    });
  });
  document.body.append(el);
  mounted.push(el);
  expect(await done).toBe('ready');
  // The department and channel charts appear once the cubes are built (select waits for them).
  await el.select([]);
  await el.updateComplete;
  return el;
}

const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const rate = (el: AssessmentDashboard): IndicatorResult | undefined =>
  el.results.find((r) => r.key === 'case.online_apply_rate');
const chart = (el: HTMLElement, panel: string) =>
  root(el).querySelector(`assessment-bar-chart[data-panel="${panel}"]`) as HTMLElement & {
    labels: string[];
    values: Float64Array;
    keys: string[];
    updateComplete: Promise<unknown>;
  };
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

/** Counts the updates (redraws) of each element from now on; the returned function reads the counts. */
function countUpdates(elements: (Element | null)[]): () => number[] {
  const counts = elements.map(() => 0);
  elements.forEach((e, i) => {
    const chart = e as Element & { update(changed: unknown): void };
    const update = chart.update.bind(chart);
    chart.update = (changed) => {
      counts[i] = (counts[i] ?? 0) + 1;
      update(changed);
    };
  });
  return () => [...counts];
}

describe('linked views in the dashboard', () => {
  it('a department bar filters the tiles and the channel chart to that department; its own chart keeps every bar', async () => {
    const el = await ready();
    const dept = chart(el, 'dept');
    await vi.waitFor(() => expect(dept.shadowRoot?.querySelectorAll('.bar').length).toBe(dept.keys.length));
    const whole = rate(el)?.denominator ?? 0;
    expect(sum(dept.values)).toBe(whole);
    const i = 1;
    const picked = dept.keys[i] ?? '';
    const expected = dept.values[i] ?? 0;
    // How often each chart is drawn for the click, and whether any panel is shown as updating: the cubes are
    // built, so the click is answered in its own task, each chart drawn once (the dashboard renders again
    // for the calendar's days and other follow-ups, which must not draw the charts again).
    const drawn = countUpdates([dept, chart(el, 'channel'), root(el).querySelector('assessment-line-chart')]);
    const busy: string[] = [];
    const watch = new MutationObserver((records) => {
      for (const r of records)
        if ((r.target as Element).getAttribute('aria-busy') === 'true')
          busy.push((r.target as Element).className);
    });
    watch.observe(root(el), { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    (dept.shadowRoot?.querySelectorAll('.bar')[i] as SVGElement | undefined)?.dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    await filtered;
    await el.updateComplete;
    expect(el.selection).toEqual([{ dataset: 'cases', column: 'dept_name', value: picked, label: picked }]);
    expect(rate(el)?.denominator).toBe(expected);
    expect(rate(el)?.filters).toEqual({ dept_name: [picked] });
    const channel = chart(el, 'channel');
    await channel.updateComplete;
    expect(sum(channel.values)).toBe(expected);
    expect(sum(chart(el, 'dept').values)).toBe(whole);
    expect(chart(el, 'dept').shadowRoot?.querySelectorAll('.bar[aria-pressed="true"]')).toHaveLength(1);
    // The calendar heatmap follows too: its days add up to the department's cases.
    const heat = () =>
      root(el).querySelector('assessment-calendar-heatmap') as (HTMLElement & { values: number[] }) | null;
    await vi.waitFor(() => expect(sum(heat()?.values ?? [])).toBe(expected), { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 300));
    watch.disconnect();
    expect(busy).toEqual([]);
    expect(drawn()).toEqual([1, 1, 1]);
  });

  it('dragging across the trend brushes a month range: every number follows, the chip names the range', async () => {
    const el = await ready();
    const line = root(el).querySelector('assessment-line-chart') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    const svg = line.shadowRoot?.querySelector('svg') as SVGSVGElement;
    const dots = [...(line.shadowRoot?.querySelectorAll('circle[data-index]') ?? [])] as SVGCircleElement[];
    expect(dots.length).toBe(6); // January–June 2025
    const at = (c: SVGCircleElement) => {
      const r = c.getBoundingClientRect();
      return {
        clientX: r.left + r.width / 2,
        clientY: r.top + r.height / 2,
        bubbles: true,
        pointerId: 1,
        button: 0,
      };
    };
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    svg.dispatchEvent(new PointerEvent('pointerdown', at(dots[1] as SVGCircleElement)));
    svg.dispatchEvent(new PointerEvent('pointermove', at(dots[2] as SVGCircleElement)));
    svg.dispatchEvent(new PointerEvent('pointermove', at(dots[3] as SVGCircleElement)));
    svg.dispatchEvent(new PointerEvent('pointerup', at(dots[3] as SVGCircleElement)));
    await filtered;
    await el.updateComplete;
    expect(el.selection).toEqual([
      { dataset: 'all', column: 'month', value: '2025-02..2025-04', label: '2025年2月–2025年4月' },
    ]);
    const chip = root(el).querySelector('.chip');
    expect(chip?.textContent).toContain('2025年2月–2025年4月');
    // Cases submitted in February–April only: the department chart adds up to the filtered tile.
    const months = rate(el)?.denominator ?? 0;
    expect(months).toBeGreaterThan(0);
    expect(months).toBeLessThan(3000);
    await chart(el, 'dept').updateComplete;
    expect(sum(chart(el, 'dept').values)).toBe(months);
    // The brushed band is drawn and its dots are pressed; the trend itself still shows every month.
    await line.updateComplete;
    expect(line.shadowRoot?.querySelector('rect.brush')).not.toBeNull();
    expect(line.shadowRoot?.querySelectorAll('circle[aria-pressed="true"]')).toHaveLength(3);
    expect(line.shadowRoot?.querySelectorAll('circle[data-index]')).toHaveLength(6);
    // Escape on a dot clears the month filter.
    const cleared = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    line.shadowRoot
      ?.querySelector('circle[tabindex="0"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await cleared;
    expect(el.selection).toEqual([]);
    expect(rate(el)?.denominator).toBe(3000);
  });

  it('drills from departments to a service item to its cases, with a breadcrumb back; axe finds nothing', async () => {
    const el = await ready();
    const panel = () => root(el).querySelector('[aria-labelledby="drill-title"]') as HTMLElement;
    const level = () => panel().querySelector('assessment-item-breakdown') as HTMLElement | null;
    await vi.waitFor(() => expect(level()?.shadowRoot?.querySelector('tbody tr button')).toBeTruthy(), {
      timeout: 20_000,
    });
    (level()?.shadowRoot?.querySelector('tbody tr button') as HTMLButtonElement | null)?.click();
    await vi.waitFor(() => expect(level()?.getAttribute('level')).toBe('item'));
    const crumbs = () =>
      [...panel().querySelectorAll('nav.crumbs button, nav.crumbs [aria-current]')].map((b) => b.textContent);
    expect(crumbs()).toHaveLength(2);
    // The item level has a code column the department level lacks: wait until it is shown.
    await vi.waitFor(() => expect(level()?.shadowRoot?.querySelector('td.code')).toBeTruthy(), {
      timeout: 20_000,
    });
    (level()?.shadowRoot?.querySelector('tbody tr button') as HTMLButtonElement | null)?.click();
    await vi.waitFor(() => expect(panel().querySelector('assessment-case-list')).not.toBeNull());
    const list = panel().querySelector('assessment-case-list') as HTMLElement;
    await vi.waitFor(() => expect(list.shadowRoot?.querySelector('tbody tr')).toBeTruthy(), {
      timeout: 20_000,
    });
    expect(crumbs()).toHaveLength(3);
    const results = await axe.run(el, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    // Back to all departments.
    (panel().querySelector('nav.crumbs button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(level()?.getAttribute('level')).toBe('dept');
  });

  it("shows only the panels named in `panels`, and ranks by `period` with each department's recent periods", async () => {
    const el = await ready({ panels: 'tiles, trend scorecard', period: 'month' });
    const titles = () => [...root(el).querySelectorAll('section.panel h3')].map((h) => h.id);
    await vi.waitFor(() => expect(root(el).querySelector('assessment-scorecard')).not.toBeNull(), {
      timeout: 30_000,
    });
    expect(titles()).toEqual(['scorecard-title', 'trend-title']);
    expect(root(el).querySelectorAll('assessment-kpi-tile').length).toBeGreaterThan(0);
    expect(root(el).querySelector('[data-panel="dept"]')).toBeNull();
    const card = root(el).querySelector('assessment-scorecard') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await card.updateComplete;
    // Month by month: the latest month is ranked and every row carries a line of its recent months.
    expect(card.shadowRoot?.querySelector('caption')?.textContent).toMatch(/（\d{4}-\d{2}，/);
    expect(card.shadowRoot?.querySelectorAll('svg.spark').length).toBeGreaterThan(0);
  });

  it('answers a filter on a column the cubes are not split by with SQL, and keeps every indicator', async () => {
    const el = await ready();
    const keys = el.results.map((r) => r.key);
    const item = DRILL_ITEMS.trim().split('\n')[1]?.split(',')[1] ?? '';
    expect(item).not.toBe('');
    await el.select([{ dataset: 'cases', column: 'item_name', value: item, label: item }]);
    expect(el.results.map((r) => r.key)).toEqual(keys);
    expect(rate(el)?.filters).toEqual({ item_name: [item] });
    expect(rate(el)?.denominator).toBeGreaterThan(0);
    expect(rate(el)?.denominator).toBeLessThan(3000);
  });
});
