import type { IndicatorResult } from '@assessment-dashboard/core';
import type { Lang } from '../i18n/messages.ts';
import type { ExportMeta } from './export-scope.ts';

/**
 * One chart's numbers as exported: what the chart is, the day and scope they hold for (export-scope.ts),
 * and where they come from. An indicator's chart takes these from its result (`resultChart`); a count
 * chart says its own.
 */
export interface ChartExport extends ExportMeta {
  rows: readonly { key: string; label: string; value: number; suppressed?: boolean | undefined }[];
}

/** What a chart's panel adds to its numbers: its scope under the current filters (chartTools knows it). */
export type ChartNumbers = Omit<ChartExport, 'scope'>;

/** An indicator result's breakdown (the chart's bars or points, labelled) as a chart's numbers. */
export function resultChart(result: IndicatorResult, labels: readonly string[], lang: Lang): ChartNumbers {
  return {
    title: result.label[lang],
    asOf: result.asOf,
    source: result.source,
    rows: (result.breakdown ?? []).map((b, i) => ({
      key: b.key,
      label: labels[i] ?? b.key,
      value: b.value,
      suppressed: b.suppressed,
    })),
  };
}
