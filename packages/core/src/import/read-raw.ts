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
export const RAW_TABLES = [RAW, REJECTS, REJECT_SCANS];

/** Above this many columns the file is first read without DuckDB's reject bookkeeping (see readRaw). */
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
  const headers = await readCsv(engine, fileName, registered);
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

/** read_csv of the registered file into RAW (all text), with the lines it cannot split kept in REJECTS. */
async function readCsv(engine: Engine, fileName: string, registered: RegisteredFile): Promise<string[]> {
  const { header, path } = registered;
  // Without the sniffer (slow on thousands of columns) when the header's names and delimiter are plain.
  const explicit = (names: string[]) =>
    `, auto_detect = false, delim = ${literal(header.delimiter)}, quote = '"', escape = '"',
      columns = {${names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ')}}`;
  const read = (rejects: boolean) =>
    engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${RAW} AS SELECT * FROM read_csv(${literal(path)},
        all_varchar = true, header = true${rejects ? `, store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECT_SCANS}'` : header.names ? explicit(header.names) : ''})`,
    );
  // A wide file is read strictly first: DuckDB's reject bookkeeping costs time quadratic in the column count
  // (500 columns × 100 rows: 0.4 s strict, 12 s with store_rejects), and a file without a malformed line
  // needs none. A strict read that fails, or whose sniffer settled on another column count than the header
  // shows (it may pick a dialect that makes ragged lines consistent), goes to the rejecting reader.
  const columnsRead = async () =>
    (await engine.query(`SELECT * FROM ${RAW} LIMIT 0`)).schema.fields.map((f) => f.name);
  const strictHeaders =
    header.width > WIDE_COLUMNS && !registered.native
      ? await read(false).then(
          async () => {
            const h = await columnsRead();
            return h.length === header.width ? h : undefined;
          },
          () => undefined,
        )
      : undefined;
  try {
    if (strictHeaders || registered.native) {
      await engine.exec(
        `CREATE OR REPLACE TEMP TABLE ${REJECTS} (line BIGINT, column_idx BIGINT, error_type VARCHAR, csv_line VARCHAR)`,
      );
    } else await read(true);
  } catch (e) {
    // A dead engine is not a bad file: the caller must see the crash (and start a new engine on retry).
    if (e instanceof EngineCrashedError) throw e;
    throw new ImportError('unreadable', `${fileName}: not a readable CSV/TSV file (${errorText(e)}).`);
  }
  return strictHeaders ?? (await columnsRead());
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
