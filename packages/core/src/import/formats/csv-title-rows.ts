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
  return scanRecordsOf(text, delimiter, maxRecords).records;
}

/**
 * scanRecords, and whether its answer holds for any longer text starting with `text`: `maxRecords`
 * records were found, the last one ended by a line break (or the text runs past the scan's character cap).
 */
function scanRecordsOf(
  text: string,
  delimiter: string,
  maxRecords: number,
): { records: CsvRecord[]; settled: boolean } {
  const records: CsvRecord[] = [];
  let ended = false;
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
        // A CR as the text's last character may be half of a CRLF the longer text goes on with.
        if (ch === '\r' && i === text.length) break;
        if (ch === '\r' && text[i] === '\n') i++;
        ended = true;
        break;
      } else {
        cell += ch;
        fieldStart = false;
      }
    }
    cells.push(cell);
    records.push({ start, cells });
    if (records.length < maxRecords) ended = false;
  }
  return { records, settled: (records.length === maxRecords && ended) || text.length > SCAN_CHARS };
}

/**
 * The delimiter whose most common field count (≥ 2) occurs in the most records, or undefined. `head`: the
 * text is the start of a longer one; null when more of it could change the answer.
 */
function sniffRecords(text: string, head = false): CsvRecord[] | undefined | null {
  let best: { records: CsvRecord[]; freq: number; width: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const { records, settled } = scanRecordsOf(text, delimiter, SCAN_RECORDS);
    if (head && !settled) return null;
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
export function dropCsvTitleRows(text: string): TitleRows {
  return titleRowsOf(text, sniffRecords(text) ?? undefined);
}

export interface TitleRows {
  /** the text from its header row on */
  text: string;
  titleRows: number;
  /** 0-based record of the header row */
  headerRow: number;
}

/**
 * dropCsvTitleRows on the start of a longer text (a large file's first bytes, decoded): the same answer
 * as on the whole text, or undefined when its records run past `head`'s end (decode more and ask again).
 */
export function dropCsvTitleRowsOfHead(head: string): TitleRows | undefined {
  const records = sniffRecords(head, true);
  return records === null ? undefined : titleRowsOf(head, records);
}

function titleRowsOf(text: string, records: CsvRecord[] | undefined): TitleRows {
  if (!records) return { text, titleRows: 0, headerRow: 0 };
  const rows = records.map((r) => r.cells);
  const header = findHeaderRow(rows);
  const start = records[header]?.start ?? 0;
  if (header === 0 || start === 0) return { text, titleRows: 0, headerRow: 0 };
  return { text: text.slice(start), titleRows: countTitleRows(rows, header), headerRow: header };
}
