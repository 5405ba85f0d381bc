import type { DatasetKey } from '../schema/types.ts';
import type { Filters } from '../sql/filters.ts';
import type { SqlQuery } from '../sql/quote.ts';

export type Direction = 'higher' | 'lower';
/** percent: a share 0–1; count: a whole number; wd: working days (averages, medians); score: 0–100 points. */
export type IndicatorUnit = 'percent' | 'count' | 'wd' | 'score';
/**
 * rate: numerator ÷ denominator, a share of cases (SQL returns `numerator, denominator`);
 * ratio: numerator ÷ denominator of sums (e.g. working days), no binomial interval;
 * count: a number of events (SQL returns `value, denominator` = the population it was counted in);
 * mean: an average (SQL returns `value, numerator` = sum, `denominator` = n; may add `median`);
 * breakdown: rows `key, value`, largest first unless the categories have an order of their own (months).
 */
export type IndicatorKind = 'rate' | 'ratio' | 'count' | 'mean' | 'breakdown';

export interface IndicatorContext {
  /** 'YYYY-MM-DD HH:MM:SS', local time: "now" for open-case rules. */
  asOf: string;
  /**
   * Each table's latest event date-time ('' for none), when known: as of it or later, the replay of a table
   * changes no row and is skipped (replay.ts).
   */
  latest?: Readonly<Record<string, string>>;
  filters?: Filters;
  /** Columns the indicator's table has, so filters on absent columns are skipped. */
  columns: readonly string[];
  /** Restrict to rows whose `periodColumn` date lies in [from, to) ('YYYY-MM-DD'). */
  period?: { column: string; from: string; to: string };
  /** Month selection (a clicked month or a brushed range): rows whose `column` falls in these 'YYYY-MM'. */
  months?: { column: string; values: readonly string[] };
  /**
   * Cube building only (cube.ts): each entry ties rows to one cell of an outer query — `column` (or its
   * month) IS NOT DISTINCT FROM `ref`, a trusted column reference written by cube.ts, never user text.
   */
  cell?: readonly {
    column: string;
    month?: boolean | undefined;
    cast?: boolean;
    ref: string;
    /** The outer key spells NULL as this text: the tie is then a plain equality (a hash join on ClickHouse). */
    nullAs?: string;
    /** No tie: the WHERE ends in cells.ts's marker instead, and the SQL is grouped by the cells (cells-grouped.ts). */
    grouped?: boolean;
  }[];
  /** Columns this export lacks for the indicator (availability.ts): when any, it is not computed. */
  missing?: readonly MissingColumn[];
}

/**
 * A canonical column (of the indicator's dataset) an indicator reads, or alternatives any one of which
 * will do (e.g. ['closed_at', 'status']: closed = a closing time or the status 已办结).
 */
export type Need = string | readonly string[];

/** A column the loaded export lacks or left empty: canonical key and preferred Chinese header. */
export interface MissingColumn {
  column: string;
  header: string;
}

/**
 * The rule of an indicator that counts rows, written once: predicates over one row of `table` (replayed
 * to the as-of day, replay.ts) that may also read `as_of_day`, the as-of DATE. The indicator's SQL
 * (conditions.ts), the drill-down's counts and its case lists (drill/) all derive from them.
 * DuckDB SQL, rendered for other dialects as every definition is (sql/dialect/).
 */
export interface IndicatorConditions {
  /** the table read: the dataset's own, or a fact table built from it (facts.ts) */
  table: string;
  /** the denominator's rows (a count's population); every row when absent */
  denominator?: string;
  /** the numerator's rows (a count's value), among the denominator's */
  numerator: string;
}

/**
 * One indicator = one file: metadata for the reader plus the SQL that computes it.
 * Rate SQL returns one row `numerator, denominator`; count SQL one row `value, denominator`;
 * breakdown SQL rows `key, value` (the chart's columns), largest first.
 */
export interface IndicatorDef {
  key: string;
  dataset: DatasetKey;
  kind: IndicatorKind;
  label: { zh: string; en: string };
  formula: { zh: string; en: string };
  direction: Direction;
  unit: IndicatorUnit;
  /** Default target: a share for rates (0.5 = 50 %), a count for counts. */
  target?: number;
  /** Document number or law article the definition or target comes from. */
  source: string;
  /**
   * The date that puts a row in a reporting period (e.g. submitted_at for 上网办理率, closed_at for
   * 按时办结率). Indicators without one (live 黄牌/红牌, backlog) are judged at the period's end instead.
   */
  periodColumn?: string;
  /** Breakdown rows come in key order (months), not largest first. */
  breakdownOrder?: 'key';
  /**
   * The columns the numerator and denominator are computed from: when one is absent or empty in the
   * loaded table the result is "not in this export" (availability.ts), never a 0 from NULLs.
   */
  needs?: readonly Need[];
  /** The rows it counts, for indicators that count rows: `sql` and the drill-down are built from them. */
  conditions?: IndicatorConditions;
  sql(ctx: IndicatorContext): SqlQuery;
  /** Target for one computation when a configuration sets it (per department); else `target`. */
  resolveTarget?(ctx: IndicatorContext): number | undefined;
}

/** unavailable: the export has no data for it (see `missing`); never coloured, never 0. */
export type Status = 'green' | 'amber' | 'red' | 'insufficient' | 'none' | 'unavailable';

export interface IndicatorResult {
  key: string;
  label: { zh: string; en: string };
  kind: IndicatorKind;
  unit: IndicatorUnit;
  direction: Direction;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** 95 % Wilson interval for rates. */
  ci: [number, number] | null;
  target: number | null;
  status: Status;
  asOf: string;
  filters: Filters;
  formula: { zh: string; en: string };
  source: string;
  /** Median, for mean indicators that compute one. */
  median?: number | null;
  /** The group this result is for (computeGrouped): a dimension value and/or a period. */
  group?: { by?: string; value?: string; period?: string };
  /** 环比 / 同比: the value of the previous period and of the same period a year earlier. */
  change?: { previous: number | null; yearAgo: number | null };
  /** Breakdown rows (key → count), for breakdown indicators; a withheld cell has value NaN and `suppressed`. */
  breakdown?: { key: string; value: number; suppressed?: boolean }[];
  /** Status unavailable: the columns this export lacks (availability.ts). */
  missing?: MissingColumn[];
  /** Set when disclosure control changed this result (see disclosure-control.ts). */
  disclosure?: 'rounded' | 'suppressed';
}
