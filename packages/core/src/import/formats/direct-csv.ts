import { sliceClock } from '../../yield-to-host.ts';
import { dropCsvTitleRows, dropCsvTitleRowsOfHead, type TitleRows } from './csv-title-rows.ts';
import { detectFormat } from './detect-format.ts';
import type { FirstCellsVerdict } from './first-cells.ts';
import { unevenLineEnds } from './line-ends.ts';
import { MAX_LINE_BYTES } from './long-lines.ts';
import {
  firstCellsOf,
  type LongLineNotes,
  scannedAsArrived,
  scanUtf8WithoutNul,
  takeFirstCells,
} from './utf8-scan.ts';

/** How much of the file's start is decoded to find title rows (the sniffer reads at most 1 M characters). */
const HEAD_BYTES = 4 << 20;
/**
 * What is decoded first: the sniffer's 50 records fit in it unless lines are long (then 4× more, up to
 * HEAD_BYTES). Decoding all 4 MB took 20–40 ms of the UI thread for every file.
 */
const HEAD_FIRST = 64 << 10;
/**
 * Validity and NUL bytes are checked in pieces (a few ms each), yielding to the page between slices: no
 * string as long as the file is ever built, and the UI thread is never blocked for long.
 */
const PIECE_BYTES = 1 << 20;

export interface DirectCsv {
  /** The file's bytes from its header row on (BOM and title rows skipped): what DuckDB reads. */
  bytes: Uint8Array;
  encoding: 'utf-8' | 'utf-8-bom';
  titleRows: number;
  /** 1-based line of the header row in the original file. */
  headerRow: number;
  /** The lines of `bytes` longer than MAX_LINE_BYTES, met by the validity scan (cutLongLines takes them). */
  long: [number, number][];
  /** Some cell may start or end with a space (LongLineNotes.edgeSpace); false: trimming changes none. */
  edgeSpaces: boolean;
  /** The file holds a double quote somewhere (false: no line can hide in a quoted cell). */
  quotes: boolean;
  /** Whether the lines' first cells are distinct (FirstCells; lines counted from the file's first). */
  firstCells: FirstCellsVerdict | undefined;
  /** Line ends DuckDB cannot take as they are (line-ends.ts: mixed, or a CR inside a line). */
  unevenLineEnds: boolean;
}

/**
 * A UTF-8 CSV/TSV handed to DuckDB as the bytes it already is, instead of decoded into a JS string and
 * encoded back: half the memory and no decode/encode pass on large files, and no limit from the longest
 * string the JS engine can hold (≈ 512 M characters). Undefined when the file needs the text path: another
 * format, another encoding (GB18030, UTF-16, an explicit one), NUL bytes, or nothing but blanks.
 */
export async function directCsv(
  bytes: Uint8Array,
  fileName: string,
  encoding?: string,
): Promise<DirectCsv | undefined> {
  if (encoding && !/^utf-?8$/i.test(encoding)) return undefined;
  if (bytes.length === 0 || detectFormat(bytes, fileName) !== 'csv') return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!bom && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return undefined;
  }
  const start = bom ? 3 : 0;
  // Scanned while it downloaded (ByteSink), or now.
  const arrived = scannedAsArrived.get(bytes);
  const lines: LongLineNotes = arrived?.notes ?? { limit: MAX_LINE_BYTES, lineStart: start, long: [] };
  if (arrived ? !arrived.valid : !(await validUtf8WithoutNul(bytes, lines))) return undefined;
  if (bytes.length - lines.lineStart > lines.limit) lines.long.push([lines.lineStart, bytes.length]);
  const body = bom ? bytes.subarray(3) : bytes;
  const { head, dropped } = titleRowsOfStart(body);
  if (head.trim() === '') return undefined;
  const skip =
    dropped.text === head
      ? 0
      : new TextEncoder().encode(head.slice(0, head.length - dropped.text.length)).length;
  return {
    bytes: body.subarray(skip),
    encoding: bom ? 'utf-8-bom' : 'utf-8',
    titleRows: dropped.titleRows,
    headerRow: dropped.headerRow + 1,
    // In the bytes from the header row on (title rows are never that long: the head decoded them).
    long: lines.long.filter(([s]) => s >= start + skip).map(([s, e]) => [s - start - skip, e - start - skip]),
    edgeSpaces: lines.edgeSpace === true,
    quotes: lines.quote === true,
    firstCells: lines.firstCells,
    unevenLineEnds: unevenLineEnds(lines),
  };
}

/**
 * The title rows of `body`, found in its first HEAD_BYTES decoded (a character cut at the end decodes as
 * U+FFFD, past what the sniffer reads), decoded a part at a time: a part settles it when the sniffer's
 * records end inside it (the same answer as on all HEAD_BYTES) and it holds more than blanks.
 */
function titleRowsOfStart(body: Uint8Array): { head: string; dropped: TitleRows } {
  const all = Math.min(body.length, HEAD_BYTES);
  for (let n = Math.min(HEAD_FIRST, all); ; n = Math.min(n * 4, all)) {
    const head = new TextDecoder('utf-8').decode(body.subarray(0, n));
    const dropped = n === all ? dropCsvTitleRows(head) : dropCsvTitleRowsOfHead(head);
    if (dropped && (n === all || head.trim() !== '')) return { head, dropped };
  }
}

/**
 * Strict UTF-8 (the WHATWG decoder's rule) with no NUL byte, checked piece by piece between yields; the
 * long lines and the lines' first cells noted on the way.
 */
async function validUtf8WithoutNul(bytes: Uint8Array, lines: LongLineNotes): Promise<boolean> {
  const tick = sliceClock();
  const cells = firstCellsOf(bytes, bytes.length);
  for (let at = 0; at < bytes.length; ) {
    at = scanUtf8WithoutNul(bytes, at, Math.min(bytes.length, at + PIECE_BYTES), lines, cells);
    if (at < 0) return false;
    takeFirstCells(cells, lines, bytes, at, at === bytes.length);
    const turn = tick();
    if (turn) await turn;
  }
  return true;
}
