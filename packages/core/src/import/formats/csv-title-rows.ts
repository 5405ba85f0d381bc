import { countTitleRows, findHeaderRow } from './title-rows.ts';

export const DELIMITERS = [',', '\t', ';', '|'];
// Title rows sit at the very top, so only the start of a large file is looked at.
const SCAN_RECORDS = 50;
const SCAN_CHARS = 1 << 20;

export interface CsvRecord {
  /** offset of the record's first character in the text */
  start: number;
  cells: string[];
}

/** The first records of `text` split by `delimiter`, honouring RFC 4180 quotes (leniently). */
export function scanRecords(text: string, delimiter: string, maxRecords: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = Math.min(text.length, SCAN_CHARS);
  let i = 0;
  while (i < end && records.length < maxRecords) {
    const start = i;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let fieldStart = true;
    while (i < end) {
      const ch = text[i++];
      if (quoted) {
        if (ch !== '"') cell += ch;
        else if (text[i] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else if (ch === '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        fieldStart = true;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i] === '\n') i++;
        break;
      } else {
        cell += ch;
        fieldStart = false;
      }
    }
    cells.push(cell);
    records.push({ start, cells });
  }
  return records;
}

/** The delimiter whose most common field count (≥ 2) occurs in the most records, or undefined. */
function sniffRecords(text: string): CsvRecord[] | undefined {
  let best: { records: CsvRecord[]; freq: number; width: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const records = scanRecords(text, delimiter, SCAN_RECORDS);
    const tally = new Map<number, number>();
    for (const r of records) {
      if (r.cells.length > 1) tally.set(r.cells.length, (tally.get(r.cells.length) ?? 0) + 1);
    }
    for (const [width, freq] of tally) {
      if (!best || freq > best.freq || (freq === best.freq && width > best.width)) {
        best = { records, freq, width };
      }
    }
  }
  return best?.records;
}

/**
 * Drops title lines above the header of delimited text (see title-rows.ts for the rule). The rest of the
 * text is returned untouched, so DuckDB still sniffs the delimiter and quoting itself.
 */
export function dropCsvTitleRows(text: string): { text: string; titleRows: number; headerRow: number } {
  const records = sniffRecords(text);
  if (!records) return { text, titleRows: 0, headerRow: 0 };
  const rows = records.map((r) => r.cells);
  const header = findHeaderRow(rows);
  const start = records[header]?.start ?? 0;
  if (header === 0 || start === 0) return { text, titleRows: 0, headerRow: 0 };
  return { text: text.slice(start), titleRows: countTitleRows(rows, header), headerRow: header };
}
