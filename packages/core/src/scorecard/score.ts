import type { IndicatorResult } from '../indicators/types.ts';
import { itemMax, type ScoreBand, type ScorecardModel } from './model.ts';
import { type ItemScore, round2, scoreItem } from './rules.ts';

// Scoring without an engine: the snapshot reader scores stored rows with it, so it must not bring the
// indicator computations (and their calendar) along.

export interface ScorecardRow {
  department: string;
  /** On the model's scale (sum of item maxima); null when too little could be measured. */
  score: number | null;
  /** Share of the maximum points carried by items with data. */
  coverage: number;
  /** Competition ranking (1, 1, 3); null when unscored. */
  rank: number | null;
  band: ScoreBand['label'] | null;
  items: ItemScore[];
  previousScore: number | null;
  previousRank: number | null;
  change: number | null;
  /** With `period`: the score in each of the last periods (oldest first, the current one last), for sparklines. */
  history?: { period: string; score: number | null }[];
}

export interface Scorecard {
  name: { zh: string; en: string };
  asOf: string;
  maxScore: number;
  period?: string;
  previousPeriod?: string;
  previousAsOf?: string;
  rows: ScorecardRow[];
}

/**
 * The scorecard from results already grouped by department (computeScorecard's queries, or a snapshot's
 * stored rows): with `period`, `grouped` holds every period and the last one is scored against the one
 * before it, with each row's history; otherwise `grouped` is the current state and `previous` (optional)
 * the state at `previousAsOf`. Results for indicators the model does not use are ignored.
 */
export function scorecardFromGrouped(
  model: ScorecardModel,
  grouped: readonly IndicatorResult[],
  options: {
    period?: boolean;
    previous?: readonly IndicatorResult[];
    previousAsOf?: string;
    asOf?: string;
  } = {},
): Scorecard {
  const keys = new Set(model.items.map((i) => i.indicator));
  const all = grouped.filter((r) => keys.has(r.key));
  let current: IndicatorResult[];
  let previous: IndicatorResult[] = (options.previous ?? []).filter((r) => keys.has(r.key));
  let labels: { period?: string; previousPeriod?: string } = {};
  let history: { period: string; scores: Map<string, number | null> }[] = [];
  if (options.period) {
    const periods = [...new Set(all.map((r) => r.group?.period ?? ''))].sort();
    const last = periods.at(-1);
    const prev = periods.length > 1 ? periods.at(-2) : undefined;
    current = all.filter((r) => r.group?.period === last);
    previous = prev ? all.filter((r) => r.group?.period === prev) : [];
    labels = { period: last, previousPeriod: prev };
    // The grouped results already hold every period: scoring the earlier ones costs no query.
    history = periods.slice(-HISTORY_PERIODS).map((p) => ({
      period: p,
      scores: new Map(
        scoreAll(
          model,
          all.filter((r) => r.group?.period === p),
        ).map((r) => [r.department, r.score]),
      ),
    }));
  } else {
    current = all;
  }
  const rows = rank(scoreAll(model, current));
  const before = new Map(rank(scoreAll(model, previous)).map((r) => [r.department, r]));
  for (const row of rows) {
    if (history.length)
      row.history = history.map((h) => ({ period: h.period, score: h.scores.get(row.department) ?? null }));
    const p = before.get(row.department);
    row.previousScore = p?.score ?? null;
    row.previousRank = p?.rank ?? null;
    row.change =
      row.score !== null && row.previousScore !== null ? round2(row.score - row.previousScore) : null;
  }
  const { previousAsOf } = options;
  return {
    name: model.name,
    asOf: current[0]?.asOf ?? options.asOf ?? '',
    maxScore: maxScore(model),
    ...labels,
    ...(previousAsOf && !options.period ? { previousAsOf: previous[0]?.asOf ?? previousAsOf } : {}),
    rows,
  };
}

/** How many periods a row's history (sparkline) covers. */
export const HISTORY_PERIODS = 8;

export const maxScore = (model: ScorecardModel): number =>
  round2(model.items.reduce((s, i) => s + itemMax(i), 0));

function scoreAll(model: ScorecardModel, results: IndicatorResult[]): ScorecardRow[] {
  const byDept = new Map<string, Map<string, IndicatorResult>>();
  for (const r of results) {
    const dept = r.group?.value;
    if (dept === undefined) continue;
    const m = byDept.get(dept) ?? new Map<string, IndicatorResult>();
    m.set(r.key, r);
    byDept.set(dept, m);
  }
  return [...byDept].map(([department, m]) => scoreDepartment(model, department, m));
}

/** One department's row (rank and change are filled in later). */
export function scoreDepartment(
  model: ScorecardModel,
  department: string,
  results: ReadonlyMap<string, IndicatorResult>,
): ScorecardRow {
  const items = model.items.map((item) => scoreItem(item, results.get(item.indicator), model.missing));
  const total = maxScore(model);
  const measured = items.filter((i) => !i.missing);
  const measuredMax = measured.reduce((s, i) => s + i.max, 0);
  const coverage = total > 0 ? round2(measuredMax / total) : 0;
  // A column the export does not have is no fault of the department: its items leave the maximum in
  // every mode, so 'zero' scores the rest on the full scale.
  const answerableMax = items.filter((i) => !i.unavailable).reduce((s, i) => s + i.max, 0);
  let score: number | null;
  if (model.missing === 'zero')
    score =
      answerableMax > 0
        ? round2((items.reduce((s, i) => s + (i.points ?? 0), 0) * total) / answerableMax)
        : null;
  else if (measuredMax <= 0 || measuredMax / total < model.minCoverage - 1e-9) score = null;
  // Rescale: the share of the measurable maximum earned, applied to the full maximum.
  else score = round2((measured.reduce((s, i) => s + (i.points ?? 0), 0) * total) / measuredMax);
  return {
    department,
    score,
    coverage,
    rank: null,
    band: score === null ? null : bandOf(model.bands, score),
    items,
    previousScore: null,
    previousRank: null,
    change: null,
  };
}

export function bandOf(bands: readonly ScoreBand[], score: number): ScoreBand['label'] | null {
  const hit = bands.find((b) => b.min === undefined || score >= b.min - 1e-9) ?? bands.at(-1);
  return hit?.label ?? null;
}

/** Sorts and assigns competition ranks: equal (rounded) scores share a rank, the next rank skips. */
export function rank(rows: ScorecardRow[]): ScorecardRow[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.score === null || b.score === null) {
      if (a.score !== b.score) return a.score === null ? 1 : -1;
    } else if (a.score !== b.score) return b.score - a.score;
    return a.department < b.department ? -1 : a.department > b.department ? 1 : 0;
  });
  sorted.forEach((row, i) => {
    const prev = sorted[i - 1];
    if (row.score === null) row.rank = null;
    else row.rank = prev && prev.score === row.score ? (prev.rank as number) : i + 1;
  });
  return sorted;
}
