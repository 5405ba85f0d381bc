import type { Engine } from '../engine/types.ts';
import { traced } from '../trace.ts';
import { yieldToHost } from '../yield-to-host.ts';
import { DELIMITERS, scanRecords } from './formats/csv-title-rows.ts';
import { dataLines } from './formats/data-lines.ts';
import { directCsv } from './formats/direct-csv.ts';
import type { FirstCellsVerdict } from './formats/first-cells.ts';
import { detectFormat, toDelimitedText } from './formats/index.ts';
import { evenLineEnds, evenLineEndsText, lineEndsOfText, unevenLineEnds } from './formats/line-ends.ts';
import { cutLongLines, cutLongTextLines, LONG_LINE_MARKER, MAX_LINE_BYTES } from './formats/long-lines.ts';
import { ImportError } from './ledger.ts';
import { DEFAULT_TIMEZONE, type ImportOptions } from './options.ts';
import { zoneTransitions } from './timezone.ts';

/** A file put where DuckDB reads it: a CSV file to read, or (native) the raw table already loaded. */
export interface RegisteredFile {
  encoding: string;
  path: string;
  /** line of the header in the file (title rows may sit above it) */
  headerRow: number | undefined;
  header: HeaderLine;
  /** Parquet or JSON the engine read itself into the raw table */
  native?: boolean;
  /** non-blank lines below the header, when the file holds a quote (see dataLines) */
  dataLines?: number | undefined;
  /** the text's start from the header line on (HEAD_CHARS), when the file passed through JS */
  head?: string;
  /** false when no cell starts or ends with a space (checked in JS: see DirectCsv), so none needs trimming */
  edgeSpaces?: boolean;
  /**
   * Whether the lines' first cells are distinct (FirstCells), when the bytes DuckDB reads are the bytes
   * scanned: no title rows above the header, no long line cut.
   */
  firstCells?: FirstCellsVerdict;
}

/** How much of a file's text RegisteredFile.head keeps (a few thousand rows of an export). */
const HEAD_CHARS = 512 << 10;

export interface HeaderLine {
  width: number;
  delimiter: string;
  /** the header's names when they can be given to DuckDB as they are (see headerLine) */
  names: string[] | undefined;
}

/**
 * The one entry per format: a UTF-8 CSV/TSV as its own bytes when the engine takes bytes (directCsv);
 * Parquet and JSON read by a native engine itself into `raw` when the result equals the JS conversion's
 * (native-parquet.ts, native-json.ts); anything else (GB18030 text, XLSX, Arrow, and Parquet or JSON
 * elsewhere) converted to CSV text first (formats/to-delimited-text.ts).
 */
export async function registerFile(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
  raw: string,
): Promise<RegisteredFile> {
  const name = `import-${Date.now()}-${safeName(fileName)}`;
  if (engine.nativeReaders && engine.registerBytes && options.nativeReaders !== false && bytes.length > 0) {
    const format = detectFormat(bytes, fileName);
    // Fetched when met (a native engine's Parquet or JSON): hyparquet stays out of a CSV import's code.
    const load =
      format === 'parquet'
        ? (await import('./native-parquet.ts')).loadParquetNatively
        : format === 'json' && !options.encoding
          ? (await import('./native-json.ts')).loadJsonNatively
          : undefined;
    const path = load ? await engine.registerBytes(name, bytes) : undefined;
    if (load && path && (await load(engine, path, bytes, raw))) {
      const header = { width: 0, delimiter: ',', names: undefined };
      return { encoding: format, path, headerRow: 1, header, native: true };
    }
  }
  const direct = engine.registerBytes ? await prepareCsv(bytes, fileName, options.encoding) : undefined;
  if (direct && engine.registerBytes) {
    if (direct.cut) refuseLongHeader(fileName, new TextDecoder().decode(direct.bytes.subarray(0, 64)));
    // Read before the bytes are given away; a second import of the same bytes prepares them again.
    const head = new TextDecoder().decode(direct.bytes.subarray(0, HEAD_CHARS));
    if (direct.owned) prepared.delete(bytes);
    const path = await engine.registerBytes(name, direct.bytes, direct.owned);
    return {
      encoding: direct.encoding,
      path,
      headerRow: direct.headerRow,
      header: direct.header,
      dataLines: direct.dataLines,
      head,
      edgeSpaces: direct.edgeSpaces,
      firstCells: direct.firstCells,
    };
  }
  // CSV/TSV are decoded (UTF-8, BOM, GB18030); XLSX, Parquet, Arrow and JSON become CSV text first.
  const converted = await toDelimitedText(bytes, fileName, {
    encoding: options.encoding,
    sheet: options.sheet,
  });
  const encoding = converted.format === 'csv' ? converted.encoding : converted.format;
  // NUL never belongs in a text export and would cut SQL identifiers short: make it visible instead.
  const visible = converted.text.includes('\0') ? converted.text.replaceAll('\0', '\uFFFD') : converted.text;
  if (visible.trim() === '') throw new ImportError('empty_file', `${fileName}: the file is empty.`);
  const even = unevenLineEnds(await lineEndsOfText(visible))
    ? (await evenLineEndsText(visible, headerLine(visible.slice(0, MAX_LINE_BYTES)).delimiter)).text
    : visible;
  const { text, cut } = await cutLongTextLines(even);
  if (cut) refuseLongHeader(fileName, text);
  const path = await engine.registerText(name, text);
  return {
    encoding,
    path,
    headerRow: converted.headerRow,
    header: headerLine(text.slice(0, MAX_LINE_BYTES)),
    dataLines: await dataLines(text),
    head: text.slice(0, HEAD_CHARS),
  };
}

/** A UTF-8 CSV/TSV made ready to hand to DuckDB as its own bytes (see directCsv). */
interface PreparedCsv {
  encoding: string;
  headerRow: number;
  /** from the header row on, lines over the limit replaced (long-lines.ts) */
  bytes: Uint8Array;
  /** how many lines were over the limit */
  cut: number;
  /** `bytes` (and the rest of their buffer) may be given to the engine: given by the caller, or the lines cut */
  owned: boolean;
  header: HeaderLine;
  dataLines: number | undefined;
  edgeSpaces: boolean;
  firstCells: FirstCellsVerdict | undefined;
}

const prepared = new WeakMap<Uint8Array, { key: string; csv: Promise<PreparedCsv | undefined> }>();

/**
 * The checks a UTF-8 CSV/TSV gets before DuckDB reads its bytes (validity, title rows, long lines, the
 * header, the lines a quote may hide), or undefined when it takes the text path. They need no engine, so a
 * caller may start them early (the dashboard does, while DuckDB-WASM compiles); registerFile then takes
 * the same result for the same bytes instead of scanning them again.
 */
export function prepareCsv(
  bytes: Uint8Array,
  fileName: string,
  encoding?: string,
  /**
   * The caller gives the bytes away: registering may hand them to a worker engine without a copy (their
   * buffer is then detached). Without it the engine copies them, and the caller keeps its bytes.
   */
  give = false,
): Promise<PreparedCsv | undefined> {
  const key = `${fileName}\0${encoding ?? ''}`;
  const known = prepared.get(bytes);
  if (known?.key === key) return known.csv;
  const csv = (async () => {
    const direct = await traced('utf-8 scan', () => directCsv(bytes, fileName, encoding));
    if (!direct) return undefined;
    // A turn for the page between the steps: each is sliced within, but two in one task made 45 ms.
    await yieldToHost();
    const cut = await cutLongLines(direct.bytes, MAX_LINE_BYTES, direct.long);
    // Line ends DuckDB cannot take made LF ends (a new buffer); no line moves.
    const head = (b: Uint8Array) => headerBytes(b.subarray(0, Math.min(b.length, MAX_LINE_BYTES)));
    const even = direct.unevenLineEnds
      ? await evenLineEnds(cut.bytes, headerLine(head(cut.bytes)).delimiter)
      : cut.bytes;
    const first = head(even);
    await yieldToHost();
    // The default zone's offset history, which typing needs (timezone.ts keeps it), probed now too.
    await zoneTransitions(DEFAULT_TIMEZONE);
    return {
      encoding: direct.encoding,
      headerRow: direct.headerRow,
      bytes: even,
      cut: cut.cut,
      // Lines cut or line ends evened make a buffer of their own.
      owned: give || even !== direct.bytes,
      header: headerLine(first),
      // Only a quote can hide lines; the UTF-8 check saw whether there is one (a search of 180 MB for it
      // took the UI thread 125 ms). Evening the line ends may have quoted cells.
      dataLines: direct.quotes || even !== cut.bytes ? await dataLines(even) : undefined,
      edgeSpaces: direct.edgeSpaces,
      // Their verdict is of the bytes as scanned.
      firstCells: direct.titleRows === 0 && even === direct.bytes ? direct.firstCells : undefined,
    };
  })();
  prepared.set(bytes, { key, csv });
  return csv;
}

/**
 * The header record (quotes honoured) split by the delimiter that gives it the most cells. Its names are
 * given to DuckDB as they are (trimmed, as DuckDB's sniffer would) when there are at least two, none empty
 * and none twice (DuckDB's names ignore case); otherwise the sniffer names the columns.
 */
export function headerLine(start: Uint8Array | string): HeaderLine {
  const text = typeof start === 'string' ? start : new TextDecoder().decode(start);
  const [best] = DELIMITERS.map((delimiter) => ({
    delimiter,
    names: (scanRecords(text, delimiter, 1)[0]?.cells ?? []).map((n) => n.trim()),
  })).sort((a, b) => b.names.length - a.names.length);
  const { delimiter = ',', names = [] } = best ?? {};
  const plain =
    names.length > 1 &&
    names.every(Boolean) &&
    new Set(names.map((n) => n.toLowerCase())).size === names.length;
  return { width: names.length, delimiter, names: plain ? names : undefined };
}

/**
 * The start of `start` that holds the header record: up to its first line feed when no quote comes before it
 * (a quoted name may hold a line break), else all of it. Decoding the whole megabyte to split one line took
 * the UI thread 35 ms (traced at import).
 */
export function headerBytes(start: Uint8Array): Uint8Array {
  const lf = start.indexOf(0x0a);
  if (lf < 0 || start.subarray(0, lf).includes(0x22)) return start;
  return start.subarray(0, lf + 1);
}

/** A header row too long to read leaves nothing to match columns by. */
export function refuseLongHeader(fileName: string, start: string): void {
  if (start.replace(/^\uFEFF/, '').startsWith(LONG_LINE_MARKER)) {
    throw new ImportError(
      'unreadable',
      `${fileName}: the header row is longer than ${MAX_LINE_BYTES / 1_000_000} MB; not a readable export.`,
    );
  }
}

const safeName = (name: string) => name.replaceAll(/[^\w.-]/g, '_').slice(-60);
