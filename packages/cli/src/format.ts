import type { ImportSummary, IndicatorResult } from '@assessment-dashboard/core';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Human-readable lines for a terminal. */
export function formatImports(imports: readonly ImportSummary[]): string {
  return imports
    .map((i) => {
      const reasons = Object.entries(i.rejectReasons)
        .map(([r, n]) => `${r}: ${n}`)
        .join(', ');
      return `${i.file} → ${i.dataset} (${i.encoding}): read ${i.read}, loaded ${i.loaded}, rejected ${i.rejected}${reasons ? ` (${reasons})` : ''}, warnings ${i.warnings}`;
    })
    .join('\n');
}

export function formatIndicators(results: readonly IndicatorResult[]): string {
  return results
    .map((r) => {
      if (r.kind === 'breakdown') {
        const top = (r.breakdown ?? []).slice(0, 5).map((b) => `${b.key} ${b.value}`);
        return `${r.key}  ${r.label.zh}  total ${r.value}  (${top.join(', ')}…)`;
      }
      const value = r.value === null ? '–' : r.unit === 'percent' ? pct(r.value) : String(r.value);
      const frac = r.kind === 'rate' ? `  ${r.numerator}/${r.denominator}` : '';
      return `${r.key}  ${r.label.zh}  ${value}${frac}  [${r.status}]`;
    })
    .join('\n');
}
