import type { SqlQuery } from '../sql/quote.ts';
import { GROUPED_CELLS } from './where.ts';

/**
 * The indicator's SQL grouped by the cells instead of run once per cell: where its WHERE (written with
 * `grouped` cell entries) ends in the GROUPED_CELLS marker at the top level of its main SELECT, the cell
 * keys join that SELECT's list and a GROUP BY ends it. Every cell then costs one scan in all, and each
 * group holds exactly the rows the per-cell tie would have kept. Undefined when the SQL's form does not
 * allow it (the marker inside a subquery or CTE, an OR above it, a set operation, HAVING, LIMIT…): the
 * caller then ties rows to cells one by one (cells.ts).
 */
export function groupedCellSql(
  q: SqlQuery,
  keys: readonly { expr: string; name: string }[],
  kind: string,
): SqlQuery | undefined {
  const text = q.text;
  const at = text.indexOf(GROUPED_CELLS);
  if (at < 0 || text.indexOf(GROUPED_CELLS, at + 1) >= 0) return undefined;
  const tail = text.slice(at + GROUPED_CELLS.length);
  const end = /^\s*(GROUP\s+BY\s+ALL)?\s*(ORDER\s+BY\s[^()'"]*)?;?\s*$/i.exec(tail);
  // Only aggregate SQL (one row per cell) may take a GROUP BY of our own; breakdowns bring GROUP BY ALL.
  if (!end || (!end[1] && kind === 'breakdown')) return undefined;
  const top = topLevelWords(text.slice(0, at));
  const select = top.find((w) => w.word === 'SELECT');
  const lastWhere = top.findLast((w) => w.word === 'WHERE');
  if (!select || !lastWhere || lastWhere.index < select.index) return undefined;
  const refuse = ['UNION', 'INTERSECT', 'EXCEPT', 'HAVING', 'LIMIT', 'QUALIFY', 'WINDOW', 'DISTINCT'];
  if (top.some((w) => refuse.includes(w.word) || (w.word === 'OR' && w.index > lastWhere.index)))
    return undefined;
  if (top.some((w) => w.word === 'SELECT' && w.index !== select.index)) return undefined;
  const list = [...keys.map((k) => `${k.expr} AS ${k.name}`), 'true AS "__hit"'].join(', ');
  const afterSelect = select.index + 'SELECT'.length;
  const groupBy = end[1] ? 'GROUP BY ALL' : `GROUP BY ${keys.map((k) => k.name).join(', ')}`;
  return {
    text: `${text.slice(0, afterSelect)} ${list},${text.slice(afterSelect, at)}TRUE ${groupBy}`,
    params: q.params,
  };
}

/** The upper-case words at parenthesis depth 0, outside quotes, comments and identifiers, with their offsets. */
function topLevelWords(text: string): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      i = close < 0 ? text.length : close + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (text.startsWith('--', i)) {
      const close = text.indexOf('\n', i);
      i = close < 0 ? text.length : close + 1;
    } else if (ch === '(') {
      depth++;
      i++;
    } else if (ch === ')') {
      depth--;
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64))?.[0] ?? ch;
      if (depth === 0) out.push({ word: word.toUpperCase(), index: i });
      i += word.length;
    } else i++;
  }
  return out;
}
