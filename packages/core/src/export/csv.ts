/**
 * CSV writing for exports people open in Excel/WPS. Cells that a spreadsheet would treat as a formula
 * (starting with = + - @, tab or CR) are prefixed with an apostrophe, as OWASP advises against CSV
 * injection; the text stays readable and is never executed.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export interface CsvLayout {
  /** Start with a BOM so Excel on Chinese Windows opens UTF-8 correctly (default true). */
  bom?: boolean;
  /** Line ending (default CRLF, as Excel writes); the sample data in data/ uses LF. */
  newline?: '\r\n' | '\n';
}

export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
  { bom = true, newline = '\r\n' }: CsvLayout = {},
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${bom ? '\uFEFF' : ''}${lines.join(newline)}${newline}`;
}
