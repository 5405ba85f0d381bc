import type { Filters, IndicatorResult } from '@assessment-dashboard/core';
import type { Lang } from '../i18n/messages.ts';

/**
 * One chart's numbers as exported: what the chart is, the day and scope they hold for, and where they come
 * from. An indicator's chart takes these from its result (`resultChart`); a count chart says its own.
 */
export interface ChartExport {
  title: string;
  asOf: string;
  /** the filters the numbers were computed under (column → values; `month` for a month selection) */
  filters: Readonly<Filters>;
  source: string;
  rows: readonly { key: string; label: string; value: number; suppressed?: boolean | undefined }[];
}

/** An indicator result's breakdown (the chart's bars or points, labelled) as a chart export. */
export function resultChart(result: IndicatorResult, labels: readonly string[], lang: Lang): ChartExport {
  return {
    title: result.label[lang],
    asOf: result.asOf,
    filters: result.filters,
    source: result.source,
    rows: (result.breakdown ?? []).map((b, i) => ({
      key: b.key,
      label: labels[i] ?? b.key,
      value: b.value,
      suppressed: b.suppressed,
    })),
  };
}
