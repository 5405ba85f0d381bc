import { type IndicatorResult, toCsv, unavailableReason } from '@assessment-dashboard/core';
import type { XlsxSheet } from '@assessment-dashboard/core/xlsx';
import type { Lang } from '../i18n/messages.ts';
import type { ChartExport } from './chart-export.ts';
import { type ClauseScope, filtersJson, NO_SCOPE, scopeText } from './export-scope.ts';

/** An indicator's scope under the current filters (indicator-scope.ts), by key. */
export type ScopeOf = (key: string) => ClauseScope;

const HEADER = [
  'key',
  'label',
  'value',
  'numerator',
  'denominator',
  'ci_low',
  'ci_high',
  'target',
  'status',
  'status_reason',
  'unit',
  'direction',
  'formula',
  'source',
  'as_of',
  'filters',
  'scope',
];

/**
 * Indicator results as CSV with their metadata and the "data as of" stamp on every row, so a figure
 * copied out of the file still says what it is, how it was computed, when and under which filters (each
 * indicator's own: its dataset's chips and the month range; the chips it does not follow are named).
 * Formula-safe (see toCsv).
 */
export function indicatorsCsv(
  results: readonly IndicatorResult[],
  lang: Lang,
  scopeOf: ScopeOf = () => NO_SCOPE,
): string {
  return toCsv(HEADER, indicatorRows(results, lang, scopeOf));
}

/** The rows of the indicator export, shared by CSV and XLSX. */
function indicatorRows(results: readonly IndicatorResult[], lang: Lang, scopeOf: ScopeOf) {
  return results
    .filter((r) => r.kind !== 'breakdown')
    .map((r) => [r, scopeOf(r.key)] as const)
    .map(([r, scope]) => [
      r.key,
      r.label[lang],
      r.value,
      r.numerator,
      r.denominator,
      r.ci?.[0] ?? null,
      r.ci?.[1] ?? null,
      r.target,
      r.status,
      // Not in this export: say which column is missing, so an empty value is not read as 0.
      r.status === 'unavailable' ? unavailableReason(r.missing ?? [], lang) : '',
      r.unit,
      r.direction,
      r.formula[lang],
      r.source,
      r.asOf,
      filtersJson(scope),
      scopeText(scope, lang),
    ]);
}

/**
 * The same table as one XLSX sheet (numbers stay numbers for analysts' pivot tables). The writer never
 * writes formulas, so no cell can run anything when opened.
 */
export function indicatorsSheet(
  results: readonly IndicatorResult[],
  lang: Lang,
  scopeOf: ScopeOf = () => NO_SCOPE,
): XlsxSheet {
  return {
    name: lang === 'en' ? 'Indicators' : '指标',
    rows: [
      HEADER.map((h) => ({ value: h, style: 'header' as const })),
      ...indicatorRows(results, lang, scopeOf).map((row) =>
        row.map((v) => ({
          value: v,
          style: typeof v === 'number' ? ('number' as const) : ('label' as const),
        })),
      ),
    ],
    widths: [28, 24, 12, 12, 12, 10, 10, 10, 14, 36, 10, 10, 60, 60, 20, 30, 40],
  };
}

const BREAKDOWN_HEADER = [
  'indicator',
  'category',
  'label',
  'value',
  'withheld',
  'as_of',
  'filters',
  'scope',
  'source',
];

/** The rows of one chart's data: category code, label, value, plus what the chart is and its stamp. */
function breakdownRows(chart: ChartExport, lang: Lang) {
  const filters = filtersJson(chart.scope);
  const scope = scopeText(chart.scope, lang);
  return chart.rows.map((b) => [
    chart.title,
    b.key,
    b.label,
    // Small-number protection: a withheld cell is exported empty with the reason, never as a number.
    b.suppressed || !Number.isFinite(b.value) ? null : b.value,
    b.suppressed ? 'small number' : '',
    chart.asOf,
    filters,
    scope,
    chart.source,
  ]);
}

/** A chart's data as CSV. */
export function breakdownCsv(chart: ChartExport, lang: Lang): string {
  return toCsv(BREAKDOWN_HEADER, breakdownRows(chart, lang));
}

/** The same rows as an Excel sheet (numbers as numbers), named after the chart. */
export function breakdownSheet(chart: ChartExport, name: string, lang: Lang): XlsxSheet {
  return {
    // Excel refuses sheet names over 31 characters or with []:*?/\.
    name: name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    rows: [
      BREAKDOWN_HEADER.map((h) => ({ value: h, style: 'header' as const })),
      ...breakdownRows(chart, lang).map((row) =>
        row.map((v) => ({
          value: v,
          style: typeof v === 'number' ? ('number' as const) : ('label' as const),
        })),
      ),
    ],
    widths: [24, 20, 24, 12, 10, 20, 30, 40, 40],
  };
}
