import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { caseList } from '../../core/src/drill/drill.ts';
import type { Engine } from '../../core/src/engine/types.ts';
import { WasmEngine } from '../../core/src/engine/wasm.ts';
import { importFile } from '../../core/src/import/import-file.ts';
import type { Filters } from '../../core/src/sql/filters.ts';
import { DRILL_ITEMS, drillCases } from '../../core/test/fixtures/drill.ts';
import type { AssessmentCaseList } from '../src/drill-down/case-list.ts';
import type { AssessmentItemBreakdown, DrillDetail } from '../src/drill-down/item-breakdown.ts';
import { sharedDuckDB } from '../src/duckdb/shared-db.ts';
import '../src/index.ts';
import '../src/drill-down/define.ts';

/**
 * Drill-down elements on a real DuckDB-WASM engine holding 3,000 cases whose personal columns were imported
 * in the clear (pii: 'keep'): the elements must show them masked all the same.
 */
const N = 3000;
// After the last submission (06-19): every case exists on the as-of day (core replay.ts), some still open.
const AS_OF = '2025-06-30';
const utf8 = (s: string) => new TextEncoder().encode(s);
let engine: WasmEngine;

beforeAll(async () => {
  document.documentElement.setAttribute('lang', 'zh-CN');
  const db = await sharedDuckDB('/node_modules/@duckdb/duckdb-wasm/dist/');
  engine = new WasmEngine(db, 'drill');
  expect(await importFile(engine, 'cases.csv', utf8(drillCases(N)), { pii: 'keep' })).toMatchObject({
    loaded: N,
    rejected: 0,
  });
  await importFile(engine, 'items.csv', utf8(DRILL_ITEMS));
}, 120_000);
afterAll(() => engine.close());

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} — ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`),
  );
}

const ready = (el: HTMLElement) =>
  new Promise<CustomEvent>((resolve, reject) => {
    el.addEventListener('ad-ready', (e) => resolve(e as CustomEvent), { once: true });
    el.addEventListener('ad-error', (e) => reject(new Error((e as CustomEvent).detail.message)), {
      once: true,
    });
  });

async function caseListEl(
  props: { filters?: Filters; lang?: string } = {},
  parent: HTMLElement = document.body,
): Promise<AssessmentCaseList> {
  const el = document.createElement('assessment-case-list');
  el.setAttribute('as-of', AS_OF);
  if (props.lang) el.setAttribute('lang', props.lang);
  el.filters = props.filters;
  const done = ready(el);
  el.engine = engine;
  parent.append(el);
  mounted.push(parent === document.body ? el : parent);
  await done;
  await el.updateComplete;
  return el;
}

async function breakdownEl(
  attrs: Record<string, string>,
  filters?: Filters,
): Promise<AssessmentItemBreakdown> {
  const el = document.createElement('assessment-item-breakdown');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.filters = filters;
  const done = ready(el);
  el.engine = engine;
  document.body.append(el);
  mounted.push(el);
  await done;
  await el.updateComplete;
  return el;
}

const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const renderedRows = (el: HTMLElement) => [...(el.shadowRoot?.querySelectorAll('tbody tr.row') ?? [])];
const scroller = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('.scroll')!;

describe('drill-down elements', () => {
  it('have no axe-core violations: case list, item and department tables, in both languages', async () => {
    const list = await caseListEl({ filters: { dept_name: ['县自然资源局'] } });
    await vi.waitFor(() => expect(pendingRows(list)).toBe(0));
    expect(await violations(list)).toEqual([]);
    const items = await breakdownEl({ 'as-of': AS_OF }, { dept_name: ['县市场监督管理局'] });
    expect(await violations(items)).toEqual([]);
    const depts = await breakdownEl({ 'as-of': AS_OF, level: 'dept', lang: 'en' });
    expect(await violations(depts)).toEqual([]);
  });

  it('renders far fewer rows than the total, with the row count and indexes for screen readers', async () => {
    const el = await caseListEl();
    const root = el.shadowRoot!;
    expect(el.total).toBe(N);
    expect(text(root.querySelector('caption'))).toBe('办件清单 共 3,000 件');
    expect(text(root.querySelector('[part="total"]'))).toBe('共 3,000 件');
    const table = root.querySelector('table')!;
    expect(table.getAttribute('aria-rowcount')).toBe(String(N + 1));
    expect(root.querySelectorAll('thead th[scope="col"]').length).toBe(13);
    const rows = renderedRows(el);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(rows.map((_, i) => String(i + 2)));
    const first = await caseList(engine, { asOf: AS_OF, limit: 1 });
    await vi.waitFor(() => expect(text(rows[0]?.querySelector('th'))).toBe(first.rows[0]?.case_id));
    const region = scroller(el);
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('aria-label')).toBe('办件清单');
  });

  it('scrolls by keyboard and to the very last case, which is the last case core returns', async () => {
    const el = await caseListEl();
    const region = scroller(el);
    region.focus();
    await userEvent.keyboard('{PageDown}{PageDown}{PageDown}');
    await vi.waitFor(() => expect(region.scrollTop).toBeGreaterThan(600));
    await vi.waitFor(() =>
      expect(Number(renderedRows(el)[0]?.getAttribute('aria-rowindex'))).toBeGreaterThan(2),
    );
    region.scrollTop = region.scrollHeight;
    const last = await caseList(engine, { asOf: AS_OF, offset: N - 1, limit: 1 });
    await vi.waitFor(
      () => {
        const rows = renderedRows(el);
        const end = rows[rows.length - 1];
        expect(end?.getAttribute('aria-rowindex')).toBe(String(N + 1));
        expect(text(end?.querySelector('th'))).toBe(last.rows[0]?.case_id);
      },
      { timeout: 10_000 },
    );
    // The last row is really in view, not just in the DOM.
    const rows = renderedRows(el);
    const box = rows[rows.length - 1]!.getBoundingClientRect();
    const view = region.getBoundingClientRect();
    expect(box.bottom).toBeLessThanOrEqual(view.bottom + 1);
    expect(box.top).toBeGreaterThanOrEqual(view.top);
    expect(renderedRows(el).length).toBeLessThan(60);
  });

  it('sorts by a column header, as core sorts, and says so with aria-sort', async () => {
    const el = await caseListEl({ filters: { dept_name: ['县自然资源局'] } });
    const root = el.shadowRoot!;
    const header = () =>
      [...root.querySelectorAll<HTMLElement>('thead th')].find((th) =>
        text(th).startsWith('超期（工作日）'),
      )!;
    expect(header().getAttribute('aria-sort')).toBe('none');
    const sorted = new Promise<CustomEvent>((r) =>
      el.addEventListener('ad-sort', (e) => r(e as CustomEvent), { once: true }),
    );
    header().querySelector('button')!.click();
    expect((await sorted).detail).toEqual({ column: 'overdue_wd', direction: 'asc' });
    header().querySelector('button')!.click();
    await el.updateComplete;
    expect(header().getAttribute('aria-sort')).toBe('descending');
    const expected = await caseList(engine, {
      asOf: AS_OF,
      filters: { dept_name: ['县自然资源局'] },
      sort: { column: 'overdue_wd', direction: 'desc' },
      limit: 5,
    });
    await vi.waitFor(() =>
      expect(
        renderedRows(el)
          .slice(0, 5)
          .map((r) => text(r.querySelector('th'))),
      ).toEqual(expected.rows.map((r) => r.case_id)),
    );
    expect(expected.rows[0]?.overdue_wd).toBeGreaterThan(0);
    expect(text(renderedRows(el)[0]?.children[9])).toBe(`超期 ${expected.rows[0]?.overdue_wd} 个工作日`);
  });

  it('shows personal columns masked only, though imported in the clear', async () => {
    const el = await caseListEl({ filters: { dept_name: ['县人力资源和社会保障局'] } });
    const root = el.shadowRoot!;
    const heads = [...root.querySelectorAll('thead th')].map((th) => text(th));
    expect(heads.slice(-3)).toEqual(['申请人姓名', '联系电话', '身份证号']);
    await vi.waitFor(() => expect(root.querySelector('tr.pending')).toBeNull());
    const rows = renderedRows(el);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      const cells = [...r.children].slice(-3).map((c) => text(c));
      expect(cells[0]).toMatch(/^\p{Script=Han}\*+$/u);
      expect(cells[1]).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(cells[2]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
    expect(root.textContent).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/);
  });

  it('fires ad-drill for an item chosen by click or Enter, with the filters of its case list', async () => {
    const el = await breakdownEl({ 'as-of': AS_OF }, { dept_name: ['县市场监督管理局'] });
    const root = el.shadowRoot!;
    expect(text(root.querySelector('caption'))).toContain('县市场监督管理局：各事项办理情况');
    const names = [...root.querySelectorAll('tbody th[scope="row"] button')].map((b) => text(b));
    expect(names.sort()).toEqual(['个体工商户设立登记（目录）', '食品经营许可证核发（新办）']);
    const drills: DrillDetail[] = [];
    el.addEventListener('ad-drill', (e) => drills.push((e as CustomEvent<DrillDetail>).detail));
    const button = [...root.querySelectorAll<HTMLButtonElement>('tbody button')].find(
      (b) => text(b) === '个体工商户设立登记（目录）',
    )!;
    button.click();
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(drills).toHaveLength(2);
    expect(drills[0]).toMatchObject({
      level: 'item',
      code: 'IT-A2',
      filters: { dept_name: ['县市场监督管理局'], item_code: ['IT-A2'] },
    });
    // Opening the case list with those filters lists exactly the item's cases.
    const list = await caseListEl({ filters: drills[0]!.filters });
    expect(list.total).toBe(drills[0]!.row.cases);
    // The totals row equals the department's case count.
    const all = await caseList(engine, {
      asOf: AS_OF,
      filters: { dept_name: ['县市场监督管理局'] },
      limit: 0,
    });
    expect(text(root.querySelectorAll('tfoot td')[1])).toBe(all.total.toLocaleString('zh-CN'));
  });

  it('fires ad-drill with the department for a department row clicked anywhere', async () => {
    const el = await breakdownEl({ 'as-of': AS_OF, level: 'dept' });
    const drills: DrillDetail[] = [];
    el.addEventListener('ad-drill', (e) => drills.push((e as CustomEvent<DrillDetail>).detail));
    const row = [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) =>
      text(r).startsWith('县自然资源局'),
    )!;
    (row.querySelector('td:last-child') as HTMLElement).click();
    expect(drills.map((d) => [d.level, d.name, d.filters])).toEqual([
      ['dept', '县自然资源局', { dept_name: ['县自然资源局'] }],
    ]);
  });

  it('speaks English with lang="en"', async () => {
    const list = await caseListEl({ lang: 'en' });
    const root = list.shadowRoot!;
    expect(text(root.querySelector('caption'))).toBe('Cases 3,000 cases');
    expect([...root.querySelectorAll('thead th')].slice(0, 4).map((th) => text(th))).toEqual([
      'Case',
      'Service item',
      'Department',
      'Channel',
    ]);
    await vi.waitFor(() => expect(root.querySelector('tr.pending')).toBeNull());
    const channels = renderedRows(list).map((r) => text(r.children[3]));
    expect(
      channels.every((c) => /^(Online \((PC|mobile)\)|Service window|Self-service terminal|Mail)$/.test(c)),
    ).toBe(true);
    const depts = await breakdownEl({ 'as-of': AS_OF, level: 'dept', lang: 'en' });
    expect(text(depts.shadowRoot!.querySelector('caption'))).toBe(
      'DepartmentsChoose a department to see its service items.',
    );
    expect(text(depts.shadowRoot!.querySelector('thead th'))).toBe('Department');
  });

  it('fits a 360 px wide page: the table scrolls sideways inside the element', async () => {
    const box = document.createElement('div');
    box.style.width = '360px';
    document.body.append(box);
    const el = await caseListEl({}, box);
    const region = scroller(el);
    expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    expect(region.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
    expect(box.scrollWidth).toBeLessThanOrEqual(360);
  });

  it('reloads when the filters change in value, not for an equal new object', async () => {
    let queries = 0;
    const counting: Engine = {
      name: 'counting',
      query: (sql, params) => {
        queries++;
        return engine.query(sql, params);
      },
      exec: (sql) => engine.exec(sql),
      registerText: (name, body) => engine.registerText(name, body),
      close: async () => {},
    };
    const el = document.createElement('assessment-case-list');
    el.setAttribute('as-of', AS_OF);
    el.filters = { dept_name: ['县自然资源局'] };
    const first = ready(el);
    el.engine = counting;
    document.body.append(el);
    mounted.push(el);
    await first;
    await el.updateComplete;
    const before = queries;
    expect(before).toBeGreaterThan(0);
    el.filters = { dept_name: ['县自然资源局'] };
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(queries).toBe(before);
    const again = ready(el);
    el.filters = { dept_name: ['县市场监督管理局'] };
    const { detail } = await again;
    expect(queries).toBeGreaterThan(before);
    expect(detail.total).toBe(
      (await caseList(engine, { asOf: AS_OF, filters: { dept_name: ['县市场监督管理局'] }, limit: 0 })).total,
    );
  });

  it('works on its own with fetchPage', async () => {
    const el = document.createElement('assessment-case-list');
    const calls: [number, number][] = [];
    el.fetchPage = async (offset, limit) => {
      calls.push([offset, limit]);
      return caseList(engine, { asOf: AS_OF, offset, limit, filters: { item_code: ['IT-B9'] } });
    };
    const done = ready(el);
    document.body.append(el);
    mounted.push(el);
    const { detail } = await done;
    const expected = await caseList(engine, { asOf: AS_OF, limit: 0, filters: { item_code: ['IT-B9'] } });
    expect(detail.total).toBe(expected.total);
    expect(calls[0]).toEqual([0, 100]);
  });
});

describe('millions of rows', () => {
  it('compresses the scroll range and still reaches the middle and the very last row', async () => {
    const TOTAL = 3_000_000;
    const id = (i: number) => `M${String(i).padStart(7, '0')}`;
    const el = document.createElement('assessment-case-list');
    el.fetchPage = async (offset, limit) => ({
      total: TOTAL,
      rows: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => ({
        case_id: id(offset + k),
        item_code: null,
        item_name: null,
        dept_name: null,
        apply_channel: null,
        submitted_at: null,
        accepted_at: null,
        closed_at: null,
        due_day: null,
        status: null,
        overdue: null,
        overdue_wd: null,
        personal: {},
      })),
    });
    const done = ready(el);
    document.body.append(el);
    mounted.push(el);
    await done;
    await el.updateComplete;
    const region = scroller(el);
    // Far below 3,000,000 rows × 36 px: browsers cannot lay out an element that tall.
    expect(region.scrollHeight).toBeLessThan(10_000_000);
    expect(region.scrollHeight).toBeGreaterThan(1_000_000);
    el.scrollToRow(1_500_000);
    await vi.waitFor(() => {
      const visible = renderedRows(el).filter((r) => {
        const b = r.getBoundingClientRect();
        const v = region.getBoundingClientRect();
        return b.top >= v.top && b.bottom <= v.bottom && !r.classList.contains('pending');
      });
      const indexes = visible.map((r) => Number(r.getAttribute('aria-rowindex')) - 2);
      expect(indexes.length).toBeGreaterThan(3);
      expect(Math.abs((indexes[0] ?? 0) - 1_500_000)).toBeLessThan(20);
      expect(text(visible[0]?.querySelector('th'))).toBe(id(indexes[0] ?? -1));
    });
    region.scrollTop = region.scrollHeight;
    await vi.waitFor(() => {
      const rows = renderedRows(el);
      const end = rows[rows.length - 1];
      expect(end?.getAttribute('aria-rowindex')).toBe(String(TOTAL + 1));
      expect(text(end?.querySelector('th'))).toBe(id(TOTAL - 1));
      expect(end!.getBoundingClientRect().bottom).toBeLessThanOrEqual(
        region.getBoundingClientRect().bottom + 1,
      );
      expect(end!.getBoundingClientRect().top).toBeGreaterThanOrEqual(region.getBoundingClientRect().top);
    });
    expect(renderedRows(el).length).toBeLessThan(60);
  });
});

describe('hostile text', () => {
  it('is shown literally in both tables, never run', async () => {
    const evil = '<img src=x onerror="window.__drillPwned=1">';
    const el = document.createElement('assessment-case-list');
    el.fetchPage = async () => ({
      total: 1,
      rows: [
        {
          case_id: '<script>window.__drillPwned=1</script>',
          item_code: null,
          item_name: evil,
          dept_name: '\u202E局',
          apply_channel: 'javascript:alert(1)',
          submitted_at: null,
          accepted_at: null,
          closed_at: null,
          due_day: null,
          status: null,
          overdue: null,
          overdue_wd: null,
          personal: {},
        },
      ],
    });
    const done = ready(el);
    document.body.append(el);
    mounted.push(el);
    await done;
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script')).toBeNull();
    expect(text(renderedRows(el)[0]?.children[1])).toBe(evil);
    expect(text(renderedRows(el)[0]?.children[3])).toBe('javascript:alert(1)');
    const b = document.createElement('assessment-item-breakdown');
    const counts = {
      cases: 1,
      online_apply: 0,
      accepted: 1,
      closed: 0,
      overdue: 0,
      open_overdue: 0,
      closed_with_due: 0,
      on_time: 0,
    };
    b.breakdown = {
      asOf: '2025-05-31 23:59:59',
      level: 'item',
      rows: [{ code: evil, name: evil, filters: { item_code: [evil] }, ...counts }],
      total: counts,
    };
    document.body.append(b);
    mounted.push(b);
    await b.updateComplete;
    expect(b.shadowRoot!.querySelector('img, script')).toBeNull();
    expect(text(b.shadowRoot!.querySelector('tbody button'))).toBe(evil);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __drillPwned?: number }).__drillPwned).toBeUndefined();
  });
});

/** Rows still waiting for their page. */
function pendingRows(el: HTMLElement): number {
  return el.shadowRoot?.querySelectorAll('tr.pending').length ?? 0;
}
