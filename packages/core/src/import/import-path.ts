import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Engine } from '../engine/types.ts';
import { normaliseName } from './encoding.ts';
import { dropCsvTitleRows } from './formats/csv-title-rows.ts';
import { detectFormat } from './formats/detect-format.ts';
import { EvenLineEnds, type LineEndNotes, unevenLineEnds } from './formats/line-ends.ts';
import { cutLongTextLines, LONG_LINE_MARKER, MAX_LINE_BYTES } from './formats/long-lines.ts';
import { scanUtf8WithoutNul } from './formats/utf8-scan.ts';
import { importFile } from './import-file.ts';
import type { ImportSummary } from './ledger.ts';
import type { ImportOptions } from './options.ts';
import { headerLine, type RegisteredFile, refuseLongHeader } from './register-file.ts';

/** Below this size a file is read into memory as before: holding it costs little. */
export const PATH_MIN_BYTES = 16 << 20;
/** How much of the file's start is decoded to find title rows (as directCsv does). */
const HEAD_BYTES = 4 << 20;
const PIECE_BYTES = 1 << 20;

/**
 * Node only: imports a file on disk without holding its bytes in JS. A UTF-8 CSV/TSV that DuckDB can read
 * as it is (no BOM, no title rows, no line over the limit) is read by native DuckDB at its own path; any
 * other CSV/TSV (GB18030, UTF-16, a BOM, title rows, NUL bytes, long lines) is decoded in streamed pieces
 * into a temporary UTF-8 file with the same clean-up the in-memory path does (register-file.ts), removed
 * after the import. Other formats, small files and engines that cannot read paths go through importFile
 * with the file's bytes. Same ledger, same numbers.
 */
export async function importPath(
  engine: Engine,
  filePath: string,
  options: ImportOptions = {},
  minBytes = PATH_MIN_BYTES,
): Promise<ImportSummary> {
  const fileName = basename(filePath);
  const onDisk = engine.nativeReaders ? await csvOnDisk(filePath, fileName, options, minBytes) : undefined;
  if (!onDisk) return importFile(engine, fileName, new Uint8Array(await readFile(filePath)), options);
  try {
    return await importFile(engine, fileName, onDisk.registered, options);
  } finally {
    await onDisk.cleanup();
  }
}

interface OnDisk {
  registered: RegisteredFile;
  cleanup(): Promise<void>;
}

/** The CSV/TSV at `filePath` made readable by path, or undefined when it takes the in-memory path. */
export async function csvOnDisk(
  filePath: string,
  fileName: string,
  options: ImportOptions,
  minBytes = PATH_MIN_BYTES,
): Promise<OnDisk | undefined> {
  const { size } = await stat(filePath);
  if (size === 0 || size < minBytes) return undefined;
  const head = await readHead(filePath, HEAD_BYTES);
  if (detectFormat(head, fileName) !== 'csv') return undefined;
  const explicit = options.encoding?.toLowerCase();
  const utf8Label = !explicit || /^utf-?8$/.test(explicit);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf8Label && !(utf16 && !explicit)) {
    const scan = await scanFile(filePath);
    const headText = new TextDecoder('utf-8').decode(head);
    if (headText.trim() === '') return undefined;
    if (scan.utf8 && !bom && !scan.longLine && !scan.uneven && dropCsvTitleRows(headText).titleRows === 0) {
      const header = headerLine(head.subarray(0, MAX_LINE_BYTES));
      return {
        registered: { encoding: 'utf-8', path: filePath, headerRow: 1, header },
        cleanup: async () => {},
      };
    }
    // Strict UTF-8 with NUL bytes is still UTF-8; anything else is GB18030 unless UTF-8 was named.
    if (!explicit && !scan.utf8) {
      const utf8 = await transcode(filePath, fileName, 'utf-8', true).catch((e: unknown) => {
        if (e instanceof TypeError) return undefined;
        throw e;
      });
      return utf8
        ? named(utf8, bom ? 'utf-8-bom' : 'utf-8')
        : named(await transcode(filePath, fileName, 'gb18030'), 'gb18030');
    }
    return named(
      await transcode(filePath, fileName, 'utf-8'),
      bom && (scan.utf8 || !explicit) ? 'utf-8-bom' : 'utf-8',
    );
  }
  const label = explicit ?? (head[0] === 0xff ? 'utf-16le' : 'utf-16be');
  const decoderLabel = label === 'gbk' || label === 'gb2312' ? 'gb18030' : label;
  try {
    new TextDecoder(decoderLabel);
  } catch {
    return undefined; // an unknown label: the in-memory path names it in its error
  }
  return named(await transcode(filePath, fileName, decoderLabel), explicit ? normaliseName(label) : label);
}

const named = (t: Transcoded | undefined, encoding: string): OnDisk | undefined =>
  t && { registered: { ...t.registered, encoding }, cleanup: t.cleanup };

async function readHead(filePath: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * One pass over the file: strict UTF-8 without NUL (utf8-scan.ts), whether a line is over the limit, and
 * whether its line ends are ones DuckDB cannot take (line-ends.ts; LF and CR bytes are line feeds and
 * carriage returns in UTF-8 and GB18030 alike).
 */
async function scanFile(filePath: string): Promise<{ utf8: boolean; longLine: boolean; uneven: boolean }> {
  let carry = new Uint8Array(0);
  let utf8 = true;
  let longLine = false;
  let line = 0;
  const ends: LineEndNotes = {};
  let before = -1; // the byte before the chunk
  for await (const chunk of createReadStream(filePath, {
    highWaterMark: PIECE_BYTES,
  }) as AsyncIterable<Buffer>) {
    if (utf8) {
      const piece = carry.length ? concat(carry, chunk) : chunk;
      // A sequence cut by the piece's end is scanned with the next piece.
      const at = scanUtf8WithoutNul(piece, 0, Math.max(0, piece.length - 3));
      if (at < 0) utf8 = false;
      else carry = piece.slice(at);
    }
    // Once a line is over the limit the file is transcoded, which evens its line ends whatever they are.
    if (!longLine) {
      for (let start = 0; ; ) {
        const nl = chunk.indexOf(10, start);
        line += (nl < 0 ? chunk.length : nl) - start;
        if (line > MAX_LINE_BYTES) longLine = true;
        if (nl < 0) break;
        if ((nl > 0 ? chunk[nl - 1] : before) === 13) ends.crlf = true;
        else ends.bareLf = true;
        line = 0;
        start = nl + 1;
      }
      if (before === 13 && chunk[0] !== 10) ends.loneCr = true;
      for (let cr = chunk.indexOf(13); cr >= 0 && !ends.loneCr; cr = chunk.indexOf(13, cr + 1))
        if (cr + 1 < chunk.length && chunk[cr + 1] !== 10) ends.loneCr = true;
    }
    if (chunk.length) before = chunk[chunk.length - 1] as number;
    if (!utf8 && longLine) break;
  }
  if (before === 13) ends.loneCr = true; // a CR ends the file
  if (utf8 && carry.length && scanUtf8WithoutNul(carry, 0, carry.length) !== carry.length) utf8 = false;
  return { utf8, longLine, uneven: unevenLineEnds(ends) };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

interface Transcoded {
  registered: RegisteredFile;
  cleanup(): Promise<void>;
}

/**
 * The file decoded piece by piece into a temporary UTF-8 file, as register-file.ts does in memory: title
 * rows above the header dropped (found in the first HEAD_BYTES), NUL made visible, lines over the limit
 * replaced by the marker line, line ends made ones DuckDB takes (line-ends.ts: a CR LF file becomes a LF
 * one, which reads the same). A fatal decoder throws a TypeError on the first invalid sequence.
 */
async function transcode(
  filePath: string,
  fileName: string,
  label: string,
  fatal = false,
): Promise<Transcoded | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'assessment-dashboard-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'import.csv');
  const out = createWriteStream(path);
  const write = (s: string) =>
    s && !out.write(s) ? new Promise<void>((ok) => out.once('drain', () => ok())) : undefined;
  try {
    const decoder = new TextDecoder(label, { fatal });
    const cutter = new LineCutter();
    let head: string | undefined = '';
    let first = '';
    let headerRow = 1;
    let evener: EvenLineEnds | undefined;
    const put = async (text: string) => {
      const cut = await cutter.push(text.includes('\0') ? text.replaceAll('\0', '\uFFFD') : text);
      if (first.length < MAX_LINE_BYTES) first += cut.slice(0, MAX_LINE_BYTES - first.length);
      await write(cut);
    };
    const emit = async (text: string) => put(evener ? await evener.push(text) : text);
    const flushHead = async () => {
      if (head === undefined) return;
      const dropped = dropCsvTitleRows(head);
      headerRow = dropped.headerRow + 1;
      const text = dropped.text;
      head = undefined;
      evener = new EvenLineEnds(headerLine(text.slice(0, MAX_LINE_BYTES)).delimiter);
      await emit(text);
    };
    for await (const chunk of createReadStream(filePath, {
      highWaterMark: PIECE_BYTES,
    }) as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      if (head !== undefined) {
        head += text;
        if (head.length >= HEAD_BYTES) await flushHead();
      } else await emit(text);
    }
    const rest = decoder.decode();
    if (head !== undefined) {
      head += rest;
      if (head.trim() === '') {
        await cleanup();
        return undefined; // blank: the in-memory path reports the empty file
      }
      await flushHead();
    } else await emit(rest);
    if (evener) await put(await evener.end());
    const tail = await cutter.end();
    if (first.length < MAX_LINE_BYTES) first += tail.slice(0, MAX_LINE_BYTES - first.length);
    await write(tail);
    await new Promise<void>((ok, ko) => out.end((e?: Error | null) => (e ? ko(e) : ok())));
    refuseLongHeader(fileName, first);
    return { registered: { encoding: label, path, headerRow, header: headerLine(first) }, cleanup };
  } catch (e) {
    out.destroy();
    await cleanup();
    throw e;
  }
}

/**
 * cutLongTextLines over a stream of text: the line still open at a piece's end is carried to the next one,
 * and a carried line already longer than the limit (in UTF-16 units, so in bytes too) is skipped to its end.
 */
class LineCutter {
  #carry = '';
  #skipping = false;

  async push(piece: string): Promise<string> {
    let text = piece;
    let marker = '';
    if (this.#skipping) {
      const nl = text.indexOf('\n');
      if (nl < 0) return '';
      marker = LONG_LINE_MARKER;
      this.#skipping = false;
      text = text.slice(nl);
    }
    text = this.#carry + text;
    const last = text.lastIndexOf('\n');
    this.#carry = text.slice(last + 1);
    if (this.#carry.length > MAX_LINE_BYTES) {
      this.#carry = '';
      this.#skipping = true;
    }
    return marker + (await cutLongTextLines(text.slice(0, last + 1))).text;
  }

  async end(): Promise<string> {
    if (this.#skipping) return LONG_LINE_MARKER;
    return (await cutLongTextLines(this.#carry)).text;
  }
}
