import type { ImportSummary } from '../import/ledger.ts';
import type { PeriodUnit } from '../indicators/grouped.ts';
import type { IndicatorResult } from '../indicators/types.ts';
import type { ScorecardModel } from '../scorecard/model.ts';
import type { Scorecard } from '../scorecard/score.ts';

/**
 * The snapshot file: one Arrow IPC file (format version SNAPSHOT_VERSION) with one row per indicator
 * result. A row's `section` says which computation it belongs to:
 *
 * - `overall`: computeIndicators (every computable indicator, no filter);
 * - `by=dept`: computeGrouped by a dimension;
 * - `period=month`: computeGrouped by a period unit (with 环比 / 同比);
 * - `by=dept;period=quarter`: the scorecard's department × period results (its last HISTORY_PERIODS periods).
 *
 * Labels, formulas and sources are not stored per row: the reader takes them from the catalogue by key,
 * and user-defined indicators (configuration) from the schema metadata, as do the scorecard model, the
 * import summaries and the as-of time.
 */
export const SNAPSHOT_VERSION = 1;
/** Schema-metadata keys. */
export const META = {
  version: 'assessment-dashboard.snapshot.version',
  generator: 'assessment-dashboard.snapshot.generator',
  asOf: 'assessment-dashboard.snapshot.as_of',
  /** the as-of option the snapshot was computed with (may be empty: latest data) */
  asOfOption: 'assessment-dashboard.snapshot.as_of_option',
  created: 'assessment-dashboard.snapshot.created',
  sections: 'assessment-dashboard.snapshot.sections',
  scorecardPeriod: 'assessment-dashboard.snapshot.scorecard_period',
  model: 'assessment-dashboard.snapshot.scorecard_model',
  indicators: 'assessment-dashboard.snapshot.user_indicators',
  imports: 'assessment-dashboard.snapshot.imports',
} as const;

/** Row columns, in file order. */
export const COLUMNS = {
  text: ['section', 'key', 'status', 'as_of', 'filters', 'group_by', 'group_value', 'group_period'],
  json: ['breakdown', 'disclosure'],
  /**
   * Added within format 1, so optional to a reader: the columns an unavailable result lacks (JSON
   * [column, header] pairs). Files written before it carry no such column; readers before it ignore it.
   */
  optionalJson: ['missing'],
  number: [
    'numerator',
    'denominator',
    'target',
    'median',
    'value',
    'ci_low',
    'ci_high',
    'change_previous',
    'change_year_ago',
  ],
} as const;

/** One stored computation: its name (`sectionName`) and, when not every indicator, its keys. */
export interface SnapshotSection {
  name: string;
  keys?: string[];
}

/** The metadata kept for an indicator the catalogue does not know (user-defined in a configuration). */
export type IndicatorMeta = Pick<
  IndicatorResult,
  'key' | 'label' | 'kind' | 'unit' | 'direction' | 'formula' | 'source'
>;

/** A snapshot read back: the same objects the live computations return. */
export interface Snapshot {
  version: number;
  generator: string;
  /** the data's as-of time ('YYYY-MM-DD HH:MM:SS') */
  asOf: string;
  created: string | undefined;
  /** computeIndicators(engine, options) */
  results: IndicatorResult[];
  /** Sections stored, e.g. `by=dept`, `period=month`, `by=dept;period=quarter`, with their keys if not all. */
  sections: SnapshotSection[];
  /** Import summaries of the files the snapshot was built from. */
  imports: ImportSummary[];
  /**
   * computeGrouped(engine, { by, period, keys }) when a stored section holds it (all of `keys`, or every
   * indicator when `keys` is not given), else undefined.
   */
  grouped(options: {
    by?: string;
    period?: PeriodUnit;
    keys?: readonly string[];
  }): IndicatorResult[] | undefined;
  /** computeScorecard(engine, { period }) with the stored model, or undefined when not stored. */
  scorecard(period?: PeriodUnit): Scorecard | undefined;
  /** The scorecard model the snapshot was built with. */
  model: ScorecardModel | undefined;
}

export const sectionName = (by: string | undefined, period: PeriodUnit | undefined): string =>
  [by ? `by=${by}` : '', period ? `period=${period}` : ''].filter(Boolean).join(';') || 'overall';

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}
