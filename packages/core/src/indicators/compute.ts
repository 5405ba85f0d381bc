import type { Table } from 'apache-arrow';
import { chineseCalendar, type WorkCalendar, withOverrides } from '../calendar/calendar.ts';
import { withCalendarMacros } from '../calendar/sql.ts';
import { WORK_CALENDAR_TABLE } from '../calendar/sql-joins.ts';
import { type Engine, EngineCrashedError } from '../engine/types.ts';
import { DATASETS } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import type { Filters } from '../sql/filters.ts';
import { literal } from '../sql/quote.ts';
import { traced } from '../trace.ts';
import { type FilledColumns, filledColumns, missingColumns } from './availability.ts';
import { INDICATORS } from './catalogue/index.ts';
import { conditionsBatchKey, conditionsBatchSql, conditionsSql } from './conditions.ts';
import { type DashboardConfig, resolveTarget } from './config.ts';
import { ConfigError } from './config-error.ts';
import { dataDates, type LatestEvents, latestEvent } from './data-dates.ts';
import { monthColumn } from './dimensions.ts';
import { applyDisclosureControl, type DisclosureControl } from './disclosure-control.ts';
import { CASE_FACTS, caseFactsInline, prepareCalendar, prepareFacts } from './facts.ts';
import { countStatus, rateStatus, wilson } from './status.ts';
import type { IndicatorConditions, IndicatorContext, IndicatorDef, IndicatorResult } from './types.ts';

export interface ComputeOptions {
  /** Host configuration: targets (per department too), calendar overrides, user-defined indicators. */
  config?: DashboardConfig;
  /** Working-day calendar (default: State Council holidays and 调休 from chinese-days). */
  calendar?: WorkCalendar;
  /** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'; defaults to the latest timestamp in the loaded data. */
  asOf?: string;
  filters?: Filters;
  /**
   * Filters for one dataset only, e.g. a disclosure domain picked in a chart: the case tables have a
   * `domain` column too, but with another code list, so the selection must not reach them.
   */
  datasetFilters?: Partial<Record<DatasetKey, Filters>>;
  /** Small-number protection applied to every result (see disclosure-control.ts). */
  disclosure?: DisclosureControl;
  /** Restrict to these indicator keys (default: every computable one). */
  keys?: readonly string[];
  /**
   * Months picked in a chart or brushed ('YYYY-MM'): every indicator counts only rows whose month column
   * (its reporting date, see `monthColumn`) falls in them. "As of" stays the same.
   */
  months?: readonly string[];
  /**
   * `false`: do not build the working-day calendar and fact tables; when they are not built already, only
   * indicators whose conditions read their dataset's own table are computed. For the first tiles, painted
   * before the facts exist (the next computation builds them). `'inline'`: when they are not built
   * already, install the calendar only and read the case facts computed inline in each query (the first
   * overdue tile: one count costs less than writing the facts' table).
   */
  facts?: false | 'inline';
  /** every relation of the database, when known (importedRelations after an import): see loadedTables */
  relations?: readonly string[];
}

/** An indicator's result plus the Arrow table it came from (charts draw the table's columns). */
export interface ComputedIndicator {
  result: IndicatorResult;
  table: Table;
}

/**
 * Names → columns of the canonical tables currently loaded. `known`: every relation of the database, when
 * the caller knows them (importedRelations, right after an import into a fresh database): their columns
 * are read by name. Enumerating the catalogue makes DuckDB generate its system views the first time
 * (80–150 ms in DuckDB-WASM, before the first tiles); a name that is not there falls back to it.
 */
export async function loadedTables(
  engine: Engine,
  known?: readonly string[],
): Promise<Map<string, string[]>> {
  // DuckDB's own catalogue function where the engine is DuckDB itself: the information_schema view over it
  // took 50–300 ms a call in DuckDB-WASM (bench trace). A query server allows only information_schema.
  const local = engine.name === 'duckdb-wasm' || engine.name === 'duckdb-node';
  if (local && known?.length) {
    const byName = known.map(
      (name) =>
        `SELECT ${literal(name)} AS table_name, name AS column_name, cid FROM pragma_table_info(${literal(name)})`,
    );
    const named = await engine
      .query(`${byName.join(' UNION ALL ')} ORDER BY table_name, cid`)
      .then(tableColumns, (e: unknown) => {
        if (e instanceof EngineCrashedError) throw e;
        return undefined;
      });
    if (named) return named;
  }
  const t = await engine.query(
    local
      ? `SELECT table_name, column_name FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name, column_index`
      : `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name, ordinal_position`,
  );
  return tableColumns(t);
}

/** Rows of (table_name, column_name), in column order → names → columns. */
function tableColumns(t: Table): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of t) {
    const name = String(row.table_name);
    out.set(name, [...(out.get(name) ?? []), String(row.column_name)]);
  }
  return out;
}

/** "Data as of": the latest event timestamp across the loaded datasets (due dates lie in the future, so not them). */
export async function dataAsOf(engine: Engine, tables?: Map<string, string[]>): Promise<string> {
  return latestEvent(engine, tables ?? (await loadedTables(engine)));
}

/** Which calendar each engine's fact tables were built with. */
const installedCalendar = new WeakMap<Engine, string>();
/** The latest events of the data those fact tables were built from (the same lifetime: an import drops both). */
const factsLatest = new WeakMap<Engine, LatestEvents>();
/**
 * The calendar the first tiles installed (without macros, no facts yet) and the data's dates it was made
 * from: the computation after them builds the facts on it instead of scanning the dates and making the
 * table again. An import drops the table, so one still there belongs to the same data.
 */
const tilesCalendar = new WeakMap<
  Engine,
  { signature: string; dates: Awaited<ReturnType<typeof dataDates>> }
>();

/**
 * What every computation needs first: the calendar and fact tables (rebuilt after an import or when a
 * calendar is given), the loaded tables, the as-of time and the computable indicators.
 */
export async function prepareComputation(
  engine: Engine,
  options: ComputeOptions = {},
): Promise<{
  tables: Map<string, string[]>;
  asOf: string;
  defs: IndicatorDef[];
  filled: FilledColumns;
  /** the case facts are to be read inline (`facts: 'inline'` before they are built) */
  inline: boolean;
  /** each table's latest event, when known (replay.ts reads a table as it is as of that time or later) */
  latest: LatestEvents | undefined;
}> {
  let tables = await loadedTables(engine, options.relations);
  const overrides = options.config?.calendar;
  const calendar = options.calendar ?? (overrides ? withOverrides(chineseCalendar(), overrides) : undefined);
  // Rebuild when an import dropped the facts or when a different calendar is asked for than the installed one.
  const signature = options.calendar ? `custom:${options.calendar.name}` : JSON.stringify(overrides ?? null);
  const stale = !tables.has(WORK_CALENDAR_TABLE) || (tables.has('cases') && !tables.has(CASE_FACTS));
  if (engine.prepared) {
    if (options.calendar || overrides)
      throw new Error(
        'Calendar overrides cannot be applied over a query server: give the configuration to the server instead (serve --config).',
      );
  }
  const factsReady = engine.prepared || (!stale && installedCalendar.get(engine) === signature);
  const inline = !factsReady && options.facts === 'inline' && tables.has('cases');
  // The calendar's range and the latest event from one scan of the data.
  let dates: Awaited<ReturnType<typeof dataDates>> | undefined;
  if (!factsReady && options.facts !== false) {
    const loaded = tables;
    const early = tilesCalendar.get(engine);
    tilesCalendar.delete(engine);
    const reuse = !inline && early?.signature === signature && tables.has(WORK_CALENDAR_TABLE);
    dates = reuse && early ? early.dates : await dataDates(engine, loaded);
    const { range } = dates;
    if (inline) {
      // The first tiles call no calendar macro: a query that does creates them then (withCalendarMacros).
      await traced('calendar', () => prepareCalendar(engine, loaded, calendar, range, false));
      tilesCalendar.set(engine, { signature, dates });
    } else {
      await traced('facts + calendar', () => prepareFacts(engine, loaded, calendar, range, reuse));
      installedCalendar.set(engine, signature);
      factsLatest.set(engine, dates.latest);
      tables = await loadedTables(engine);
    }
  }
  const asOf = normaliseAsOf(options.asOf) ?? dates?.asOf ?? (await dataAsOf(engine, tables));
  const all = [...INDICATORS, ...(options.config?.indicators ?? [])];
  // Targets from the configuration (per department when one is selected) replace the built-in defaults.
  const defs = all
    .map((d) => withConfiguredTarget(d, options.config))
    .filter((d) => tables.has(DATASETS[d.dataset].table) && (!options.keys || options.keys.includes(d.key)))
    .filter(
      (d) => factsReady || options.facts !== false || d.conditions?.table === DATASETS[d.dataset].table,
    );
  const latest = dates?.latest ?? (factsReady && !engine.prepared ? factsLatest.get(engine) : undefined);
  return { tables, asOf, defs, filled: await filledColumns(engine, tables, defs), inline, latest };
}

export async function computeIndicators(
  engine: Engine,
  options: ComputeOptions = {},
): Promise<ComputedIndicator[]> {
  const { tables, asOf, defs, filled, inline, latest } = await prepareComputation(engine, options);
  const readFacts = inline
    ? (sql: string, defs: IndicatorDef[]) => caseFactsInline(engine, sql, defs.some(mayReadElapsed), tables)
    : undefined;
  const items = defs.map((original) => {
    const ctx = filteredContext(original, asOf, tables, options, filled, latest);
    const def = inline ? onInlineFacts(original, ctx) : original;
    return { def, original, ctx, key: conditionsBatchKey(def, ctx) };
  });
  // Indicators counting rows of the same relation in the same context share one scan (the first tiles:
  // the case rates and the overdue count, one query instead of four).
  const computed = new Map<IndicatorDef, ComputedIndicator>();
  for (const item of items) {
    if (computed.has(item.original)) continue;
    const batch = item.key === undefined ? [] : items.filter((x) => x.key === item.key);
    if (batch.length < 2) {
      const read = readFacts && ((sql: string) => readFacts(sql, [item.original]));
      computed.set(item.original, await runIndicator(engine, item.def, item.ctx, read));
      continue;
    }
    const q = conditionsBatchSql(
      batch.map((x) => x.def.conditions as IndicatorConditions),
      item.ctx,
    );
    const text =
      readFacts && readsFacts(q.text)
        ? await readFacts(
            q.text,
            batch.map((x) => x.original),
          )
        : q.text;
    await withCalendarMacros(engine, text);
    const table = await engine.query(text, q.params);
    const row = (table.get(0)?.toJSON() ?? {}) as Record<string, unknown>;
    batch.forEach((x, i) => {
      const counts = {
        [x.def.kind === 'count' ? 'value' : 'numerator']: row[`n${i}`],
        denominator: row[`d${i}`],
      };
      computed.set(x.original, { table, result: resultFromRow(x.def, x.ctx, counts) });
    });
  }
  const disclosure = options.disclosure ?? options.config?.disclosure;
  return defs.flatMap((def) => {
    const c = computed.get(def);
    return c ? [{ ...c, result: applyDisclosureControl(c.result, disclosure) }] : [];
  });
}

/**
 * With the case facts read inline, a count or rate over the cases reads that relation instead (the same
 * rows, every case column): the first tiles, rates and overdue count together, then scan the cases once.
 * Only where the indicator's SQL is its conditions' (custom SQL stays as it is).
 */
function onInlineFacts(def: IndicatorDef, ctx: IndicatorContext): IndicatorDef {
  const c = def.conditions;
  if (!c || c.table !== DATASETS.cases.table || (def.kind !== 'rate' && def.kind !== 'count')) return def;
  const own = def.sql(ctx);
  const counted = conditionsSql(def.kind, c, ctx);
  if (own.text !== counted.text || JSON.stringify(own.params) !== JSON.stringify(counted.params)) return def;
  const moved: IndicatorConditions = { ...c, table: CASE_FACTS };
  return { ...def, conditions: moved, sql: (x) => conditionsSql(def.kind as 'rate' | 'count', moved, x) };
}

const readsFacts = (sql: string) => new RegExp(`\\b${CASE_FACTS}\\b`).test(sql);

/**
 * Whether an indicator may read the elapsed working days (inline facts without them skip two calendar
 * joins): only built-in indicators whose conditions name them do; any other SQL is assumed to.
 */
const mayReadElapsed = (def: IndicatorDef): boolean =>
  !INDICATORS.some((i) => i.key === def.key && i.conditions && i.conditions === def.conditions) ||
  JSON.stringify(def.conditions).includes('elapsed_wd');

/**
 * Results standing for indicators still being computed (labels, formula and target; no number to show):
 * the tiles painted before the fact tables exist name them and say they are pending.
 */
export function pendingResults(
  keys: readonly string[],
  asOf: string,
  config?: DashboardConfig,
): IndicatorResult[] {
  const all = [...INDICATORS, ...(config?.indicators ?? [])];
  return keys.flatMap((key) => {
    const def = all.find((d) => d.key === key);
    return def ? [resultFromRow(def, { asOf, filters: {}, columns: [] }, {})] : [];
  });
}

/** The context of one indicator under the options' filters and month selection. */
export function filteredContext(
  def: IndicatorDef,
  asOf: string,
  tables: Map<string, string[]>,
  options: Pick<ComputeOptions, 'filters' | 'datasetFilters' | 'months'>,
  filled?: FilledColumns,
  latest?: LatestEvents,
): IndicatorContext {
  const month = monthColumn(def);
  const missing = missingColumns(def, filled);
  return {
    asOf,
    ...(latest ? { latest } : {}),
    ...(missing.length ? { missing } : {}),
    filters: { ...options.filters, ...options.datasetFilters?.[def.dataset] },
    columns: tables.get(DATASETS[def.dataset].table) ?? [],
    ...(options.months?.length && month ? { months: { column: month, values: options.months } } : {}),
  };
}

function withConfiguredTarget(def: IndicatorDef, config: DashboardConfig | undefined): IndicatorDef {
  if (!config?.targets[def.key]) return def;
  return { ...def, resolveTarget: (ctx) => resolveTarget(def, ctx, config) };
}

/** `readFacts`: how a query reading the case facts reads them, when their table is not built yet. */
export async function runIndicator(
  engine: Engine,
  def: IndicatorDef,
  ctx: IndicatorContext,
  readFacts?: (sql: string) => Promise<string>,
): Promise<ComputedIndicator> {
  // Not in this export: nothing to compute (the SQL could even name a column the table lacks). An empty
  // table from the engine, not one built here: Arrow stays out of the start-up bundle (snapshot mode).
  if (ctx.missing?.length) {
    const none = await engine.query('SELECT NULL::DOUBLE AS value WHERE false');
    return { table: none, result: resultFromRow(def, ctx, {}) };
  }
  const q = def.sql(ctx);
  const text = readFacts && readsFacts(q.text) ? await readFacts(q.text) : q.text;
  await withCalendarMacros(engine, text);
  const table = await engine.query(text, q.params);
  return { table, result: toResult(def, ctx, table) };
}

function toResult(def: IndicatorDef, ctx: IndicatorContext, table: Table): IndicatorResult {
  const row = table.numRows ? (table.get(0)?.toJSON() as Record<string, unknown>) : {};
  const keys = table.getChild('key')?.toArray() as string[] | undefined;
  const values = table.getChild('value')?.toArray() as Float64Array | undefined;
  const breakdown = (keys ?? []).map((key, i) => ({ key, value: values?.[i] ?? 0 }));
  return resultFromRow(def, ctx, row, breakdown);
}

/**
 * An indicator's result from its SQL's first row (numerator, denominator, value, median) or, for a
 * breakdown, its rows — computed by the SQL itself or summed from cube cells (cube.ts).
 */
export function resultFromRow(
  def: IndicatorDef,
  ctx: IndicatorContext,
  row: Record<string, unknown>,
  breakdown: { key: string; value: number }[] = [],
): IndicatorResult {
  const target = def.resolveTarget ? def.resolveTarget(ctx) : def.target;
  const base = {
    key: def.key,
    label: def.label,
    kind: def.kind,
    unit: def.unit,
    direction: def.direction,
    target: target ?? null,
    asOf: ctx.asOf,
    filters: ctx.filters ?? {},
    formula: def.formula,
    source: def.source,
  };
  if (ctx.missing?.length) {
    const none = { value: null, numerator: null, denominator: null, ci: null };
    return { ...base, ...none, status: 'unavailable', missing: [...ctx.missing] };
  }
  if (def.kind === 'rate' || def.kind === 'ratio') {
    const numerator = Number(row.numerator ?? 0);
    const denominator = Number(row.denominator ?? 0);
    const value = denominator > 0 ? numerator / denominator : null;
    // A ratio of sums (working days) is not a share of cases: no binomial interval, plain comparison.
    const ci = def.kind === 'rate' ? wilson(numerator, denominator) : null;
    const status =
      def.kind === 'rate'
        ? rateStatus(ci, denominator, target, def.direction, numerator)
        : value === null
          ? 'insufficient'
          : countStatus(value, target, def.direction);
    return { ...base, value, numerator, denominator, ci, status };
  }
  if (def.kind === 'count') {
    const value = Number(row.value ?? 0);
    return {
      ...base,
      value,
      numerator: value,
      denominator: Number(row.denominator ?? 0),
      ci: null,
      status: countStatus(value, target, def.direction),
    };
  }
  if (def.kind === 'mean') {
    const n = Number(row.denominator ?? 0);
    const value = n > 0 && row.value !== null && row.value !== undefined ? Number(row.value) : null;
    const median = row.median === null || row.median === undefined || n === 0 ? null : Number(row.median);
    return {
      ...base,
      value,
      numerator: row.numerator === null || row.numerator === undefined ? null : Number(row.numerator),
      denominator: n,
      ci: null,
      median,
      status: value === null ? 'insufficient' : countStatus(value, target, def.direction),
    };
  }
  const total = breakdown.reduce((s, r) => s + r.value, 0);
  return { ...base, value: total, numerator: total, denominator: null, ci: null, status: 'none', breakdown };
}

/**
 * Accepts 'YYYY-MM-DD' (end of that day) or a full timestamp, on a real calendar day (2025-02-30 is
 * refused); anything else is a ConfigError naming the value.
 */
export function normaliseAsOf(asOf: string | undefined): string | undefined {
  if (!asOf) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(asOf);
  const [y, mo, d, h = 0, mi = 0, s = 0] = (m?.slice(1) ?? []).filter((x) => x !== undefined).map(Number);
  const day = m ? new Date(Date.UTC(y ?? 0, (mo ?? 0) - 1, d ?? 0)) : undefined;
  const real =
    day !== undefined &&
    day.getUTCFullYear() === y &&
    day.getUTCMonth() === (mo ?? 0) - 1 &&
    day.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  if (!real) throw new ConfigError(`as-of date "${asOf}" is not a real YYYY-MM-DD or YYYY-MM-DD HH:MM:SS`);
  if (!m?.[4]) return `${asOf} 23:59:59`;
  return asOf.replace('T', ' ');
}
