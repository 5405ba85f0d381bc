import { read } from '@e965/xlsx';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GB18030_HEX, SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { SUP_CASES, SUP_RECEIPTS, SUP_STEPS } from '../../core/test/fixtures/supervision.ts';
import '../src/index.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import { chartPng } from '../src/export/export-chart.ts';

/** In tests the DuckDB files come straight from node_modules through Vite's dev server. */
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

// The test page says lang="en"; the dashboard follows the host page's language, so clear it to see the default.
beforeAll(() => document.documentElement.removeAttribute('lang'));

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(attrs: Record<string, string>): Promise<AssessmentDashboard> {
  const el = document.createElement('assessment-dashboard');
  el.setAttribute('asset-base', ASSETS);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  return el;
}

const settled = (el: AssessmentDashboard) =>
  new Promise<string>((resolve) => {
    el.addEventListener('ad-ready', () => resolve('ready'), { once: true });
    el.addEventListener('ad-error', () => resolve('error'), { once: true });
  });

const shadowText = (el: Element): string => {
  const root = el.shadowRoot;
  if (!root) return el.textContent ?? '';
  return [...root.querySelectorAll('*')]
    .map((n) =>
      n.shadowRoot
        ? shadowText(n)
        : [...n.childNodes]
            .filter((c) => c.nodeType === 3)
            .map((c) => c.textContent)
            .join(''),
    )
    .join(' ');
};

const tile = (el: AssessmentDashboard, key: string) =>
  [...(el.shadowRoot?.querySelectorAll('assessment-kpi-tile') ?? [])]
    .map((t) => t.shadowRoot?.querySelector(`[data-key="${key}"]`))
    .find(Boolean) as HTMLElement | undefined;

/** Records the files the page would download (blob URL + anchor click) instead of saving them. */
function captureDownloads(prefix: string) {
  const files: { name: string; blob: Blob }[] = [];
  const created = new Map<string, Blob>();
  const url = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const u = `blob:${prefix}-${created.size}`;
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

describe('<assessment-dashboard>', () => {
  it('is accessible in its ready state: headings, labelled chart, data table', async () => {
    const el = await mount({
      src: blobUrl(SMALL_CASES),
      disclosures: blobUrl(SMALL_DISCLOSURES),
      'as-of': '2025-03-15',
    });
    expect(await settled(el)).toBe('ready');
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')?.textContent).toBe('政务服务与政务公开评估');
    const chart = root.querySelector('assessment-bar-chart')!;
    await (chart as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const svg = chart.shadowRoot!.querySelector('svg')!;
    // Operable bars: a labelled group of toggle buttons (an img would hide them from screen readers).
    expect(svg.getAttribute('role')).toBe('group');
    expect(svg.getAttribute('aria-label')).toContain('共 4 条主动公开信息');
    const rows = [...chart.shadowRoot!.querySelectorAll('tbody tr')].map((r) =>
      r.textContent?.replace(/\s+/g, ''),
    );
    expect(rows).toEqual(['财政预决算2', '义务教育1', '未填写1']);
    // Every default tile, in order, each with its heading (a loop over no tiles would prove nothing).
    const tiles = [
      ...root.querySelectorAll<HTMLElement & { result: { key: string } }>('assessment-kpi-tile'),
    ];
    expect(tiles.map((t) => t.result.key)).toEqual([
      'case.online_apply_rate',
      'case.online_closed_rate',
      'case.closure_rate',
      'case.overdue_count',
    ]);
    expect(tiles.map((t) => t.shadowRoot?.querySelector('h3')?.textContent?.trim())).toEqual([
      '上网办理率',
      '网上办结率',
      '办结率',
      '超期件',
    ]);
  });

  it('shows the same numbers DuckDB computed, in Chinese by default', async () => {
    const el = await mount({
      src: blobUrl(SMALL_CASES),
      disclosures: blobUrl(SMALL_DISCLOSURES),
      'as-of': '2025-03-15',
    });
    expect(await settled(el)).toBe('ready');
    await vi.waitFor(() => expect(tile(el, 'case.online_apply_rate')?.textContent).toBe('60.0%'));
    expect(tile(el, 'case.online_closed_rate')?.textContent).toBe('30.0%');
    expect(tile(el, 'case.closure_rate')?.textContent).toBe('75.0%');
    expect(tile(el, 'case.overdue_count')?.textContent).toBe('3');
    const chart = el.shadowRoot!.querySelector('assessment-bar-chart')!;
    await vi.waitFor(() => expect(chart.shadowRoot!.querySelectorAll('svg .bar').length).toBe(3), {
      timeout: 10_000,
    });
    expect(el.results.find((r) => r.key === 'case.closure_rate')).toMatchObject({
      numerator: 6,
      denominator: 8,
    });
    expect(shadowText(el)).toContain('读取 14 行，载入 14 行，拒收 0 行');
  });

  it('speaks English when lang="en"', async () => {
    const el = await mount({ src: blobUrl(SMALL_CASES), lang: 'en', 'as-of': '2025-03-15' });
    expect(await settled(el)).toBe('ready');
    await vi.waitFor(() => expect(tile(el, 'case.closure_rate')).toBeTruthy());
    const text = shadowText(el);
    expect(text).toContain('Online application rate');
    expect(text).toContain('No proactive-disclosure data given');
    expect(text).toContain('Data as of Mar 15, 2025');
  });

  it('names the file and the HTTP status when a file cannot be fetched', async () => {
    const el = await mount({ src: '/no/such/cases.csv' });
    expect(await settled(el)).toBe('error');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('无法加载 /no/such/cases.csv');
    expect(alert.textContent).toContain('HTTP 404');
    expect(alert.querySelector('button')?.textContent).toBe('重试');
  });

  it('says what is wrong when a file is not a known export, and offers the mapping screen', async () => {
    const el = await mount({ src: blobUrl('foo,bar\n1,2\n') });
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('assessment-column-mapper')).not.toBeNull(), {
      timeout: 30_000,
    });
    await customElements.whenDefined('assessment-column-mapper'); // loaded on first use (lazy-elements.ts)
    const mapper = el.shadowRoot!.querySelector('assessment-column-mapper')!;
    await (mapper as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(mapper.shadowRoot!.textContent).toContain('无法从表头判断这是哪类数据');
    expect([...mapper.shadowRoot!.querySelectorAll('#f-case_id option')].map((o) => o.textContent)).toEqual([
      '—',
      'foo',
      'bar',
    ]);
  });

  it('shows a designed empty state for a file without data rows', async () => {
    const el = await mount({ src: blobUrl('办件编号,申请时间\n') });
    await vi.waitFor(() => expect(el.shadowRoot?.textContent).toContain('没有可用的数据行'), {
      timeout: 30_000,
    });
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).toContain('没有可用的数据行');
  });

  it('shows a progress indicator while loading and a prompt without src', async () => {
    const idle = await mount({});
    await idle.updateComplete;
    const drop = idle.shadowRoot!.querySelector('[part="dropzone"]');
    expect(drop?.textContent).toContain('尚未载入数据');
    expect(drop?.querySelector('button')?.textContent).toBe('选择文件');
    const el = await mount({ src: blobUrl(SMALL_CASES) });
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector('progress');
    expect(bar).not.toBeNull();
    // never indeterminate (status-view.ts, loadFraction)
    expect(bar?.hasAttribute('value')).toBe(true);
    await settled(el);
  });

  it('leaks no CSS in either direction', async () => {
    const style = document.createElement('style');
    style.textContent = 'h2, h3, p { color: rgb(255, 0, 0) !important; }';
    document.head.append(style);
    const outside = document.createElement('h2');
    document.body.append(outside);
    try {
      const el = await mount({ src: blobUrl(SMALL_CASES) });
      expect(await settled(el)).toBe('ready');
      await el.updateComplete;
      const inner = el.shadowRoot!.querySelector('h2')!;
      expect(getComputedStyle(inner).color).not.toBe('rgb(255, 0, 0)');
      expect(getComputedStyle(outside).borderLeftWidth).toBe('0px');
    } finally {
      style.remove();
      outside.remove();
    }
  });

  it('loads dropped local files, shows the row ledger and opens the report when rows were rejected', async () => {
    const el = await mount({});
    await el.updateComplete;
    const bad = `${SMALL_CASES}C01,甲局,窗口,2025-03-03 09:00:00,,,,,否,已申报\nC11,甲局,信鸽,昨天,,,,,否,已申报\n`;
    const ready = settled(el);
    await el.loadFiles([new File([bad], '办件.csv', { type: 'text/csv' })]);
    expect(await ready).toBe('ready');
    await el.updateComplete;
    expect(el.imports[0]).toMatchObject({ file: '办件.csv', read: 12, loaded: 10, rejected: 2 });
    const report = el.shadowRoot!.querySelector('assessment-import-report')!;
    await (report as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const details = report.shadowRoot!.querySelector('details')!;
    expect(details.open).toBe(true);
    const text = details.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('拒收：编号重复');
    expect(text).toContain('拒收：无法识别的日期时间');
    expect(text).toContain('信鸽');
    expect(details.querySelector('button')?.textContent).toBe('下载完整台账（CSV）');
  });

  it('reads a GB18030 file the user drops the same way Node does', async () => {
    const el = await mount({ 'as-of': '2025-03-15' });
    const gb = Uint8Array.from((GB18030_HEX.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));
    const ready = settled(el);
    await el.loadFiles([new File([gb], 'gb.csv')]);
    expect(await ready).toBe('ready');
    expect(el.imports[0]).toMatchObject({ dataset: 'disclosures', encoding: 'gb18030', loaded: 1 });
  });

  it('refuses a file over the size limit with a message that points to the CLI', async () => {
    const el = await mount({ 'max-mb': '0.0001' });
    const done = settled(el);
    await el.loadFiles([new File([SMALL_CASES], 'big.csv')]);
    expect(await done).toBe('error');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('文件过大');
    expect(alert).toContain('big.csv 大小为');
    expect(alert).toContain('assessment-dashboard indicators');
  });

  it('can cancel a load in progress', async () => {
    const el = await mount({ src: blobUrl(SMALL_CASES) });
    await el.updateComplete;
    const cancel = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === '取消');
    expect(cancel).toBeDefined();
    cancel?.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).toContain('已取消加载');
    await new Promise((r) => setTimeout(r, 500));
    expect(el.results).toEqual([]);
  });

  it('asks the user to map unrecognised columns, shows samples, and loads with the mapping', async () => {
    const el = await mount({ 'as-of': '2025-03-15' });
    const csv =
      '流水编码,工单登记时间(北京时间),来源,办理单位名称\nT1,2024-01-02 09:00,电话,县水利局\nT2,2024-01-03 10:00,微信,县水利局\n';
    await el.loadFiles([new File([csv], 'tickets.csv')]);
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('assessment-column-mapper')).not.toBeNull());
    await customElements.whenDefined('assessment-column-mapper'); // loaded on first use (lazy-elements.ts)
    const mapper = el.shadowRoot!.querySelector('assessment-column-mapper')!;
    await (mapper as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = mapper.shadowRoot!;
    const datasetSelect = root.querySelector<HTMLSelectElement>('form > p select')!;
    // Its headers look most like a hotline export, so that is the first guess.
    expect(datasetSelect.value).toBe('hotline');
    datasetSelect.value = 'hotline';
    datasetSelect.dispatchEvent(new Event('change'));
    await (mapper as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    // The received-time column is suggested from its name; the id column must be chosen by hand.
    expect(root.querySelector<HTMLSelectElement>('#f-received_at')?.value).toBe('工单登记时间(北京时间)');
    expect(root.querySelector('.missing')?.textContent).toContain('工单编号');
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    const id = root.querySelector<HTMLSelectElement>('#f-ticket_id')!;
    id.value = '流水编码';
    id.dispatchEvent(new Event('change'));
    await (mapper as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(id.closest('tr')?.querySelector('.samples')?.textContent).toBe('T1 · T2');
    const ready = settled(el);
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(await ready).toBe('ready');
    expect(el.imports[0]).toMatchObject({ dataset: 'hotline', read: 2, loaded: 2, rejected: 0 });
  });

  it('applies a mapping file given by URL', async () => {
    const us = 'SR,Created,Src\n1,03/09/2024 11:30:00 PM,Call\n2,03/10/2024 08:00:00 AM,Walk-in\n';
    const mapping = JSON.stringify({
      dataset: 'hotline',
      columns: { ticket_id: 'SR', received_at: 'Created', channel: 'Src' },
      values: { channel: { Call: 'phone' } },
    });
    const el = await mount({ src: blobUrl(us), mapping: URL.createObjectURL(new Blob([mapping])) });
    expect(await settled(el)).toBe('ready');
    expect(el.imports[0]).toMatchObject({
      dataset: 'hotline',
      loaded: 2,
      unmappedValues: { channel: [{ value: 'Walk-in', count: 1 }] },
    });
  });

  it('takes targets from a configuration file', async () => {
    const config = JSON.stringify({ targets: { 'case.online_apply_rate': 0.65 } });
    const el = await mount({
      src: blobUrl(SMALL_CASES),
      config: URL.createObjectURL(new Blob([config])),
      'as-of': '2025-03-15',
    });
    expect(await settled(el)).toBe('ready');
    expect(el.results.find((r) => r.key === 'case.online_apply_rate')?.target).toBe(0.65);
    await vi.waitFor(() =>
      expect(tile(el, 'case.online_apply_rate')?.closest('article')?.textContent).toContain('目标 ≥ 65.0%'),
    );
  });

  it('downloads the full ledger as formula-safe CSV from the import report', async () => {
    const el = await mount({});
    const bad = `${SMALL_CASES}C11,甲局,=HYPERLINK("x"),昨天,,,,,否,已申报\n`;
    const ready = settled(el);
    await el.loadFiles([new File([bad], 'c.csv')]);
    expect(await ready).toBe('ready');
    await el.updateComplete;
    const blobs: Blob[] = [];
    const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      const report = el.shadowRoot!.querySelector('assessment-import-report')!;
      await (report as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      report.shadowRoot!.querySelector('button')!.click();
      await vi.waitFor(() => expect(blobs).toHaveLength(1));
      const text = await blobs[0]!.text();
      expect(text).toContain('dataset,file,row,column,reason,severity,value');
      // a date cell without a digit may be a shifted name: the ledger keeps it masked (ledger-mask.ts)
      expect(text).toContain('cases,c.csv,12,submitted_at,unparseable_datetime,reject,昨*');
      expect(text).toContain(`cases,c.csv,12,apply_channel,unknown_enum_value,warning,"'=HYPERLINK(""x"")"`);
      expect(click).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      click.mockRestore();
    }
  });

  it('walks the chart by keyboard, filters with Enter, shows a chip and clears the filter', async () => {
    const el = await mount({
      src: blobUrl(SMALL_CASES),
      disclosures: blobUrl(SMALL_DISCLOSURES),
      'as-of': '2025-03-15',
    });
    expect(await settled(el)).toBe('ready');
    const chart = el.shadowRoot!.querySelector('assessment-bar-chart')!;
    await vi.waitFor(() => expect(chart.shadowRoot!.querySelectorAll('.bar[role="button"]').length).toBe(3));
    const bars = () => [...chart.shadowRoot!.querySelectorAll<SVGGElement>('.bar[role="button"]')];
    // 五公开类别 is not in this export (unavailable): the monthly count shows the filter instead.
    const disclosures = () => el.results.find((r) => r.key === 'foi.volume_by_month')?.value;
    expect(disclosures()).toBe(4);
    bars()[0]!.focus();
    bars()[0]!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
    );
    expect(chart.shadowRoot!.activeElement?.getAttribute('aria-label')).toBe('义务教育：1');
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    chart.shadowRoot!.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    await filtered;
    await el.updateComplete;
    expect(el.selection).toEqual([
      { dataset: 'disclosures', column: 'domain', value: 'compulsory_education', label: '义务教育' },
    ]);
    expect(disclosures()).toBe(1);
    // The case tiles are not touched by a disclosure filter.
    expect(el.results.find((r) => r.key === 'case.online_apply_rate')?.numerator).toBe(6);
    const chip = el.shadowRoot!.querySelector<HTMLButtonElement>('.chip')!;
    expect(chip.textContent).toContain('筛选：义务教育');
    await vi.waitFor(() =>
      expect(bars().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']),
    );
    // Focus stays on the picked bar after the redraw; Escape clears the filter.
    expect(chart.shadowRoot!.activeElement?.getAttribute('aria-label')).toBe('义务教育：1');
    const cleared = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    chart.shadowRoot!.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await cleared;
    await el.updateComplete;
    expect(el.selection).toEqual([]);
    expect(disclosures()).toBe(4);
    expect(el.shadowRoot!.querySelector('.chip')).toBeNull();
  });

  it('removes a filter from its chip', async () => {
    const el = await mount({ src: blobUrl(SMALL_CASES), disclosures: blobUrl(SMALL_DISCLOSURES) });
    expect(await settled(el)).toBe('ready');
    await el.select([{ dataset: 'disclosures', column: 'domain', value: 'budget', label: '财政预决算' }]);
    await el.updateComplete;
    const chip = el.shadowRoot!.querySelector<HTMLButtonElement>('.chip')!;
    expect(chip.getAttribute('aria-label')).toBe('移除筛选“财政预决算”');
    const cleared = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    chip.click();
    await cleared;
    expect(el.selection).toEqual([]);
  });

  it('round-trips the chart selection through the page URL when url-state is set', async () => {
    const original = location.href;
    try {
      const url = new URL(location.href);
      url.searchParams.set('keep', '1');
      url.searchParams.set('ad', 'disclosures.domain:budget;nonsense;cases.nope:x');
      history.replaceState(null, '', url);
      const el = await mount({
        src: blobUrl(SMALL_CASES),
        disclosures: blobUrl(SMALL_DISCLOSURES),
        'url-state': 'ad',
      });
      expect(await settled(el)).toBe('ready');
      await vi.waitFor(() =>
        expect(el.selection).toEqual([
          { dataset: 'disclosures', column: 'domain', value: 'budget', label: '财政预决算' },
        ]),
      );
      expect(el.results.find((r) => r.key === 'foi.volume_by_month')?.value).toBe(2);
      await el.select([
        { dataset: 'disclosures', column: 'domain', value: 'compulsory_education', label: '义务教育' },
      ]);
      const now = new URL(location.href).searchParams;
      expect(now.get('ad')).toBe('disclosures.domain:compulsory_education');
      expect(now.get('keep')).toBe('1');
      await el.select([]);
      expect(new URL(location.href).searchParams.has('ad')).toBe(false);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.chips button.link')?.textContent).toBe('复制链接');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('exports the indicators as an Excel workbook with numbers as numbers', async () => {
    const el = await mount({ src: blobUrl(SMALL_CASES), 'as-of': '2025-03-15' });
    expect(await settled(el)).toBe('ready');
    const { files, restore } = captureDownloads('xlsx');
    try {
      const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) =>
        b.textContent?.includes('Excel'),
      )!;
      button.click();
      await vi.waitFor(() => expect(files).toHaveLength(1), { timeout: 10_000 });
    } finally {
      restore();
    }
    expect(files[0]?.name).toBe('indicators-2025-03-15.xlsx');
    const book = read(new Uint8Array(await files[0]!.blob.arrayBuffer()));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    expect(book.SheetNames).toEqual(['指标']);
    expect(sheet.A1?.v).toBe('key');
    const row = Object.keys(sheet).find((k) => /^A\d+$/.test(k) && sheet[k].v === 'case.online_apply_rate')!;
    const r = row.slice(1);
    expect([
      sheet[`B${r}`]?.v,
      sheet[`C${r}`]?.v,
      sheet[`C${r}`]?.t,
      sheet[`D${r}`]?.v,
      sheet[`E${r}`]?.v,
    ]).toEqual(['上网办理率', 0.6, 'n', 6, 10]);
  });

  it('keeps a drawn chart when panels appear before it later, not a new undrawn one', async () => {
    const el = await mount({
      src: blobUrl(SMALL_CASES),
      disclosures: blobUrl(SMALL_DISCLOSURES),
      'as-of': '2025-03-15',
      lang: 'en',
    });
    expect(await settled(el)).toBe('ready');
    const chart = () => el.shadowRoot!.querySelector('assessment-bar-chart[data-panel="domain"]');
    await vi.waitFor(() => expect(chart()?.shadowRoot?.querySelectorAll('.bar').length).toBe(3));
    const drawn = chart();
    // The cubes, then the follow-up panels computed after them, join the view meanwhile.
    await el.select([]);
    await new Promise((r) => setTimeout(r, 500));
    await el.updateComplete;
    expect(chart()).toBe(drawn);
  });

  it('exports indicator CSV with metadata and the chart as SVG, PNG and CSV', async () => {
    const el = await mount({
      src: blobUrl(SMALL_CASES),
      disclosures: blobUrl(SMALL_DISCLOSURES),
      'as-of': '2025-03-15',
    });
    expect(await settled(el)).toBe('ready');
    const chart = el.shadowRoot!.querySelector('assessment-bar-chart[data-panel="domain"]')!;
    await vi.waitFor(() => expect(chart.shadowRoot!.querySelectorAll('.bar').length).toBe(3));
    const { files, restore } = captureDownloads('test');
    try {
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tools button')];
      // One click after the other's file (the writers load on first use, so quick clicks may finish out of order).
      const saved = (n: number) => vi.waitFor(() => expect(files).toHaveLength(n), { timeout: 10_000 });
      buttons.find((b) => b.textContent?.includes('全部指标（CSV'))!.click();
      await saved(1);
      // Every chart panel has its own CSV/SVG/PNG: take the disclosure-domain panel's.
      const panel = el.shadowRoot!.querySelector('section[aria-labelledby="domains-title"]')!;
      const own = [...panel.querySelectorAll<HTMLButtonElement>('.tools button')];
      own.find((b) => b.textContent === 'CSV')!.click();
      await saved(2);
      own.find((b) => b.textContent === 'SVG')!.click();
      await saved(3);
      own.find((b) => b.textContent === 'Excel')!.click();
      await vi.waitFor(() => expect(files.map((f) => f.name)).toHaveLength(4), { timeout: 10_000 });
    } finally {
      restore();
    }
    const [indicators, domains, svg] = await Promise.all(files.slice(0, 3).map((f) => f.blob.text()));
    expect(files.map((f) => f.name)).toEqual([
      'indicators-2025-03-15.csv',
      '主动公开数量（按领域）-2025-03-15.csv',
      '主动公开数量（按领域）-2025-03-15.svg',
      '主动公开数量（按领域）-2025-03-15.xlsx',
    ]);
    // The panel's workbook holds the same rows as its CSV, numbers as numbers.
    const book = read(new Uint8Array(await files[3]!.blob.arrayBuffer()));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    expect(book.SheetNames).toEqual(['主动公开数量（按领域）']);
    expect([sheet.B2?.v, sheet.C2?.v, sheet.D2?.v, sheet.D2?.t]).toEqual(['budget', '财政预决算', 2, 'n']);
    expect(indicators).toContain('case.online_apply_rate,上网办理率,0.6,6,10,');
    expect(indicators).toContain('2025-03-15 23:59:59');
    expect(indicators).toContain('庆政办发〔2016〕88号');
    expect(domains).toContain('主动公开数量（按领域）,budget,财政预决算,2,,2025-03-15 23:59:59');
    expect(svg).toContain('<title>主动公开数量（按领域）</title>');
    expect((svg?.match(/<rect /g) ?? []).length).toBe(3);
    expect(svg).toMatch(/<rect [^>]*fill="rgb\(/);
    // The PNG is that SVG rasterised at twice its size.
    const png = await chartPng(svg ?? '', 300, 120);
    expect(png.type).toBe('image/png');
    const bitmap = await createImageBitmap(png);
    expect([bitmap.width, bitmap.height]).toEqual([600, 240]);
  });

  it('draws the monthly trend of 上网办理率 with its target and a summary sentence', async () => {
    const csv =
      '办件编号,申请时间,申报渠道\nA,2025-01-05,网上(PC)\nB,2025-01-06,窗口\nC,2025-03-05,网上(PC)\n';
    const el = await mount({ src: blobUrl(csv) });
    expect(await settled(el)).toBe('ready');
    const chart = el.shadowRoot!.querySelector('assessment-line-chart')!;
    await vi.waitFor(() => expect(chart.shadowRoot!.querySelectorAll('.dots circle').length).toBe(2));
    expect(chart.shadowRoot!.querySelector('svg')?.getAttribute('aria-label')).toBe(
      '上网办理率从2025年1月的 50.0% 变为2025年3月的 100.0%。',
    );
    const rows = [...chart.shadowRoot!.querySelectorAll('tbody tr')].map((r) =>
      r.textContent?.replace(/\s+/g, ''),
    );
    expect(rows).toEqual(['2025年1月50.0%', '2025年3月100.0%']);
    expect(chart.shadowRoot!.querySelector('.reference text')?.textContent).toBe('目标 ≥ 50.0%');
  });

  it('ranks departments in a sortable, expandable scorecard table after the first paint', async () => {
    const el = await mount({ src: blobUrl(SMALL_CASES), 'as-of': '2025-03-15' });
    expect(await settled(el)).toBe('ready');
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('assessment-scorecard')).not.toBeNull(), {
      timeout: 30_000,
    });
    const card = el.shadowRoot!.querySelector('assessment-scorecard')!;
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = card.shadowRoot!;
    expect(root.querySelector('caption')?.textContent).toContain('满分 100 分');
    const departments = () =>
      [...root.querySelectorAll('tbody th[scope="row"] button')].map((b) =>
        b.textContent?.replace(/[▸▾\s]/g, ''),
      );
    expect(departments().sort()).toEqual(['乙局', '甲局']);
    const rankHeader = root.querySelector('th[aria-sort]');
    expect(rankHeader?.getAttribute('aria-sort')).toBe('ascending');
    // Sort by department, then open a row's breakdown.
    const deptHeader = [...root.querySelectorAll<HTMLButtonElement>('thead button')].find(
      (b) => b.textContent === '部门',
    )!;
    deptHeader.click();
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(deptHeader.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    const first = root.querySelector<HTMLButtonElement>('tbody th button')!;
    expect(first.getAttribute('aria-expanded')).toBe('false');
    first.click();
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(first.getAttribute('aria-expanded')).toBe('true');
    const detail = root.querySelector(`#${first.getAttribute('aria-controls')}`) as HTMLElement;
    expect(detail.hidden).toBe(false);
    expect(detail.textContent).toContain('上网办理率');
  });

  it('lists overdue and due-soon cases in a watch list table, filterable by department', async () => {
    // As of Tue 18 March: C07 is 6 working days past due (red), C08 has 2 left (yellow); both 乙局.
    const el = await mount({ src: blobUrl(SMALL_CASES), 'as-of': '2025-03-18' });
    expect(await settled(el)).toBe('ready');
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('assessment-watch-list')).not.toBeNull(), {
      timeout: 30_000,
    });
    await customElements.whenDefined('assessment-watch-list'); // loaded on first use (lazy-elements.ts)
    const list = el.shadowRoot!.querySelector('assessment-watch-list')!;
    await (list as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = list.shadowRoot!;
    expect(root.querySelector('caption')?.textContent).toBe('截至2025年3月18日：红牌 1 件，黄牌 1 件');
    const rows = () =>
      [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect(rows()).toEqual([
      ['红牌', 'C07', '乙局', '–', '2025年3月10日', '已超期 6 个工作日'],
      ['黄牌', 'C08', '乙局', '–', '2025年3月20日', '剩余 2 个工作日'],
    ]);
    expect([...root.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(
      true,
    );
    const select = root.querySelector('select')!;
    expect(select.labels?.[0]?.textContent).toContain('部门');
    expect([...select.options].map((o) => o.value)).toEqual(['', '乙局']);
    // The red count agrees with the red-card tile.
    expect(el.results.find((r) => r.key === 'case.red')?.value).toBe(1);
  });

  it('shows electronic-supervision findings when process steps and receipts are given', async () => {
    const el = await mount({
      src: blobUrl(SUP_CASES),
      steps: blobUrl(SUP_STEPS),
      receipts: blobUrl(SUP_RECEIPTS),
      'as-of': '2025-03-31',
    });
    expect(await settled(el)).toBe('ready');
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('assessment-supervision')).not.toBeNull(), {
      timeout: 30_000,
    });
    await customElements.whenDefined('assessment-supervision'); // loaded on first use (lazy-elements.ts)
    const panel = el.shadowRoot!.querySelector('assessment-supervision')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = panel.shadowRoot!;
    const headings = [...root.querySelectorAll('h4')].map((h) => h.textContent);
    expect(headings).toEqual([
      '事后补录疑点：6 个环节（共检查 18 个环节）',
      '网下运行对账：办件记录金额 650.50 元，实际到账 1,305,510.00 元；不一致 5 笔，涉及 1,305,140.50 元',
    ]);
    const flags = [...root.querySelectorAll('table.backfill-flags tbody tr')].map((tr) =>
      [...tr.children].slice(0, 3).map((c) => c.textContent?.trim()),
    );
    expect(flags[0]).toEqual(['S2', '2 现场勘验', '环节用时过短']);
    const money = [...root.querySelectorAll('table.reconcile-flags tbody tr')].map(
      (tr) => tr.querySelector('th')?.textContent,
    );
    expect(money).toEqual(['P002', 'P003', '–', 'P900', 'P901']);
  });

  it('applies small-number protection from the configuration to tiles, charts and tables', async () => {
    const config = JSON.stringify({ disclosure: { mode: 'suppress', threshold: 5 } });
    const el = await mount({
      src: blobUrl(SMALL_CASES),
      disclosures: blobUrl(SMALL_DISCLOSURES),
      config: URL.createObjectURL(new Blob([config])),
      'as-of': '2025-03-15',
    });
    expect(await settled(el)).toBe('ready');
    await vi.waitFor(() => expect(tile(el, 'case.overdue_count')?.textContent).toBe('不予公布'));
    const chart = el.shadowRoot!.querySelector('assessment-bar-chart')!;
    await vi.waitFor(() => expect(chart.shadowRoot!.querySelectorAll('.bar').length).toBe(3));
    expect([...chart.shadowRoot!.querySelectorAll('.bar .value')].map((v) => v.textContent)).toEqual([
      '—（数量较少，不予公布）',
      '—（数量较少，不予公布）',
      '—（数量较少，不予公布）',
    ]);
    expect(chart.shadowRoot!.querySelector('tbody td')?.textContent).toBe('—（数量较少，不予公布）');
  });
});
