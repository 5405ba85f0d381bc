import type { ImportSummary, IndicatorResult, Scorecard } from '@assessment-dashboard/core';

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

/** One line per indicator and group: key, group, value, and 环比/同比 when periods are asked for. */
export function formatGroups(results: readonly IndicatorResult[]): string {
  return results
    .filter((r) => r.kind !== 'breakdown')
    .map((r) => {
      const show = (v: number | null | undefined) =>
        v === null || v === undefined ? '–' : r.unit === 'percent' ? pct(v) : String(Math.round(v * 10) / 10);
      const group = [r.group?.value, r.group?.period].filter(Boolean).join(' ');
      const change = r.change ? `  环比 ${show(r.change.previous)}  同比 ${show(r.change.yearAgo)}` : '';
      return `${r.key}  ${group}  ${show(r.value)}${change}`;
    })
    .join('\n');
}

/** Ranked departments: rank, score, band, change, then each item's explanation indented. */
export function formatScorecard(card: Scorecard): string {
  const head = `${card.name.zh}${card.period ? ` · ${card.period}` : ''} (max ${card.maxScore})`;
  const rows = card.rows.map((r) => {
    const score = r.score === null ? '–' : r.score.toFixed(2);
    const change =
      r.change === null || r.change === undefined
        ? ''
        : `  ${r.change >= 0 ? '+' : ''}${r.change.toFixed(2)}`;
    const items = r.items.map((i) => `      ${i.explanation.zh}`).join('\n');
    return `${String(r.rank ?? '–').padStart(3)}  ${r.department}  ${score}  ${r.band?.zh ?? ''}${change}\n${items}`;
  });
  return [head, ...rows].join('\n');
}
