import type { Engine } from '../engine/types.ts';
import {
  type AnnualLayout,
  TABLE3_COLUMNS,
  TABLE3_TITLE,
  type Table3Column,
  type Table3RowDef,
  table3Rows,
} from './labels.ts';

export interface AnnualOptions {
  /** Reporting year (calendar year, 1 Jan – 31 Dec). */
  year: number;
  layout: AnnualLayout;
  /** Restrict to one 承办机关 (`requests.agency`, bound as a parameter). */
  agency?: string;
}

export interface Table3Row extends Table3RowDef {
  /** Seven counts in `TABLE3_COLUMNS` order; null for group rows. */
  values: number[] | null;
}

/** How many ids of unplaced records a report names (the first, by id). */
export const UNPLACED_IDS_SHOWN = 5;

/** Records the rules below cannot place or had to place by convention; publishable tables have all zeros here. */
export interface Table3Quality {
  /**
   * In scope with a 办理结果 but no 答复日期 (办结日期): whether it belongs in 三 or 四 is unknown, so it is in
   * neither (一/二 count it, so the balance check fails too) and `checkTable3` names it.
   */
  outcomeWithoutReply: number;
  /**
   * 答复日期 in the year but no 办理结果, or one no code list knows: no row of 三 fits, so it is in none
   * (not （六）其他处理) and `checkTable3` names it.
   */
  repliedWithoutOutcome: number;
  /** The first ids (by 申请编号) of each kind above (computed tables). */
  unplacedIds?: { outcomeWithoutReply: string[]; repliedWithoutOutcome: string[] };
  /** 申请人类型 missing: counted in 总计 only, so the row-total check reports them. */
  unknownApplicantType: number;
  /**
   * 上年结转 flagged on a row received inside the year: counted in 二 instead of 一 (see `SCOPE_SQL`).
   * Expected for a ledger that re-registers carried requests; for a multi-year ledger whose flags refer to
   * a later year it means this year's 一/二 split is off and the flag should be cleared.
   */
  flaggedReceivedInYear: number;
}

export interface Table3 {
  kind: 'table3';
  year: number;
  layout: AnnualLayout;
  agency: string | null;
  title: string;
  columns: readonly Table3Column[];
  rows: Table3Row[];
  quality: Table3Quality;
}

/**
 * Shared scope of the annual report for one year, as SQL over `requests` (parameters: year, year, agency,
 * agency). Dates are DATE; y0 = 1 Jan of the year, y1 = 1 Jan of the next year.
 *
 * - is_new (一、本年新收): received_at in [y0, y1) and carried_over is not TRUE.
 * - is_carried (二、上年结转): received before y0 and not replied before y0 (replied_at NULL or ≥ y0), or
 *   flagged carried_over with received_at inside the year (a ledger that re-registers carried requests,
 *   e.g. on 1 Jan). A flagged row received before y0 but replied before y0 was carried into an earlier
 *   year and is not counted: for rows received before the year the dates decide, the flag is only read
 *   for rows received inside the year, and is then taken as relative to the reported year (counted in
 *   `quality.flaggedReceivedInYear`, since a multi-year ledger flagged for a later year misplaces them).
 * - in_scope = is_new OR is_carried; every row in scope is either replied in [y0, y1) (三) or not replied
 *   by 31 Dec (四), so 一 + 二 = （七）+ 四 holds per column by construction.
 * - "Closed" means 答复日期 (replied_at) only: the reply date is the only evidence of when the reply went out.
 * - unplaced: a row with an outcome but no replied_at (三 or 四? unknown), or replied in the year without a
 *   known outcome (which row of 三?), is counted in no row of 三 or 四 but listed (`Table3Quality`), so the
 *   report's checks fail until it is fixed at source instead of silently moving it.
 */
export const SCOPE_SQL = `WITH p AS (
    SELECT make_date(CAST(? AS INTEGER), 1, 1) AS y0, make_date(CAST(? AS INTEGER) + 1, 1, 1) AS y1,
      CAST(? AS VARCHAR) AS ag
  ),
  f AS (
    SELECT r.*, p.y0, p.y1,
      (r.carried_over IS NOT TRUE AND r.received_at >= p.y0 AND r.received_at < p.y1) AS is_new,
      ((r.received_at < p.y0 AND (r.replied_at IS NULL OR r.replied_at >= p.y0))
        OR (r.carried_over IS TRUE AND r.received_at >= p.y0 AND r.received_at < p.y1)) AS is_carried
    FROM requests r, p
    WHERE p.ag IS NULL OR r.agency = p.ag
  ),
  u AS (
    SELECT *, (replied_at >= y0 AND replied_at < y1) AS replied_in_year,
      (replied_at IS NULL AND outcome IS NOT NULL) AS outcome_without_reply
    FROM f WHERE is_new OR is_carried
  ),
  s AS (
    SELECT *, (replied_in_year AND outcome IS NULL) AS replied_without_outcome,
      ((replied_at IS NULL OR replied_at >= y1) AND NOT outcome_without_reply) AS open_at_end
    FROM u
  )`;

export const scopeParams = (o: AnnualOptions) => [o.year, o.year, o.agency ?? null];

/**
 * Counts per (bucket, applicant_type):
 * - new_received / carried_over: the is_new / is_carried flags above.
 * - outcome rows of 三: in scope and replied in the year, grouped by outcome code (NULL → other_other).
 * - （七）总计: the sum of the outcome rows (computed from them, not counted separately).
 * - carried_forward (四): in scope and not replied by 31 Dec (replied_at NULL or after the year).
 */
const COUNTS_SQL = `${SCOPE_SQL}
  SELECT 'new_received' AS k, applicant_type AS a, count(*)::INTEGER AS n FROM s WHERE is_new GROUP BY ALL
  UNION ALL
  SELECT 'carried_over', applicant_type, count(*)::INTEGER FROM s WHERE is_carried GROUP BY ALL
  UNION ALL
  SELECT 'outcome:' || outcome, applicant_type, count(*)::INTEGER
    FROM s WHERE replied_in_year AND outcome IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT 'carried_forward', applicant_type, count(*)::INTEGER FROM s WHERE open_at_end GROUP BY ALL
  UNION ALL
  SELECT 'q:outcome_without_reply', NULL, count(*)::INTEGER FROM s WHERE outcome_without_reply
  UNION ALL
  SELECT 'q:replied_without_outcome', NULL, count(*)::INTEGER FROM s WHERE replied_without_outcome
  UNION ALL
  SELECT 'q:flagged_received_in_year', NULL, count(*)::INTEGER FROM s WHERE is_carried AND received_at >= y0`;

/** The first ids of unplaced records of each kind (parameters as COUNTS_SQL, then the limit). */
const UNPLACED_SQL = `${SCOPE_SQL}
  SELECT kind, CAST(request_id AS VARCHAR) AS id FROM (
    SELECT *, row_number() OVER (PARTITION BY kind ORDER BY request_id) AS n FROM (
      SELECT 'outcomeWithoutReply' AS kind, request_id FROM s WHERE outcome_without_reply
      UNION ALL SELECT 'repliedWithoutOutcome', request_id FROM s WHERE replied_without_outcome))
  WHERE n <= CAST(? AS INTEGER) ORDER BY kind, request_id`;

/** Builds table 三 for one year (and optionally one agency) from the loaded `requests` table. */
export async function annualTable3(engine: Engine, opts: AnnualOptions): Promise<Table3> {
  if (!Number.isInteger(opts.year))
    throw new Error(`annualTable3: year must be an integer, got ${opts.year}`);
  const defs = table3Rows(opts.layout);
  const outcomeRow = new Map<string, string>();
  for (const def of defs) for (const code of def.outcomes ?? []) outcomeRow.set(code, def.key);
  const colIndex = new Map(TABLE3_COLUMNS.map((c, i) => [c.applicantType, i]));
  const totalIdx = TABLE3_COLUMNS.length - 1;

  const sums = new Map<string, number[]>(defs.map((def) => [def.key, TABLE3_COLUMNS.map(() => 0)]));
  const quality: Table3Quality = {
    outcomeWithoutReply: 0,
    repliedWithoutOutcome: 0,
    unknownApplicantType: 0,
    flaggedReceivedInYear: 0,
    unplacedIds: { outcomeWithoutReply: [], repliedWithoutOutcome: [] },
  };
  const result = await engine.query(COUNTS_SQL, scopeParams(opts));
  for (const rec of result) {
    const k = String(rec.k);
    const n = Number(rec.n);
    if (k === 'q:outcome_without_reply') quality.outcomeWithoutReply = n;
    else if (k === 'q:replied_without_outcome') quality.repliedWithoutOutcome = n;
    else if (k === 'q:flagged_received_in_year') quality.flaggedReceivedInYear = n;
    if (k.startsWith('q:')) continue;
    // Every outcome code has its row in both layouts (test: normalise-label.test.ts).
    const rowKey = k.startsWith('outcome:') ? outcomeRow.get(k.slice('outcome:'.length)) : k;
    const values = rowKey === undefined ? undefined : sums.get(rowKey);
    if (!values) continue;
    const col = rec.a === null || rec.a === undefined ? undefined : colIndex.get(String(rec.a));
    if (col === undefined) {
      if (k === 'new_received' || k === 'carried_over') quality.unknownApplicantType += n;
    } else {
      values[col] = (values[col] ?? 0) + n;
    }
    values[totalIdx] = (values[totalIdx] ?? 0) + n;
  }
  if (quality.outcomeWithoutReply + quality.repliedWithoutOutcome > 0) {
    const ids = await engine.query(UNPLACED_SQL, [...scopeParams(opts), UNPLACED_IDS_SHOWN]);
    const found = { outcomeWithoutReply: [] as string[], repliedWithoutOutcome: [] as string[] };
    for (const r of ids) found[String(r.kind) as keyof typeof found].push(String(r.id));
    quality.unplacedIds = found;
  }
  // （七）总计 = sum of the outcome rows, column by column.
  const total = sums.get('total_processed');
  for (const def of defs) {
    if (!def.outcomes) continue;
    const v = sums.get(def.key) ?? [];
    if (total) for (let i = 0; i < total.length; i++) total[i] = (total[i] ?? 0) + (v[i] ?? 0);
  }

  return {
    kind: 'table3',
    year: opts.year,
    layout: opts.layout,
    agency: opts.agency ?? null,
    title: TABLE3_TITLE,
    columns: TABLE3_COLUMNS,
    rows: defs.map((def) => ({ ...def, values: def.kind === 'data' ? (sums.get(def.key) ?? null) : null })),
    quality,
  };
}

/** One cell of table 三 by row and column key (undefined for group rows or unknown keys). */
export function table3Cell(t: Table3, rowKey: string, colKey: string): number | undefined {
  const col = t.columns.findIndex((c) => c.key === colKey);
  return t.rows.find((r) => r.key === rowKey)?.values?.[col];
}
