import { calendarJoin, workingDaysBetweenExpr } from '../calendar/sql-joins.ts';
import type { Engine } from '../engine/types.ts';
import { Binder } from '../import/parse-sql.ts';
import { detectPii, type PiiKind, piiExpression } from '../import/pii.ts';
import { type ComputeOptions, prepareComputation } from '../indicators/compute.ts';
import { CASE_FACTS } from '../indicators/facts.ts';
import { replayed } from '../indicators/replay.ts';
import { DATASETS } from '../schema/datasets.ts';
import { type Filters, filterPredicate } from '../sql/filters.ts';
import { ident, type SqlValue } from '../sql/quote.ts';
import { type IndicatorRows, indicatorRowFlag, indicatorRowsPredicate, inPeriod } from './indicator-rows.ts';

/**
 * Drill-down department → service item → case list (电子监察 / 考核复核): the per-department or per-item
 * counts a reviewer compares with the indicators, and the cases behind them page by page. Filters are the
 * indicators' `Filters` (bound values, columns the case table lacks ignored); every number is computed by
 * the same rules as the indicator it stands beside, so the counts of a breakdown add up to the indicator
 * numbers under the same filters.
 */
export interface DrillOptions extends Pick<ComputeOptions, 'asOf' | 'config' | 'calendar' | 'filters'> {
  /**
   * A reporting period, 'YYYY-MM-DD' days [from, to) (e.g. a month range). Each count uses its indicator's
   * period date: applications by 申请时间 (cases, online), overdue by 受理时间, closures by 受理时间 and on-time
   * closures by 办结时间; open-overdue is judged on the as-of day. The case list uses 申请时间.
   */
  period?: { from: string; to: string };
}

export type DrillLevel = 'dept' | 'item';

export interface BreakdownOptions extends DrillOptions {
  /** 'dept': one row per 受理部门; 'item' (default): one row per service item (实施编码, else 事项名称) */
  level?: DrillLevel;
}

export interface BreakdownRow {
  /** dept: the department name; item: 实施编码 (null when the cases have none) */
  code: string | null;
  /** dept: the department name; item: 事项名称 from the catalogue when loaded, else from the cases */
  name: string | null;
  /** the filters that select this row's cases (to open the next level or the case list) */
  filters: Filters;
  /** cases (the denominator of 上网办理率) */
  cases: number;
  /** cases applied for online (numerator of case.online_apply_rate) */
  online_apply: number;
  /** accepted cases (denominator of case.closure_rate) */
  accepted: number;
  /** accepted cases that are closed (numerator of case.closure_rate) */
  closed: number;
  /** closed after their due day, or open past it, as of the as-of day (case.overdue_count) */
  overdue: number;
  /** open past their due day on the as-of day (case.red, 红牌) */
  open_overdue: number;
  /** closed cases with a due day (denominator of case.on_time_rate) */
  closed_with_due: number;
  /** closed on or before their due day (numerator of case.on_time_rate) */
  on_time: number;
}

export interface Breakdown {
  asOf: string;
  level: DrillLevel;
  /** largest first (cases, then name) */
  rows: BreakdownRow[];
  /** the sums over all rows */
  total: Omit<BreakdownRow, 'code' | 'name' | 'filters'>;
}

/** Each count of a breakdown row: one side of an indicator, by that indicator's own conditions. */
const COUNTS = {
  cases: { key: 'case.online_apply_rate', rows: 'denominator' },
  online_apply: { key: 'case.online_apply_rate', rows: 'numerator' },
  accepted: { key: 'case.closure_rate', rows: 'denominator' },
  closed: { key: 'case.closure_rate', rows: 'numerator' },
  overdue: { key: 'case.overdue_count', rows: 'numerator' },
  open_overdue: { key: 'case.red', rows: 'numerator' },
  closed_with_due: { key: 'case.on_time_rate', rows: 'denominator' },
  on_time: { key: 'case.on_time_rate', rows: 'numerator' },
} as const satisfies Record<string, IndicatorRows>;
const COUNT_NAMES = Object.keys(COUNTS) as (keyof typeof COUNTS)[];

interface Prepared {
  asOf: string;
  hasItems: boolean;
  columns: string[];
  /** `WITH p AS (...), c AS (...)`: the filtered case facts with `as_of_day` and the period `p_from`, `p_to` */
  cte: string;
  params: SqlValue[];
}

async function prepare(engine: Engine, options: DrillOptions): Promise<Prepared> {
  const { tables, asOf } = await prepareComputation(engine, options);
  const columns = tables.get(CASE_FACTS);
  if (!columns) throw new Error('No case export (办件) is loaded: the drill-down needs one.');
  const period = options.period;
  for (const d of period ? [period.from, period.to] : []) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`period day "${d}" is not YYYY-MM-DD`);
  }
  const f = filterPredicate(options.filters, tables.get(DATASETS.cases.table) ?? []);
  // The cases as they stood on the as-of day, as every indicator reads them (replay.ts).
  const src = replayed(CASE_FACTS, { asOf, columns: tables.get(DATASETS.cases.table) ?? [] }, 'f');
  const cte = `WITH p AS (SELECT CAST(?::TIMESTAMP AS DATE) AS as_of_day, CAST(? AS DATE) AS p_from,
      CAST(? AS DATE) AS p_to),
    c AS (SELECT f.*, as_of_day, p_from, p_to FROM ${src.text}, p WHERE ${f.text})`;
  return {
    asOf,
    hasItems: tables.get('items')?.includes('item_code') ?? false,
    columns,
    cte,
    params: [asOf, period?.from ?? null, period?.to ?? null, ...src.params, ...f.params],
  };
}

/**
 * Per department or per service item: cases, online applications, closures, overdue (closed late or open
 * past due), open-overdue (红牌) and on-time closures, with the filters that open each row. The item level
 * names items from the catalogue (事项清单) when it is loaded.
 */
export async function drillBreakdown(engine: Engine, options: BreakdownOptions = {}): Promise<Breakdown> {
  const level: DrillLevel = options.level ?? 'item';
  const q = await prepare(engine, options);
  const catalogue = q.hasItems && level === 'item';
  const join = catalogue
    ? 'LEFT JOIN (SELECT item_code AS i_code, any_value(item_name) AS i_name FROM items GROUP BY ALL) AS i ON i.i_code = c.item_code'
    : '';
  const key =
    level === 'dept'
      ? 'c.dept_name AS g_code, c.dept_name AS g_name'
      : 'c.item_code AS g_code, CASE WHEN c.item_code IS NULL THEN c.item_name END AS g_name';
  const name =
    // The most frequent name, a tie to the smallest (ordered: DuckDB's plain mode follows arrival order).
    level === 'dept'
      ? 'g_name'
      : `coalesce(${catalogue ? 'any_value(i_name), ' : ''}mode(item_name ORDER BY item_name))`;
  const counts = COUNT_NAMES.map(
    (k) => `count(*) FILTER (WHERE ${indicatorRowsPredicate(COUNTS[k])})::DOUBLE AS ${ident(k)}`,
  );
  const table = await engine.query(
    `${q.cte},
    g AS (SELECT c.*, ${key}${catalogue ? ', i.i_name' : ''} FROM c ${join})
    SELECT g_code AS code, ${name} AS name, ${counts.join(',\n      ')}
    FROM g
    GROUP BY g_code, g_name
    ORDER BY cases DESC, name NULLS LAST, code NULLS LAST`,
    q.params,
  );
  const rows = table.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    const code = (o.code as string | null) ?? null;
    const rowName = (o.name as string | null) ?? null;
    const filters: Filters =
      level === 'dept'
        ? { ...options.filters, dept_name: [code] }
        : code !== null
          ? { ...options.filters, item_code: [code] }
          : { ...options.filters, item_name: [rowName] };
    const row = { code, name: rowName, filters } as BreakdownRow;
    for (const k of COUNT_NAMES) row[k] = Number(o[k] ?? 0);
    return row;
  });
  const total = Object.fromEntries(
    COUNT_NAMES.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)]),
  ) as Breakdown['total'];
  return { asOf: q.asOf, level, rows, total };
}

/** `drillBreakdown` at the item level: the service items of the filtered cases (e.g. one department's). */
export const itemBreakdown = (engine: Engine, options: DrillOptions = {}): Promise<Breakdown> =>
  drillBreakdown(engine, { ...options, level: 'item' });

/** Columns the case list can be sorted by (anything else is refused, never pasted into SQL). */
export const CASE_SORT_COLUMNS = [
  'case_id',
  'item_name',
  'dept_name',
  'apply_channel',
  'submitted_at',
  'accepted_at',
  'closed_at',
  'due_day',
  'status',
  'overdue_wd',
] as const;
export type CaseSortColumn = (typeof CASE_SORT_COLUMNS)[number];

export interface CaseListOptions extends DrillOptions {
  /**
   * Only the cases behind one side of an indicator that counts cases (its numerator, e.g. the overdue cases
   * of case.overdue_count, or its denominator), dated by that indicator's period column; default: every
   * case, by 申请时间.
   */
  indicator?: IndicatorRows;
  /** first row (default 0) */
  offset?: number;
  /** rows returned (default 100, at most 1,000) */
  limit?: number;
  /** default: submitted_at ascending; ties always by case_id, so pages never overlap */
  sort?: { column: CaseSortColumn; direction?: 'asc' | 'desc' };
}

export interface CaseListRow {
  case_id: string;
  item_code: string | null;
  item_name: string | null;
  dept_name: string | null;
  apply_channel: string | null;
  /** 'YYYY-MM-DD HH:MM:SS' */
  submitted_at: string | null;
  accepted_at: string | null;
  closed_at: string | null;
  /** 'YYYY-MM-DD', the promised due day on the working-day calendar (pauses and extensions included) */
  due_day: string | null;
  status: string | null;
  /** closed after its due day, or open past it, on the as-of day (null: no due day, or not yet accepted) */
  overdue: boolean | null;
  /** working days past the due day (to the closing day, or the as-of day while open); null without a calendar */
  overdue_wd: number | null;
  /** personal extra columns (姓名, 证件号码, 手机号…), always masked: 110105********002X, 138****5678, 张* */
  personal: Record<string, string | null>;
}

export interface CaseList {
  asOf: string;
  /** all cases under the filters */
  total: number;
  offset: number;
  rows: CaseListRow[];
  /** the personal columns found in the case table, in `personal` of each row */
  personalColumns: { column: string; kind: PiiKind }[];
}

const SORT_SQL: Record<CaseSortColumn, string> = {
  case_id: 'case_id',
  item_name: 'l_item_name',
  dept_name: 'dept_name',
  apply_channel: 'apply_channel',
  submitted_at: 'submitted_at',
  accepted_at: 'accepted_at',
  closed_at: 'closed_at',
  due_day: 'due_day',
  status: 'status',
  overdue_wd: 'overdue_wd',
};

async function personalColumns(engine: Engine, columns: readonly string[]): Promise<Map<string, PiiKind>> {
  const canonical = new Set(
    DATASETS.cases.fields.flatMap((f) =>
      f.type === 'limit' ? [`${f.key}_value`, `${f.key}_unit`] : [f.key],
    ),
  );
  const extras = columns.filter((c) => !canonical.has(c) && !c.startsWith('_'));
  // Detected on every call, not cached: another file with the same headers may hold other values.
  return extras.length ? detectPii(engine, ident(DATASETS.cases.table), extras) : new Map();
}

/**
 * One page of the cases under the filters, with the total. Personal extra columns are masked here
 * whatever the import did (a file imported with `pii: 'keep'` still shows 138****5678).
 */
export async function caseList(engine: Engine, options: CaseListOptions = {}): Promise<CaseList> {
  const sort = options.sort ?? { column: 'submitted_at' };
  if (!CASE_SORT_COLUMNS.includes(sort.column)) {
    throw new Error(
      `cannot sort cases by "${String(sort.column)}": use one of ${CASE_SORT_COLUMNS.join(', ')}`,
    );
  }
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const offset = Math.max(0, Math.floor(Number(options.offset ?? 0)) || 0);
  const limit = Math.min(1000, Math.max(0, Math.floor(Number(options.limit ?? 100)) || 0));
  const q = await prepare(engine, options);
  const listed = options.indicator ? indicatorRowsPredicate(options.indicator) : inPeriod('submitted_at');
  // Each case's overdue flag is case.overdue_count's own rule; overdue_wd counts to the closing or as-of day.
  const overdue = indicatorRowFlag('case.overdue_count');
  const caseColumns = (
    await engine.query(
      `SELECT column_name FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = ?
     ORDER BY ordinal_position`,
      [DATASETS.cases.table],
    )
  )
    .toArray()
    .map((r) => String(r.column_name));
  const personal = await personalColumns(engine, caseColumns);
  const personalList = [...personal].map(([column, kind]) => ({ column, kind }));
  // Masking binds no value (only hashing does), so the page's parameters stay those of `prepare`.
  const binder = new Binder();
  const masked = personalList.map(
    ({ column, kind }, i) =>
      `CAST(${piiExpression(`CAST(c.${ident(column)} AS VARCHAR)`, kind, 'mask', binder, '')} AS VARCHAR) AS ${ident(`pii_${i}`)}`,
  );
  if (binder.params.length) throw new Error('masking must not bind values');
  const catalogue = q.hasItems
    ? 'LEFT JOIN (SELECT item_code AS i_code, any_value(item_name) AS i_name FROM items GROUP BY ALL) AS i ON i.i_code = c.item_code'
    : '';
  const ts = (col: string) => `strftime(${col}, '%Y-%m-%d %H:%M:%S')`;
  const count = await engine.query(`${q.cte} SELECT count(*)::DOUBLE AS n FROM c WHERE ${listed}`, q.params);
  const page = await engine.query(
    `${q.cte},
      l AS (SELECT c.*, ${q.hasItems ? 'coalesce(c.item_name, i.i_name)' : 'c.item_name'} AS l_item_name,
          CASE WHEN closed_day <= as_of_day THEN closed_day ELSE as_of_day END AS late_end
        FROM c ${catalogue} WHERE ${listed}),
      o AS (SELECT l.*,
          ${overdue} AS l_overdue,
          CASE WHEN ${overdue} THEN ${workingDaysBetweenExpr('w_due', 'w_end')}
            WHEN ${overdue} IS NOT NULL THEN 0 END AS overdue_wd
        FROM l ${calendarJoin('w_due', 'l.due_day')} ${calendarJoin('w_end', 'l.late_end')})
      SELECT c.case_id, c.item_code, c.l_item_name AS item_name, c.dept_name, c.apply_channel,
        ${ts('c.submitted_at')} AS submitted_at, ${ts('c.accepted_at')} AS accepted_at,
        ${ts('c.closed_at')} AS closed_at, strftime(c.due_day, '%Y-%m-%d') AS due_day, c.status,
        c.l_overdue AS overdue, c.overdue_wd${masked.map((m) => `, ${m}`).join('')}
      FROM o AS c
      ORDER BY c.${SORT_SQL[sort.column]} ${direction} NULLS LAST, c.case_id ${direction}
      LIMIT ${limit} OFFSET ${offset}`,
    q.params,
  );
  const rows = page.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    const str = (k: string) => (o[k] === null || o[k] === undefined ? null : String(o[k]));
    return {
      case_id: String(o.case_id),
      item_code: str('item_code'),
      item_name: str('item_name'),
      dept_name: str('dept_name'),
      apply_channel: str('apply_channel'),
      submitted_at: str('submitted_at'),
      accepted_at: str('accepted_at'),
      closed_at: str('closed_at'),
      due_day: str('due_day'),
      status: str('status'),
      overdue: o.overdue === null || o.overdue === undefined ? null : Boolean(o.overdue),
      overdue_wd: o.overdue_wd === null || o.overdue_wd === undefined ? null : Number(o.overdue_wd),
      personal: Object.fromEntries(personalList.map(({ column }, i) => [column, str(`pii_${i}`)])),
    };
  });
  return { asOf: q.asOf, total: Number(count.get(0)?.n ?? 0), offset, rows, personalColumns: personalList };
}
