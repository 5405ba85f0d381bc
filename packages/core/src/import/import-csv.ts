import { WORK_CALENDAR_TABLE } from '../calendar/sql.ts';
import { type Engine, EngineCrashedError } from '../engine/types.ts';
import { CASE_FACTS } from '../indicators/facts.ts';
import { DATASETS, isDatasetKey } from '../schema/datasets.ts';
import { codeLookup, isBlankLabelSql, recode } from '../schema/normalise-label.ts';
import { missingRoles, roleText } from '../schema/roles.ts';
import type { DatasetDef, DatasetKey, FieldDef } from '../schema/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { directCsv } from './formats/direct-csv.ts';
import { detectFormat, toDelimitedText } from './formats/index.ts';
import { cutLongLines, cutLongTextLines, LONG_LINE_MARKER, MAX_LINE_BYTES } from './formats/long-lines.ts';
import { guessDataset, matchHeaders } from './headers.ts';
import { CREATE_LEDGER_SQL, ImportError, type ImportSummary, LEDGER_TABLE } from './ledger.ts';
import { type LedgerValueKind, ledgerValue } from './ledger-mask.ts';
import type { ImportMapping } from './mapping.ts';
import { loadJsonNatively } from './native-json.ts';
import { loadParquetNatively } from './native-parquet.ts';
import { Binder, limitExpressions, parseExpression, sqlType, TZ_TABLE } from './parse-sql.ts';
import { detectPii, type PiiAction, type PiiColumn, piiExpression } from './pii.ts';
import { zoneTransitions } from './timezone.ts';

export interface ImportOptions {
  /** Which dataset the file is; detected from its headers when omitted. */
  dataset?: DatasetKey;
  /** Overrides encoding detection (e.g. 'gb18030'). */
  encoding?: string;
  /** Column, value and format mapping for exports no alias list knows (see mapping.ts). */
  mapping?: ImportMapping;
  /** IANA zone of the file's local times (default Asia/Shanghai; a mapping's `timezone` wins). */
  timezone?: string;
  /** XLSX sheet by name or 0-based index (default: the first visible sheet). */
  sheet?: string | number;
  /** What to do with personal-data columns (ID numbers, phones, names) the file adds: default 'mask'. */
  pii?: PiiAction;
  /** Salt for `pii: 'hash'` (use one secret per portal so hashes cannot be looked up). */
  piiSalt?: string;
  /** false: convert Parquet and JSON in JS even on an engine that reads it natively (for comparing the two paths). */
  nativeReaders?: boolean;
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

const RAW = '__raw_import';
const PARSED = '__parsed_import';
/** Lines DuckDB's CSV reader could not split into the header's columns (kept in the ledger). */
const REJECTS = '__import_rejects';
const REJECT_SCANS = '__import_reject_scans';
const LINES = '__import_lines';
const rawCol = (key: string) => `__raw__${key}`;

/**
 * Puts the file where DuckDB can read it as UTF-8 CSV: a UTF-8 CSV as its own bytes when the engine takes
 * bytes; anything else (GB18030, XLSX, Parquet, Arrow, JSON) converted to CSV text first. Parquet or JSON
 * that a native engine reads itself (native-parquet.ts, native-json.ts) is loaded into the raw table here
 * instead (`native`).
 */
async function register(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<{
  encoding: string;
  path: string;
  headerRow: number | undefined;
  header: HeaderLine;
  native?: boolean;
}> {
  const name = `import-${Date.now()}-${safeName(fileName)}`;
  // Native engines read Parquet and JSON themselves when the result equals the JS conversion's.
  if (engine.nativeReaders && engine.registerBytes && options.nativeReaders !== false && bytes.length > 0) {
    const format = detectFormat(bytes, fileName);
    const load =
      format === 'parquet'
        ? loadParquetNatively
        : format === 'json' && !options.encoding
          ? loadJsonNatively
          : undefined;
    const path = load ? await engine.registerBytes(name, bytes) : undefined;
    if (load && path && (await load(engine, path, bytes, RAW))) {
      const header = { width: 0, delimiter: ',', names: undefined };
      return { encoding: format, path, headerRow: 1, header, native: true };
    }
  }
  const direct = engine.registerBytes ? await directCsv(bytes, fileName, options.encoding) : undefined;
  if (direct && engine.registerBytes) {
    const cut = await cutLongLines(direct.bytes);
    if (cut.cut) refuseLongHeader(fileName, new TextDecoder().decode(cut.bytes.subarray(0, 64)));
    const path = await engine.registerBytes(name, cut.bytes);
    const first = cut.bytes.subarray(0, Math.min(cut.bytes.length, MAX_LINE_BYTES));
    return { encoding: direct.encoding, path, headerRow: direct.headerRow, header: headerLine(first) };
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
  const { text, cut } = await cutLongTextLines(visible);
  if (cut) refuseLongHeader(fileName, text);
  const path = await engine.registerText(name, text);
  return {
    encoding,
    path,
    headerRow: converted.headerRow,
    header: headerLine(text.slice(0, MAX_LINE_BYTES)),
  };
}

/** Cells of the first line split by its most frequent delimiter (quotes ignored: a guess to check against). */
function headerLine(start: Uint8Array | string): HeaderLine {
  const text = typeof start === 'string' ? start : new TextDecoder().decode(start);
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const [delimiter = ','] = [',', '\t', ';', '|'].sort((a, b) => line.split(b).length - line.split(a).length);
  const names = line.split(delimiter);
  // Names DuckDB would read the same without its sniffer: no quotes, none empty, none twice.
  const plain = !line.includes('"') && names.every(Boolean) && new Set(names).size === names.length;
  return { width: names.length, delimiter, names: plain ? names : undefined };
}

interface HeaderLine {
  width: number;
  delimiter: string;
  /** the header's names when they can be given to DuckDB as they are (see headerLine) */
  names: string[] | undefined;
}

/** Above this many columns the file is first read without DuckDB's reject bookkeeping (see importFile). */
const WIDE_COLUMNS = 100;

/** A header row too long to read leaves nothing to match columns by. */
function refuseLongHeader(fileName: string, start: string): void {
  if (start.replace(/^\uFEFF/, '').startsWith(LONG_LINE_MARKER)) {
    throw new ImportError(
      'unreadable',
      `${fileName}: the header row is longer than ${MAX_LINE_BYTES / 1_000_000} MB; not a readable export.`,
    );
  }
}

/** Decodes, loads and validates one delimited text export into its canonical table. */
export async function importFile(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const registered = await register(engine, fileName, bytes, options);
  const { encoding, path } = registered;
  // Row numbers refer to the original file: title rows above the header shift every line.
  const lineOffset = Math.max(0, (registered.headerRow ?? 1) - 1);
  const { header } = registered;
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
  try {
    const headers = strictHeaders ?? (await columnsRead());
    const guess = (options.dataset ?? options.mapping?.dataset) ? undefined : guessDataset(headers);
    const dataset = options.dataset ?? options.mapping?.dataset ?? guess?.dataset;
    if (!dataset && guess?.tied.length) {
      const names = guess.tied.map((k) => `${k} (${DATASETS[k].label.zh})`).join(', ');
      throw new ImportError(
        'ambiguous_dataset',
        `${fileName}: the headers fit several datasets equally well: ${names}. ` +
          `Name the dataset explicitly (--dataset ${guess.tied.join('|')}) or supply a mapping file.`,
        { headers, candidates: guess.tied },
      );
    }
    if (!dataset) {
      throw new ImportError(
        'unknown_dataset',
        `${fileName}: cannot tell which dataset this is from its headers (${headers.slice(0, 8).join(', ')}…). ` +
          'Name the dataset explicitly or supply a mapping file.',
        { headers },
      );
    }
    if (!isDatasetKey(dataset)) {
      throw new ImportError(
        'unknown_dataset',
        `${fileName}: "${dataset}" is not a dataset (${Object.keys(DATASETS).join(', ')}).`,
        { headers },
      );
    }
    return await loadDataset(engine, fileName, encoding, dataset, headers, options, lineOffset);
  } finally {
    await engine.exec(
      [RAW, PARSED, TZ_TABLE, REJECTS, REJECT_SCANS, LINES]
        .map((t) => `DROP TABLE IF EXISTS ${t};`)
        .join(' '),
    );
  }
}

async function loadDataset(
  engine: Engine,
  fileName: string,
  encoding: string,
  dataset: DatasetKey,
  headers: string[],
  options: ImportOptions,
  lineOffset: number,
): Promise<ImportSummary> {
  const def = DATASETS[dataset];
  const mapping = options.mapping ?? {};
  const match = matchHeaders(headers, def, mapping.columns);
  const absent = Object.entries(mapping.columns ?? {}).filter(([, h]) => !headers.includes(h));
  if (absent.length) {
    throw new ImportError(
      'missing_columns',
      `${fileName}: the mapping names column(s) the file does not have: ` +
        `${absent.map(([k, h]) => `${h} (for ${k})`).join(', ')}. Found: ${headers.join(', ')}.`,
      { missing: absent.map(([k]) => k), headers },
    );
  }
  const missingRequired = missingRoles(def, Object.keys(match.mapped));
  if (missingRequired.length) {
    throw new ImportError(
      'missing_columns',
      `${fileName}: required column(s) missing for ${def.label.zh} (${def.label.en}): ` +
        `${missingRequired.map((r) => roleText(def, r)).join(', ')}. Found: ${headers.join(', ')}.`,
      { missing: match.missingRequired, headers },
    );
  }

  const canonical = new Set(
    def.fields.flatMap((f) => (f.type === 'limit' ? [`${f.key}_value`, `${f.key}_unit`] : [f.key])),
  );
  const timezone = mapping.timezone ?? options.timezone ?? DEFAULT_TIMEZONE;
  const transitions = await zoneTransitions(timezone);
  const fixedOffset = transitions.length === 1 ? transitions[0]?.[1] : undefined;
  if (fixedOffset === undefined) {
    const rows = transitions.map(([f, o]) => `(${Math.trunc(f)}, ${Math.trunc(o)})`).join(', ');
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${TZ_TABLE} AS SELECT * FROM (VALUES ${rows}) AS t(f, o)`,
    );
  }
  const binder = new Binder();
  // `_row` is the line in the file (header = line 1 unless title rows sit above it), what a user sees as
  // the row number in Excel. Lines the CSV reader rejected are skipped when numbering the rows it kept.
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${LINES} AS SELECT l + ${lineOffset} AS line, row_number() OVER (ORDER BY l) - 1 AS k
     FROM range(2, 2 + (SELECT count(*) FROM ${RAW}) + (SELECT count(DISTINCT line) FROM ${REJECTS})) t(l)
     WHERE l NOT IN (SELECT line FROM ${REJECTS})`,
  );
  const select: string[] = [`(SELECT line FROM ${LINES} WHERE k = ${RAW}.rowid) AS _row`];
  for (const field of def.fields) {
    const header = match.mapped[field.key];
    const cell = header === undefined ? 'NULL' : `NULLIF(trim(${ident(header)}), '')`;
    // A coded cell of only dashes or slashes ("—", "/") means not applicable: empty, not an unknown code.
    const v =
      field.type === 'enum' && header !== undefined
        ? `CASE WHEN NOT ${isBlankLabelSql(cell)} THEN ${cell} END`
        : cell;
    if (field.type === 'limit') {
      const { value, unit } = limitExpressions(v);
      select.push(`${value} AS ${ident(`${field.key}_value`)}`, `${unit} AS ${ident(`${field.key}_unit`)}`);
    } else {
      const parse = parseExpression(field, v, binder, {
        values: mapping.values?.[field.key],
        codes:
          field.type === 'enum' && header !== undefined ? await distinctCodes(engine, field, v) : undefined,
        format: mapping.formats?.[field.key],
        fixedOffset,
      });
      select.push(`CAST(${parse} AS ${sqlType(field)}) AS ${ident(field.key)}`);
    }
    select.push(`${v} AS ${ident(rawCol(field.key))}`);
  }
  const extras = match.unknown.map((h) => ({
    header: h,
    column: canonical.has(h) || h.startsWith('_') ? `extra_${h}` : h,
  }));
  // Personal data never reaches the canonical table in the clear unless the host asks (pii: 'keep').
  const action = options.pii ?? 'mask';
  const personal = await detectPii(
    engine,
    RAW,
    extras.map((x) => x.header),
  );
  const pii: PiiColumn[] = [];
  const kept: typeof extras = [];
  for (const x of extras) {
    const kind = personal.get(x.header);
    const expr = kind
      ? piiExpression(ident(x.header), kind, action, binder, options.piiSalt ?? '')
      : ident(x.header);
    if (kind) pii.push({ column: x.column, kind, action });
    if (expr === null) continue;
    kept.push(x);
    select.push(`${expr} AS ${ident(x.column)}`);
  }
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE ${PARSED} AS SELECT ${select.join(',\n  ')} FROM ${RAW}`,
    binder.params,
  );

  await engine.exec(CREATE_LEDGER_SQL);
  await engine.exec(`DELETE FROM ${LEDGER_TABLE} WHERE dataset = ${literal(dataset)}`);
  const ledgerRows = def.fields.flatMap((field) =>
    ledgerSelects(field, match.mapped[field.key] !== undefined, def, action),
  );
  ledgerRows.push(...roleSelects(def, match.mapped));
  for (const key of def.fields.filter((f) => f.primaryKey).map((f) => f.key)) {
    ledgerRows.push(`SELECT _row, ${literal(key)}, 'duplicate_id', 'reject', ${ledgerValue(ident(key), 'text', action)} FROM (
      SELECT _row, ${ident(key)}, row_number() OVER (PARTITION BY ${ident(key)} ORDER BY _row) AS n
      FROM ${PARSED} WHERE ${ident(key)} IS NOT NULL) WHERE n > 1`);
  }
  for (const check of def.checks ?? []) {
    ledgerRows.push(`SELECT _row, ${literal(check.column)}, ${literal(check.reason)}, 'reject',
      ${ledgerValue(`CAST(${ident(check.column)} AS VARCHAR)`, 'typed', action)}
      FROM ${PARSED} WHERE ${check.failsWhen}`);
  }
  const marked = `contains(csv, ${literal(LONG_LINE_MARKER)})`;
  ledgerRows.push(`SELECT line + ${lineOffset}, NULL,
      CASE WHEN ${marked} THEN 'line_size_over_maximum' ELSE reason END, 'reject',
      CASE WHEN ${marked} THEN NULL ELSE ${ledgerValue('csv', 'line', action)} END
    FROM (SELECT line, lower(replace(CAST(first(error_type ORDER BY column_idx) AS VARCHAR), ' ', '_')) AS reason,
      first(csv_line ORDER BY column_idx) AS csv FROM ${REJECTS} GROUP BY line)`);
  await engine.exec(
    `INSERT INTO ${LEDGER_TABLE} SELECT ${literal(dataset)}, ${literal(fileName)}, * FROM (${ledgerRows.join('\nUNION ALL\n')})`,
  );

  const filled = await fillFromOtherFields(engine, def, match.mapped);

  // The calendar range and the facts derived from earlier loads are stale now (computeIndicators rebuilds them).
  await engine.exec(`DROP TABLE IF EXISTS ${CASE_FACTS}; DROP TABLE IF EXISTS ${WORK_CALENDAR_TABLE};`);
  const keep = [...canonical, ...kept.map((x) => x.column)].map(ident).join(', ');
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(def.table)} AS SELECT _row, ${keep} FROM ${PARSED}
     WHERE _row NOT IN (SELECT "row" FROM ${LEDGER_TABLE} WHERE dataset = ${literal(dataset)} AND severity = 'reject')
     ORDER BY _row`,
  );

  const counts = await engine.query(
    `SELECT (SELECT count(*) FROM ${PARSED}) + (SELECT count(DISTINCT line) FROM ${REJECTS}) AS read, (SELECT count(*) FROM ${ident(def.table)}) AS loaded,
       (SELECT count(DISTINCT "row") FROM ${LEDGER_TABLE} WHERE dataset = ${literal(dataset)} AND severity = 'reject') AS rejected,
       (SELECT count(*) FROM ${LEDGER_TABLE} WHERE dataset = ${literal(dataset)} AND severity = 'warning') AS warnings`,
  );
  const row = counts.get(0)?.toJSON() as Record<string, number>;
  const reasons = await engine.query(
    `SELECT reason, count(DISTINCT "row") AS n FROM ${LEDGER_TABLE}
     WHERE dataset = ${literal(dataset)} AND severity = 'reject' GROUP BY reason ORDER BY reason`,
  );
  const rejectReasons: Record<string, number> = {};
  for (const r of reasons) rejectReasons[String(r.reason)] = Number(r.n);
  const unmapped = await engine.query(
    `SELECT "column", "value", count(*) AS n FROM ${LEDGER_TABLE}
     WHERE dataset = ${literal(dataset)} AND reason = 'unknown_enum_value' GROUP BY ALL ORDER BY "column", n DESC, "value"`,
  );
  const unmappedValues: ImportSummary['unmappedValues'] = {};
  for (const r of unmapped) {
    const column = String(r.column);
    unmappedValues[column] = [
      ...(unmappedValues[column] ?? []),
      { value: String(r.value), count: Number(r.n) },
    ];
  }
  const summary: ImportSummary = {
    dataset,
    file: fileName,
    encoding,
    timezone,
    read: Number(row.read),
    loaded: Number(row.loaded),
    rejected: Number(row.rejected),
    warnings: Number(row.warnings),
    mapped: match.mapped,
    unknown: match.unknown,
    rejectReasons,
    unmappedValues,
    pii,
    filled,
  };
  if (summary.read !== summary.loaded + summary.rejected) {
    throw new Error(`row ledger out of balance for ${fileName}: ${JSON.stringify(summary)}`);
  }
  return summary;
}

/** Above this many distinct values in a coded column, its cells are recoded in SQL instead. */
const MAX_DISTINCT_CODES = 5000;

/**
 * Code of every distinct cell of a coded column (`recode`: as written, normal form, head), computed once per
 * value rather than once per row; undefined when the column has too many distinct values.
 */
async function distinctCodes(
  engine: Engine,
  field: FieldDef,
  v: string,
): Promise<Map<string, string> | undefined> {
  const t = await engine.query(
    `SELECT c FROM (SELECT DISTINCT ${v} AS c FROM ${RAW}) WHERE c IS NOT NULL LIMIT ${MAX_DISTINCT_CODES + 1}`,
  );
  if (t.numRows > MAX_DISTINCT_CODES) return undefined;
  const lookup = codeLookup(field.enum ?? []);
  const codes = new Map<string, string>();
  for (const row of t) {
    const cell = String(row.c);
    const code = recode(lookup, cell);
    if (code !== undefined) codes.set(cell, code);
  }
  return codes;
}

/**
 * Fills fields from others where `fillFrom` says (see FieldDef), after the ledger has judged each cell as
 * the file wrote it. Returns the fields filled for a whole absent column (field → source field).
 */
async function fillFromOtherFields(
  engine: Engine,
  def: DatasetDef,
  mapped: Record<string, string>,
): Promise<Record<string, string>> {
  const filled: Record<string, string> = {};
  for (const field of def.fields) {
    const from = field.fillFrom;
    if (!from || mapped[from.field] === undefined) continue;
    const absent = mapped[field.key] === undefined;
    if (!absent && !from.cells) continue;
    if (absent) filled[field.key] = from.field;
    // A text field keeps the source's wording (e.g. 办理结果 as written); other types take its parsed value.
    const value =
      field.type === 'string' ? ident(rawCol(from.field)) : `CAST(${ident(from.field)} AS ${sqlType(field)})`;
    await engine.exec(
      `UPDATE ${PARSED} SET ${ident(field.key)} = ${value}
       WHERE ${ident(field.key)} IS NULL${from.when ? ` AND (${from.when})` : ''}`,
    );
  }
  return filled;
}

/**
 * Ledger rows for the roles (see RoleDef): a row none of whose role fields has a value is rejected
 * (`missing_required`, under the first of them the file has).
 */
function roleSelects(def: DatasetDef, mapped: Record<string, string>): string[] {
  return (def.roles ?? []).map((role) => {
    const column = role.fields.find((k) => mapped[k] !== undefined) ?? role.fields[0] ?? role.key;
    const none = role.fields.map((k) => `${ident(rawCol(k))} IS NULL`).join(' AND ');
    return `SELECT _row, ${literal(column)}, 'missing_required', 'reject', NULL FROM ${PARSED} WHERE ${none}`;
  });
}

/** Ledger rows for one field: missing required values, unparseable values, unknown enum values. */
function ledgerSelects(field: FieldDef, present: boolean, def: DatasetDef, action: PiiAction): string[] {
  const raw = ident(rawCol(field.key));
  const out: string[] = [];
  if (field.required) {
    out.push(
      `SELECT _row, ${literal(field.key)}, 'missing_required', 'reject', NULL FROM ${PARSED} WHERE ${raw} IS NULL`,
    );
  }
  if (!present || field.type === 'string') return out;
  const parsed = field.type === 'limit' ? ident(`${field.key}_unit`) : ident(field.key);
  const reason = field.type === 'enum' ? 'unknown_enum_value' : `unparseable_${field.type}`;
  // A role's field rejects the row only when no other field of the role gives it a value.
  const others = def.roles?.find((r) => r.fields.includes(field.key))?.fields.filter((k) => k !== field.key);
  const severity = field.required
    ? "'reject'"
    : others?.length
      ? `CASE WHEN ${others.map((k) => `${ident(k)} IS NULL`).join(' AND ')} THEN 'reject' ELSE 'warning' END`
      : "'warning'";
  // Unknown codes stay readable (a mapping is written from them); unparseable values may be shifted text.
  const kind: LedgerValueKind = field.type === 'enum' ? 'text' : 'typed';
  out.push(
    `SELECT _row, ${literal(field.key)}, ${literal(reason)}, ${severity}, ${ledgerValue(raw, kind, action)} FROM ${PARSED}
     WHERE ${raw} IS NOT NULL AND ${parsed} IS NULL`,
  );
  return out;
}

const safeName = (name: string) => name.replaceAll(/[^\w.-]/g, '_').slice(-60);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
