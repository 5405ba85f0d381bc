import { dictionary, float64, tableFromArrays, tableToIPC, uint8, utf8 } from '@uwdata/flechette';
import type { Engine } from '../engine/types.ts';
import type { ImportSummary } from '../import/ledger.ts';
import { INDICATORS } from '../indicators/catalogue/index.ts';
import { type ComputeOptions, computeIndicators, prepareComputation } from '../indicators/compute.ts';
import { TREND_INDICATOR } from '../indicators/default-keys.ts';
import { computeGrouped, type PeriodUnit } from '../indicators/grouped.ts';
import type { IndicatorResult } from '../indicators/types.ts';
import { DEFAULT_SCORECARD } from '../scorecard/default-model.ts';
import type { ScorecardModel } from '../scorecard/model.ts';
import { HISTORY_PERIODS } from '../scorecard/score.ts';
import { changeKey, deriveCi, deriveValue, FLAG, periodNeighbours, sameCi, sameNumber } from './derive.ts';
import {
  COLUMNS,
  type IndicatorMeta,
  META,
  SNAPSHOT_VERSION,
  type SnapshotSection,
  sectionName,
} from './format.ts';

/** A period grouping to store: every indicator, or only `keys`. */
export type SnapshotPeriod = PeriodUnit | { unit: PeriodUnit; keys: readonly string[] };

/** What the dashboard's trend panel draws: 上网办理率 by month. */
export const TREND: SnapshotPeriod = { unit: 'month', keys: [TREND_INDICATOR] };

export interface SnapshotOptions extends Omit<ComputeOptions, 'keys' | 'filters' | 'datasetFilters'> {
  /** Dimensions to group by (default: dept; dept is always included, the scorecard needs it). */
  by?: readonly string[];
  /** Period groupings (default: every indicator by quarter, and the trend panel's 上网办理率 by month). */
  periods?: readonly SnapshotPeriod[];
  /** The scorecard's period unit (department × period, last HISTORY_PERIODS periods; default quarter; null: none). */
  scorecardPeriod?: PeriodUnit | null;
  /** Scorecard model (default DEFAULT_SCORECARD). */
  model?: ScorecardModel;
  /** Import summaries of the files, shown by the dashboard's row counts. */
  imports?: readonly ImportSummary[];
  /** Written into the metadata (default: `@assessment-dashboard/core`). */
  generator?: string;
  /** Creation time written into the metadata (default: none, so the same data gives the same bytes). */
  created?: string;
}

export interface SnapshotSummary {
  bytes: Uint8Array;
  rows: number;
  sections: SnapshotSection[];
  asOf: string;
}

/**
 * Precomputes every computable indicator overall, by department (and other `by` dimensions), by period
 * and for the scorecard (department × period) into one Arrow IPC file; `readSnapshot` gives back the
 * objects the live computations return.
 */
export async function buildSnapshot(engine: Engine, options: SnapshotOptions = {}): Promise<SnapshotSummary> {
  const {
    by = ['dept'],
    periods = ['quarter', TREND],
    scorecardPeriod = 'quarter',
    model = DEFAULT_SCORECARD,
    imports = [],
    generator = '@assessment-dashboard/core',
    created,
    ...compute
  } = options;
  const { asOf } = await prepareComputation(engine, compute);
  const sections: { section: SnapshotSection; results: IndicatorResult[] }[] = [];
  const add = (name: string, results: IndicatorResult[], keys?: readonly string[]) =>
    sections.push({ section: { name, ...(keys ? { keys: [...keys] } : {}) }, results });
  add(
    'overall',
    (await computeIndicators(engine, compute)).map((c) => c.result),
  );
  for (const dim of new Set(['dept', ...by])) {
    add(sectionName(dim, undefined), await computeGrouped(engine, { ...compute, by: dim }));
  }
  for (const p of periods) {
    const [period, keys] = typeof p === 'string' ? [p, undefined] : [p.unit, p.keys];
    add(sectionName(undefined, period), await computeGrouped(engine, { ...compute, period, keys }), keys);
  }
  if (scorecardPeriod) {
    const keys = model.items.map((i) => i.indicator);
    const all = await computeGrouped(engine, { ...compute, keys, by: 'dept', period: scorecardPeriod });
    // The scorecard scores the last period against the one before and draws the last HISTORY_PERIODS.
    const kept = new Set([...new Set(all.map((r) => r.group?.period ?? ''))].sort().slice(-HISTORY_PERIODS));
    add(
      sectionName('dept', scorecardPeriod),
      all.filter((r) => kept.has(r.group?.period ?? '')),
      keys,
    );
  }

  const catalogue = new Set(INDICATORS.map((d) => d.key));
  const userIndicators: IndicatorMeta[] = (compute.config?.indicators ?? [])
    .filter((d) => !catalogue.has(d.key))
    .map(({ key, label, kind, unit, direction, formula, source }) => ({
      key,
      label,
      kind,
      unit,
      direction,
      formula,
      source,
    }));

  const rows = sections.flatMap(({ section, results }) => {
    const index = new Map(
      results.map((r) => [changeKey(r.key, r.group?.value, r.group?.period ?? ''), r.value]),
    );
    return results.map((r) => ({ section: section.name, r, ...stored(r, index) }));
  });
  const text = (f: (r: IndicatorResult, section: string) => string | null | undefined) =>
    rows.map(({ r, section }) => f(r, section) ?? null);
  const num = (f: (r: IndicatorResult) => number | null | undefined) => rows.map(({ r }) => f(r) ?? null);
  const table = tableFromArrays(
    {
      section: text((_, s) => s),
      key: text((r) => r.key),
      status: text((r) => r.status),
      as_of: text((r) => r.asOf),
      filters: text((r) => JSON.stringify(r.filters)),
      group_by: text((r) => r.group?.by),
      group_value: text((r) => r.group?.value),
      group_period: text((r) => r.group?.period),
      breakdown: text((r) =>
        r.breakdown ? JSON.stringify(r.breakdown.map((b) => [b.key, b.value, b.suppressed ?? null])) : null,
      ),
      disclosure: text((r) => r.disclosure),
      missing: text((r) => (r.missing ? JSON.stringify(r.missing.map((m) => [m.column, m.header])) : null)),
      numerator: num((r) => r.numerator),
      denominator: num((r) => r.denominator),
      target: num((r) => r.target),
      median: num((r) => r.median),
      value: rows.map((x) => x.value),
      ci_low: rows.map((x) => x.ci?.[0] ?? null),
      ci_high: rows.map((x) => x.ci?.[1] ?? null),
      change_previous: rows.map((x) => x.previous),
      change_year_ago: rows.map((x) => x.yearAgo),
      flags: rows.map((x) => x.flags),
    },
    {
      types: {
        ...Object.fromEntries(COLUMNS.text.map((c) => [c, dictionary(utf8())])),
        ...Object.fromEntries([...COLUMNS.json, ...COLUMNS.optionalJson].map((c) => [c, utf8()])),
        ...Object.fromEntries(COLUMNS.number.map((c) => [c, float64()])),
        flags: uint8(),
      },
    },
  );
  const metadata = new Map<string, string>([
    [META.version, String(SNAPSHOT_VERSION)],
    [META.generator, generator],
    [META.asOf, asOf],
    [META.asOfOption, compute.asOf ?? ''],
    [META.sections, JSON.stringify(sections.map((s) => s.section))],
    [META.scorecardPeriod, scorecardPeriod ?? ''],
    [META.model, JSON.stringify(model)],
    [META.indicators, JSON.stringify(userIndicators)],
    [META.imports, JSON.stringify(imports)],
  ]);
  if (created) metadata.set(META.created, created);
  (table.schema as { metadata?: Map<string, string> | null }).metadata = metadata;
  const bytes = tableToIPC(table, { format: 'file' });
  if (!bytes) throw new Error('snapshot: the Arrow writer returned no bytes');
  return { bytes, rows: rows.length, sections: sections.map((s) => s.section), asOf };
}

/** What a row must store explicitly: only what the reader cannot derive exactly (see derive.ts). */
function stored(r: IndicatorResult, index: Map<string, number | null>) {
  let flags = 0;
  let value: number | null = null;
  let ci: [number, number] | null = null;
  let previous: number | null = null;
  let yearAgo: number | null = null;
  if (!sameNumber(deriveValue(r.kind, r.numerator, r.denominator), r.value)) {
    flags |= FLAG.value;
    value = r.value;
  }
  if (!sameCi(deriveCi(r.kind, r.numerator, r.denominator), r.ci)) {
    flags |= FLAG.ci;
    ci = r.ci;
  }
  if (r.change) {
    flags |= FLAG.hasChange;
    const n = periodNeighbours(r.group?.period ?? '');
    const derived = (label: string | undefined) =>
      label === undefined ? undefined : (index.get(changeKey(r.key, r.group?.value, label)) ?? null);
    if (!sameNumber(derived(n?.previous), r.change.previous)) {
      flags |= FLAG.previous;
      previous = r.change.previous;
    }
    if (!sameNumber(derived(n?.yearAgo), r.change.yearAgo)) {
      flags |= FLAG.yearAgo;
      yearAgo = r.change.yearAgo;
    }
  }
  if ('median' in r) flags |= FLAG.hasMedian;
  if (r.group) flags |= FLAG.hasGroup;
  return { value, ci, previous, yearAgo, flags };
}
