import type { IndicatorResult } from '@assessment-dashboard/core';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import '../src/index.ts';
import '../src/calendar-heatmap/define.ts';

/**
 * Large type (大字版): `font-scale="2"` on an element, or the host page's root font size doubled (the 字号
 * 大/超大 switch of government sites), makes every text at least twice as large, and nothing overflows
 * sideways at a 360 px phone width.
 */
type El = HTMLElement & { updateComplete: Promise<unknown> };
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  document.documentElement.style.removeProperty('font-size');
});

async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 160)}`));
}

const rate: IndicatorResult = {
  key: 'case.online_apply_rate',
  label: { zh: '上网办理率', en: 'Online application rate' },
  kind: 'rate',
  unit: 'percent',
  direction: 'higher',
  value: 0.621,
  numerator: 62_100,
  denominator: 100_000,
  ci: [0.618, 0.624],
  target: 0.5,
  status: 'green',
  asOf: '2025-12-31 23:59:59',
  filters: {},
  formula: { zh: '网上申办的办件数 ÷ 全部办件数', en: 'Cases applied for online ÷ all cases' },
  source: '庆政办发〔2016〕88号',
} as unknown as IndicatorResult;

const DAYS = Array.from({ length: 61 }, (_, i) =>
  new Date(Date.UTC(2025, 8, 1 + i)).toISOString().slice(0, 10),
);

/** The elements on their own, and for each the texts whose size is measured (selectors in its shadow root). */
const CASES: { tag: string; props: Record<string, unknown>; texts: string[] }[] = [
  { tag: 'assessment-kpi-tile', props: { result: rate }, texts: ['h3', 'p.value', 'p.fraction'] },
  {
    tag: 'assessment-bar-chart',
    props: {
      labels: ['财政预决算', '义务教育', '卫生健康'],
      values: [812, 645, 590],
      summary: '共 2,047 条',
      categoryHeader: '领域',
      valueHeader: '条数',
    },
    texts: ['svg .category', 'svg .value', 'svg .axis text', 'details summary'],
  },
  {
    tag: 'assessment-line-chart',
    props: {
      labels: ['2025年1月', '2025年2月', '2025年3月'],
      values: [0.5, 0.55, 0.6],
      target: 0.5,
      summary: '上升',
    },
    texts: ['svg .axis text', 'svg .reference text'],
  },
  {
    tag: 'assessment-calendar-heatmap',
    props: { dates: DAYS, values: DAYS.map((_, i) => (i * 37) % 90) },
    texts: ['p.summary', 'svg .month-label', 'svg .mark', '.legend'],
  },
];

const px = (el: Element | null | undefined) => {
  expect(el, 'text element exists').toBeTruthy();
  return Number.parseFloat(getComputedStyle(el as Element).fontSize);
};
const sizes = (el: HTMLElement, texts: string[]) => texts.map((s) => px(el.shadowRoot?.querySelector(s)));
const atLeastDouble = (big: number[], base: number[], names: string[]) => {
  for (const [i, b] of big.entries()) expect(b, names[i]).toBeGreaterThanOrEqual(2 * (base[i] ?? 0) - 0.01);
};
const NAMES = ['h2', '.meta', 'tile value', 'bar chart label'];
const noSidewaysOverflow = (el: HTMLElement) => expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);

async function mountAt360(tag: string, props: Record<string, unknown>): Promise<El> {
  const box = document.createElement('div');
  box.style.width = '360px';
  const el = document.createElement(tag) as El;
  Object.assign(el, props, { lang: 'zh-CN' });
  box.append(el);
  document.body.append(box);
  mounted.push(box);
  await el.updateComplete;
  await vi.waitFor(() => expect(el.shadowRoot?.querySelector('svg *, p.value')).not.toBeNull());
  return el;
}

/** Waits for the redraw a size change causes (ResizeObserver, then a frame). */
const redraw = async (el: El) => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
};

describe('large type', () => {
  for (const { tag, props, texts } of CASES) {
    it(`${tag}: font-scale="2" doubles every text, stays accessible and fits 360 px`, async () => {
      const el = await mountAt360(tag, props);
      const base = sizes(el, texts);
      noSidewaysOverflow(el);
      el.setAttribute('font-scale', '2');
      await redraw(el);
      const big = sizes(el, texts);
      atLeastDouble(big, base, texts);
      noSidewaysOverflow(el);
      expect(await violations(el)).toEqual([]);
    });

    it(`${tag}: follows the page's root font size (html 32 px)`, async () => {
      const el = await mountAt360(tag, props);
      const base = sizes(el, texts);
      document.documentElement.style.fontSize = '32px';
      await redraw(el);
      const big = sizes(el, texts);
      atLeastDouble(big, base, texts);
      noSidewaysOverflow(el);
    });

    it(`${tag}: keeps its sizes under a host page's html { font-size: 62.5% } (1rem = 10 px)`, async () => {
      const el = await mountAt360(tag, props);
      const base = sizes(el, texts);
      document.documentElement.style.fontSize = '62.5%';
      await redraw(el);
      const shrunk = sizes(el, texts);
      for (const [i, b] of (base ?? []).entries())
        expect(shrunk[i], texts[i]).toBeGreaterThanOrEqual(b - 0.01);
      noSidewaysOverflow(el);
    });
  }

  it('a chart is laid out again for a new font size alone (its bands and cells grow with the text)', async () => {
    for (const tag of ['assessment-bar-chart', 'assessment-calendar-heatmap']) {
      const { props } = CASES.find((c) => c.tag === tag) as (typeof CASES)[number];
      const el = await mountAt360(tag, props);
      await redraw(el);
      const svg = () => el.shadowRoot?.querySelector('svg') as SVGSVGElement;
      const before = svg().viewBox.baseVal.height;
      expect(before, tag).toBeGreaterThan(0);
      // The width stays 360 px: only the font changes.
      el.setAttribute('font-scale', '2');
      await redraw(el);
      await vi.waitFor(() => expect(svg().viewBox.baseVal.height, tag).toBeGreaterThan(1.6 * before));
    }
  });

  it('the tile value keeps its size under a 62.5 % root (it was 10/16 of it with rem sizes)', async () => {
    const el = await mountAt360('assessment-kpi-tile', { result: rate });
    const normal = px(el.shadowRoot?.querySelector('p.value'));
    // 2 × 16 px, or 1.6 × 16 px in a viewport narrower than 30rem.
    expect([32, 25.6]).toContain(normal);
    document.documentElement.style.fontSize = '62.5%';
    await redraw(el);
    expect(px(el.shadowRoot?.querySelector('p.value'))).toBe(normal);
  });

  it('font-scale is reflected to --ad-font-scale and removed again', async () => {
    const el = await mountAt360('assessment-kpi-tile', { result: rate });
    el.setAttribute('font-scale', '1.5');
    await el.updateComplete;
    expect(el.style.getPropertyValue('--ad-font-scale')).toBe('1.5');
    el.removeAttribute('font-scale');
    await el.updateComplete;
    expect(el.style.getPropertyValue('--ad-font-scale')).toBe('');
  });

  it('the dashboard at 360 px: font-scale="2" and html 32 px double the text without sideways overflow', async () => {
    const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    const box = document.createElement('div');
    box.style.width = '360px';
    const el = document.createElement('assessment-dashboard') as El;
    el.setAttribute('asset-base', '/node_modules/@duckdb/duckdb-wasm/dist/');
    el.setAttribute('src', blobUrl(SMALL_CASES));
    el.setAttribute('disclosures', blobUrl(SMALL_DISCLOSURES));
    el.setAttribute('as-of', '2025-03-15');
    box.append(el);
    document.body.append(box);
    mounted.push(box);
    await new Promise((resolve, reject) => {
      el.addEventListener('ad-ready', resolve, { once: true });
      el.addEventListener('ad-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))));
    });
    // The department chart comes with the cubes after ad-ready, before the domain chart: a selection waits for them.
    await (el as unknown as { select(s: unknown[]): Promise<void> }).select([]);
    await vi.waitFor(() =>
      expect(
        el.shadowRoot?.querySelector('assessment-bar-chart')?.shadowRoot?.querySelector('.bar'),
      ).toBeTruthy(),
    );
    const tile = () =>
      el.shadowRoot!.querySelector('assessment-kpi-tile')!.shadowRoot!.querySelector('p.value');
    const chartText = () =>
      el.shadowRoot!.querySelector('assessment-bar-chart')!.shadowRoot!.querySelector('svg .category');
    const measure = () => [
      px(el.shadowRoot!.querySelector('h2')),
      px(el.shadowRoot!.querySelector('.meta')),
      px(tile()),
      px(chartText()),
    ];
    const base = measure();
    noSidewaysOverflow(el);

    el.setAttribute('font-scale', '2');
    await redraw(el);
    await redraw(el);
    atLeastDouble(measure(), base, NAMES);
    noSidewaysOverflow(el);

    el.removeAttribute('font-scale');
    document.documentElement.style.fontSize = '32px';
    await redraw(el);
    await redraw(el);
    atLeastDouble(measure(), base, NAMES);
    noSidewaysOverflow(el);
  }, 90_000);
});
