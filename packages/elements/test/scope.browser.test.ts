import type { Selection } from '@assessment-dashboard/core';
import { read } from '@e965/xlsx';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRILL_ITEMS, drillCases } from '../../core/test/fixtures/drill.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import { pngText } from '../src/export/png-text.ts';
import '../src/index.ts';

/**
 * Scope never lies: under a department and a month filter every export (a chart's CSV, Excel, SVG and PNG;
 * the indicators' CSV and Excel) carries its title, as-of day, both filters and its source, and the panels
 * that cannot follow a filter name it.
 */
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
const DEPT: Selection = { dataset: 'cases', column: 'dept_name', value: '', label: '' };
const MONTHS: Selection = {
  dataset: 'all',
  column: 'month',
  value: '2025-01..2025-02',
  label: '2025年1月–2025年2月',
};

beforeAll(() => document.documentElement.setAttribute('lang', 'zh-CN'));
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function ready(): Promise<AssessmentDashboard> {
  const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
  el.setAttribute('asset-base', ASSETS);
  el.setAttribute('src', blobUrl(drillCases(3000)));
  el.setAttribute('items', blobUrl(DRILL_ITEMS));
  el.setAttribute('as-of', '2025-06-30');
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
  await el.select([]);
  return el;
}

function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const created = new Map<string, Blob>();
  // Real blob URLs: the PNG export loads its SVG through one.
  const real = URL.createObjectURL.bind(URL);
  const url = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const u = real(b);
    created.set(u, b as Blob);
    return u;
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = created.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return {
    files,
    restore() {
      url.mockRestore();
      click.mockRestore();
    },
  };
}

const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const slot = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[data-slot="${name}"]`);

describe('the filter scope in exports and panels', () => {
  it('every export of a chart and of the indicators carries title, as-of, the department and month filters and source', async () => {
    const el = await ready();
    await vi.waitFor(() => expect(root(el).querySelector('[data-panel="dept"]')).not.toBeNull(), {
      timeout: 30_000,
    });
    const dept =
      (root(el).querySelector('[data-panel="dept"]') as HTMLElement & { keys: string[] }).keys[0] ?? '';
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    await el.select([{ ...DEPT, value: dept, label: dept }, MONTHS]);
    await filtered;
    await el.updateComplete;
    const { files, restore } = captureDownloads();
    try {
      const tools = [...(slot(el, 'channel')?.querySelectorAll<HTMLButtonElement>('.tools button') ?? [])];
      for (const name of ['CSV', 'Excel', 'SVG', 'PNG']) {
        tools.find((b) => b.textContent === name)?.click();
        await vi.waitFor(() => expect(files.length).toBe(['CSV', 'Excel', 'SVG', 'PNG'].indexOf(name) + 1), {
          timeout: 10_000,
        });
      }
      const all = [...root(el).querySelectorAll<HTMLButtonElement>('.import-details .tools button')];
      all.find((b) => b.textContent?.includes('CSV'))?.click();
      await vi.waitFor(() => expect(files).toHaveLength(5), { timeout: 10_000 });
      all.find((b) => b.textContent?.includes('Excel'))?.click();
      await vi.waitFor(() => expect(files).toHaveLength(6), { timeout: 10_000 });
    } finally {
      restore();
    }
    expect(files.map((f) => f.name)).toEqual([
      '各申报渠道办件量-2025-06-30.csv',
      '各申报渠道办件量-2025-06-30.xlsx',
      '各申报渠道办件量-2025-06-30.svg',
      '各申报渠道办件量-2025-06-30.png',
      'indicators-2025-06-30.csv',
      'indicators-2025-06-30.xlsx',
    ]);
    const filters = `{"cases.dept_name":["${dept}"],"all.month":["2025-01..2025-02"]}`;
    const words = `筛选：${dept}、2025年1月–2025年2月`;
    // The chart's CSV: title, as-of, the filters (the month range too), the scope in words, the source.
    const csv = (await files[0]?.blob.text()) ?? '';
    const [header = '', first = ''] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe('indicator,category,label,value,withheld,as_of,filters,scope,source');
    expect(first).toContain('各申报渠道办件量,');
    expect(first).toContain(`2025-06-30 23:59:59,"${filters.replaceAll('"', '""')}",${words},`);
    expect(first).toMatch(/,[^,]+$/);
    // The workbook: the same columns, numbers as numbers.
    const book = read(new Uint8Array(await (files[1] as { blob: Blob }).blob.arrayBuffer()));
    const sheet = book.Sheets[book.SheetNames[0] ?? ''] ?? {};
    expect([sheet.A2?.v, sheet.F2?.v, sheet.G2?.v, sheet.H2?.v, sheet.D2?.t]).toEqual([
      '各申报渠道办件量',
      '2025-06-30 23:59:59',
      filters,
      words,
      'n',
    ]);
    expect(String(sheet.I2?.v)).not.toBe('');
    // The SVG: the caption drawn in (title above, as-of, scope and source below).
    const svg = new DOMParser().parseFromString((await files[2]?.blob.text()) ?? '', 'image/svg+xml');
    const caption = [...svg.querySelectorAll('.export-caption text')].map((t) => t.textContent).join('');
    expect(caption).toContain('各申报渠道办件量');
    expect(caption).toContain('数据截至 2025-06-30');
    expect(caption).toContain(dept);
    expect(caption).toContain('2025年1月–2025年2月');
    expect(caption).toContain('来源：');
    // The PNG: the same picture rasterised (taller than the chart by the caption), and the caption as text.
    const png = files[3]?.blob as Blob;
    const text = pngText(new Uint8Array(await png.arrayBuffer()));
    expect(text.Title).toBe('各申报渠道办件量');
    expect(text.Description).toBe(`数据截至 2025-06-30\n${words}`);
    expect(text.Source?.startsWith('来源：')).toBe(true);
    const chart = root(el).querySelector('[data-panel="channel"]') as HTMLElement & { svg: SVGSVGElement };
    const bitmap = await createImageBitmap(png);
    expect(bitmap.height).toBeGreaterThan(2 * chart.svg.viewBox.baseVal.height);
    // The indicators: the case rate with both filters.
    const indicators = (await files[4]?.blob.text()) ?? '';
    const rate = indicators.split('\r\n').find((l) => l.startsWith('case.online_apply_rate,')) ?? '';
    expect(rate).toContain(`"${filters.replaceAll('"', '""')}",${words}`);
    const indicatorBook = read(new Uint8Array(await (files[5] as { blob: Blob }).blob.arrayBuffer()));
    const rows = Object.values(indicatorBook.Sheets[indicatorBook.SheetNames[0] ?? ''] ?? {}).map((c) =>
      String((c as { v?: unknown }).v ?? ''),
    );
    expect(rows).toContain(filters);
    expect(rows).toContain(words);
  });

  it('a panel that cannot follow a filter names it; the others do not', async () => {
    const el = await ready();
    await vi.waitFor(
      () => expect(slot(el, 'scorecard')?.querySelector('assessment-scorecard')).toBeTruthy(),
      {
        timeout: 60_000,
      },
    );
    const dept =
      (root(el).querySelector('[data-panel="dept"]') as HTMLElement & { keys: string[] }).keys[1] ?? '';
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    await el.select([{ ...DEPT, value: dept, label: dept }, MONTHS]);
    await filtered;
    await el.updateComplete;
    const note = (name: string) => slot(el, name)?.querySelector('.scope-note')?.textContent ?? null;
    // The ranking and the watch list are computed once per load: neither filter applies.
    expect(note('scorecard')).toBe(`不受筛选影响：${dept}、2025年1月–2025年2月`);
    expect(note('watch')).toBe(`不受筛选影响：${dept}、2025年1月–2025年2月`);
    // The calendar shows every day of the department's cases: the month filter does not narrow it.
    await vi.waitFor(() => expect(slot(el, 'daily')).not.toBeNull(), { timeout: 30_000 });
    expect(note('daily')).toBe('不受筛选影响：2025年1月–2025年2月');
    // Charts that follow both (or highlight their own pick) say nothing.
    expect(note('channel')).toBeNull();
    expect(note('dept')).toBeNull();
    expect(note('trend')).toBeNull();
    el.lang = 'en';
    await el.updateComplete;
    expect(note('daily')).toBe('Not affected by the filter: 2025年1月–2025年2月');
  });
});
