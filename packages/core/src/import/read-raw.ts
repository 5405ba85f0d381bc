import { type Engine, EngineCrashedError } from '../engine/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { sliceClock } from '../yield-to-host.ts';
import { type CsvRecord, scanRecordsInSlices } from './formats/csv-title-rows.ts';
import type { FirstCellsVerdict } from './formats/first-cells.ts';
import { ImportError } from './ledger.ts';
import type { ImportOptions } from './options.ts';
import { type RegisteredFile, registerFile } from './register-file.ts';
import type { ReaderType } from './typed-columns.ts';

/** The file as text columns, one row per line the CSV reader could split, in file order (its rowid). */
export interface RawTable {
  table: string;
  /** the rows for a FROM clause: the raw table, or (fused) the file's reading itself (see fusedRaw) */
  from: string;
  /** SQL of a row's 0-based index among the rows read (file order) */
  index: string;
  /** the rows for a FROM clause that reads only the first ones when LIMITed (samples) */
  sample: string;
  encoding: string;
  headers: string[];
  /** lines above the header (title rows): row numbers refer to the original file */
  lineOffset: number;
  /** table of the lines the CSV reader rejected (line, column_idx, error_type, csv_line) */
  rejects: string;
  /** how many lines it rejected */
  rejectedLines: number;
  /** headers whose cells the reader typed itself (TIMESTAMP, INTEGER: see readerTyped); text in `recast` */
  typed: Set<string>;
  /**
   * The lines with a cell of a `typed` column the reader could not take (a cell of another form), read
   * again as text: `table` holds them in line order (its rowid is `lines.k`), `lines` their line numbers.
   */
  recast: { table: string; lines: string; count: number } | undefined;
  /**
   * Fused reading (fusedRaw): the distinct cells of each column in the file's first rows (the only cells
   * known before the one pass), and the check, once the rows are typed, that the reader split every line.
   */
  fused?: {
    cells(header: string): string[];
    /** whether the reading kept every line: `rows` typed, `rejected` lines in the rejects table */
    verify(rows: number, rejected: number): boolean;
  };
  /** false when no cell starts or ends with a space (RegisteredFile.edgeSpaces): cells are not trimmed */
  edgeSpaces: boolean;
  /**
   * Whether the lines' first cells are distinct (RegisteredFile.firstCells), with the delimiter the file
   * was read by: for a reading by the header's dialect (not the sniffer's) of the bytes scanned.
   */
  firstCells?: { verdict: FirstCellsVerdict; delimiter: string };
}

/** The typed rows of a fused reading are dropped and the file read in two passes (readRaw). */
export class ReadAgain extends Error {}

/**
 * The one date-time form the CSV reader parses itself (it takes one format per file): the exports' usual
 * form and the first of DATETIME_FORMATS, so a cell it takes gets the value the typing pass would give it.
 */
export const READER_TIMESTAMP = '%Y-%m-%d %H:%M:%S';
/**
 * The forms the reader takes for each type, for the sample test in JS: READER_TIMESTAMP (strptime's %m,
 * %d, %H… take one or two digits); plain integers small enough for INTEGER (the typing pass's parse
 * gives them the same value; "1,234" is its own, and goes to the text pass).
 */
const READER_FORM: Record<ReaderType, RegExp> = {
  TIMESTAMP: /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2} [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}$/,
  INTEGER: /^[0-9]{1,9}$/,
};

const RAW = '__raw_import';
const REJECTS = '__import_rejects';
const REJECT_SCANS = '__import_reject_scans';
/** Lines re-read as text (see RawTable.recast) and their numbers. */
const RECAST = '__raw_import_recast';
const RECAST_LINES = '__import_recast_lines';
/** The quoted reading's tables, kept while the file is read without quoting (see readCsv). */
const keepAside = [RAW, REJECTS, REJECT_SCANS].map((t) => [t, `${t}_quoted`] as const);
export const RAW_TABLES = [
  RAW,
  REJECTS,
  REJECT_SCANS,
  RECAST,
  RECAST_LINES,
  ...keepAside.map(([, aside]) => aside),
];

/** Rows of the file's start that decide which date-time columns the reader types (see readerTyped). */
const SAMPLE_ROWS = 20_000;
/**
 * More lines than this share of the rows with a cell the reader could not type: the sample misled, and
 * re-reading them as text would cost more than reading the whole file as text.
 */
const MAX_RECAST_SHARE = 0.02;

/** Above this many columns DuckDB reads the file in one thread (see readCsv). */
const WIDE_COLUMNS = 100;

/** Registers any accepted export for reading (see registerFile; Parquet and JSON may land in the raw table). */
export const registerRaw = (engine: Engine, fileName: string, bytes: Uint8Array, options: ImportOptions) =>
  registerFile(engine, fileName, bytes, options, RAW);

/** Reads a registered export into the raw table. */
export async function readRaw(
  engine: Engine,
  fileName: string,
  registered: RegisteredFile,
  readerTypes: (names: string[]) => Map<string, ReaderType> = () => new Map(),
): Promise<RawTable> {
  const read = await readCsv(engine, fileName, registered, readerTypes);
  const n = await engine.query(`SELECT count(DISTINCT line) AS n FROM ${REJECTS}`);
  return {
    table: RAW,
    from: RAW,
    index: `${RAW}.rowid`,
    sample: RAW,
    encoding: registered.encoding,
    headers: read.headers,
    lineOffset: lineOffset(registered),
    rejects: REJECTS,
    rejectedLines: Number(n.get(0)?.n),
    typed: new Set(read.typed.keys()),
    recast: read.recast,
    edgeSpaces: registered.edgeSpaces ?? true,
    firstCells: read.explicit ? firstCellsRead(registered) : undefined,
  };
}

const lineOffset = (registered: RegisteredFile) => Math.max(0, (registered.headerRow ?? 1) - 1);

const firstCellsRead = ({ firstCells, header }: RegisteredFile): RawTable['firstCells'] =>
  firstCells && { verdict: firstCells, delimiter: header.delimiter };

/** Column of the fused reading holding the row's index (a header of that name reads in two passes). */
const INDEX = '__import_index';

/**
 * The file as a relation the typing pass reads directly, with no raw table in between (one pass instead
 * of two): for a file whose header gave its names and dialect and whose start passed through JS (`head`,
 * the sample of the cells known beforehand). The reading is the two-pass one's first try (quoted, the
 * date-time columns the reader types itself); `verify` then checks that it split every line as that
 * reading would have kept it: no line rejected and none hidden in a quote. Otherwise the caller drops what
 * it typed and reads the file again with readRaw, which handles those cases. undefined: not such a file.
 */
export async function fusedRaw(
  engine: Engine,
  registered: RegisteredFile,
  readerTypes: (names: string[]) => Map<string, ReaderType>,
): Promise<RawTable | undefined> {
  const { header, head, path, native, dataLines } = registered;
  const names = header.names;
  if (native || !names || head === undefined || names.length > WIDE_COLUMNS || names.includes(INDEX)) {
    return undefined;
  }
  const typed = await readerTyped(engine, registered, names, readerTypes(names));
  const options = `${literal(path)},${typed.size ? '' : ' all_varchar = true,'} header = true${dialectSql(header.delimiter, `'"'`)}${columnsSql(names, typed)}`;
  // DuckDB appends to an existing rejects table.
  await engine.exec(`DROP TABLE IF EXISTS ${REJECTS}; DROP TABLE IF EXISTS ${REJECT_SCANS}`);
  const records = await sampleRecords(registered, head);
  return {
    table: RAW,
    // The row number is taken as the reader streams its rows (in file order): no sort, no join.
    from: `(SELECT row_number() OVER () - 1 AS ${INDEX}, * FROM read_csv(${options},
      store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECT_SCANS}')) AS ${RAW}`,
    index: `${RAW}.${INDEX}`,
    // The first rows the full reading keeps (a line it rejects sends the import to readRaw anyway).
    sample: `read_csv(${options}, ignore_errors = true)`,
    encoding: registered.encoding,
    headers: names,
    lineOffset: lineOffset(registered),
    rejects: REJECTS,
    rejectedLines: 0,
    typed: new Set(typed.keys()),
    recast: undefined,
    edgeSpaces: registered.edgeSpaces ?? true,
    firstCells: firstCellsRead(registered),
    fused: {
      cells: (h) => {
        const i = names.indexOf(h);
        return [...new Set(records.map((r) => r.cells[i] ?? ''))].filter((c) => c !== '');
      },
      verify: (rows, rejected) => rejected === 0 && (dataLines === undefined || rows >= dataLines),
    },
  };
}

const sampled = new WeakMap<RegisteredFile, Promise<CsvRecord[]>>();

/**
 * The records of the file's start below the header (parsed once per file, in slices: both readings use
 * them); the last one may be cut short by the head's end.
 */
function sampleRecords(registered: RegisteredFile, head: string): Promise<CsvRecord[]> {
  let records = sampled.get(registered);
  if (!records) {
    records = scanRecordsInSlices(head, registered.header.delimiter, SAMPLE_ROWS + 2).then((r) =>
      r.slice(1, -1),
    );
    sampled.set(registered, records);
  }
  return records;
}

/** Headers the reader types itself, with their type (none: every cell text). */
type ReaderTyped = Map<string, ReaderType>;
const NONE: ReaderTyped = new Map();

interface CsvReading {
  headers: string[];
  typed: ReaderTyped;
  recast?: RawTable['recast'];
  /** read by the header's names and delimiter (not the sniffer's) */
  explicit?: boolean;
}

/**
 * read_csv of the registered file into RAW, with the lines it cannot split kept in REJECTS. Cells are text
 * but for the date-time and integer columns the reader can type itself (readerTyped), whose lines with a
 * cell of another form are read again as text (recastLines).
 * DuckDB is given the header's names and delimiter (registerFile parsed the header record): its sniffer
 * costs time quadratic in the column count (37 s for 5,000 columns, 6 s to reject one line of 2,000
 * columns), and is not asked to decide which line is the header. Names it cannot be given as they are
 * (empty, repeated) are left to the sniffer; so is a file whose lines the header's dialect mostly cannot
 * split (its delimiter was guessed from the header line alone).
 */
async function readCsv(
  engine: Engine,
  fileName: string,
  registered: RegisteredFile,
  readerTypes: (names: string[]) => Map<string, ReaderType>,
): Promise<CsvReading> {
  const { header, path } = registered;
  const columnsRead = async () =>
    (await engine.query(`SELECT * FROM ${RAW} LIMIT 0`)).schema.fields.map((f) => f.name);
  if (registered.native) {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${REJECTS} (line BIGINT, column_idx BIGINT, error_type VARCHAR, csv_line VARCHAR)`,
    );
    return { headers: await columnsRead(), typed: NONE };
  }
  const names = header.names;
  if (names) {
    const typed = await readerTyped(engine, registered, names, readerTypes(names));
    const quote = await readExplicit(engine, registered, names, typed);
    if (quote !== undefined) {
      if (!typed.size) return { headers: names, typed, explicit: true };
      const recast = await recastLines(engine, names, dialectSql(header.delimiter, quote));
      if (recast !== false) return { headers: names, typed, recast, explicit: true };
      // Many lines have cells of another form: the whole file read as text costs less.
      if ((await readExplicit(engine, registered, names, NONE)) !== undefined)
        return { headers: names, typed: NONE, explicit: true };
    }
  }
  try {
    await readInto(engine, path, '', true);
  } catch (e) {
    // A dead engine is not a bad file: the caller must see the crash (and start a new engine on retry).
    if (e instanceof EngineCrashedError) throw e;
    throw new ImportError('unreadable', `${fileName}: not a readable CSV/TSV file (${errorText(e)}).`);
  }
  return { headers: await columnsRead(), typed: NONE };
}

const dialectSql = (delimiter: string, quote: string) =>
  `, auto_detect = false, delim = ${literal(delimiter)}, quote = ${quote}, escape = ${quote}`;

const columnsSql = (names: string[], typed: ReaderTyped) =>
  `, columns = {${names.map((n) => `${literal(n)}: '${typed.get(n) ?? 'VARCHAR'}'`).join(', ')}}${
    [...typed.values()].includes('TIMESTAMP') ? `, timestampformat = ${literal(READER_TIMESTAMP)}` : ''
  }`;

/** read_csv into RAW; DuckDB appends to an existing rejects table, so a second read starts from none. */
const readInto = (engine: Engine, path: string, options: string, allVarchar: boolean) =>
  engine.exec(
    `DROP TABLE IF EXISTS ${REJECTS}; DROP TABLE IF EXISTS ${REJECT_SCANS};
    CREATE OR REPLACE TEMP TABLE ${RAW} AS SELECT * FROM read_csv(${literal(path)},${allVarchar ? ' all_varchar = true,' : ''}
      header = true, store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECT_SCANS}'${options})`,
  );

/**
 * The file read with the header's names and dialect, `typed` columns typed: the quote character
 * of the reading kept, or undefined when the dialect does not fit the file (the sniffer decides then).
 */
async function readExplicit(
  engine: Engine,
  registered: RegisteredFile,
  names: string[],
  typed: ReaderTyped,
): Promise<string | undefined> {
  const explicit = (quote: string) =>
    readInto(
      engine,
      registered.path,
      `${dialectSql(registered.header.delimiter, quote)}${columnsSql(names, typed)}${
        // Thousands of columns load faster in one thread: each thread's rows cost a block per column.
        names.length > WIDE_COLUMNS ? ', parallel = false' : ''
      }`,
      !typed.size,
    ).then(
      () => true,
      (e) => {
        if (e instanceof EngineCrashedError) throw e;
        return false;
      },
    );
  if (!(await explicit(`'"'`)) || (await mostlyRejected(engine))) return undefined;
  if (!(await quotesInDoubt(engine, registered.dataLines))) return `'"'`;
  // A quote left open makes the rest of the file one cell (or drops it). Read without quoting too, where
  // each line is a record (loaded, or listed as rejected), and keep the reading that loads more rows:
  // cells with real line breaks keep the quoted one.
  const quotedRows = await rowCount(engine);
  await engine.exec(
    keepAside
      .map(([t, aside]) => `DROP TABLE IF EXISTS ${aside}; ALTER TABLE ${t} RENAME TO ${aside};`)
      .join(' '),
  );
  if ((await explicit("''")) && (await rowCount(engine)) > quotedRows) return "''";
  await engine.exec(
    keepAside
      .map(([t, aside]) => `DROP TABLE IF EXISTS ${t}; ALTER TABLE ${aside} RENAME TO ${t};`)
      .join(' '),
  );
  return `'"'`;
}

/**
 * Of the `candidates` (date-times, integers), the columns the reader can type itself: every non-empty
 * cell of the file's first SAMPLE_ROWS rows has the type's READER_FORM (as the reader sees it, spaces
 * included). Typing in the reader costs next to nothing; the typing pass's date-time parse costs more than
 * any other column's, and its trim and cast cost integers as much. A later cell of another form only costs
 * its line a second reading (recastLines; in one pass, a second reading of the file), so the test
 * may be a cheap approximation: on the text's start in JS when the file passed through JS (a first
 * read_csv costs DuckDB-WASM 0.15 s at 1M rows), else on a read_csv of its first rows.
 */
async function readerTyped(
  engine: Engine,
  registered: RegisteredFile,
  names: string[],
  candidates: ReaderTyped,
): Promise<ReaderTyped> {
  const { head, path } = registered;
  const { delimiter } = registered.header;
  if (head !== undefined) {
    const records = await sampleRecords(registered, head);
    const typed = new Map<string, ReaderType>();
    const tick = sliceClock();
    for (const [h, type] of candidates) {
      const i = names.indexOf(h);
      const cells = records.map((r) => r.cells[i] ?? '').filter((c) => c !== '');
      if (i >= 0 && cells.length > 0 && cells.every((c) => READER_FORM[type].test(c))) typed.set(h, type);
      const turn = tick();
      if (turn) await turn;
    }
    return typed;
  }
  // Without the text's start, only the date-times are tested (on the reader's first rows).
  const columns = [...candidates].flatMap(([h, type]) =>
    type === 'TIMESTAMP' && names.includes(h) ? [h] : [],
  );
  if (!columns.length) return NONE;
  const tests = columns.map((h, i) => {
    const c = ident(h);
    return `count(*) FILTER (WHERE ${c} IS NOT NULL AND try_strptime(${c}, ${literal(READER_TIMESTAMP)}) IS NULL) AS b${i}, count(${c}) AS n${i}`;
  });
  try {
    const t = await engine.query(
      `SELECT ${tests.join(', ')} FROM (SELECT ${columns.map(ident).join(', ')} FROM read_csv(${literal(path)},
        header = true, ignore_errors = true${dialectSql(delimiter, `'"'`)}${columnsSql(names, NONE)})
        LIMIT ${SAMPLE_ROWS})`,
    );
    const row = t.get(0)?.toJSON() ?? {};
    const ok = columns.filter((_, i) => Number(row[`b${i}`]) === 0 && Number(row[`n${i}`]) > 0);
    return new Map(ok.map((h) => [h, 'TIMESTAMP']));
  } catch (e) {
    if (e instanceof EngineCrashedError) throw e;
    return NONE;
  }
}

/**
 * The lines the reader rejected only for cells it could not type, taken out of REJECTS and read again as
 * text into RECAST (their numbers in RECAST_LINES). undefined: none; false: more than MAX_RECAST_SHARE of
 * the rows, or a second reading that does not give one row per line (the caller reads the file as text).
 */
async function recastLines(
  engine: Engine,
  names: string[],
  dialect: string,
): Promise<RawTable['recast'] | false | undefined> {
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${RECAST_LINES} AS SELECT line, row_number() OVER (ORDER BY line) - 1 AS k, csv
     FROM (SELECT line, first(csv_line ORDER BY column_idx) AS csv FROM ${REJECTS} GROUP BY line
       HAVING bool_and(CAST(error_type AS VARCHAR) = 'CAST'))`,
  );
  const t = await engine.query(
    `SELECT (SELECT count(*) FROM ${RECAST_LINES}) AS n, (SELECT count(*) FROM ${RAW}) AS rows`,
  );
  const { n, rows } = (t.get(0)?.toJSON() ?? {}) as { n: number; rows: number };
  const count = Number(n);
  if (!count) return undefined;
  if (count > MAX_RECAST_SHARE * (Number(rows) + count)) return false;
  const lines = await engine.query(`SELECT csv FROM ${RECAST_LINES} ORDER BY k`);
  const text = lines.getChild('csv')?.toArray().join('\n') ?? '';
  const path = await engine.registerText(`recast-${Date.now()}.csv`, text);
  try {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${RECAST} AS SELECT * FROM read_csv(${literal(path)}, header = false${dialect}${columnsSql(names, NONE)})`,
    );
    const read = await engine.query(`SELECT count(*) AS n FROM ${RECAST}`);
    if (Number(read.get(0)?.n) !== count) return false;
  } catch (e) {
    if (e instanceof EngineCrashedError) throw e;
    return false;
  } finally {
    await engine.unregister?.(path).catch(() => {});
  }
  await engine.exec(`DELETE FROM ${REJECTS} WHERE line IN (SELECT line FROM ${RECAST_LINES})`);
  return { table: RECAST, lines: RECAST_LINES, count };
}

/**
 * After a quoted read of a file holding a quote: fewer records (rows and rejected lines) than the file has
 * lines below its header. Either a cell holds a line break, or DuckDB dropped lines.
 */
async function quotesInDoubt(engine: Engine, dataLines: number | undefined): Promise<boolean> {
  if (dataLines === undefined) return false;
  const t = await engine.query(
    `SELECT (SELECT count(*) FROM ${RAW}) + (SELECT count(DISTINCT line) FROM ${REJECTS}) AS n`,
  );
  return Number(t.get(0)?.n) < dataLines;
}

const rowCount = async (engine: Engine) =>
  Number((await engine.query(`SELECT count(*) AS n FROM ${RAW}`)).get(0)?.n);

/**
 * More lines rejected than read: the header line's dialect is not the file's. Lines rejected only for a
 * cell the reader could not type are split fine (recastLines reads them again).
 */
async function mostlyRejected(engine: Engine): Promise<boolean> {
  const t = await engine.query(
    `SELECT (SELECT count(DISTINCT line) FROM ${REJECTS} WHERE CAST(error_type AS VARCHAR) <> 'CAST')
       > (SELECT count(*) FROM ${RAW}) AS bad`,
  );
  return Boolean(t.get(0)?.bad);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
