import { DATASETS, type DatasetKey, isMonthSelection, type Selection } from '@assessment-dashboard/core';
import type { Lang } from '../i18n/messages.ts';
import { scopeMessages } from './scope-messages.ts';

/**
 * What a panel's or an export's numbers hold for, out of the current chart filters (every chip): one home
 * for the panels' "not affected by the filter" note and every export's scope (CSV/XLSX columns, the
 * caption drawn in SVG/PNG charts).
 */
export interface ClauseScope {
  /** the filters the numbers were computed under */
  readonly applied: readonly Selection[];
  /** the chart's own pick: highlighted, while the chart keeps every bar */
  readonly highlighted: readonly Selection[];
  /** the filters the numbers do not follow (another dataset's, or a panel that follows none) */
  readonly ignored: readonly Selection[];
}

/** No filter at all. */
export const NO_SCOPE: ClauseScope = { applied: [], highlighted: [], ignored: [] };

/** Which filters a view follows: its datasets' clauses, the month range unless `months` is false. */
export interface ViewScope {
  /** the datasets its numbers come from ('all': any) */
  readonly datasets: readonly DatasetKey[] | 'all';
  /** false: a month filter does not apply (a time view of its own, a whole-year table, a snapshot list) */
  readonly months?: boolean;
  /** the chart's own column: a pick there is highlighted, not filtered */
  readonly own?: { readonly dataset: DatasetKey | 'all'; readonly column: string };
  /** true: no filter applies (computed once per load, e.g. the ranking) */
  readonly none?: boolean;
}

/** Sorts the selection's clauses for a view (see ViewScope). */
export function clauseScope(selection: readonly Selection[], view: ViewScope): ClauseScope {
  const applied: Selection[] = [];
  const highlighted: Selection[] = [];
  const ignored: Selection[] = [];
  const has = (d: DatasetKey) => view.datasets === 'all' || view.datasets.includes(d);
  for (const s of selection) {
    if (view.own && s.dataset === view.own.dataset && s.column === view.own.column) highlighted.push(s);
    else if (view.none) ignored.push(s);
    else if (isMonthSelection(s)) (view.months === false ? ignored : applied).push(s);
    else if (s.dataset !== 'all') (has(s.dataset) ? applied : ignored).push(s);
    else {
      // A clause on every dataset with the column: applies when one of the view's datasets has it.
      const datasets = view.datasets === 'all' ? (Object.keys(DATASETS) as DatasetKey[]) : view.datasets;
      const any = datasets.some((d) => DATASETS[d].fields.some((f) => f.key === s.column));
      (any ? applied : ignored).push(s);
    }
  }
  return { applied, highlighted, ignored };
}

/**
 * The `filters` column: the applied filters as JSON, keyed as in the URL state (`cases.dept_name`,
 * `all.month` with its month or range 'YYYY-MM..YYYY-MM'); several values of one column are "any of".
 */
export function filtersJson(scope: ClauseScope): string {
  const out: Record<string, string[]> = {};
  for (const s of scope.applied) {
    const key = `${s.dataset}.${s.column}`;
    out[key] = [...(out[key] ?? []), s.value];
  }
  return JSON.stringify(out);
}

/** The scope in words, as the chips say it: filtered by…; highlighted…; not affected by…. */
export function scopeText(scope: ClauseScope, lang: Lang): string {
  const m = scopeMessages(lang);
  const labels = (list: readonly Selection[]) => list.map((s) => s.label || s.value).join(m.list);
  return [
    scope.applied.length ? m.filtered(labels(scope.applied)) : m.noFilter,
    ...(scope.highlighted.length ? [m.highlighted(labels(scope.highlighted))] : []),
    ...(scope.ignored.length ? [m.ignored(labels(scope.ignored))] : []),
  ].join(m.sep);
}

/** What every export carries: what it is, the day its numbers hold for, their scope, where they come from. */
export interface ExportMeta {
  title: string;
  asOf: string;
  scope: ClauseScope;
  source: string;
}

/** The caption of an exported picture, line by line: title, as-of day, scope, source. */
export function captionLines(meta: ExportMeta, lang: Lang): string[] {
  const m = scopeMessages(lang);
  return [meta.title, m.asOf(meta.asOf.slice(0, 10)), scopeText(meta.scope, lang), m.source(meta.source)];
}
