import { WORK_CALENDAR_TABLE } from '../calendar/sql-joins.ts';
import { type Engine, EngineCrashedError } from '../engine/types.ts';
import { CASE_FACT_COLUMNS, CASE_FACTS, CASE_FACTS_STORE } from '../indicators/case-fact-names.ts';
import { fieldColumns } from '../schema/column-types.ts';
import { DATASETS } from '../schema/datasets.ts';
import { missingRoles, roleText } from '../schema/roles.ts';
import type { DatasetDef, DatasetKey } from '../schema/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { yieldToHost } from '../yield-to-host.ts';
import { defineViews, dropRelation, storeOf } from './dataset-view.ts';
import { keysKnownDistinct } from './distinct-keys.ts';
import { fillFromOtherFields } from './fill-fields.ts';
import { matchHeaders } from './headers.ts';
import { CREATE_LEDGER_SQL, ImportError, type ImportSummary, LEDGER_TABLE } from './ledger.ts';
import { ledgerValue } from './ledger-mask.ts';
import {
  duplicateIdsSelect,
  duplicateLedgerSelect,
  duplicateSelect,
  ledgerRules,
  readerRejectSelect,
} from './ledger-rows.ts';
import { DEFAULT_TIMEZONE, type ImportOptions } from './options.ts';
import { Binder, TZ_TABLE } from './parse-sql.ts';
import { detectPii, type PiiColumn, piiExpression } from './pii.ts';
import { type RawTable, ReadAgain } from './read-raw.ts';
import { importSummary } from './summary.ts';
import { zoneTransitions } from './timezone.ts';
import { typedSelect, UNSEEN_CELL } from './typed-columns.ts';

/** Every row typed, with what the ledger needs to judge it (dropped at the end of each import). */
export const TYPED = '__typed_import';
/** Rows rejected as a repeated primary key (usually none). */
const DUPLICATES = '__import_duplicates';
const DUPLICATE_IDS = '__import_duplicate_ids';
/** The line of the file each kept raw row came from, when the CSV reader rejected some lines. */
const LINES = '__import_lines';
/** `_row` and the verdicts of the typed rows any ledger rule holds for. */
const FLAGGED = '__import_flagged';
export const LOAD_TABLES = [TYPED, DUPLICATES, DUPLICATE_IDS, LINES, FLAGGED, TZ_TABLE];
/** Column of the typed table with the ledger's verdicts on the row (see loadDataset). */
const LEDGER_COL = '__ledger';

/**
 * Types the raw table into the dataset's canonical table and writes its row ledger, in about one pass: one
 * `CREATE TABLE … AS SELECT` types every cell and keeps, beside the typed values, the text of the cells that
 * did not parse; the ledger is read from that table; the canonical table is it filtered by the same rules.
 */
export async function loadDataset(
  engine: Engine,
  fileName: string,
  encoding: string,
  dataset: DatasetKey,
  raw: RawTable,
  options: ImportOptions,
): Promise<ImportSummary> {
  const def = DATASETS[dataset];
  const mapping = options.mapping ?? {};
  const { headers } = raw;
  const match = matchHeaders(headers, def, mapping.columns);
  checkColumns(fileName, def, headers, match.mapped, match.missingRequired, mapping.columns ?? {});
  await yieldToHost(); // a turn for the page between planning steps (see typedSelect)

  const canonical = new Set(def.fields.flatMap(fieldColumns));
  const timezone = mapping.timezone ?? options.timezone ?? DEFAULT_TIMEZONE;
  const transitions = await zoneTransitions(timezone);
  const fixedOffset = transitions.length === 1 ? transitions[0]?.[1] : undefined;
  if (fixedOffset === undefined) {
    const rows = transitions.map(([f, o]) => `(${Math.trunc(f)}, ${Math.trunc(o)})`).join(', ');
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${TZ_TABLE} AS SELECT * FROM (VALUES ${rows}) AS t(f, o)`,
    );
  }
  const raws = [raw.table, ...(raw.recast ? [raw.recast.table] : [])];
  const cells = raw.fused?.cells ?? raws;
  // A file's own column never takes a canonical name, nor one the case facts add (facts.ts).
  const reserved = (h: string) => canonical.has(h) || h.startsWith('_') || CASE_FACT_COLUMNS.includes(h);
  const extras = match.unknown.map((h) => ({ header: h, column: reserved(h) ? `extra_${h}` : h }));
  // Personal data never reaches the canonical table in the clear unless the host asks (pii: 'keep').
  const action = options.pii ?? 'mask';
  const detected = detectPii(
    engine,
    raw.sample,
    extras.map((x) => x.header),
  );
  // The fused reading's sample is the file read by the header's dialect: a line its CSV reader cannot
  // take at all (a state its strict mode refuses, which ignore_errors does not cover) sends the file to the
  // two-pass reading, which keeps such lines in the ledger.
  const personal = await (raw.fused ? detected.catch(readAgain) : detected);
  const salt = options.piiSalt ?? '';
  const extraColumn = (x: (typeof extras)[number], b: Binder) => {
    const kind = personal.get(x.header);
    return kind ? piiExpression(ident(x.header), kind, action, b, salt) : ident(x.header);
  };
  const pii: PiiColumn[] = [];
  const keptNames: string[] = [];
  for (const x of extras) {
    const kind = personal.get(x.header);
    if (kind) pii.push({ column: x.column, kind, action });
    if (extraColumn(x, new Binder()) !== null) keptNames.push(x.column);
  }
  const kept = keptNames.map(ident);
  const rules = ledgerRules(def, match.mapped);
  const entry = (i: number, field: 'r' | 'v') =>
    `struct_extract(list_extract(${LEDGER_COL}, ${i + 1}), '${field}')`;
  // Rows in file order: the reader's (numbered past the lines it rejected or left to the text reading)
  // and the lines read again as text, sorted only when there are such lines.
  const numbered = raw.rejectedLines > 0 || raw.recast !== undefined;
  const rowNumber = await rowNumbers(engine, raw);

  /** The typing statement (see typedSelect for `unseen`). */
  const typing = async (unseen: 'fail' | 'type') => {
    const binder = new Binder();
    const typed = await typedSelect(
      engine,
      cells,
      def,
      match.mapped,
      mapping,
      binder,
      fixedOffset,
      raw.edgeSpaces,
      unseen,
    );
    typed.outer.push(...kept);
    // Each raw table's select list binds its own parameters: called in the order the statement holds them.
    const innerList = (readerTyped: ReadonlySet<string>) =>
      [
        ...typed.inner(readerTyped),
        ...extras.flatMap((x) => {
          const expr = extraColumn(x, binder);
          return expr === null ? [] : [`${expr} AS ${ident(x.column)}`];
        }),
      ].join(',\n  ');
    // The ledger's rules are judged in the typing pass, on the cells as the file wrote them (before fills),
    // into one list column (dropped at the end), made only for the rows a rule holds for (usually few):
    // entry i is rule i's severity where it holds (`r`) and the cell it concerns (`v`). A list costs less
    // than a struct there: a NULL struct still stores every field. Masking waits for the ledger's own
    // statement: as part of the typing statement its expressions over the parse expressions took DuckDB
    // seconds to plan.
    const verdicts = rules.map(
      (r) =>
        `{'r': CASE WHEN ${r.where} THEN ${r.severity} END, 'v': ${r.value ? `CAST(CASE WHEN ${r.where} THEN ${r.value.sql} END AS VARCHAR)` : 'CAST(NULL AS VARCHAR)'}}`,
    );
    let rows = `SELECT ${rowNumber} AS _row, ${innerList(raw.typed)} FROM ${raw.from}${
      numbered ? ` JOIN ${LINES} ON ${LINES}.__import_k = ${raw.index}` : ''
    }`;
    if (raw.recast) {
      const { table, lines } = raw.recast;
      rows += ` UNION ALL SELECT ${lines}.line + ${raw.lineOffset} AS _row, ${innerList(new Set())}
      FROM ${table} JOIN ${lines} ON ${lines}.k = ${table}.rowid`;
    }
    const anyRule = rules.map((r) => `(${r.where})`).join(' OR ');
    const judged = `(SELECT *, ${verdicts.length ? `CASE WHEN ${anyRule} THEN list_value(${verdicts.join(', ')}) END` : 'NULL'} AS ${LEDGER_COL} FROM (
     SELECT _row, ${typed.outer.join(', ')} FROM (${rows}${numbered ? ' ORDER BY _row' : ''})))`;
    const { sql, filled } = fillFromOtherFields(def, match.mapped, judged);
    // Only the columns the file has (or that are filled from it) are stored: the dataset's view reads the
    // others as NULL (dataset-view.ts).
    const storedNames = def.fields
      .filter((f) => match.mapped[f.key] !== undefined || filled[f.key] !== undefined)
      .flatMap(fieldColumns);
    const stored = storedNames.map(ident);
    const columns = ['_row', ...stored, ...kept, LEDGER_COL].join(', ');
    // One pass over the text: typed, judged and filled, in the reader's order (no sort unless lines were
    // rejected, whose numbering needs a join). It becomes the dataset's store once rejected rows are gone.
    return {
      sql: `CREATE OR REPLACE TABLE ${TYPED} AS SELECT ${columns} FROM ${sql}`,
      params: binder.params,
      stored,
      storedNames,
      filled,
    };
  };
  const first = await typing(raw.fused ? 'fail' : 'type');
  const { stored, storedNames, filled } = first;
  const ctas = engine.query(first.sql, first.params).catch(async (e: unknown) => {
    // A coded cell the first rows did not show: typed again, such cells per row (rare).
    if (!(e instanceof Error) || !e.message.includes(UNSEEN_CELL)) throw e;
    const again = await typing('type');
    return engine.query(again.sql, again.params);
  });
  // A fused reading (read-raw.ts, fusedRaw) that failed or rejected a line is read again in two passes.
  await (raw.fused ? ctas.catch(readAgain) : ctas);
  // Statements without values go to the engine together (one trip to DuckDB-WASM's worker, the last
  // statement's rows returned): the clean import's bookkeeping took a dozen trips.
  const typedCount = (
    await engine.query(
      `${raws.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' ')}
       SELECT count(*) AS n${raw.fused ? `, (SELECT count(*) FROM ${raw.rejects}) AS rejected` : ''} FROM ${TYPED}`,
    )
  )
    .get(0)
    ?.toJSON() as { n: number; rejected?: number };
  const typedRows = Number(typedCount.n);
  if (raw.fused) {
    if (!raw.fused.verify(typedRows, Number(typedCount.rejected))) throw new ReadAgain();
    options.onProgress?.({ stage: 'parsed', rows: typedRows });
    options.signal?.throwIfAborted();
  }
  const read = typedRows + raw.rejectedLines;

  // The keys the file's scan has not already proven distinct.
  const distinct = keysKnownDistinct(def, match.mapped, raw, read);
  const keys = def.fields.filter((f) => f.primaryKey && !distinct.has(f.key)).map((f) => f.key);
  // The rows any rule holds for, found in one scan (usually few): each rule's select then reads only them.
  const found = await engine.query(
    `${CREATE_LEDGER_SQL};
     DELETE FROM ${LEDGER_TABLE} WHERE dataset = ${literal(dataset)};
     CREATE OR REPLACE TEMP TABLE ${FLAGGED} AS SELECT _row, ${LEDGER_COL} FROM ${TYPED} WHERE ${LEDGER_COL} IS NOT NULL;
     ${keys.length ? `CREATE OR REPLACE TEMP TABLE ${DUPLICATE_IDS} AS ${keys.map((k, i) => duplicateIdsSelect(k, i, TYPED)).join(' UNION ALL ')};` : ''}
     SELECT (SELECT count(*) FROM ${FLAGGED}) AS flagged${keys.length ? `, (SELECT count(*) FROM ${DUPLICATE_IDS}) AS duplicates` : ''}`,
  );
  const counts = found.get(0)?.toJSON() as { flagged: number; duplicates?: number };
  // Their rows only when some key is there twice (a clean file's 3M rows were read again for none).
  const duplicates = Number(counts.duplicates ?? 0) > 0;
  if (duplicates) {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${DUPLICATES} AS ${keys.map((k, i) => duplicateSelect(k, i, TYPED, DUPLICATE_IDS)).join(' UNION ALL ')}`,
    );
  }
  // Only the parts with entries: planning the rules' masking expressions costs time even over no rows.
  const selects = Number(counts.flagged)
    ? rules.map(
        (r, i) =>
          `SELECT _row, ${literal(r.column)}, ${literal(r.reason)}, ${entry(i, 'r')}, ${r.value ? ledgerValue(entry(i, 'v'), r.value.kind, action) : 'NULL'}
       FROM ${FLAGGED} WHERE ${entry(i, 'r')} IS NOT NULL`,
      )
    : [];
  if (duplicates) selects.push(duplicateLedgerSelect(DUPLICATES, action));
  if (raw.rejectedLines) selects.push(readerRejectSelect(raw.rejects, raw.lineOffset, action));
  if (selects.length) {
    await engine.exec(
      `INSERT INTO ${LEDGER_TABLE} SELECT ${literal(dataset)}, ${literal(fileName)}, * FROM (${selects.join('\nUNION ALL\n')})`,
    );
  }

  // The calendar range and the facts derived from earlier loads are stale now (computeIndicators rebuilds them).
  await dropRelation(engine, CASE_FACTS);
  await engine.exec(
    `DROP TABLE IF EXISTS ${ident(CASE_FACTS_STORE)}; DROP TABLE IF EXISTS ${WORK_CALENDAR_TABLE}`,
  );
  const rejected = rules.map((_, i) => `coalesce(${entry(i, 'r')} = 'reject', FALSE)`);
  if (duplicates) rejected.push(`_row IN (SELECT "_row" FROM ${DUPLICATES})`);
  // Nothing written to the ledger (its rows for this dataset were deleted above): nothing rejected.
  const rejects = selects.length
    ? Number(
        (
          await engine.query(
            `SELECT count(*) AS n FROM ${LEDGER_TABLE} WHERE dataset = ${literal(dataset)} AND severity = 'reject'`,
          )
        ).get(0)?.n,
      )
    : 0;
  const store = ident(storeOf(def.table));
  if (rejects > 0) {
    // Kept rows copied in file order (the filter keeps the scan's order), with rowids without gaps.
    const keep = ['_row', ...stored, ...kept].join(', ');
    await engine.exec(
      `CREATE OR REPLACE TABLE ${store} AS SELECT ${keep} FROM ${TYPED} WHERE NOT (${rejected.join(' OR ') || 'FALSE'})`,
    );
  } else {
    // A file without rejections is the typed table itself: dropping columns and renaming copy no data.
    await engine.exec(
      `ALTER TABLE ${TYPED} DROP COLUMN ${LEDGER_COL}; DROP TABLE IF EXISTS ${store}; ALTER TABLE ${TYPED} RENAME TO ${store}`,
    );
  }
  // The store's columns are the typed table's (bar the ledger column), and the case facts were dropped above.
  await defineViews(engine, def, ['_row', ...storedNames, ...keptNames]);
  return importSummary(engine, def, {
    dataset,
    fileName,
    encoding,
    timezone,
    read,
    match,
    pii,
    filled,
    ledgerEmpty: selects.length === 0,
  });
}

/**
 * `_row` of the reader's rows: the line in the file (header = line 1 unless title rows sit above it), as
 * Excel numbers rows. Lines the reader rejected or left to the text reading are skipped (a rare, small case).
 */
async function rowNumbers(engine: Engine, raw: RawTable): Promise<string> {
  if (!raw.rejectedLines && !raw.recast) return `${raw.index} + ${2 + raw.lineOffset}`;
  const recast = raw.recast ? ` UNION SELECT line FROM ${raw.recast.lines}` : '';
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${LINES} AS SELECT l + ${raw.lineOffset} AS __import_line,
       row_number() OVER (ORDER BY l) - 1 AS __import_k
     FROM range(2, 2 + (SELECT count(*) FROM ${raw.table}) + ${raw.rejectedLines + (raw.recast?.count ?? 0)}) t(l)
     ANTI JOIN (SELECT DISTINCT line FROM ${raw.rejects}${recast}) r ON r.line = t.l`,
  );
  return `${LINES}.__import_line`;
}

const readAgain = (e: unknown): never => {
  // A dead engine is not a bad file: the caller must see the crash (and start a new engine on retry).
  throw e instanceof EngineCrashedError ? e : new ReadAgain(e instanceof Error ? e.message : String(e));
};

/** Refuses a file without the columns the mapping names or the dataset requires. */
function checkColumns(
  fileName: string,
  def: DatasetDef,
  headers: string[],
  mapped: Record<string, string>,
  missing: string[],
  columns: Record<string, string>,
): void {
  const absent = Object.entries(columns).filter(([, h]) => !headers.includes(h));
  if (absent.length) {
    throw new ImportError(
      'missing_columns',
      `${fileName}: the mapping names column(s) the file does not have: ` +
        `${absent.map(([k, h]) => `${h} (for ${k})`).join(', ')}. Found: ${headers.join(', ')}.`,
      { missing: absent.map(([k]) => k), headers },
    );
  }
  const missingRequired = missingRoles(def, Object.keys(mapped));
  if (missingRequired.length) {
    throw new ImportError(
      'missing_columns',
      `${fileName}: required column(s) missing for ${def.label.zh} (${def.label.en}): ` +
        `${missingRequired.map((r) => roleText(def, r)).join(', ')}. Found: ${headers.join(', ')}.`,
      { missing, headers },
    );
  }
}
