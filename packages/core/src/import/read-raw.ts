import { type Engine, EngineCrashedError } from '../engine/types.ts';
import { literal } from '../sql/quote.ts';
import { ImportError } from './ledger.ts';
import type { ImportOptions } from './options.ts';
import { type RegisteredFile, registerFile } from './register-file.ts';

/** The file as text columns, one row per line the CSV reader could split, in file order (its rowid). */
export interface RawTable {
  table: string;
  encoding: string;
  headers: string[];
  /** lines above the header (title rows): row numbers refer to the original file */
  lineOffset: number;
  /** table of the lines the CSV reader rejected (line, column_idx, error_type, csv_line) */
  rejects: string;
  /** how many lines it rejected */
  rejectedLines: number;
}

const RAW = '__raw_import';
const REJECTS = '__import_rejects';
const REJECT_SCANS = '__import_reject_scans';
/** The quoted reading's tables, kept while the file is read without quoting (see readCsv). */
const keepAside = [RAW, REJECTS, REJECT_SCANS].map((t) => [t, `${t}_quoted`] as const);
export const RAW_TABLES = [RAW, REJECTS, REJECT_SCANS, ...keepAside.map(([, aside]) => aside)];

/** Above this many columns DuckDB reads the file in one thread (see readCsv). */
const WIDE_COLUMNS = 100;

/** Reads any accepted export into the raw table (see registerFile for the formats). */
export async function readRaw(
  engine: Engine,
  fileName: string,
  source: Uint8Array | RegisteredFile,
  options: ImportOptions,
): Promise<RawTable> {
  // A file already readable by path (import-path.ts, Node) needs no registering.
  const registered =
    source instanceof Uint8Array ? await registerFile(engine, fileName, source, options, RAW) : source;
  let headers: string[];
  try {
    headers = await readCsv(engine, fileName, registered);
  } finally {
    // The raw table holds the file now; a file given by path belongs to the caller.
    if (source instanceof Uint8Array) await engine.unregister?.(registered.path).catch(() => {});
  }
  const n = await engine.query(`SELECT count(DISTINCT line) AS n FROM ${REJECTS}`);
  return {
    table: RAW,
    encoding: registered.encoding,
    headers,
    lineOffset: Math.max(0, (registered.headerRow ?? 1) - 1),
    rejects: REJECTS,
    rejectedLines: Number(n.get(0)?.n),
  };
}

/**
 * read_csv of the registered file into RAW (all text), with the lines it cannot split kept in REJECTS.
 * DuckDB is given the header's names and delimiter (registerFile parsed the header record): its sniffer
 * costs time quadratic in the column count (37 s for 5,000 columns, 6 s to reject one line of 2,000
 * columns), and is not asked to decide which line is the header. Names it cannot be given as they are
 * (empty, repeated) are left to the sniffer; so is a file whose lines the header's dialect mostly cannot
 * split (its delimiter was guessed from the header line alone).
 */
async function readCsv(engine: Engine, fileName: string, registered: RegisteredFile): Promise<string[]> {
  const { header, path } = registered;
  const columnsRead = async () =>
    (await engine.query(`SELECT * FROM ${RAW} LIMIT 0`)).schema.fields.map((f) => f.name);
  if (registered.native) {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${REJECTS} (line BIGINT, column_idx BIGINT, error_type VARCHAR, csv_line VARCHAR)`,
    );
    return columnsRead();
  }
  const read = (dialect: string) =>
    // DuckDB appends to an existing rejects table: a second read starts from none.
    engine.exec(
      `DROP TABLE IF EXISTS ${REJECTS}; DROP TABLE IF EXISTS ${REJECT_SCANS};
      CREATE OR REPLACE TEMP TABLE ${RAW} AS SELECT * FROM read_csv(${literal(path)}, all_varchar = true,
        header = true, store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECT_SCANS}'${dialect})`,
    );
  const names = header.names;
  if (names) {
    const explicit = (quote: string) =>
      read(
        `, auto_detect = false, delim = ${literal(header.delimiter)}, quote = ${quote}, escape = ${quote},
          columns = {${names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ')}}${
            // Thousands of columns load faster in one thread: each thread's rows cost a block per column.
            names.length > WIDE_COLUMNS ? ', parallel = false' : ''
          }`,
      ).then(
        () => true,
        (e) => {
          if (e instanceof EngineCrashedError) throw e;
          return false;
        },
      );
    if ((await explicit(`'"'`)) && !(await mostlyRejected(engine))) {
      if (!(await quotesInDoubt(engine, registered.dataLines))) return names;
      // A quote left open makes the rest of the file one cell (or drops it). Read without quoting too, where
      // each line is a record (loaded, or listed as rejected), and keep the reading that loads more rows:
      // cells with real line breaks keep the quoted one.
      const quotedRows = await rowCount(engine);
      await engine.exec(keepAside.map(([t, aside]) => `ALTER TABLE ${t} RENAME TO ${aside};`).join(' '));
      if ((await explicit("''")) && (await rowCount(engine)) > quotedRows) return names;
      await engine.exec(
        keepAside
          .map(([t, aside]) => `DROP TABLE IF EXISTS ${t}; ALTER TABLE ${aside} RENAME TO ${t};`)
          .join(' '),
      );
      return names;
    }
  }
  try {
    await read('');
  } catch (e) {
    // A dead engine is not a bad file: the caller must see the crash (and start a new engine on retry).
    if (e instanceof EngineCrashedError) throw e;
    throw new ImportError('unreadable', `${fileName}: not a readable CSV/TSV file (${errorText(e)}).`);
  }
  return columnsRead();
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

/** More lines rejected than read: the header line's dialect is not the file's. */
async function mostlyRejected(engine: Engine): Promise<boolean> {
  const t = await engine.query(
    `SELECT (SELECT count(DISTINCT line) FROM ${REJECTS}) > (SELECT count(*) FROM ${RAW}) AS bad`,
  );
  return Boolean(t.get(0)?.bad);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
