import {
  type ImportSummary,
  type IndicatorResult,
  type Scorecard,
  unavailableReason,
} from '@assessment-dashboard/core';
import {
  type AnnualReport,
  formatTable2Value,
  formatViolation,
  TABLE4_BLOCKS,
  TABLE4_CELLS,
  table2Notes,
} from '@assessment-dashboard/core/annual-report';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Human-readable lines for a terminal. */
export function formatImports(imports: readonly ImportSummary[]): string {
  return imports
    .map((i) => {
      const reasons = Object.entries(i.rejectReasons)
        .map(([r, n]) => `${r}: ${n}`)
        .join(', ');
      const filled = Object.entries(i.filled ?? {})
        .map(([to, from]) => `\n  ${to} taken from ${from} (the file has no column of its own)`)
        .join('');
      return `${i.file} → ${i.dataset} (${i.encoding}): read ${i.read}, loaded ${i.loaded}, rejected ${i.rejected}${reasons ? ` (${reasons})` : ''}, warnings ${i.warnings}${filled}`;
    })
    .join('\n');
}

export function formatIndicators(results: readonly IndicatorResult[]): string {
  return results
    .map((r) => {
      if (r.status === 'unavailable') {
        return `${r.key}  ${r.label.zh}  –  [unavailable] ${unavailableReason(r.missing ?? [], 'zh')}`;
      }
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
      if (r.status === 'unavailable')
        return `${r.key}  ${group}  –  [unavailable] ${unavailableReason(r.missing ?? [], 'zh')}`;
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

/**
 * Tables 二, 三 and 四 as text: one line per row, cells separated by " | ", "—" for a cell the exports do
 * not hold (explained under table 二), then the check results.
 */
export function formatAnnualReport(report: AnnualReport): string {
  const out: string[] = [];
  const t2 = report.table2;
  out.push(
    `${t2.title}（${report.year}年度，${report.layout}年格式${report.agency ? `，${report.agency}` : ''}）`,
  );
  for (const b of t2.blocks) {
    out.push(b.caption, `  信息内容 | ${b.columns.map((c) => c.label).join(' | ')}`);
    for (const r of b.rows)
      out.push(
        `  ${r.label} | ${r.cells.map((c) => (c.value === null ? '—' : formatTable2Value(c.value))).join(' | ')}`,
      );
  }
  const notes = table2Notes(t2);
  if (notes.length) out.push('注：“—”为导出数据中没有的数据，需手工填写：', ...notes.map((n) => `  ${n.zh}`));
  const t3 = report.table3;
  const t4 = report.table4;
  if (!t3 || !t4) {
    out.push('', '三、四：未载入依申请公开数据（requests），无法生成。');
  } else {
    out.push('', t3.title, `  ${' '.repeat(4)}${t3.columns.map((c) => c.label).join(' | ')}`);
    for (const r of t3.rows)
      out.push(`  ${'  '.repeat(r.level)}${r.label}${r.values ? ` | ${r.values.join(' | ')}` : ''}`);
    out.push('', t4.title);
    for (const b of TABLE4_BLOCKS)
      out.push(`  ${b.label}: ${TABLE4_CELLS.map((c) => `${c.label} ${t4[b.key][c.key]}`).join(', ')}`);
  }
  out.push('');
  out.push(
    report.violations.length
      ? `校验未通过 ${report.violations.length} 项 (checks failed):\n${report.violations.map((v) => `  ${formatViolation(v)}`).join('\n')}`
      : '校验全部通过 (all checks passed)',
  );
  return out.join('\n');
}
