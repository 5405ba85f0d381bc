import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRILL_ITEMS, drillCases } from '../../core/test/fixtures/drill.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import '../src/index.ts';

// The ready view's layout (issue 17): overview first, sections with headings and a nav, a two-column chart
// grid on a wide element, folded import details, collapsible panels, a sticky scope bar, and a pending state
// instead of old numbers under new chips.
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const CASES = drillCases(3000);
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
const original = location.href;

beforeAll(() => document.documentElement.removeAttribute('lang'));
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  history.replaceState(null, '', original);
});

function mount(width: number, attrs: Record<string, string> = {}) {
  const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('asset-base', ASSETS);
  el.setAttribute('src', blobUrl(CASES));
  el.setAttribute('items', blobUrl(DRILL_ITEMS));
  el.style.width = `${width}px`;
  el.style.display = 'block';
  const done = new Promise<string>((resolve) => {
    el.addEventListener('ad-ready', () => resolve('ready'), { once: true });
    el.addEventListener('ad-error', (e) => resolve(`error ${(e as CustomEvent).detail.message}`), {
      once: true,
    });
  });
  document.body.append(el);
  mounted.push(el);
  return { el, done };
}

async function ready(width: number, attrs: Record<string, string> = {}) {
  const { el, done } = mount(width, attrs);
  expect(await done).toBe('ready');
  // The department and channel charts come from the cubes (select waits for them).
  await el.select([]);
  await el.updateComplete;
  return el;
}

const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const box = (el: HTMLElement, selector: string) =>
  (root(el).querySelector(selector) as HTMLElement).getBoundingClientRect();
const before = (a: Element, b: Element) =>
  Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('the ready view', () => {
  it('leads with the overview, folds the import details, then shows only sections with panels, each with a heading and a nav link', async () => {
    // Every panel but the disclosure one (which, without disclosure data, says so): its section is left out.
    const el = await ready(1280, {
      panels: 'tiles scorecard watch supervision trend dept channel daily drill',
    });
    const r = root(el);
    const overview = r.querySelector('section.overview') as HTMLElement;
    expect(overview.querySelector('h3')?.textContent?.trim()).toBe('概览');
    expect(overview.querySelector('ul.tiles')).not.toBeNull();
    expect(overview.querySelector('.tiles-as-of')?.textContent).toContain('数据截至');
    // The ranking's first and last department, under the tiles.
    await vi.waitFor(
      () => expect(overview.querySelector('.extremes')?.textContent).toMatch(/排名第一：.+排名末位：/s),
      {
        timeout: 20_000,
      },
    );
    const details = r.querySelector('details.import-details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toMatch(/^数据来源与导出：读取 .+ 行/);
    expect(details.querySelector('assessment-import-report')).not.toBeNull();
    expect(before(overview, details)).toBe(true);
    // Cases, alerts (the watch list) and detail (the drill-down); no panel draws anything for the others.
    const bands = [...r.querySelectorAll<HTMLElement>('section.band')];
    expect(bands.map((b) => b.dataset.section)).toEqual(['cases', 'alerts', 'detail']);
    expect(bands.map((b) => b.querySelector('h3.section-title')?.textContent?.trim())).toEqual([
      '办件',
      '预警与监察',
      '明细',
    ]);
    expect(before(details, bands[0] as HTMLElement)).toBe(true);
    const links = [...r.querySelectorAll<HTMLAnchorElement>('nav.section-nav a')];
    expect(links.map((a) => a.textContent)).toEqual(['办件', '预警与监察', '明细']);
    // A nav link moves focus to its section's heading (the page's own URL is left alone).
    links[2]?.click();
    expect(r.activeElement?.id).toBe('sec-detail');
    expect(location.href).toBe(original);
    const skip = r.querySelector<HTMLAnchorElement>('a.skip');
    expect(skip?.textContent).toBe('跳到各部分');
    skip?.click();
    expect(r.activeElement?.id).toBe('sec-cases');
  }, 90_000);

  it('puts two charts a row on a wide element and one on a phone; tables keep the whole row', async () => {
    const wide = await ready(1280);
    const trend = box(wide, '[data-slot="trend"]');
    const dept = box(wide, '[data-slot="dept"]');
    const scorecard = box(wide, '[data-slot="scorecard"]');
    const grid = box(wide, 'section.band[data-section="cases"] .grid');
    expect(Math.abs(trend.top - dept.top)).toBeLessThan(1);
    expect(dept.left).toBeGreaterThan(trend.right);
    expect(scorecard.width).toBeCloseTo(grid.width, 0);
    const phone = await ready(360);
    const d = box(phone, '[data-slot="dept"]');
    const c = box(phone, '[data-slot="channel"]');
    expect(c.top).toBeGreaterThanOrEqual(d.bottom);
    expect(Math.abs(c.left - d.left)).toBeLessThan(1);
  }, 90_000);

  it('folds a panel from its title button and keeps that in the URL; a shared link opens it folded', async () => {
    const el = await ready(1280, { 'url-state': 'ad' });
    const r = root(el);
    const title = r.querySelector<HTMLButtonElement>('#trend-title button') as HTMLButtonElement;
    expect(title.getAttribute('aria-expanded')).toBe('true');
    title.click();
    await el.updateComplete;
    const folded = r.querySelector<HTMLButtonElement>(
      '[data-slot="trend"] button.disclosure',
    ) as HTMLButtonElement;
    expect(folded.getAttribute('aria-expanded')).toBe('false');
    expect(folded.textContent?.trim()).toBe(title.textContent?.trim());
    // Folded: the chart is not drawn at all.
    expect(r.querySelector('assessment-line-chart')).toBeNull();
    expect(new URL(location.href).searchParams.get('ad-c')).toBe('trend');
    // The folded line, the scope bar and the section nav are accessible too.
    const result = await axe.run(el, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`),
    ).toEqual([]);
    folded.click();
    await el.updateComplete;
    expect(r.querySelector('assessment-line-chart')).not.toBeNull();
    expect(new URL(location.href).searchParams.has('ad-c')).toBe(false);
    el.remove();

    const url = new URL(location.href);
    url.searchParams.set('ad-c', 'dept,watch');
    history.replaceState(null, '', url);
    const shared = await ready(1280, { 'url-state': 'ad' });
    const s = root(shared);
    expect(s.querySelector('[data-panel="dept"]')).toBeNull();
    expect(s.querySelector('[data-slot="dept"] button.disclosure')?.textContent?.trim()).toBe('各部门办件量');
    expect(s.querySelector('[data-slot="watch"] button.disclosure')?.getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect(s.querySelector('[data-panel="channel"]')).not.toBeNull();
  }, 120_000);

  it("runs no daily query for a folded calendar; unfolding it draws the current selection's days", async () => {
    const url = new URL(location.href);
    url.searchParams.set('ad-c', 'daily');
    history.replaceState(null, '', url);
    const el = await ready(1280, { 'url-state': 'ad' });
    const r = root(el);
    expect(r.querySelector('assessment-calendar-heatmap')).toBeNull();
    const folded = r.querySelector<HTMLButtonElement>(
      '[data-slot="daily"] button.disclosure',
    ) as HTMLButtonElement;
    expect(folded.textContent?.trim()).toMatch(/^每日申请量/);
    folded.click();
    await vi.waitFor(() => expect(r.querySelector('assessment-calendar-heatmap')).not.toBeNull(), {
      timeout: 20_000,
    });
    expect(r.querySelector('#daily-title button')?.getAttribute('aria-expanded')).toBe('true');
    expect(new URL(location.href).searchParams.has('ad-c')).toBe(false);
  }, 90_000);

  it('keeps the scope bar (as-of day and chips) in view while a chart far down the page is clicked', async () => {
    const el = await ready(1280);
    const bar = root(el).querySelector('.scope-bar') as HTMLElement;
    expect(getComputedStyle(bar).position).toBe('sticky');
    expect(bar.querySelector('input#as-of')).not.toBeNull();
    const dept = root(el).querySelector('assessment-bar-chart[data-panel="dept"]') as HTMLElement & {
      keys: string[];
    };
    dept.scrollIntoView({ block: 'center' });
    expect(window.scrollY).toBeGreaterThan(0);
    await vi.waitFor(() => expect(dept.shadowRoot?.querySelectorAll('.bar').length).toBeGreaterThan(1));
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    dept.shadowRoot?.querySelectorAll('.bar')[0]?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await filtered;
    await el.updateComplete;
    const top = bar.getBoundingClientRect().top;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(2);
    expect(bar.querySelector('.chip')?.textContent).toContain(dept.keys[0] ?? '');
  }, 90_000);

  it("shows the tiles as updating, not old numbers, while a shared link's filter is computed", async () => {
    const url = new URL(location.href);
    url.searchParams.set('ad', 'cases.dept_name:县自然资源局');
    history.replaceState(null, '', url);
    const { el, done } = mount(1280, { 'url-state': 'ad' });
    // The first paint of the tiles: the chip is there, the tiles say they are updating.
    const first = new Promise<{ busy: string | null; label: string; chip: string; scorecardBusy: boolean }>(
      (resolve) => {
        const seen = new MutationObserver(() => {
          const r = root(el);
          const tiles = r.querySelector('[data-slot="tiles"]');
          if (!tiles?.querySelector('ul.tiles')) return;
          seen.disconnect();
          resolve({
            busy: tiles.getAttribute('aria-busy'),
            label: tiles.querySelector('.pending-label')?.textContent ?? '',
            chip: r.querySelector('.scope-bar .chip')?.textContent ?? '',
            scorecardBusy: r.querySelector('[data-slot="scorecard"]')?.hasAttribute('aria-busy') ?? false,
          });
        });
        customElements.whenDefined('assessment-dashboard').then(() => {
          seen.observe(root(el), { childList: true, subtree: true });
        });
      },
    );
    const painted = await first;
    expect(painted.busy).toBe('true');
    expect(painted.label).toBe('更新中…');
    expect(painted.chip).toContain('县自然资源局');
    // The ranking does not follow chart filters: it is never shown as updating.
    expect(painted.scorecardBusy).toBe(false);
    expect(await done).toBe('ready');
    await vi.waitFor(() =>
      expect(el.results.find((r) => r.key === 'case.online_apply_rate')?.filters).toEqual({
        dept_name: ['县自然资源局'],
      }),
    );
    await el.updateComplete;
    expect(root(el).querySelector('[aria-busy="true"].slot')).toBeNull();
    expect(root(el).querySelector('.updating')).toBeNull();
  }, 90_000);
});
