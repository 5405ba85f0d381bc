import { type IndicatorResult, toCsv, unavailableReason } from '@assessment-dashboard/core';
import type { XlsxSheet } from '@assessment-dashboard/core/xlsx';
import type { Lang } from '../i18n/messages.ts';
import type { ChartExport } from './chart-export.ts';

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
];

/**
 * Indicator results as CSV with their metadata and the "data as of" stamp on every row, so a figure
 * copied out of the file still says what it is, how it was computed and when. Formula-safe (see toCsv).
 */
export function indicatorsCsv(results: readonly IndicatorResult[], lang: Lang): string {
  return toCsv(HEADER, indicatorRows(results, lang));
}

/** The rows of the indicator export, shared by CSV and XLSX. */
function indicatorRows(results: readonly IndicatorResult[], lang: Lang) {
  return results
    .filter((r) => r.kind !== 'breakdown')
    .map((r) => [
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
      JSON.stringify(r.filters),
    ]);
}

/**
 * The same table as one XLSX sheet (numbers stay numbers for analysts' pivot tables). The writer never
 * writes formulas, so no cell can run anything when opened.
 */
export function indicatorsSheet(results: readonly IndicatorResult[], lang: Lang): XlsxSheet {
  return {
    name: lang === 'en' ? 'Indicators' : '指标',
    rows: [
      HEADER.map((h) => ({ value: h, style: 'header' as const })),
      ...indicatorRows(results, lang).map((row) =>
        row.map((v) => ({
          value: v,
          style: typeof v === 'number' ? ('number' as const) : ('label' as const),
        })),
      ),
    ],
    widths: [28, 24, 12, 12, 12, 10, 10, 10, 14, 36, 10, 10, 60, 60, 20, 20],
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
  'source',
];

/** The rows of one chart's data: category code, label, value, plus what the chart is and its stamp. */
function breakdownRows(chart: ChartExport) {
  return chart.rows.map((b) => [
    chart.title,
    b.key,
    b.label,
    // Small-number protection: a withheld cell is exported empty with the reason, never as a number.
    b.suppressed || !Number.isFinite(b.value) ? null : b.value,
    b.suppressed ? 'small number' : '',
    chart.asOf,
    JSON.stringify(chart.filters),
    chart.source,
  ]);
}

/** A chart's data as CSV. */
export function breakdownCsv(chart: ChartExport): string {
  return toCsv(BREAKDOWN_HEADER, breakdownRows(chart));
}

/** The same rows as an Excel sheet (numbers as numbers), named after the chart. */
export function breakdownSheet(chart: ChartExport, name: string): XlsxSheet {
  return {
    // Excel refuses sheet names over 31 characters or with []:*?/\.
    name: name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    rows: [
      BREAKDOWN_HEADER.map((h) => ({ value: h, style: 'header' as const })),
      ...breakdownRows(chart).map((row) =>
        row.map((v) => ({
          value: v,
          style: typeof v === 'number' ? ('number' as const) : ('label' as const),
        })),
      ),
    ],
    widths: [24, 20, 24, 12, 10, 20, 30, 40],
  };
}
