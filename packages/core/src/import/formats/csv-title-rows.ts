import { sliceClock } from '../../yield-to-host.ts';
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

/** Records split between two looks at the slice clock (a few ms of the page's thread). */
const RECORDS_PER_STEP = 1000;

/** scanRecords in slices, yielding to the page between them (the typing sample reads up to 20,000 rows). */
export async function scanRecordsInSlices(
  text: string,
  delimiter: string,
  maxRecords: number,
): Promise<CsvRecord[]> {
  const tick = sliceClock();
  const records: CsvRecord[] = [];
  const end = Math.min(text.length, SCAN_CHARS);
  for (let from = 0; from < end && records.length < maxRecords; ) {
    const step = scanRecordsOf(
      text,
      delimiter,
      Math.min(RECORDS_PER_STEP, maxRecords - records.length),
      from,
    );
    for (const r of step.records) records.push(r);
    from = step.next;
    const turn = tick();
    if (turn) await turn;
  }
  return records;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * scanRecords from `from` on, and whether its answer holds for any longer text starting with `text`:
 * `maxRecords` records were found, the last one ended by a line break (or the text runs past the scan's
 * character cap); `next`, where the record after them starts. Cells are cut with slice between the
 * characters that matter: built a character at a time, the typing sample's scan (up to 20,000 rows or the
 * cap) made the page's longest task at engine start, 14-18 ms of CPU.
 */
function scanRecordsOf(
  text: string,
  delimiter: string,
  maxRecords: number,
  from = 0,
): { records: CsvRecord[]; settled: boolean; next: number } {
  const records: CsvRecord[] = [];
  const sep = delimiter.charCodeAt(0);
  let ended = false;
  const end = Math.min(text.length, SCAN_CHARS);
  let i = from;
  while (i < end && records.length < maxRecords) {
    const start = i;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text.charCodeAt(i) === QUOTE && i < end) {
        // A quoted part: to its closing quote (a doubled quote is one quote of the text), or the scan's end.
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0 || q >= end) {
            cell += text.slice(i, end);
            i = end;
            break;
          }
          cell += text.slice(i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      }
      // The rest of the cell (after a quoted part, a quote is text).
      let j = i;
      for (
        let c = text.charCodeAt(j);
        j < end && c !== sep && c !== LF && c !== CR;
        c = text.charCodeAt(++j)
      );
      cell += text.slice(i, j);
      i = j;
      if (i >= end) {
        cells.push(cell);
        break;
      }
      const c = text.charCodeAt(i++);
      cells.push(cell);
      if (c === sep) continue;
      // A CR as the text's last character may be half of a CRLF the longer text goes on with.
      if (c === CR && i === text.length) break;
      if (c === CR && text.charCodeAt(i) === LF) i++;
      ended = true;
      break;
    }
    records.push({ start, cells });
    if (records.length < maxRecords) ended = false;
  }
  return { records, settled: (records.length === maxRecords && ended) || text.length > SCAN_CHARS, next: i };
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
