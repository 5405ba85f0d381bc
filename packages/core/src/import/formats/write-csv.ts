/** A header and rows of cell text, the common shape every reader produces. */
export interface TextTable {
  header: string[];
  rows: string[][];
}

// Quoting cells that hold any likely delimiter keeps DuckDB's delimiter sniffer on the comma.
const NEEDS_QUOTES = /[",;\t|\r\n]/;

const quote = (cell: string) => (NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** RFC 4180 CSV with '\n' line ends: header first, every row padded to the header's width. */
export function writeCsv({ header, rows }: TextTable): string {
  const width = header.length;
  const lines = [header.map(quote).join(',')];
  for (const row of rows) {
    const cells = row.length === width ? row : Array.from({ length: width }, (_, i) => row[i] ?? '');
    lines.push(cells.map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
