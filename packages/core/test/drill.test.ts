import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseCalendar } from '../src/calendar/calendar.ts';
import { workingDaysBetween } from '../src/calendar/working-days.ts';
import { caseList, drillBreakdown, itemBreakdown } from '../src/drill/drill.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import type { Filters } from '../src/sql/filters.ts';
import { DRILL_ITEMS, drillCases } from './fixtures/drill.ts';

/** Drill-down department → item → case list on real DuckDB, checked against count(*) and the indicators. */
const N = 600;
// After the last submission (06-19): every case exists on the as-of day (replay.ts), some still open.
const AS_OF = '2025-06-30';
const bytes = (s: string) => new TextEncoder().encode(s);
let engine: NodeEngine;

beforeAll(async () => {
  engine = await NodeEngine.create();
  // Personal columns kept in the clear on import: the drill-down must mask them by itself.
  const cases = await importFile(engine, 'cases.csv', bytes(drillCases(N)), { pii: 'keep' });
  expect([cases.loaded, cases.rejected]).toEqual([N, 0]);
  expect(cases.pii.map((p) => [p.column, p.action])).toEqual([
    ['申请人姓名', 'keep'],
    ['联系电话', 'keep'],
    ['身份证号', 'keep'],
  ]);
  await importFile(engine, 'items.csv', bytes(DRILL_ITEMS));
});
afterAll(() => engine.close());

const count = async (where: string, params: (string | null)[] = []) =>
  Number((await engine.query(`SELECT count(*)::DOUBLE AS n FROM cases WHERE ${where}`, params)).get(0)?.n);

const FILTERS: [string, Filters, string, string[]][] = [
  ['none', {}, 'TRUE', []],
  ['one department', { dept_name: ['县自然资源局'] }, 'dept_name = ?', ['县自然资源局']],
  [
    'department and channel',
    { dept_name: ['县市场监督管理局'], apply_channel: ['window', 'online_pc'] },
    "dept_name = ? AND apply_channel IN ('window', 'online_pc')",
    ['县市场监督管理局'],
  ],
  ['an item', { item_code: ['IT-A2'] }, 'item_code = ?', ['IT-A2']],
];

describe('caseList', () => {
  it.each(FILTERS)('total equals count(*) under %s', async (_, filters, where, params) => {
    const expected = await count(where, params);
    expect(expected).toBeGreaterThan(0);
    const list = await caseList(engine, { filters, asOf: AS_OF, limit: 5 });
    expect(list.total).toBe(expected);
    expect(list.rows).toHaveLength(Math.min(5, expected));
  });

  it('a month range counts by 申请时间', async () => {
    const list = await caseList(engine, { asOf: AS_OF, period: { from: '2025-02-01', to: '2025-04-01' } });
    expect(list.total).toBe(
      await count(
        "CAST(submitted_at AS DATE) >= DATE '2025-02-01' AND CAST(submitted_at AS DATE) < DATE '2025-04-01'",
      ),
    );
    expect(list.total).toBeLessThan(N);
  });

  it('pages are stable under every sort: no case twice, none missing', async () => {
    for (const sort of [
      { column: 'submitted_at', direction: 'asc' },
      { column: 'status', direction: 'desc' },
      { column: 'overdue_wd', direction: 'desc' },
      { column: 'item_name', direction: 'asc' },
    ] as const) {
      const ids: string[] = [];
      for (let offset = 0; offset < N + 70; offset += 70) {
        const page = await caseList(engine, { asOf: AS_OF, offset, limit: 70, sort });
        ids.push(...page.rows.map((r) => r.case_id));
      }
      expect(ids).toHaveLength(N);
      expect(new Set(ids).size).toBe(N);
    }
    const first = await caseList(engine, { asOf: AS_OF, limit: 3, sort: { column: 'case_id' } });
    expect(first.rows.map((r) => r.case_id)).toEqual(['DR00001', 'DR00002', 'DR00003']);
    const last = await caseList(engine, {
      asOf: AS_OF,
      limit: 3,
      sort: { column: 'case_id', direction: 'desc' },
    });
    expect(last.rows[0]?.case_id).toBe(`DR00${N}`);
  });

  it('sorts by a whitelisted column only', async () => {
    await expect(
      caseList(engine, { sort: { column: 'case_id; DROP TABLE cases' as 'case_id' } }),
    ).rejects.toThrow(/cannot sort/);
    expect(await count('TRUE')).toBe(N);
  });

  it('a hostile filter value or column is inert', async () => {
    for (const value of ["' OR 1=1 --", "县自然资源局'; DROP TABLE cases; --", '") OR TRUE --']) {
      const list = await caseList(engine, { filters: { dept_name: [value] }, asOf: AS_OF });
      expect(list.total).toBe(0);
      expect(list.rows).toEqual([]);
      const b = await itemBreakdown(engine, { filters: { dept_name: [value] }, asOf: AS_OF });
      expect(b.rows).toEqual([]);
    }
    // An unknown column is ignored, as by the indicators.
    const ignored = await caseList(engine, { filters: { 'x" = 1 OR "y': ['1'] }, asOf: AS_OF, limit: 1 });
    expect(ignored.total).toBe(N);
    expect(await count('TRUE')).toBe(N);
  });

  it('masks every personal column in every row, though imported with pii: keep', async () => {
    const raw = (await engine.query('SELECT 联系电话 FROM cases WHERE case_id = ?', ['DR00006'])).get(
      0,
    )?.联系电话;
    expect(String(raw)).toMatch(/^1[3-9]\d{9}$/);
    const list = await caseList(engine, { asOf: AS_OF, limit: N, sort: { column: 'case_id' } });
    expect(list.personalColumns).toEqual([
      { column: '申请人姓名', kind: 'name' },
      { column: '联系电话', kind: 'phone' },
      { column: '身份证号', kind: 'id_number' },
    ]);
    expect(list.rows).toHaveLength(N);
    for (const r of list.rows) {
      expect(r.personal.申请人姓名).toMatch(/^\p{Script=Han}\*+$/u);
      expect(r.personal.联系电话).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(r.personal.身份证号).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(JSON.stringify(r)).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/);
    }
    const six = list.rows[5];
    expect(six?.personal).toEqual({
      申请人姓名: '张**',
      联系电话: `136****${String(raw).slice(-4)}`,
      身份证号: '110105********0066',
    });
  });

  it('gives the reviewer columns, with the catalogue name and overdue working days', async () => {
    const list = await caseList(engine, { asOf: AS_OF, limit: N, sort: { column: 'case_id' } });
    const b9 = list.rows.find((r) => r.item_code === 'IT-B9');
    expect(b9?.item_name).toBe('不动产首次登记');
    const a2 = list.rows.find((r) => r.item_code === 'IT-A2');
    expect(a2?.item_name).toBe('个体工商户设立登记');
    const row = list.rows[0];
    expect(Object.keys(row ?? {})).toEqual([
      'case_id',
      'item_code',
      'item_name',
      'dept_name',
      'apply_channel',
      'submitted_at',
      'accepted_at',
      'closed_at',
      'due_day',
      'status',
      'overdue',
      'overdue_wd',
      'personal',
    ]);
    expect(row?.submitted_at).toMatch(/^2025-\d\d-\d\d 09:00:00$/);
    const late = list.rows.filter((r) => r.overdue);
    expect(late.length).toBeGreaterThan(0);
    // Late means the end day (closing, or the as-of day while open) reached the first working day past the
    // due day, so at least one working day over; the count is the JS calendar's, not the SQL's own.
    const cal = chineseCalendar();
    for (const r of late) {
      const end = r.closed_at && r.closed_at.slice(0, 10) <= AS_OF ? r.closed_at.slice(0, 10) : AS_OF;
      expect(r.overdue_wd, r.case_id).toBeGreaterThan(0);
      expect(r.overdue_wd, r.case_id).toBe(workingDaysBetween(cal, r.due_day ?? '', end));
    }
    for (const r of list.rows.filter((x) => x.overdue === false)) expect(r.overdue_wd).toBe(0);
    // Sorted by lateness, the first case is the latest one.
    const worst = await caseList(engine, {
      asOf: AS_OF,
      limit: 1,
      sort: { column: 'overdue_wd', direction: 'desc' },
    });
    expect(worst.rows[0]?.overdue_wd).toBe(Math.max(...late.map((r) => r.overdue_wd ?? 0)));
  });
});

describe('drillBreakdown', () => {
  const indicator = async (filters: Filters, key: string) => {
    const [c] = await computeIndicators(engine, { filters, asOf: AS_OF, keys: [key] });
    return c?.result;
  };

  it.each(['县市场监督管理局', '县自然资源局', '县人力资源和社会保障局'])(
    "%s: per-item counts add up to the department's and equal the indicators",
    async (dept) => {
      const filters = { dept_name: [dept] };
      const b = await itemBreakdown(engine, { filters, asOf: AS_OF });
      expect(b.rows.length).toBeGreaterThan(0);
      expect(b.total.cases).toBe(await count('dept_name = ?', [dept]));
      expect(b.rows.reduce((s, r) => s + r.cases, 0)).toBe(b.total.cases);
      const online = await indicator(filters, 'case.online_apply_rate');
      expect([b.total.online_apply, b.total.cases]).toEqual([online?.numerator, online?.denominator]);
      const closure = await indicator(filters, 'case.closure_rate');
      expect([b.total.closed, b.total.accepted]).toEqual([closure?.numerator, closure?.denominator]);
      const onTime = await indicator(filters, 'case.on_time_rate');
      expect([b.total.on_time, b.total.closed_with_due]).toEqual([onTime?.numerator, onTime?.denominator]);
      expect(b.total.overdue).toBe((await indicator(filters, 'case.overdue_count'))?.value);
      expect(b.total.open_overdue).toBe((await indicator(filters, 'case.red'))?.value);
      expect(b.total.overdue).toBeGreaterThan(0);
      // Each item row is its own filter: the indicators under it give the row's numbers.
      for (const row of b.rows) {
        const r = await indicator(row.filters, 'case.online_apply_rate');
        expect([row.online_apply, row.cases]).toEqual([r?.numerator, r?.denominator]);
        expect((await caseList(engine, { filters: row.filters, asOf: AS_OF, limit: 0 })).total).toBe(
          row.cases,
        );
      }
    },
  );

  it('names items from the catalogue, else from the cases, and items without a code by name', async () => {
    const b = await itemBreakdown(engine, { asOf: AS_OF });
    const byName = Object.fromEntries(b.rows.map((r) => [r.name, r.code]));
    expect(byName).toEqual({
      '食品经营许可证核发（新办）': 'IT-A1',
      '个体工商户设立登记（目录）': 'IT-A2',
      建设工程规划许可证核发: 'IT-B1',
      不动产首次登记: 'IT-B9',
      失业保险金申领: null,
    });
    expect(b.rows.find((r) => r.code === null)?.filters).toEqual({ item_name: ['失业保险金申领'] });
    expect(b.total.cases).toBe(N);
  });

  it('per department, with the filters that open each department', async () => {
    const b = await drillBreakdown(engine, { level: 'dept', asOf: AS_OF });
    expect(b.rows.map((r) => r.name).sort()).toEqual([
      '县人力资源和社会保障局',
      '县市场监督管理局',
      '县自然资源局',
    ]);
    expect(b.total.cases).toBe(N);
    for (const r of b.rows) expect(r.filters).toEqual({ dept_name: [r.name] });
    const all = await indicator({}, 'case.online_apply_rate');
    expect(b.total.online_apply).toBe(all?.numerator);
  });

  it('a period counts each number by its indicator date', async () => {
    const period = { from: '2025-03-01', to: '2025-04-01' };
    const b = await itemBreakdown(engine, { asOf: AS_OF, period });
    expect(b.total.cases).toBe(
      await count(
        "CAST(submitted_at AS DATE) >= DATE '2025-03-01' AND CAST(submitted_at AS DATE) < DATE '2025-04-01'",
      ),
    );
    expect(b.total.on_time).toBeLessThanOrEqual(b.total.closed_with_due);
    expect(b.total.closed_with_due).toBe(
      Number(
        (
          await engine.query(
            `SELECT count(*)::DOUBLE AS n FROM case_facts WHERE closed_day IS NOT NULL AND due_day IS NOT NULL
             AND closed_day >= DATE '2025-03-01' AND closed_day < DATE '2025-04-01'`,
          )
        ).get(0)?.n,
      ),
    );
    await expect(
      itemBreakdown(engine, { period: { from: "2025-03-01'", to: '2025-04-01' } }),
    ).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('personal columns found by their values', () => {
  it('are masked after a new file with the same headers brings phone numbers', async () => {
    const e = await NodeEngine.create();
    try {
      const file = (v: string) => `办件编号,申请时间,备用\nX1,2025-01-02,${v}\nX2,2025-01-03,${v}\n`;
      await importFile(e, 'a.csv', bytes(file('无')), { pii: 'keep' });
      const before = await caseList(e, { asOf: AS_OF });
      expect(before.personalColumns).toEqual([]);
      await importFile(e, 'b.csv', bytes(file('13912345678')), { pii: 'keep' });
      const after = await caseList(e, { asOf: AS_OF });
      expect(after.personalColumns).toEqual([{ column: '备用', kind: 'phone' }]);
      expect(after.rows.map((r) => r.personal.备用)).toEqual(['139****5678', '139****5678']);
    } finally {
      await e.close();
    }
  });
});
