import type { Engine } from '../engine/types.ts';
import { RED_CARD } from '../indicators/catalogue/case-red.ts';
import { YELLOW_WARNING_WD } from '../indicators/catalogue/case-yellow.ts';
import { type ComputeOptions, prepareComputation } from '../indicators/compute.ts';
import { CASE_FACTS } from '../indicators/facts.ts';
import type { SqlValue } from '../sql/quote.ts';

/**
 * 超期 and 红黄牌 as a live watch list (DOMAIN §4.3): cases open on the as-of day that are past their due day
 * (red, most late first) or within the yellow threshold of it (yellow, least time left first). The same
 * population and rules as the case.red / case.yellow indicators, case by case.
 */
export interface WatchListOptions extends Pick<ComputeOptions, 'asOf' | 'config' | 'calendar'> {
  /** only these departments */
  dept?: string;
  /** working days left at or below which an open case gets a yellow card (default 2) */
  yellowWithinWd?: number;
  /** rows returned (default 500); `total` still counts them all */
  limit?: number;
}

export interface WatchListRow {
  case_id: string;
  dept_name: string | null;
  item_name: string | null;
  accepted_at: string | null;
  due_day: string;
  card: 'red' | 'yellow';
  /** red: working days past the due day; yellow: working days left (0 on the due day) */
  working_days: number;
}

export interface WatchList {
  asOf: string;
  rows: WatchListRow[];
  total: { red: number; yellow: number };
  byDept: { dept_name: string | null; red: number; yellow: number }[];
}

export async function watchList(engine: Engine, options: WatchListOptions = {}): Promise<WatchList> {
  const { tables, asOf } = await prepareComputation(engine, options);
  const cols = tables.get(CASE_FACTS);
  if (!cols) throw new Error('No case export (办件) is loaded: the watch list needs one.');
  const col = (c: string, type: string) => (cols.includes(c) ? c : `NULL::${type}`);
  const threshold = options.yellowWithinWd ?? YELLOW_WARNING_WD;
  const params: SqlValue[] = [asOf, threshold];
  let deptFilter = 'TRUE';
  if (options.dept !== undefined) {
    deptFilter = 'dept_name = ?';
    params.push(options.dept);
  }
  const base = `WITH p AS (SELECT CAST(?::TIMESTAMP AS DATE) AS as_of_day, ?::INTEGER AS threshold_wd),
    open AS (
      SELECT case_id, ${col('dept_name', 'VARCHAR')} AS dept_name, ${col('item_name', 'VARCHAR')} AS item_name,
        ${col('accepted_at', 'TIMESTAMP')} AS accepted_at, due_day,
        -- case.red's own rule: red once a working day past the limit began.
        CASE WHEN ${RED_CARD.numerator} THEN 'red' ELSE 'yellow' END AS card,
        CASE WHEN ${RED_CARD.numerator} THEN working_days_between(due_day, as_of_day)
          ELSE greatest(working_days_between(as_of_day, due_day), 0) END AS working_days
      FROM ${CASE_FACTS}, p
      WHERE (${RED_CARD.denominator}) AND ${deptFilter}),
    watched AS (SELECT * FROM open, p WHERE card = 'red' OR working_days <= threshold_wd)`;
  const rows = await engine.query(
    `${base}
    SELECT case_id, dept_name, item_name, strftime(accepted_at, '%Y-%m-%d %H:%M:%S') AS accepted_at,
      strftime(due_day, '%Y-%m-%d') AS due_day, card, working_days
    FROM watched
    ORDER BY card = 'yellow', CASE WHEN card = 'red' THEN -working_days ELSE working_days END, due_day, case_id
    LIMIT ${Math.max(0, Math.floor(options.limit ?? 500))}`,
    params,
  );
  const counts = await engine.query(
    `${base}
    SELECT dept_name, count(*) FILTER (WHERE card = 'red')::DOUBLE AS red,
      count(*) FILTER (WHERE card = 'yellow')::DOUBLE AS yellow
    FROM watched GROUP BY dept_name ORDER BY red DESC, yellow DESC, dept_name NULLS LAST`,
    params,
  );
  const byDept = counts.toArray().map((r) => ({
    dept_name: (r.dept_name as string | null) ?? null,
    red: Number(r.red),
    yellow: Number(r.yellow),
  }));
  return {
    asOf,
    rows: rows.toArray().map((r) => {
      const o = r.toJSON() as Record<string, unknown>;
      return {
        case_id: String(o.case_id),
        dept_name: (o.dept_name as string | null) ?? null,
        item_name: (o.item_name as string | null) ?? null,
        accepted_at: (o.accepted_at as string | null) ?? null,
        due_day: String(o.due_day),
        card: o.card as 'red' | 'yellow',
        working_days: Number(o.working_days),
      };
    }),
    total: {
      red: byDept.reduce((s, d) => s + d.red, 0),
      yellow: byDept.reduce((s, d) => s + d.yellow, 0),
    },
    byDept,
  };
}
