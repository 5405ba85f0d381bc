import type { Engine } from '../engine/types.ts';
import { DATASETS } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import { MONTH_COLUMN } from '../selection/selection.ts';
import type { Filters } from '../sql/filters.ts';
import type { FilledColumns } from './availability.ts';
import { type CellDimension, cellId, cellRows, MISSING_KEY, queryCells, sortBreakdown } from './cells.ts';
import { type ComputeOptions, filteredContext, prepareComputation, resultFromRow } from './compute.ts';
import { cubeIndex, IndexSum, isKept, keptCodes } from './cube-index.ts';
import type { LatestEvents } from './data-dates.ts';
import { monthColumn } from './dimensions.ts';
import { applyDisclosureControl } from './disclosure-control.ts';
import type { IndicatorContext, IndicatorDef, IndicatorResult } from './types.ts';

/**
 * The columns a cube splits each dataset by — what the dashboard's charts filter on (department, channel,
 * disclosure domain) — besides the month of each indicator's reporting date.
 */
export const CUBE_DIMENSIONS: Partial<Record<DatasetKey, readonly string[]>> = {
  cases: ['dept_name', 'apply_channel'],
  items: ['dept_name'],
  disclosures: ['publisher', 'domain'],
  requests: ['agency', 'channel'],
  hotline: ['lead_dept', 'channel'],
};

/** A selection the cube answers: the same options computeIndicators takes for filtering. */
export type CubeSelection = Pick<ComputeOptions, 'filters' | 'datasetFilters' | 'months'>;

export interface IndicatorCube {
  def: IndicatorDef;
  dims: CellDimension[];
  /** Cells of every dimension combination: numerators, denominators, counts and breakdown rows add up. */
  cells: CubeCell[];
  /**
   * Means with a median: the median does not add up, so each single dimension value (and the whole)
   * keeps its own exact row; a selection of one value reads it, anything wider asks the engine.
   */
  marginals?: Map<string, Record<string, unknown>>;
}

/** One cell of a cube: its keys (one per dimension), its SQL row, and that row's sums as numbers. */
export interface CubeCell {
  keys: (string | null)[];
  row: Record<string, unknown>;
  breakdown: { key: string; value: number }[];
  numerator: number;
  denominator: number;
  value: number;
}

/** A cell with its sums read once (COUNT arrives as a bigint): a click adds up thousands of them. */
function cubeCell(c: Omit<CubeCell, 'numerator' | 'denominator' | 'value'>): CubeCell {
  const n = (v: unknown) => Number(v ?? 0);
  return { ...c, numerator: n(c.row.numerator), denominator: n(c.row.denominator), value: n(c.row.value) };
}

/**
 * Every indicator pre-aggregated by department, channel/domain and month — Mosaic's data-cube idea on the
 * indicators' own SQL (cells.ts): built once after the first paint, it answers a chart click by adding up a
 * few thousand cells in JS instead of scanning the data again.
 */
export interface IndicatorCubes {
  asOf: string;
  tables: Map<string, string[]>;
  /** Columns holding data: an indicator lacking one stays "not in this export" under every selection. */
  filled: FilledColumns;
  /** each table's latest event, when known (see prepareComputation) */
  latest: LatestEvents | undefined;
  cubes: Map<string, IndicatorCube>;
  disclosure: ComputeOptions['disclosure'];
}

/**
 * Builds the cubes (one statement per indicator, plus one per dimension for means with a median).
 * `options` are as for computeIndicators (keys, config, asOf); filters given here apply to every cell.
 */
export async function buildCubes(
  engine: Engine,
  options: ComputeOptions = {},
  signal?: AbortSignal,
  /** per-cell LATERAL statements only, as before cells-grouped.ts (bench and tests compare the two) */
  how: { lateral?: boolean } = {},
): Promise<IndicatorCubes> {
  const { tables, asOf, defs, filled, latest } = await prepareComputation(engine, options);
  const cubes = new Map<string, IndicatorCube>();
  for (const def of defs) {
    signal?.throwIfAborted();
    const columns = tables.get(DATASETS[def.dataset].table) ?? [];
    const dims: CellDimension[] = (CUBE_DIMENSIONS[def.dataset] ?? [])
      .filter((c) => columns.includes(c))
      .map((column) => ({ column }));
    const month = monthColumn(def);
    if (month && columns.includes(month)) dims.push({ column: month, month: true });
    const ctx = filteredContext(def, asOf, tables, options, filled, latest);
    if (ctx.missing?.length) {
      cubes.set(def.key, { def, dims, cells: [] });
      continue;
    }
    const rows = cellRows(def, await queryCells(engine, def, ctx, dims, how), dims.length);
    const cells = Array.from(rows.values(), cubeCell);
    // Indexed now, one cube per task, rather than all at the first click (35–43 ms of its task).
    cubeIndex(cells, dims.length);
    const cube: IndicatorCube = { def, dims, cells };
    if (def.kind === 'mean') {
      cube.marginals = new Map();
      for (const [i, dim] of dims.entries()) {
        signal?.throwIfAborted();
        for (const [id, cell] of cellRows(def, await queryCells(engine, def, ctx, [dim], how), 1)) {
          cube.marginals.set(`${i}:${id}`, cell.row);
        }
      }
      const plain = def.sql(ctx);
      const whole = await engine.query(plain.text, plain.params);
      cube.marginals.set('all', (whole.get(0)?.toJSON() as Record<string, unknown>) ?? {});
    }
    cubes.set(def.key, cube);
  }
  return {
    asOf,
    tables,
    filled,
    latest,
    cubes,
    disclosure: options.disclosure ?? options.config?.disclosure,
  };
}

/**
 * The indicators under a selection, from the cubes alone. `missing` lists the keys the cubes cannot
 * answer exactly (a filter on a column they are not split by, or the median of a mean over several
 * values): compute those with computeIndicators({ keys: missing, … }).
 */
export function cubeIndicators(
  cubes: IndicatorCubes,
  selection: CubeSelection,
  keys?: readonly string[],
): { results: IndicatorResult[]; missing: string[] } {
  const results: IndicatorResult[] = [];
  const missing: string[] = [];
  for (const cube of cubes.cubes.values()) {
    if (keys && !keys.includes(cube.def.key)) continue;
    const result = answer(cubes, cube, selection);
    if (result) results.push(applyDisclosureControl(result, cubes.disclosure));
    else missing.push(cube.def.key);
  }
  return { results, missing };
}

/** What a selection keeps of a cube: per dimension the values kept (undefined: all); undefined when unanswerable. */
function keptValues(cube: IndicatorCube, ctx: IndicatorContext): (Set<string> | undefined)[] | undefined {
  // A filter on a column the cube is not split by (and that the table has: filters on absent columns are
  // ignored, as in SQL) cannot be answered.
  const keep: (Set<string> | undefined)[] = cube.dims.map(() => undefined);
  const filters: Filters = ctx.filters ?? {};
  for (const [column, values] of Object.entries(filters)) {
    if (!values?.length || !ctx.columns.includes(column)) continue;
    const i = cube.dims.findIndex((d) => !d.month && d.column === column);
    if (i < 0) return undefined;
    keep[i] = new Set(values.map(String));
  }
  if (ctx.months) keep[cube.dims.findIndex((d) => d.month)] = new Set(ctx.months.values);
  return keep;
}

/** An indicator's result from summed cells. */
function sumResult(def: IndicatorDef, ctx: IndicatorContext, sum: IndexSum): IndicatorResult {
  const rows = sum.rows();
  sortBreakdown(def, rows);
  const { numerator, denominator, value } = sum;
  return resultFromRow(def, ctx, { numerator, denominator, value }, rows);
}

function answer(cubes: IndicatorCubes, cube: IndicatorCube, selection: CubeSelection) {
  const { def } = cube;
  const ctx = filteredContext(def, cubes.asOf, cubes.tables, selection, cubes.filled, cubes.latest);
  // Summing no cells would give 0: an indicator the export cannot answer stays unavailable.
  if (ctx.missing?.length) return resultFromRow(def, ctx, {});
  const keep = keptValues(cube, ctx);
  if (!keep) return undefined;
  if (def.kind === 'mean') {
    const restricted = keep.flatMap((k, i) => (k ? [i] : []));
    const [only] = restricted;
    const single = restricted.length === 1 && only !== undefined && keep[only]?.size === 1;
    const id = single ? `${only}:${cellId([[...(keep[only] ?? [])][0] ?? null])}` : 'all';
    if (restricted.length && !single) return undefined;
    return resultFromRow(def, ctx, cube.marginals?.get(id) ?? { denominator: 0 });
  }
  const index = cubeIndex(cube.cells, cube.dims.length);
  const codes = keptCodes(index, keep);
  const sum = new IndexSum(index);
  for (let i = 0; i < cube.cells.length; i++) if (isKept(index, codes, i)) sum.add(i);
  return sumResult(def, ctx, sum);
}

/**
 * One indicator per value of `column` (a department, a channel, a month), each under `selection` with
 * that column's own filter replaced by the value: what cubeIndicators gives for each such selection, from
 * one pass over the cells (a chart of 30 departments asked the cubes 30 times per click). Undefined for a
 * value the cubes cannot answer.
 */
export function cubeGroupIndicators(
  cubes: IndicatorCubes,
  key: string,
  column: string,
  values: readonly string[],
  selection: CubeSelection,
): (IndicatorResult | undefined)[] {
  const cube = cubes.cubes.get(key);
  if (!cube) return values.map(() => undefined);
  const { def } = cube;
  const month = column === MONTH_COLUMN;
  const scoped = (value: string | undefined): CubeSelection =>
    month
      ? { ...selection, months: value === undefined ? undefined : [value] }
      : {
          ...selection,
          datasetFilters: {
            ...selection.datasetFilters,
            [def.dataset]: {
              ...selection.datasetFilters?.[def.dataset],
              [column]: value === undefined ? undefined : [value],
            },
          },
        };
  const one = (value: string) => cubeIndicators(cubes, scoped(value), [key]).results[0];
  const contexts = values.map((v) =>
    filteredContext(def, cubes.asOf, cubes.tables, scoped(v), cubes.filled, cubes.latest),
  );
  const g = cube.dims.findIndex((d) => (month ? d.month : !d.month && d.column === column));
  // The cases one pass does not cover (a mean's median, a column it is not split by or the table lacks,
  // the month of an indicator without one) are asked value by value.
  const grouped = contexts.every((c) => (month ? c.months : c.columns.includes(column)));
  if (def.kind === 'mean' || g < 0 || !grouped) return values.map(one);
  if (contexts.some((c) => c.missing?.length))
    return contexts.map((ctx) => applyDisclosureControl(resultFromRow(def, ctx, {}), cubes.disclosure));
  // What the other dimensions keep (the group's own filter is left out: scoped(undefined)).
  const others = keptValues(
    cube,
    filteredContext(def, cubes.asOf, cubes.tables, scoped(undefined), cubes.filled, cubes.latest),
  );
  if (!others) return values.map(() => undefined);
  const index = cubeIndex(cube.cells, cube.dims.length);
  const codes = keptCodes(index, others);
  const sums = new Map(values.map((v) => [v, new IndexSum(index)]));
  // The sum each code of the group's dimension adds to (none for a value not asked for).
  const sumOf: (IndexSum | undefined)[] = [];
  for (const [v, code] of index.codeOf[g] as Map<string, number>) sumOf[code] = sums.get(v);
  const group = index.codes[g] as Int32Array;
  for (let i = 0; i < cube.cells.length; i++) {
    const sum = sumOf[group[i] as number];
    if (sum && isKept(index, codes, i)) sum.add(i);
  }
  return values.map((v, i) =>
    applyDisclosureControl(
      sumResult(def, contexts[i] as IndicatorContext, sums.get(v) as IndexSum),
      cubes.disclosure,
    ),
  );
}

/** The values a cube dimension takes for one indicator, largest share of rows first. */
export function cubeValues(cubes: IndicatorCubes, key: string, column: string): string[] {
  const cube = cubes.cubes.get(key);
  const i = cube?.dims.findIndex((d) => !d.month && d.column === column) ?? -1;
  if (!cube || i < 0) return [];
  const index = cubeIndex(cube.cells, cube.dims.length);
  const codes = index.codes[i] as Int32Array;
  const rows = new Float64Array((index.codeOf[i] as Map<string, number>).size);
  for (let c = 0; c < cube.cells.length; c++) {
    const code = codes[c] as number;
    rows[code] = (rows[code] as number) + (index.denominator[c] as number);
  }
  // Cells without a value (coded as cellId writes a missing key) are no bar.
  const withValue = [...(index.codeOf[i] as Map<string, number>)].filter(([v]) => v !== MISSING_KEY);
  return withValue
    .map(([v, code]) => [v, rows[code] as number] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([v]) => v);
}
