import { sliceClock } from '../../yield-to-host.ts';

/**
 * Line ends DuckDB's CSV reader cannot take. It reads one kind per file, and a CR is a line end to it
 * wherever it stands outside quotes (its `new_line` option does not tell CR from LF). Measured (DuckDB
 * 1.4.3): one CR LF line among the 50,000 LF lines of the bundled sample made its sniffer refuse the file,
 * as did one CR inside a cell (a text field's line break) of a five-row file; a CR LF file with one LF line
 * was read as four rows of five, none listed; a CR ending an LF file got its last row rejected.
 *
 * So when a file has LF line ends and either both kinds or a CR elsewhere, it is rewritten before DuckDB
 * reads it: outside quoted cells each CR LF becomes a LF, a CR ending the file is dropped, and a cell holding
 * a CR is quoted (its text kept). No line moves, so the ledger's line numbers stay the file's; a quoted cell
 * keeps its own text. A file whose lines all end in a CR (no LF at all) is DuckDB's own to read.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** What a scan of the bytes notes about them (LongLineNotes). */
export interface LineEndNotes {
  /** a LF right after a CR */
  crlf?: boolean;
  /** a LF after anything else (or first) */
  bareLf?: boolean;
  /** a CR followed by anything but a LF, or ending the bytes */
  loneCr?: boolean;
}

/** Whether bytes with these notes must be rewritten (see the top). */
export const unevenLineEnds = (n: LineEndNotes): boolean =>
  (n.crlf === true && n.bareLf === true) || (n.loneCr === true && (n.crlf === true || n.bareLf === true));

/** A file's bytes or a text's UTF-16 units, as the rewrite reads them (LF, CR, quote and delimiters are ASCII). */
interface Units {
  length: number;
  indexOf(unit: number, from: number): number;
  lastIndexOf(unit: number, from: number): number;
  at(i: number): number;
}

const bytesUnits = (b: Uint8Array): Units => ({
  length: b.length,
  indexOf: (unit, from) => b.indexOf(unit, from),
  lastIndexOf: (unit, from) => b.lastIndexOf(unit, from),
  at: (i) => b[i] as number,
});

const textUnits = (t: string): Units => ({
  length: t.length,
  indexOf: (unit, from) => t.indexOf(String.fromCharCode(unit), from),
  lastIndexOf: (unit, from) => t.lastIndexOf(String.fromCharCode(unit), from),
  at: (i) => t.charCodeAt(i),
});

/** The rewrite: units to drop, and where a quote goes in (before the unit there), both in order. */
interface Edits {
  drops: number[];
  quotes: number[];
}

/** CRs looked at, or pieces copied, between two looks at the slice clock. */
const CRS_PER_STEP = 4096;

/**
 * The edits of `u` (see the top), yielding to the page between slices. `quoted`: whether `u` starts inside
 * a quoted cell; returned for what follows it. A doubled quote toggles twice, so a cell stays quoted.
 */
async function editsOf(u: Units, delimiter: number, quoted: boolean): Promise<Edits & { quoted: boolean }> {
  const edits: Edits = { drops: [], quotes: [] };
  const tick = sliceClock();
  let quote = u.indexOf(QUOTE, 0);
  let inQuotes = quoted;
  let cellEnd = -1; // the end of the last cell quoted here: its CRs are its text
  let n = 0;
  for (let cr = u.indexOf(CR, 0); cr >= 0; cr = u.indexOf(CR, cr + 1)) {
    while (quote >= 0 && quote < cr) {
      inQuotes = !inQuotes;
      quote = u.indexOf(QUOTE, quote + 1);
    }
    if (!inQuotes && cr >= cellEnd) {
      if (cr + 1 === u.length || u.at(cr + 1) === LF) edits.drops.push(cr);
      else {
        const start = Math.max(u.lastIndexOf(delimiter, cr), u.lastIndexOf(LF, cr)) + 1;
        const lf = u.indexOf(LF, cr);
        let end = lf < 0 ? u.length : lf;
        const next = u.indexOf(delimiter, cr);
        if (next >= 0 && next < end) end = next;
        else if (end > cr + 1 && u.at(end - 1) === CR && end === lf) end--; // the line's CR LF is its end
        // A quote in the cell cannot be wrapped as it is: the cell is left to DuckDB.
        if (quote < 0 || quote >= end) {
          edits.quotes.push(start, end);
          cellEnd = end;
        }
      }
    }
    if (++n % CRS_PER_STEP === 0) {
      const turn = tick();
      if (turn) await turn;
    }
  }
  while (quote >= 0) {
    inQuotes = !inQuotes;
    quote = u.indexOf(QUOTE, quote + 1);
  }
  return { ...edits, quoted: inQuotes };
}

/** The pieces of the rewritten units in order: [from, to) ranges of the original and inserted quotes (-1). */
function pieces(length: number, e: Edits): number[] {
  const out: number[] = [];
  let from = 0;
  let d = 0;
  let q = 0;
  while (d < e.drops.length || q < e.quotes.length) {
    const drop = e.drops[d] ?? Number.POSITIVE_INFINITY;
    const quote = e.quotes[q] ?? Number.POSITIVE_INFINITY;
    if (quote <= drop) {
      out.push(from, quote, -1);
      from = quote;
      q++;
    } else {
      out.push(from, drop);
      from = drop + 1;
      d++;
    }
  }
  out.push(from, length);
  return out;
}

/** `bytes` rewritten (see the top); the same bytes when nothing changes. `delimiter`: the header's. */
export async function evenLineEnds(bytes: Uint8Array, delimiter: string): Promise<Uint8Array> {
  const edits = await editsOf(bytesUnits(bytes), delimiter.charCodeAt(0), false);
  if (!edits.drops.length && !edits.quotes.length) return bytes;
  const out = new Uint8Array(bytes.length - edits.drops.length + edits.quotes.length);
  const tick = sliceClock();
  let to = 0;
  const p = pieces(bytes.length, edits);
  for (let i = 0, n = 0; i < p.length; n++) {
    const from = p[i++] as number;
    const end = p[i++] as number;
    out.set(bytes.subarray(from, end), to);
    to += end - from;
    if (p[i] === -1) {
      out[to++] = QUOTE;
      i++;
    }
    if (n % CRS_PER_STEP === CRS_PER_STEP - 1) {
      const turn = tick();
      if (turn) await turn;
    }
  }
  return out;
}

/** `text` rewritten (see the top); `quoted`: whether it starts inside a quoted cell, returned for what follows. */
export async function evenLineEndsText(
  text: string,
  delimiter: string,
  quoted = false,
): Promise<{ text: string; quoted: boolean }> {
  const edits = await editsOf(textUnits(text), delimiter.charCodeAt(0), quoted);
  if (!edits.drops.length && !edits.quotes.length) return { text, quoted: edits.quoted };
  // Joined a few thousand pieces at a time, between looks at the slice clock.
  const joined: string[] = [];
  let parts: string[] = [];
  const tick = sliceClock();
  const p = pieces(text.length, edits);
  for (let i = 0; i < p.length; ) {
    parts.push(text.slice(p[i] as number, p[i + 1] as number));
    i += 2;
    if (p[i] === -1) {
      parts.push('"');
      i++;
    }
    if (parts.length >= CRS_PER_STEP || i >= p.length) {
      joined.push(parts.join(''));
      parts = [];
      const turn = tick();
      if (turn) await turn;
    }
  }
  return { text: joined.join(''), quoted: edits.quoted };
}

/** UTF-16 units searched between two looks at the slice clock. */
const TEXT_PIECE = 1 << 20;

/** The line ends of decoded text (LineEndNotes), found a piece at a time; a text without CR in one search. */
export async function lineEndsOfText(text: string): Promise<LineEndNotes> {
  if (!text.includes('\r')) return { bareLf: text.includes('\n') };
  const notes: LineEndNotes = {};
  const tick = sliceClock();
  for (let at = 0; at < text.length; at += TEXT_PIECE) {
    // One unit past the piece: a CR ending it is told from a CR LF.
    const piece = text.slice(at, at + TEXT_PIECE + 1);
    const inPiece = (i: number) => i < TEXT_PIECE;
    notes.crlf ||= some(/\r\n/g, piece, inPiece);
    notes.loneCr ||= some(/\r(?!\n)/g, piece, inPiece);
    // A piece's first unit may be the LF of a CR LF whose CR ends the piece before.
    notes.bareLf ||= some(
      /(?<!\r)\n/g,
      piece,
      (i) => inPiece(i) && (i > 0 || at === 0 || text[at - 1] !== '\r'),
    );
    if (notes.crlf && notes.bareLf && notes.loneCr) break;
    const turn = tick();
    if (turn) await turn;
  }
  return notes;
}

const some = (re: RegExp, text: string, ok: (index: number) => boolean): boolean => {
  for (let m = re.exec(text); m; m = re.exec(text)) if (ok(m.index)) return true;
  return false;
};

/** Units a line may hold before a piece is passed on whole (a longer line is cut anyway: long-lines.ts). */
const CARRY_MAX = 1 << 20;

/**
 * evenLineEndsText over a text arriving in pieces (a streamed transcode), for a text of any line ends: each
 * piece is rewritten up to its last line feed (a cell with a CR never spans one outside quotes) and the rest
 * waits for the next one; whether a quoted cell is open goes from piece to piece. Text before the first line
 * feed waits for it, and is passed on as it is when none comes (a file of CR line ends is DuckDB's own).
 */
export class EvenLineEnds {
  #quoted = false;
  #carry = '';
  #lf = false;

  constructor(readonly delimiter: string) {}

  async push(piece: string): Promise<string> {
    const text = this.#carry + piece;
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      this.#carry = text.length <= CARRY_MAX ? text : '';
      return this.#carry ? '' : this.#lf ? this.#even(text) : text;
    }
    this.#lf = true;
    this.#carry = text.slice(last + 1);
    return this.#even(text.slice(0, last + 1));
  }

  async end(): Promise<string> {
    const rest = this.#carry;
    this.#carry = '';
    return this.#lf ? this.#even(rest) : rest;
  }

  async #even(text: string): Promise<string> {
    const even = await evenLineEndsText(text, this.delimiter, this.#quoted);
    this.#quoted = even.quoted;
    return even.text;
  }
}
