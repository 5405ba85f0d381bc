/**
 * Title rows: government exports often put a caption ("2025年度办件明细表") and maybe a "填报单位：…" line
 * above the real header. Rule: let W be the largest number of non-empty cells in any of the first 50
 * rows; the header is the first of the first 20 rows with at least max(2, ⌈W / 2⌉) non-empty cells.
 * Everything above it is dropped. When no row qualifies (a one-column table) the first non-empty row is
 * the header.
 */
const SAMPLE_ROWS = 50;
const SEARCH_ROWS = 20;

export const nonEmptyCells = (row: readonly string[] | undefined): number =>
  row ? row.reduce((n, cell) => (cell.trim() === '' ? n : n + 1), 0) : 0;

/** Index of the header row in `rows` (which may have holes for absent sheet rows). */
export function findHeaderRow(rows: readonly (readonly string[] | undefined)[]): number {
  const counts = Array.from({ length: Math.min(rows.length, SAMPLE_ROWS) }, (_, i) => nonEmptyCells(rows[i]));
  const widest = Math.max(0, ...counts);
  const needed = Math.max(2, Math.ceil(widest / 2));
  const limit = Math.min(SEARCH_ROWS, counts.length);
  for (let i = 0; i < limit; i++) if ((counts[i] ?? 0) >= needed) return i;
  const first = counts.findIndex((n) => n > 0);
  return Math.max(first, 0);
}

/** Non-empty rows above the header: the title rows reported to the user. */
export function countTitleRows(rows: readonly (readonly string[] | undefined)[], headerRow: number): number {
  let n = 0;
  for (let i = 0; i < headerRow; i++) if (nonEmptyCells(rows[i]) > 0) n++;
  return n;
}
