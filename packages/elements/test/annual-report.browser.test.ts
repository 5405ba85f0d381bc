import { read } from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WasmEngine } from '../../core/src/engine/wasm.ts';
import { importFile } from '../../core/src/import/import-file.ts';
import { T2_CASES, T2_DISCLOSURES, T2_ITEMS } from '../../core/test/fixtures/annual-table2.ts';
import type { AssessmentAnnualReport } from '../src/annual-report/annual-report.ts';
import { sharedDuckDB } from '../src/duckdb/shared-db.ts';
import '../src/index.ts';
import '../src/annual-report/define.ts';

/** <assessment-annual-report> on a real DuckDB-WASM engine holding the table 二 fixtures and requests. */
const REQUESTS = [
  '申请编号,承办机关,申请人类型,收到申请日期,答复日期,办理结果,上年结转,行政复议,复议结果,行政诉讼类型,诉讼结果',
  'R01,甲局,自然人,2025-01-05,2025-01-20,予以公开,否,是,结果维持,,',
  'R02,甲局,商业企业,2025-02-01,2025-02-15,属于国家秘密,否,,,未经复议直接起诉,结果纠正',
  'R03,甲局,自然人,2025-12-20,,,否,,,,',
  'R04,甲局,,2025-03-01,2025-03-05,予以公开,否,,,,', // no 申请人类型: the row-total check fails
].join('\n');

const utf8 = (s: string) => new TextEncoder().encode(s);
let engine: WasmEngine;

beforeAll(async () => {
  const db = await sharedDuckDB('/node_modules/@duckdb/duckdb-wasm/dist/');
  engine = new WasmEngine(db, 'annual_report');
  for (const [name, csv] of [
    ['disclosures.csv', T2_DISCLOSURES],
    ['cases.csv', T2_CASES],
    ['items.csv', T2_ITEMS],
    ['requests.csv', REQUESTS],
  ] as const) {
    expect(await importFile(engine, name, utf8(csv))).toMatchObject({ rejected: 0 });
  }
});
afterAll(() => engine.close());

const ready = (el: HTMLElement) =>
  new Promise<CustomEvent>((resolve, reject) => {
    el.addEventListener('ad-ready', (e) => resolve(e as CustomEvent), { once: true });
    el.addEventListener('ad-error', (e) => reject(new Error((e as CustomEvent).detail.message)), {
      once: true,
    });
  });

const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rowsOf = (table: Element | null | undefined) =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.children].map((c) => text(c)));

async function mount(attrs: Record<string, string>): Promise<AssessmentAnnualReport> {
  const el = document.createElement('assessment-annual-report');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const done = ready(el);
  el.engine = engine;
  document.body.append(el);
  await done;
  return el;
}

describe('<assessment-annual-report>', () => {
  it('shows table 二 (2021) as an accessible table with the official labels and the numbers', async () => {
    const el = await mount({ year: '2025', layout: '2021', lang: 'zh-CN' });
    const root = el.shadowRoot;
    const t2 = root?.querySelector('table[part="table2"]');
    expect(text(t2?.querySelector('caption'))).toBe('二、主动公开政府信息情况');
    expect(rowsOf(t2)).toEqual([
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '1', '3'],
      ['行政规范性文件', '5', '1', '3'],
      ['第二十条第（五）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '3'],
      ['第二十条第（六）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政处罚', '1'],
      ['行政强制', '—无数据'],
      ['第二十条第（八）项'],
      ['信息内容', '本年收费金额（单位：万元）'],
      ['行政事业性收费', '1.13'],
    ]);
    // Scoped headers and merged value cells as on the form.
    expect(t2?.querySelector('th[scope="colgroup"]')?.getAttribute('colspan')).toBe('4');
    const rowHeaders = [...(t2?.querySelectorAll('th[scope="row"]') ?? [])].map((th) => text(th));
    expect(rowHeaders).toEqual([
      '规章',
      '行政规范性文件',
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政事业性收费',
    ]);
    const fee = [...(t2?.querySelectorAll('td') ?? [])].find((td) => text(td) === '1.13');
    expect(fee?.getAttribute('colspan')).toBe('3');
    expect(text(root?.querySelector('[part="notes"]'))).toContain(
      '第二十条第（六）项 行政强制｜本年处理决定数量：办件导出中没有任何年份的行政强制记录',
    );

    // Tables 三 and 四 from the on-request export.
    const t3 = root?.querySelector('table[part="table3"]');
    expect(text(t3?.querySelector('caption'))).toBe('三、收到和处理政府信息公开申请情况');
    expect(rowsOf(t3)[0]).toEqual(['一、本年新收政府信息公开申请数量', '2', '1', '0', '0', '0', '0', '4']);
    expect(t3?.querySelectorAll('th[scope="rowgroup"]')).toHaveLength(5);
    const t4 = root?.querySelector('table[part="table4"]');
    expect(rowsOf(t4)).toEqual([['1', '0', '0', '0', '1', '0', '1', '0', '0', '1', '0', '0', '0', '0', '0']]);

    // The failed check is listed in a status region.
    const status = root?.querySelector('[role="status"][part="checks"]');
    expect(text(status)).toContain('校验未通过 3 项'); // 一, （一）予以公开 and （七）总计 each miss R04's column;
    expect(text(status)).toContain(
      '三 一、本年新收政府信息公开申请数量 / 总计: 总计=自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他 (4 ≠ 3)',
    );
    el.remove();
  });

  it('recomputes for the 2019 layout and downloads the tables as XLSX', async () => {
    const el = await mount({ year: '2025', layout: '2021', lang: 'en' });
    const again = ready(el);
    el.setAttribute('layout', '2019');
    await again;
    const t2 = el.shadowRoot?.querySelector('table[part="table2"]');
    const rows = rowsOf(t2);
    expect(rows).toContainEqual(['其他对外管理服务事项', '—not available', '—not available', '2']);
    expect(rows).toContainEqual(['行政强制', '1', '-1', '—not available']);
    expect(rows.at(-1)).toEqual(['政府集中采购', '—not available', '—not available']);

    let saved: { name: string; href: string } | undefined;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved = { name: this.download, href: this.href };
    };
    try {
      const button = el.shadowRoot?.querySelector<HTMLButtonElement>('button[part="download"]');
      expect(text(button)).toBe('Download XLSX');
      button?.click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved?.name).toBe('annual-report-2025.xlsx');
    const bytes = new Uint8Array(await (await fetch(saved?.href ?? '')).arrayBuffer());
    const wb = read(bytes, { type: 'array' });
    expect(wb.SheetNames).toHaveLength(3);
    const s2 = wb.Sheets[wb.SheetNames[0] ?? ''];
    expect([s2?.A3?.v, s2?.B3?.v, s2?.C3?.v, s2?.D3?.v]).toEqual([
      '信息内容',
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
    ]);
    expect([s2?.A8?.v, s2?.B8?.v, s2?.C8?.v, s2?.D8?.v]).toEqual(['行政许可', 2, 1, 3]);
    el.remove();
  });

  it('shows a report given as a property, without an engine', async () => {
    const source = await mount({ year: '2025' });
    const report = source.shown;
    source.remove();
    const el = document.createElement('assessment-annual-report');
    el.report = report;
    document.body.append(el);
    await vi.waitFor(() => {
      expect(rowsOf(el.shadowRoot?.querySelector('table[part="table2"]'))[2]).toEqual([
        '规章',
        '1',
        '1',
        '3',
      ]);
    });
    expect(Array.from(new Uint8Array((await el.xlsx()) ?? []).slice(0, 2))).toEqual([0x50, 0x4b]); // "PK"
    expect(el.shadowRoot?.querySelector('table[part="table2"] caption')?.textContent).toBe(
      '二、主动公开政府信息情况',
    );
    el.remove();
  });
});
