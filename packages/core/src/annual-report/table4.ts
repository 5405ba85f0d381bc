import type { Engine } from '../engine/types.ts';
import {
  TABLE4_BLOCKS,
  TABLE4_CELLS,
  TABLE4_TITLE,
  type Table4BlockKey,
  type Table4CellKey,
} from './labels.ts';
import type { AnnualOptions } from './table3.ts';

export type Table4Block = Record<Table4CellKey, number>;

export interface Table4 {
  kind: 'table4';
  year: number;
  agency: string | null;
  title: string;
  review: Table4Block;
  litigation_direct: Table4Block;
  litigation_after_review: Table4Block;
  /** Litigation rows without 行政诉讼类型, placed by whether a review was filed (see `annualTable4`). */
  inferredLitigationType: number;
}

/**
 * Table 四 counts, one row per (block, result). Rules (the requests table has no review/suit dates):
 * - A request belongs to year Y when its 答复日期 falls in Y, or, never replied, its 收到申请日期 does.
 *   A review or suit challenges a reply (or the failure to reply), so this is the nearest date we have,
 *   and it puts every request in exactly one year.
 * - 行政复议: review_filed is TRUE or a review_result is recorded. Result maintained → 结果维持,
 *   corrected → 结果纠正, other → 其他结果, pending or missing → 尚未审结.
 * - 行政诉讼: litigation_type or litigation_result is recorded. Block = litigation_type (direct →
 *   未经复议直接起诉, after_review → 复议后起诉); when the type is missing it is after_review if a review
 *   was filed, else direct (counted in `inferredLitigationType`). Results map as for reviews.
 * - 总计 = 维持 + 纠正 + 其他 + 尚未审结 of its block.
 */
const TABLE4_SQL = `WITH p AS (
    SELECT make_date(CAST(? AS INTEGER), 1, 1) AS y0, make_date(CAST(? AS INTEGER) + 1, 1, 1) AS y1,
      CAST(? AS VARCHAR) AS ag
  ),
  s AS (
    SELECT r.*, (r.review_filed IS TRUE OR r.review_result IS NOT NULL) AS has_review
    FROM requests r, p
    WHERE (p.ag IS NULL OR r.agency = p.ag)
      AND coalesce(r.replied_at, r.received_at) >= p.y0 AND coalesce(r.replied_at, r.received_at) < p.y1
  )
  SELECT 'review' AS b, coalesce(review_result, 'pending') AS res, count(*)::INTEGER AS n, 0 AS inferred
    FROM s WHERE has_review GROUP BY ALL
  UNION ALL
  SELECT 'litigation_' || coalesce(litigation_type,
        CASE WHEN has_review THEN 'after_review' ELSE 'direct' END),
      coalesce(litigation_result, 'pending'), count(*)::INTEGER,
      count(*) FILTER (litigation_type IS NULL)::INTEGER
    FROM s WHERE litigation_type IS NOT NULL OR litigation_result IS NOT NULL GROUP BY ALL`;

const emptyBlock = (): Table4Block => ({ maintained: 0, corrected: 0, other: 0, pending: 0, total: 0 });

/** Builds table 四 for one year (and optionally one agency) from the loaded `requests` table. */
export async function annualTable4(engine: Engine, opts: Omit<AnnualOptions, 'layout'>): Promise<Table4> {
  if (!Number.isInteger(opts.year))
    throw new Error(`annualTable4: year must be an integer, got ${opts.year}`);
  const blocks: Record<Table4BlockKey, Table4Block> = {
    review: emptyBlock(),
    litigation_direct: emptyBlock(),
    litigation_after_review: emptyBlock(),
  };
  let inferred = 0;
  const result = await engine.query(TABLE4_SQL, [opts.year, opts.year, opts.agency ?? null]);
  for (const rec of result) {
    const block = blocks[String(rec.b) as Table4BlockKey];
    if (!block) continue;
    const res = String(rec.res);
    const cell: Table4CellKey =
      res === 'maintained' || res === 'corrected' || res === 'other' ? res : 'pending';
    const n = Number(rec.n);
    block[cell] += n;
    block.total += n;
    inferred += Number(rec.inferred);
  }
  return {
    kind: 'table4',
    year: opts.year,
    agency: opts.agency ?? null,
    title: TABLE4_TITLE,
    ...blocks,
    inferredLitigationType: inferred,
  };
}

/** The 15 numeric cells in print order: 行政复议 (5), 未经复议直接起诉 (5), 复议后起诉 (5). */
export function table4Cells(t: Table4): number[] {
  return TABLE4_BLOCKS.flatMap((b) => TABLE4_CELLS.map((c) => t[b.key][c.key]));
}
