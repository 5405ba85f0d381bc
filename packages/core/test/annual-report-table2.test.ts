import { read, utils } from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annualReportXlsx,
  annualTable2,
  checkAnnualReport,
  checkTable2,
  checkTable2CarryOver,
  computeAnnualReport,
  renderAnnualReportHtml,
  renderTable2Html,
  type Table2,
  table2Cell,
} from '../src/annual-report/index.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { columnName } from '../src/export/xlsx.ts';
import { readXlsx } from '../src/import/formats/read-xlsx.ts';
import { importFile } from '../src/import/import-file.ts';
import {
  EXPECTED_T2_2019,
  EXPECTED_T2_2021,
  T2_CASES,
  T2_DISCLOSURES,
  T2_ITEMS,
  type Table2Grid,
} from './fixtures/annual-table2.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The table as [caption, header row, rows] with plain values, comparable to the hand-filled grids. */
const grid = (t: Table2): Table2Grid =>
  t.blocks.map((b) => [
    b.caption,
    ['信息内容', ...b.columns.map((c) => c.label)],
    b.rows.map((r) => [r.label, ...r.cells.map((c) => c.value)] as [string, ...(number | null)[]]),
  ]);

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  expect(await importFile(engine, 'disclosures.csv', utf8(T2_DISCLOSURES))).toMatchObject({
    dataset: 'disclosures',
    loaded: 11,
    rejected: 0,
  });
  expect(await importFile(engine, 'cases.csv', utf8(T2_CASES))).toMatchObject({
    dataset: 'cases',
    loaded: 11,
    rejected: 0,
  });
  expect(await importFile(engine, 'items.csv', utf8(T2_ITEMS))).toMatchObject({
    dataset: 'items',
    loaded: 10,
    rejected: 0,
  });
});
afterAll(() => engine.close());

describe('table 二 (主动公开政府信息情况)', () => {
  it('matches the hand-filled 2021 table cell by cell', async () => {
    const t = await annualTable2(engine, { year: 2025, layout: '2021' });
    expect(t.title).toBe('二、主动公开政府信息情况');
    expect(grid(t)).toEqual(EXPECTED_T2_2021);
    expect(t.quality).toEqual({ abolishedWithoutDate: 1 }); // D06
    expect(table2Cell(t, 'enforcement', 'decisions')?.missing?.reason).toBe('no_records');
    expect(checkTable2(t)).toEqual([]);
  });

  it('matches the hand-filled 2019 table cell by cell, with the reason for every empty cell', async () => {
    const t = await annualTable2(engine, { year: 2025, layout: '2019' });
    expect(grid(t)).toEqual(EXPECTED_T2_2019);
    const reason = (row: string, col: string) => table2Cell(t, row, col)?.missing?.reason;
    expect(reason('other_services', 'items_previous')).toBe('undated_items');
    expect(table2Cell(t, 'other_services', 'items_change')?.missing?.zh).toBe(
      '事项清单中有 1 个其他对外管理服务事项没有“计划生效日期”',
    );
    expect(reason('enforcement', 'decisions')).toBe('no_records');
    expect(reason('fees', 'items_previous')).toBe('not_in_exports');
    expect(reason('procurement', 'procurement_amount')).toBe('not_in_exports');
    // Every non-empty cell has no reason; every empty one has one.
    for (const b of t.blocks)
      for (const r of b.rows) for (const c of r.cells) expect(c.value === null).toBe(c.missing !== undefined);
    expect(checkTable2(t)).toEqual([]);
  });

  it('filters by publisher / department with a bound parameter', async () => {
    const t = await annualTable2(engine, { year: 2025, layout: '2021', agency: '乙局' });
    expect(table2Cell(t, 'normative_doc', 'issued')?.value).toBe(1);
    expect(table2Cell(t, 'normative_doc', 'abolished')?.value).toBe(1);
    expect(table2Cell(t, 'normative_doc', 'in_force')?.value).toBe(0);
    expect(table2Cell(t, 'licensing', 'decisions')?.value).toBe(1);
    expect(table2Cell(t, 'fees', 'fee_wan')?.value).toBe(0.00995);
    const none = await annualTable2(engine, { year: 2025, layout: '2021', agency: "x' OR 1=1 --" });
    expect(table2Cell(none, 'regulation', 'issued')?.value ?? null).toBeNull();
  });

  it('leaves every cell empty, never 0, when no export is loaded', async () => {
    const empty = await NodeEngine.create();
    try {
      for (const layout of ['2021', '2019'] as const) {
        const t = await annualTable2(empty, { year: 2025, layout });
        const cells = t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells));
        expect(cells.length).toBe(layout === '2021' ? 10 : 22);
        for (const c of cells) {
          expect(c.value).toBeNull();
          expect(c.missing?.reason).toMatch(/^(no_dataset|not_in_exports)$/);
        }
      }
      // A disclosure export without the 是否规章 / 有效性 columns: those cells are empty, not 0.
      await importFile(empty, 'd.csv', utf8('索引号,信息名称,发布日期\nX1,通知,2025-03-01'));
      const t = await annualTable2(empty, { year: 2025, layout: '2021' });
      expect(table2Cell(t, 'regulation', 'issued')).toEqual({
        value: null,
        missing: { reason: 'no_column', zh: '主动公开信息导出中没有“是否规章”数据', en: expect.any(String) },
      });
      await importFile(
        empty,
        'd.csv',
        utf8('索引号,信息名称,发布日期,是否规章,规范性文件\nX1,规章,2025-03-01,是,否'),
      );
      const t2 = await annualTable2(empty, { year: 2025, layout: '2021' });
      expect(table2Cell(t2, 'regulation', 'issued')?.value).toBe(1);
      expect(table2Cell(t2, 'normative_doc', 'issued')?.value).toBe(0);
      expect(table2Cell(t2, 'regulation', 'abolished')?.missing?.zh).toBe(
        '主动公开信息导出中没有“有效性/废止日期”数据',
      );
    } finally {
      await empty.close();
    }
  });
});

describe('table 二 checks', () => {
  it('2021: 现行有效 = last year + 制发 − 废止; the undated 失效 document breaks it', async () => {
    const prev = await annualTable2(engine, { year: 2024, layout: '2021' });
    const cur = await annualTable2(engine, { year: 2025, layout: '2021' });
    expect(table2Cell(prev, 'regulation', 'in_force')?.value).toBe(3); // D01 D03 D04
    expect(table2Cell(prev, 'normative_doc', 'in_force')?.value).toBe(0);
    expect(checkTable2CarryOver(prev, cur)).toEqual([
      {
        check: 'table2_carry',
        table: '二',
        row: '行政规范性文件',
        column: '现行有效件数',
        rule: '2025年现行有效件数=2024年现行有效件数+本年制发件数−本年废止件数',
        left: 3,
        right: 4, // 0 + 5 − 1: D06 (失效, no date) was issued but never in force
      },
    ]);
    expect(checkAnnualReport({ table2: cur, previousTable2: prev })).toHaveLength(1);
  });

  it('2019: totals carry over, and 对外公开总数量 below 本年新公开数量 is reported', async () => {
    const prev = await annualTable2(engine, { year: 2024, layout: '2019' });
    const cur = await annualTable2(engine, { year: 2025, layout: '2019' });
    expect(checkTable2CarryOver(prev, cur)).toEqual([]);
    // A table typed in from a published report with a slip: 对外公开总数量 1 < 本年新公开数量 2.
    const typo = structuredClone(cur);
    const row = typo.blocks[0]?.rows[0];
    if (row?.cells[2]) row.cells[2].value = 1;
    expect(checkTable2(typo)).toEqual([
      {
        check: 'table2_published_total',
        table: '二',
        row: '规章',
        column: '对外公开总数量',
        rule: '对外公开总数量≥本年新公开数量',
        left: 1,
        right: 2,
      },
    ]);
    expect(checkTable2CarryOver(prev, typo).map((v) => [v.row, v.left, v.right])).toEqual([['规章', 1, 4]]);
    // Layouts differ: nothing comparable.
    expect(checkTable2CarryOver(await annualTable2(engine, { year: 2024, layout: '2021' }), cur)).toEqual([]);
  });
});

/** Cell text of an XLSX sheet read back with SheetJS, by A1 reference. */
function sheetCells(bytes: Uint8Array, index: number) {
  const wb = read(bytes, { type: 'array' });
  const name = wb.SheetNames[index] ?? '';
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${index}`);
  const at = (r: number, c: number) => ws[`${columnName(c)}${r + 1}`]?.v as string | number | undefined;
  const merges = (ws['!merges'] ?? []).map((m) => utils.encode_range(m)).sort();
  return { name, at, merges, names: wb.SheetNames };
}

describe('XLSX export', () => {
  it('writes table 二 with the official labels, merged headers and the numbers, cell by cell', async () => {
    for (const [layout, expected] of [
      ['2021', EXPECTED_T2_2021],
      ['2019', EXPECTED_T2_2019],
    ] as const) {
      const t = await annualTable2(engine, { year: 2025, layout });
      const bytes = annualReportXlsx({ table2: t, table3: null, table4: null });
      const s = sheetCells(bytes, 0);
      expect(s.name).toBe('二、主动公开政府信息情况');
      expect(s.at(0, 0)).toBe('2025年度 二、主动公开政府信息情况');
      let r = 1;
      const merges: string[] = ['A1:D1'];
      for (const [caption, header, rows] of expected) {
        expect(s.at(r, 0)).toBe(caption);
        merges.push(`A${r + 1}:D${r + 1}`);
        r++;
        header.forEach((h, c) => {
          expect(s.at(r, c)).toBe(h);
        });
        // The last value column fills the table: B:D for one column, C:D for two, none for three.
        const last = header.length - 1;
        if (header.length < 4) merges.push(`${columnName(last)}${r + 1}:D${r + 1}`);
        r++;
        for (const row of rows) {
          row.forEach((v, c) => {
            expect(s.at(r, c)).toBe(v === null ? undefined : v);
          });
          if (header.length < 4) merges.push(`${columnName(last)}${r + 1}:D${r + 1}`);
          r++;
        }
      }
      // Notes under the table explain the empty cells, one merged row each.
      const notes: string[] = [];
      for (let i = r; i < r + 30; i++) {
        if (!s.at(i, 0)) continue;
        notes.push(String(s.at(i, 0)));
        merges.push(`A${i + 1}:D${i + 1}`);
      }
      expect(s.merges).toEqual(merges.sort());
      expect(notes[0]).toBe('注：空白单元格为导出数据中没有的数据，需手工填写：');
      expect(notes).toContain(
        layout === '2021'
          ? '第二十条第（六）项 行政强制｜本年处理决定数量：办件导出中没有任何年份的行政强制记录，无法区分“0”与“未导出”'
          : '第二十条第（九）项 政府集中采购｜采购总金额：政府集中采购数据不在任何导出数据中，请手工填写',
      );
    }
  });

  it('writes tables 三 and 四 with the merged header bands and every number', async () => {
    const requests = [
      '申请编号,承办机关,申请人类型,收到申请日期,答复日期,办理结果,上年结转,行政复议,复议结果,行政诉讼类型,诉讼结果',
      'R01,甲局,自然人,2025-01-05,2025-01-20,予以公开,否,是,结果维持,,',
      'R02,甲局,商业企业,2025-02-01,2025-02-15,属于国家秘密,否,,,未经复议直接起诉,结果纠正',
      'R03,甲局,自然人,2025-12-20,,,否,,,,',
    ].join('\n');
    await importFile(engine, 'requests.csv', utf8(requests));
    const report = await computeAnnualReport(engine, { year: 2025, layout: '2021' });
    expect(report.violations).toEqual([]);
    const bytes = annualReportXlsx(report);
    const t3 = sheetCells(bytes, 1);
    expect(t3.names).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    expect(t3.at(1, 0)).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(t3.at(1, 3)).toBe('申请人情况');
    expect([t3.at(2, 3), t3.at(2, 4), t3.at(2, 9)]).toEqual(['自然人', '法人或其他组织', '总计']);
    expect([4, 5, 6, 7, 8].map((c) => t3.at(3, c))).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(t3.merges).toEqual(
      [
        ...['A1:J1', 'A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4'], // title, corner, 申请人情况 band
        ...['A5:C5', 'A6:C6', 'A29:C29'], // 一、二、四 across the label columns
        ...['A7:A28', 'B7:C7', 'B8:C8', 'B28:C28'], // 三、本年度办理结果 over its rows; （一）（二）（七）
        ...['B9:B16', 'B17:B19', 'B20:B24', 'B25:B27'], // （三）…（六） over their sub-rows
      ].sort(),
    );
    // Every data row: its label where the official form puts it and its seven numbers.
    const t3Table = report.table3;
    if (!t3Table) throw new Error('table 三 missing');
    let r = 4;
    for (const row of t3Table.rows) {
      if (row.kind === 'group') {
        expect(t3.at(r, row.level)).toBe(row.label);
        continue;
      }
      expect(t3.at(r, row.level)).toBe(row.label);
      row.values?.forEach((v, c) => {
        expect(t3.at(r, 3 + c)).toBe(v);
      });
      r++;
    }
    expect(r).toBe(4 + 25); // 25 printed rows in the 2021 layout
    expect(t3.at(4, 0)).toBe('一、本年新收政府信息公开申请数量');
    expect([t3.at(4, 3), t3.at(4, 4), t3.at(4, 9)]).toEqual([2, 1, 3]);
    expect(t3.at(28, 0)).toBe('四、结转下年度继续办理');
    expect(t3.at(28, 9)).toBe(1);

    const t4 = sheetCells(bytes, 2);
    expect([t4.at(1, 0), t4.at(1, 5), t4.at(2, 5), t4.at(2, 10)]).toEqual([
      '行政复议',
      '行政诉讼',
      '未经复议直接起诉',
      '复议后起诉',
    ]);
    expect(t4.merges).toEqual(expect.arrayContaining(['A2:E3', 'F2:O2', 'F3:J3', 'K3:O3']));
    expect(Array.from({ length: 15 }, (_, c) => t4.at(3, c))).toEqual(
      Array.from({ length: 3 }, () => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat(),
    );
    expect(Array.from({ length: 15 }, (_, c) => t4.at(4, c))).toEqual([
      1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0,
    ]);
  });

  it("is readable by the project's own XLSX reader", async () => {
    const t = await annualTable2(engine, { year: 2025, layout: '2021' });
    const table = readXlsx(annualReportXlsx({ table2: t, table3: null, table4: null }), 't.xlsx');
    expect(table.sheet).toBe('二、主动公开政府信息情况');
    const text = [table.header, ...table.rows].flat().join('|');
    for (const label of [
      '第二十条第（五）项',
      '本年制发件数',
      '行政规范性文件',
      '本年收费金额（单位：万元）',
    ])
      expect(text).toContain(label);
  });
});

describe('HTML', () => {
  it('renders table 二 with merged headers, blank unavailable cells and their reasons', async () => {
    const t = await annualTable2(engine, { year: 2025, layout: '2021' });
    const html = renderTable2Html(t);
    expect(html).toContain('<caption>2025年度 二、主动公开政府信息情况</caption>');
    expect(html).toContain('colspan="4"');
    expect(html).toMatch(/本年收费金额（单位：万元）<\/th>/);
    expect(html).toMatch(/colspan="3"[^>]*>1\.13<\/td>/);
    expect(html).toContain('class="missing" title="办件导出中没有任何年份的行政强制记录');
    expect(html).toContain('注：空白单元格为导出数据中没有的数据，需手工填写：');
    const evil = renderTable2Html({ ...t, agency: '<script>x</script>' });
    expect(evil).not.toContain('<script>');
  });

  it('renders a standalone print document with all three tables and the checks', async () => {
    const report = await computeAnnualReport(engine, { year: 2025, layout: '2019' });
    const doc = renderAnnualReportHtml(report);
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(doc).toContain('annual-report-table2');
    expect(doc).toContain('annual-report-table3');
    expect(doc).toContain('annual-report-table4');
    expect(doc).toContain('@page{size:A4 landscape');
    expect(doc).toContain('校验全部通过。');
    const bad = renderAnnualReportHtml({
      ...report,
      violations: [
        { check: 'balance', table: '三', row: '（七）总计', column: '自然人', rule: 'r', left: 1, right: 2 },
      ],
    });
    expect(bad).toContain('<li>三 （七）总计 / 自然人: r (1 ≠ 2)</li>');
  });
});
