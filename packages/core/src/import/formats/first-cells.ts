import { DELIMITERS } from './csv-title-rows.ts';

/**
 * What the scan of a CSV file's bytes found about each line's first cell (see FirstCells): enough, with
 * the reading's facts, to know that no two rows share their first column's value without asking DuckDB
 * (a GROUP BY over 3M text IDs: 0.65–0.9 s of DuckDB-WASM's one thread, all of it before the first paint).
 */
export interface FirstCellsVerdict {
  /**
   * Proven that no two lines below the first begin with the same text up to the first delimiter or line
   * end. False: a repeat, or not known (a quote in the file, lines far shorter than the first ones).
   */
  distinct: boolean;
  /** Lines below the first that are not blank (a line of a CR alone counts as blank). */
  lines: number;
  /**
   * The delimiters that ended an empty start of a line: when the file's delimiter is another, that line's
   * first cell was not empty and went unchecked.
   */
  emptyBefore: string[];
}

/** Bytes that end what is hashed of a line: any delimiter registerFile may choose, CR and LF. */
const STOP = new Uint8Array(256);
for (const d of DELIMITERS) STOP[d.charCodeAt(0)] = 1;
STOP[13] = 1;
STOP[10] = 1;

/** The table's least size (slots, a power of two). */
const MIN_SLOTS = 1 << 12;
/**
 * Slots per line expected (rounded up to a power of two). One 32-bit word per slot: at 3M lines a 16 MB
 * table, whose look-ups miss the cache anyway; pairs of words or a table twice as large took 20–50 % longer.
 */
const SLOTS_PER_LINE = 1.25;
/** Fuller than this (the lines shorter than the first ones), the check is given up: DuckDB makes it. */
const MAX_LOAD = 0.85;

/** Murmur3's finaliser: every input bit moves every output bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The first cells of a CSV file's lines, gathered while its bytes are scanned anyway (Utf8StreamScan, in
 * the download's worker, or directCsv): each line's start up to the first of any delimiter, CR or LF is
 * hashed (two 32-bit hashes) into an open-addressing set. A hash met twice ends the check as "not
 * distinct" (a true repeat, or at 3M lines a 1-in-4,000 chance of a false one: DuckDB then checks, as
 * without this). Each piece's lines are taken once its line feeds have been scanned, mostly as the UTF-8
 * kernel reports them (lineEnds): in Chromium ≈ 0.16 s of the download worker's time at 1M lines, where
 * DuckDB's check took its only thread 0.23–0.34 s (0.65–0.9 s at 3M).
 *
 * The verdict is conservative by construction: what is hashed is always a prefix of the cell DuckDB reads
 * (the file's delimiter is one of those stopped at), so distinct prefixes mean distinct cells. It holds
 * only where a line is a row and a cell is its text: distinct-keys.ts checks the rest (no quote in the
 * file, no space at a cell's edge, no title rows, the row count, the key in the first column).
 */
export class FirstCells {
  #next: number;
  #header = true;
  #lines = 0;
  #empty = new Set<string>();
  #distinct = true;
  #count = 0;
  #limit = 0;
  /**
   * h2 of each line, at h1's slot (linear probing; 0 marks an empty slot): h2 and where h1 leads, about
   * 54 bits at 3M lines. Sized once, from the file's size and its first lines' length (a table that
   * cannot grow: a slot keeps no h1 to move it by).
   */
  #table: Uint32Array | undefined;
  #size: number;

  /** `start`: where the first line starts (after a BOM); `size`: the file's bytes, when all arrive. */
  constructor(start: number, size: number) {
    this.#next = start;
    this.#size = size;
  }

  /**
   * Takes the lines ending at the line feeds `ends` (offsets from `base`, in order) that the UTF-8
   * kernel met (utf8-simd.ts): the browser's search for line feeds cost more than all the rest.
   */
  lineEnds(bytes: Uint8Array, ends: Int32Array, base: number): void {
    if (!this.#distinct || ends.length === 0) return;
    const table =
      this.#table ?? this.#sized(ends.length, base + (ends[ends.length - 1] as number) - this.#next);
    for (let i = 0; i < ends.length && table === this.#table; i++) {
      const lf = base + (ends[i] as number);
      if (lf < this.#next) continue;
      this.#line(bytes, this.#next, lf);
      this.#next = lf + 1;
    }
  }

  /** Takes the lines that end (their line feed) before `upTo`; `final`: the rest is the last line. */
  take(bytes: Uint8Array, upTo: number, final = false): void {
    if (!this.#distinct) return;
    let at = this.#next;
    if (!this.#table) {
      let lines = 0;
      for (let lf = bytes.indexOf(10, at); lf >= 0 && lf < upTo; lf = bytes.indexOf(10, lf + 1)) lines++;
      this.#sized(lines, upTo - at);
    }
    for (;;) {
      const lf = bytes.indexOf(10, at);
      if (lf < 0 || lf >= upTo) {
        if (final && at < bytes.length) this.#line(bytes, at, bytes.length);
        break;
      }
      this.#line(bytes, at, lf);
      if (!this.#distinct) return;
      at = lf + 1;
    }
    this.#next = final ? bytes.length : at;
  }

  /** The check cannot hold (a quote in the file, a repeat): its memory is let go. */
  abandon(): void {
    this.#distinct = false;
    this.#table = undefined;
  }

  verdict(): FirstCellsVerdict {
    return { distinct: this.#distinct, lines: this.#lines, emptyBefore: [...this.#empty] };
  }

  /** The table for a file of #size bytes whose lines are as long as the first `lines` in `seen` bytes. */
  #sized(lines: number, seen: number): Uint32Array {
    const expected = lines ? (this.#size / Math.max(1, seen)) * lines : 0;
    let slots = MIN_SLOTS;
    while (slots < SLOTS_PER_LINE * expected) slots *= 2;
    this.#table = new Uint32Array(slots);
    this.#limit = Math.floor(MAX_LOAD * slots);
    return this.#table;
  }

  #line(bytes: Uint8Array, start: number, end: number): void {
    if (this.#header) {
      this.#header = false;
      return;
    }
    if (start === end || (end === start + 1 && bytes[start] === 13)) return;
    this.#lines++;
    let h1 = 0x811c9dc5;
    let h2 = 0x2f1e7a53;
    let i = start;
    for (; i < end; i++) {
      const c = bytes[i] as number;
      if (STOP[c] === 1) break;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    if (i === start) {
      // An empty first cell: a row without a key (NULL) when this byte is the file's delimiter.
      const c = bytes[i] as number;
      if (c !== 13) this.#empty.add(String.fromCharCode(c));
      return;
    }
    this.#add(mix(h1 ^ (i - start)), (mix(h2) | 1) >>> 0);
  }

  /** Adds a line's hashes; a pair already there (or a full table) ends the check. */
  #add(h1: number, h2: number): void {
    const table = this.#table as Uint32Array;
    if (++this.#count > this.#limit) {
      this.abandon();
      return;
    }
    const mask = table.length - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const there = table[slot] as number;
      if (there === 0) {
        table[slot] = h2;
        return;
      }
      if (there === h2) {
        this.abandon();
        return;
      }
    }
  }
}
