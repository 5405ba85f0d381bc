import { afterEach, expect, it, vi } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import { TILE_STYLES } from '../src/panels/tile-font-warmup.ts';
import '../src/index.ts';

// The loading view lays out text in every style of the KPI tiles (panels/tile-font-warmup.ts), one a frame,
// so their fonts are resolved before the first paint of the tiles: invisible, out of the accessibility tree,
// and in exactly the sizes and weights the tiles then use.
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

type Font = { size: string; weight: string };
const fontOf = (e: Element | null | undefined): Font => {
  if (!e) throw new Error('element missing');
  const s = getComputedStyle(e);
  return { size: s.fontSize, weight: s.fontWeight };
};

it('resolves the tiles’ fonts while loading, hidden, in the tiles’ own sizes and weights', async () => {
  const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
  el.setAttribute('asset-base', ASSETS);
  el.setAttribute('lang', 'zh-CN');
  el.setAttribute('src', URL.createObjectURL(new Blob([SMALL_CASES], { type: 'text/csv' })));
  const ready = new Promise((ok) => el.addEventListener('ad-ready', ok, { once: true }));
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  const root = el.shadowRoot as ShadowRoot;
  // One style a frame (start-up.ts), every one of them while the data still loads.
  await vi.waitFor(() => expect(root.querySelectorAll('.font-warmup p')).toHaveLength(TILE_STYLES.length));
  const warm = root.querySelector('.font-warmup');
  expect(root.querySelector('[part="progress"]')).not.toBeNull();
  expect(warm?.getAttribute('aria-hidden')).toBe('true');
  expect(getComputedStyle(warm as Element).visibility).toBe('hidden');
  expect((warm as HTMLElement).getBoundingClientRect().height).toBe(0);
  const warmed = Object.fromEntries(
    [...(warm?.querySelectorAll('p') ?? [])].map((p) => [p.className, fontOf(p)]),
  );
  await ready;
  await el.updateComplete;
  expect(root.querySelector('.font-warmup')).toBeNull();
  const tile = root.querySelector('assessment-kpi-tile');
  await (tile as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  const t = tile?.shadowRoot as ShadowRoot;
  expect(warmed.label).toEqual(fontOf(t.querySelector('h3')));
  // The big number has a smaller size on narrow screens (this test page is one): both are warmed.
  expect([warmed.value, warmed.valueNarrow]).toContainEqual(fontOf(t.querySelector('p.value')));
  expect(warmed.note).toEqual(fontOf(t.querySelector('p.fraction')));
  expect(warmed.status).toEqual(fontOf(t.querySelector('.status')));
  expect(warmed.value?.size).not.toEqual(warmed.note?.size);
});
