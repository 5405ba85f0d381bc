import { FirstCells, type FirstCellsVerdict } from './first-cells.ts';
import type { LineEndNotes } from './line-ends.ts';
import { scanUtf8Simd } from './utf8-simd.ts';

/**
 * What a scan notes on its way (see scanUtf8WithoutNul): lines longer than `limit` bytes ([start, end)
 * offsets), whether a space character (Unicode Zs, what DuckDB's trim removes) touches a cell's edge, and
 * the kinds of line end (LineEndNotes).
 */
export interface LongLineNotes extends LineEndNotes {
  limit: number;
  /** where the current line starts */
  lineStart: number;
  long: [number, number][];
  /**
   * A Zs character next to a delimiter (, ; | tab), a quote, a line break or the end of the bytes: some
   * cell may start or end with a space. False after a whole scan: trimming would change no cell.
   */
  edgeSpace?: boolean;
  /** a double quote was seen (only then can DuckDB's reader lose lines: see dataLines) */
  quote?: boolean;
  /** after a whole scan: whether the lines' first cells are distinct (see FirstCells) */
  firstCells?: FirstCellsVerdict;
}

/** A FirstCells for a scan of `size` bytes (the first line after a BOM). */
export const firstCellsOf = (bytes: Uint8Array, size: number): FirstCells =>
  new FirstCells(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0, size);

/**
 * The first cells of the lines scanned up to `upTo` that the scan did not give (the rest too when
 * `final`); a quote seen ends the check (a quoted cell's text is not its bytes, and a line break inside
 * one makes two lines of a row).
 */
export function takeFirstCells(
  cells: FirstCells,
  notes: LongLineNotes,
  bytes: Uint8Array,
  upTo: number,
  final = false,
): void {
  if (notes.quote) cells.abandon();
  else cells.take(bytes, upTo, final);
  if (final) notes.firstCells = cells.verdict();
}

/** Whether one of the four bytes of `w` is 0 (the classic bit trick, in 32-bit integer arithmetic). */
const hasZeroByte = (w: number): boolean => ((w - 0x01010101) & ~w & 0x80808080) !== 0;

/** Four ASCII bytes, none of them NUL, a line feed, a CR, a space or a quote: nothing to check or note. */
const plainWord = (w: number): boolean =>
  (w & 0x80808080) === 0 &&
  !hasZeroByte(w) &&
  !hasZeroByte(w ^ 0x0a0a0a0a) &&
  !hasZeroByte(w ^ 0x0d0d0d0d) &&
  !hasZeroByte(w ^ 0x20202020) &&
  !hasZeroByte(w ^ 0x22222222);

/** Bytes that may border a cell: tab, line feed, carriage return, quote, comma, semicolon, bar. */
const CELL_BORDER = new Uint8Array(256);
for (const b of [9, 10, 13, 34, 44, 59, 124]) CELL_BORDER[b] = 1;

/** Whether the character at [at, after) has a cell border (or the bytes' end) on either side. */
const atCellEdge = (bytes: Uint8Array, at: number, after: number): boolean =>
  at === 0 ||
  after >= bytes.length ||
  CELL_BORDER[bytes[at - 1] as number] === 1 ||
  CELL_BORDER[bytes[after] as number] === 1;

/** The UTF-8 lead and continuation bytes of the multi-byte Zs characters: U+00A0, U+1680, U+2000–200A, U+202F, U+205F, U+3000. */
const isZs2 = (c: number, c1: number) => c === 0xc2 && c1 === 0xa0;
const isZs3 = (c: number, c1: number, c2: number) =>
  (c === 0xe1 && c1 === 0x9a && c2 === 0x80) ||
  (c === 0xe2 && c1 === 0x80 && (c2 <= 0x8a || c2 === 0xaf)) ||
  (c === 0xe2 && c1 === 0x81 && c2 === 0x9f) ||
  (c === 0xe3 && c1 === 0x80 && c2 === 0x80);

/**
 * Scans `bytes` for well-formed UTF-8 (the WHATWG decoder's rule: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no stray or missing continuation bytes) without NUL bytes, for the sequences that start in
 * [from, stop). A sequence may run past `stop` (it is read from `bytes` as a whole), so pieces can be
 * scanned one after another. Returns where the next piece starts, or -1 at the first invalid or NUL byte.
 * About twice as fast as a fatal TextDecoder, which also builds the string nobody needs here. With
 * `lines`, it also notes the long lines and spaces at cells' edges (one pass over the bytes instead of
 * three: register-file.ts).
 */
export function scanUtf8WithoutNul(
  bytes: Uint8Array,
  from: number,
  stop: number,
  lines?: LongLineNotes,
  /** given the lines whose line feeds the SIMD kernel met (takeFirstCells takes the rest) */
  cells?: FirstCells,
): number {
  // Where WebAssembly SIMD runs (every current browser, Node), the bulk goes 16 bytes at a time.
  const notes = lines ?? { limit: 0x7fffffff, lineStart: from, long: [] };
  const at = scanUtf8Simd(
    bytes,
    from,
    stop,
    notes,
    cells && ((ends, base) => cells.lineEnds(bytes, ends, base)),
  );
  return at < 0 ? -1 : scanUtf8Scalar(bytes, at, stop, lines);
}

/** scanUtf8WithoutNul a byte at a time (four for plain ASCII): the reference, and every file's last bytes. */
export function scanUtf8Scalar(bytes: Uint8Array, from: number, stop: number, lines?: LongLineNotes): number {
  const end = bytes.length;
  // Runs of plain ASCII (timestamps, IDs, numbers: half an export's bytes) are read four bytes at a time.
  const base = bytes.byteOffset;
  const words = new Uint32Array(bytes.buffer, 0, (base + stop) >>> 2);
  let i = from;
  while (i < stop) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      if (((base + i) & 3) === 0) {
        let k = (base + i) >>> 2;
        while (k < words.length && plainWord(words[k] as number)) k++;
        const next = k * 4 - base;
        if (next > i) {
          i = next;
          continue;
        }
      }
      if (c < 0x0b) {
        if (c === 0) return -1;
        if (c === 10 && lines) {
          if (i - lines.lineStart > lines.limit) lines.long.push([lines.lineStart, i]);
          lines.lineStart = i + 1;
          if (i === 0 || bytes[i - 1] !== 13) lines.bareLf = true;
        }
      } else if (c === 0x0d) {
        if (lines && bytes[i + 1] === 10) lines.crlf = true;
        else if (lines) lines.loneCr = true;
      } else if (c === 0x20 && lines && !lines.edgeSpace && atCellEdge(bytes, i, i + 1)) {
        lines.edgeSpace = true;
      } else if (c === 0x22 && lines) {
        lines.quote = true;
      }
      i++;
    } else if (c < 0xc2) {
      return -1; // a continuation byte without a lead, or an overlong 2-byte lead
    } else if (c < 0xe0) {
      if (i + 1 >= end || ((bytes[i + 1] as number) & 0xc0) !== 0x80) return -1;
      if (lines && !lines.edgeSpace && isZs2(c, bytes[i + 1] as number) && atCellEdge(bytes, i, i + 2))
        lines.edgeSpace = true;
      i += 2;
    } else if (c < 0xf0) {
      const c1 = bytes[i + 1] as number;
      if (
        i + 2 >= end ||
        (c1 & 0xc0) !== 0x80 ||
        (c === 0xe0 && c1 < 0xa0) || // overlong
        (c === 0xed && c1 > 0x9f) || // UTF-16 surrogates
        ((bytes[i + 2] as number) & 0xc0) !== 0x80
      )
        return -1;
      if (c <= 0xe3 && c >= 0xe1 && lines && !lines.edgeSpace) {
        if (isZs3(c, c1, bytes[i + 2] as number) && atCellEdge(bytes, i, i + 3)) lines.edgeSpace = true;
      }
      i += 3;
    } else if (c < 0xf5) {
      const c1 = bytes[i + 1] as number;
      if (
        i + 3 >= end ||
        (c1 & 0xc0) !== 0x80 ||
        (c === 0xf0 && c1 < 0x90) || // overlong
        (c === 0xf4 && c1 > 0x8f) || // above U+10FFFF
        ((bytes[i + 2] as number) & 0xc0) !== 0x80 ||
        ((bytes[i + 3] as number) & 0xc0) !== 0x80
      )
        return -1;
      i += 4;
    } else {
      return -1;
    }
  }
  return i;
}

/** A whole file's verdict and notes, from a scan made while it arrived (see Utf8StreamScan). */
export interface ScannedBytes {
  valid: boolean;
  notes: LongLineNotes;
}

/** Verdicts of files scanned as they arrived, by the bytes they became (directCsv takes them). */
export const scannedAsArrived = new WeakMap<Uint8Array, ScannedBytes>();

/**
 * scanUtf8WithoutNul over a file while it downloads: each `advance` scans what arrived since the last one
 * (the UI thread waits for the network then anyway), `finish` the rest, giving what one scan of the whole
 * would. The bytes must be a growing prefix of one buffer.
 */
export class Utf8StreamScan {
  #at = 0;
  #valid = true;
  #started = false;
  #size: number;
  #cells: FirstCells | undefined;
  readonly notes: LongLineNotes;

  /** `size`: the whole file's bytes (the buffer they arrive in). */
  constructor(limit: number, size: number) {
    this.notes = { limit, lineStart: 0, long: [] };
    this.#size = size;
  }

  advance(bytes: Uint8Array): void {
    if (!this.#valid) return;
    if (!this.#started) {
      if (bytes.length < 3) return;
      this.#started = true;
      // A BOM is not part of the first line (as directCsv counts it).
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.notes.lineStart = 3;
      this.#cells = firstCellsOf(bytes, this.#size);
    }
    // Sequences may run up to three bytes on, and a space's right neighbour must have arrived.
    const stop = bytes.length - 4;
    if (stop <= this.#at) return;
    const next = scanUtf8WithoutNul(bytes, this.#at, stop, this.notes, this.#cells);
    if (next < 0) this.#valid = false;
    else {
      this.#at = next;
      if (this.#cells) takeFirstCells(this.#cells, this.notes, bytes, next);
    }
  }

  finish(bytes: Uint8Array): ScannedBytes {
    if (this.#valid && !this.#started) {
      this.#started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.notes.lineStart = 3;
      this.#cells = firstCellsOf(bytes, bytes.length);
    }
    if (this.#valid && this.#at < bytes.length) {
      this.#valid = scanUtf8WithoutNul(bytes, this.#at, bytes.length, this.notes, this.#cells) >= 0;
    }
    if (this.#valid && this.#cells) takeFirstCells(this.#cells, this.notes, bytes, bytes.length, true);
    this.#cells = undefined;
    return { valid: this.#valid, notes: this.notes };
  }
}
