import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annualTable3,
  annualTable4,
  checkAnnualReport,
  checkCarryOver,
  checkTable3,
  checkTable4,
  escapeHtml,
  renderTable3Html,
  renderTable4Html,
  type Table3,
  table3Cell,
  table4Cells,
} from '../src/annual-report/index.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const EVIL = '<script>alert("x")</script>局';

// Hand-made ledger for the 2025 report. Comments give where each row lands in 2025 (三 = 本年度办理结果).
const CSV = [
  '申请编号,承办机关,申请人类型,收到申请日期,答复日期,办理结果,上年结转,行政复议,复议结果,行政诉讼类型,诉讼结果',
  'R01,甲局,自然人,2024-12-10,2025-01-06,予以公开,是,,,,', // 二, 三 予以公开
  'R02,甲局,商业企业,2024-12-20,,,是,,,,', // 二, 四
  'R03,甲局,自然人,2025-01-05,2025-01-20,予以公开,否,,,,', // 一, 三 予以公开
  'R04,甲局,自然人,2025-02-01,2025-02-15,部分公开,否,是,结果维持,,', // 一, 部分公开; 复议 维持
  'R05,甲局,科研机构,2025-03-01,2025-03-10,属于国家秘密,,,,,结果维持', // 诉讼 type missing → 直接起诉
  'R06,甲局,社会公益组织,2025-03-05,2025-03-20,本机关不掌握相关政府信息,,是,,复议后起诉,结果纠正',
  'R07,甲局,法律服务机构,2025-04-01,2025-04-10,重复申请,,,,未经复议直接起诉,尚未审结',
  'R08,甲局,其他,2025-05-01,2025-05-20,申请人无正当理由逾期不补正,,,,,',
  'R09,甲局,自然人,2025-06-01,2025-06-30,申请人逾期未按收费通知要求缴纳费用,,,,,',
  'R10,甲局,自然人,2025-07-01,2025-07-05,其他,,是,结果纠正,,', // 一, （六）3.其他; 复议 纠正
  'R11,甲局,商业企业,2025-12-20,,,,,,,', // 一, 四
  'R12,甲局,自然人,2025-12-28,2026-01-05,予以公开,,,,,', // 一, 四 (replied next year)
  'R14,甲局,自然人,2024-05-01,2024-06-01,予以公开,,,,,', // closed in 2024: not in 2025
  'R15,甲局,自然人,2026-01-02,,,,,,,', // received 2026: not in 2025
  `R16,"${EVIL.replaceAll('"', '""')}",自然人,2025-08-01,2025-08-09,属于四类过程性信息,,是,其他结果,,`,
  'R17,甲局,自然人,2024-11-01,2024-12-15,予以公开,,是,结果维持,,', // 2024 review: not in 2025 四
  'R18,甲局,商业企业,2025-01-01,2025-01-10,保护第三方合法权益,是,,,,', // re-registered carry: 二
].join('\n');

// Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 (filled in by hand).
const Z = [0, 0, 0, 0, 0, 0, 0];
const EXPECTED_2021: [string, number[] | null][] = [
  ['一、本年新收政府信息公开申请数量', [6, 1, 1, 1, 1, 1, 11]],
  ['二、上年结转政府信息公开申请数量', [1, 2, 0, 0, 0, 0, 3]],
  ['三、本年度办理结果', null],
  ['（一）予以公开', [2, 0, 0, 0, 0, 0, 2]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [1, 0, 0, 0, 0, 0, 1]],
  ['（三）不予公开', null],
  ['1.属于国家秘密', [0, 0, 1, 0, 0, 0, 1]],
  ['2.其他法律行政法规禁止公开', Z],
  ['3.危及“三安全一稳定”', Z],
  ['4.保护第三方合法权益', [0, 1, 0, 0, 0, 0, 1]],
  ['5.属于三类内部事务信息', Z],
  ['6.属于四类过程性信息', [1, 0, 0, 0, 0, 0, 1]],
  ['7.属于行政执法案卷', Z],
  ['8.属于行政查询事项', Z],
  ['（四）无法提供', null],
  ['1.本机关不掌握相关政府信息', [0, 0, 0, 1, 0, 0, 1]],
  ['2.没有现成信息需要另行制作', Z],
  ['3.补正后申请内容仍不明确', Z],
  ['（五）不予处理', null],
  ['1.信访举报投诉类申请', Z],
  ['2.重复申请', [0, 0, 0, 0, 1, 0, 1]],
  ['3.要求提供公开出版物', Z],
  ['4.无正当理由大量反复申请', Z],
  ['5.要求行政机关确认或重新出具已获取信息', Z],
  ['（六）其他处理', null],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [0, 0, 0, 0, 0, 1, 1]],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [1, 0, 0, 0, 0, 0, 1]],
  ['3.其他', [1, 0, 0, 0, 0, 0, 1]],
  ['（七）总计', [6, 1, 1, 1, 1, 1, 11]],
  ['四、结转下年度继续办理', [1, 2, 0, 0, 0, 0, 3]],
];
// 2019: identical except （六）其他处理 is one data row (R08 + R09 + R10).
const EXPECTED_2019: [string, number[] | null][] = [
  ...EXPECTED_2021.slice(0, 24),
  ['（六）其他处理', [2, 0, 0, 0, 0, 1, 3]],
  ...EXPECTED_2021.slice(28),
];

const grid = (t: Table3) => t.rows.map((r) => [r.label, r.values] as [string, number[] | null]);

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  const summary = await importFile(engine, 'requests.csv', utf8(CSV));
  expect(summary).toMatchObject({ loaded: 17, rejected: 0 });
});
afterAll(() => engine.close());

describe('table 三', () => {
  it('matches the hand-filled 2021 table cell by cell', async () => {
    const t = await annualTable3(engine, { year: 2025, layout: '2021' });
    expect(grid(t)).toEqual(EXPECTED_2021);
    expect(t.quality).toEqual({
      outcomeWithoutReply: 0,
      repliedWithoutOutcome: 0,
      unknownApplicantType: 0,
      flaggedReceivedInYear: 1, // R18
      unplacedIds: { outcomeWithoutReply: [], repliedWithoutOutcome: [] },
    });
    expect(checkTable3(t)).toEqual([]);
  });

  it('matches the hand-filled 2019 table, where （六）其他处理 is a single row', async () => {
    const t = await annualTable3(engine, { year: 2025, layout: '2019' });
    expect(grid(t)).toEqual(EXPECTED_2019);
    expect(t.rows).toHaveLength(27);
    expect(t.rows.find((r) => r.label === '（六）其他处理')).toMatchObject({
      kind: 'data',
      key: 'other_total',
    });
    expect(checkTable3(t)).toEqual([]);
  });

  it('keeps labels and column headers verbatim', async () => {
    const t = await annualTable3(engine, { year: 2025, layout: '2021' });
    const labels = t.rows.map((r) => r.label);
    expect(labels).toContain('（一）予以公开');
    expect(labels).toContain('1.属于国家秘密');
    expect(labels).toContain('3.危及“三安全一稳定”');
    expect(labels.at(-1)).toBe('四、结转下年度继续办理');
    expect(t.rows.filter((r) => r.kind === 'group').map((r) => r.label)).toEqual([
      '三、本年度办理结果',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
    ]);
    expect(t.columns.map((c) => c.label)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(table3Cell(t, 'carried_forward', 'org_commercial')).toBe(2);
  });

  it('filters by agency with a bound parameter', async () => {
    const t = await annualTable3(engine, { year: 2025, layout: '2021', agency: EVIL });
    expect(table3Cell(t, 'new_received', 'total')).toBe(1);
    expect(table3Cell(t, 'denied_process_info', 'natural_person')).toBe(1);
    expect(table3Cell(t, 'total_processed', 'total')).toBe(1);
    const none = await annualTable3(engine, { year: 2025, layout: '2021', agency: "甲局' OR 1=1 --" });
    expect(table3Cell(none, 'new_received', 'total')).toBe(0);
  });
});

describe('table 四', () => {
  it('matches the hand-filled 15 cells', async () => {
    const t = await annualTable4(engine, { year: 2025 });
    // 复议: R04 维持, R10 纠正, R16 其他, R06 未审结 (no result). 直接起诉: R05 维持 (type inferred), R07 未审结.
    // 复议后起诉: R06 纠正. R17's review belongs to 2024.
    expect(table4Cells(t)).toEqual([1, 1, 1, 1, 4, 1, 0, 0, 1, 2, 0, 1, 0, 0, 1]);
    expect(t.inferredLitigationType).toBe(1);
    expect(checkTable4(t)).toEqual([]);
    const prev = await annualTable4(engine, { year: 2024 });
    expect(table4Cells(prev)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('integrity checks', () => {
  it('finds a planted inconsistency with labels and both sides', async () => {
    const t = await annualTable3(engine, { year: 2025, layout: '2021' });
    const planted: Table3 = structuredClone(t);
    const first = planted.rows[0]?.values;
    if (first) first[0] = 7; // 一、本年新收 自然人 6 → 7, 总计 left at 11
    expect(checkTable3(planted)).toEqual([
      {
        check: 'balance',
        table: '三',
        row: '（七）总计',
        column: '自然人',
        rule: '第一项+第二项=第三项+第四项',
        left: 8,
        right: 7,
      },
      {
        check: 'row_total',
        table: '三',
        row: '一、本年新收政府信息公开申请数量',
        column: '总计',
        rule: '总计=自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他',
        left: 11,
        right: 12,
      },
    ]);
    const t4 = await annualTable4(engine, { year: 2025 });
    const bad4 = structuredClone(t4);
    bad4.review.total = 5;
    expect(checkAnnualReport({ table3: t, table4: bad4 })).toEqual([
      {
        check: 'table4_total',
        table: '四',
        row: '行政复议',
        column: '总计',
        rule: '总计=结果维持+结果纠正+其他结果+尚未审结',
        left: 5,
        right: 4,
      },
    ]);
  });

  it('cross-year: 2025 二 vs 2024 四 differs only by the re-registered R18', async () => {
    const y2024 = await annualTable3(engine, { year: 2024, layout: '2021' });
    const y2025 = await annualTable3(engine, { year: 2025, layout: '2021' });
    // R01 and R02 carry the flag (relative to 2025) and were received in 2024, so 2024 counts them in 二.
    expect(y2024.quality.flaggedReceivedInYear).toBe(2);
    expect(checkTable3(y2024)).toEqual([]);
    expect(checkCarryOver(y2024, y2025).map((v) => [v.column, v.left, v.right])).toEqual([
      ['商业企业', 2, 1],
      ['总计', 3, 2],
    ]);
  });

  it('reports rows without an applicant type through the row-total check', async () => {
    const e = await NodeEngine.create();
    try {
      await importFile(
        e,
        'requests.csv',
        utf8('申请编号,收到申请日期,答复日期,办理结果\nX1,2025-03-01,2025-03-05,予以公开\n'),
      );
      const t = await annualTable3(e, { year: 2025, layout: '2019' });
      expect(t.quality.unknownApplicantType).toBe(1);
      expect(checkTable3(t).map((v) => [v.check, v.row, v.left, v.right])).toEqual([
        ['row_total', '一、本年新收政府信息公开申请数量', 1, 0],
        ['row_total', '（一）予以公开', 1, 0],
        ['row_total', '（七）总计', 1, 0],
      ]);
    } finally {
      await e.close();
    }
  });
});

describe('HTML', () => {
  it('renders table 三 with merged headers and escapes the agency name', async () => {
    const t = await annualTable3(engine, { year: 2025, layout: '2021', agency: EVIL });
    const html = renderTable3Html(t);
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      `<caption>${escapeHtml(EVIL)} 2025年度 三、收到和处理政府信息公开申请情况</caption>`,
    );
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;局');
    expect(html).toContain('rowspan="3" colspan="3"');
    expect(html).toContain('colspan="5" style');
    expect(html).toMatch(/<th rowspan="22"[^>]*>三、本年度办理结果<\/th>/);
    expect(html).toMatch(/<th rowspan="8"[^>]*>（三）不予公开<\/th>/);
    expect(html).toMatch(/<th colspan="3"[^>]*>四、结转下年度继续办理<\/th>/);
    expect(html).toContain('text-align:right">1</td>');
    expect(html.match(/<tr>/g)).toHaveLength(3 + 25); // 3 header rows + 25 data rows (2021)
    const h2019 = renderTable3Html(await annualTable3(engine, { year: 2025, layout: '2019' }), {
      caption: '',
    });
    expect(h2019).toMatch(/<th colspan="2"[^>]*>（六）其他处理<\/th>/);
    expect(h2019).toMatch(/<th rowspan="20"[^>]*>三、本年度办理结果<\/th>/);
    expect(h2019.match(/<tr>/g)).toHaveLength(3 + 23);
  });

  it('renders table 四 with its three header rows and 15 cells', async () => {
    const html = renderTable4Html(await annualTable4(engine, { year: 2025 }));
    expect(html).toMatch(/<th rowspan="2" colspan="5"[^>]*>行政复议<\/th>/);
    expect(html).toMatch(/<th colspan="10"[^>]*>行政诉讼<\/th>/);
    expect(html.match(/<td /g)).toHaveLength(15);
    expect(html.match(/>结果维持</g)).toHaveLength(3);
  });
});

describe('sample data/requests.csv', () => {
  it('gives a consistent 2025 table 三 and 四', async () => {
    const e = await NodeEngine.create();
    try {
      const bytes = readFileSync(new URL('../../../data/requests.csv', import.meta.url));
      await importFile(e, 'requests.csv', new Uint8Array(bytes));
      const t3 = await annualTable3(e, { year: 2025, layout: '2021' });
      const t4 = await annualTable4(e, { year: 2025 });
      const t2024 = await annualTable3(e, { year: 2024, layout: '2021' });
      expect(checkAnnualReport({ table3: t3, table4: t4, previous: t2024 })).toEqual([]);
      expect(table3Cell(t3, 'carried_over', 'total')).toBe(14); // received 2024, replied 2025 (data/README)
      expect(table3Cell(t3, 'carried_forward', 'total')).toBe(12); // received 2025, still open
      expect(t3.quality).toMatchObject({ outcomeWithoutReply: 0, repliedWithoutOutcome: 0 });
      expect(table4Cells(t4).every((n) => n === 0)).toBe(true); // the sample has no review/litigation columns
    } finally {
      await e.close();
    }
  });
});
