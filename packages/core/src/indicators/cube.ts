import type { Engine } from '../engine/types.ts';
import { DATASETS } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import type { Filters } from '../sql/filters.ts';
import type { FilledColumns } from './availability.ts';
import { type CellDimension, cellId, cellRows, queryCells, sortBreakdown } from './cells.ts';
import { type ComputeOptions, filteredContext, prepareComputation, resultFromRow } from './compute.ts';
import { monthColumn } from './dimensions.ts';
import { applyDisclosureControl } from './disclosure-control.ts';
import type { IndicatorDef, IndicatorResult } from './types.ts';

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
  cells: {
    keys: (string | null)[];
    row: Record<string, unknown>;
    breakdown: { key: string; value: number }[];
  }[];
  /**
   * Means with a median: the median does not add up, so each single dimension value (and the whole)
   * keeps its own exact row; a selection of one value reads it, anything wider asks the engine.
   */
  marginals?: Map<string, Record<string, unknown>>;
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
  const { tables, asOf, defs, filled } = await prepareComputation(engine, options);
  const cubes = new Map<string, IndicatorCube>();
  for (const def of defs) {
    signal?.throwIfAborted();
    const columns = tables.get(DATASETS[def.dataset].table) ?? [];
    const dims: CellDimension[] = (CUBE_DIMENSIONS[def.dataset] ?? [])
      .filter((c) => columns.includes(c))
      .map((column) => ({ column }));
    const month = monthColumn(def);
    if (month && columns.includes(month)) dims.push({ column: month, month: true });
    const ctx = filteredContext(def, asOf, tables, options, filled);
    if (ctx.missing?.length) {
      cubes.set(def.key, { def, dims, cells: [] });
      continue;
    }
    const cells = [...cellRows(def, await queryCells(engine, def, ctx, dims, how), dims.length).values()];
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
  return { asOf, tables, filled, cubes, disclosure: options.disclosure ?? options.config?.disclosure };
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

function answer(cubes: IndicatorCubes, cube: IndicatorCube, selection: CubeSelection) {
  const { def, dims } = cube;
  const ctx = filteredContext(def, cubes.asOf, cubes.tables, selection, cubes.filled);
  // Summing no cells would give 0: an indicator the export cannot answer stays unavailable.
  if (ctx.missing?.length) return resultFromRow(def, ctx, {});
  // Each restricted dimension: the values it keeps. A filter on a column the cube is not split by
  // (and that the table has: filters on absent columns are ignored, as in SQL) cannot be answered.
  const keep: (Set<string> | undefined)[] = dims.map(() => undefined);
  const filters: Filters = ctx.filters ?? {};
  for (const [column, values] of Object.entries(filters)) {
    if (!values?.length || !ctx.columns.includes(column)) continue;
    const i = dims.findIndex((d) => !d.month && d.column === column);
    if (i < 0) return undefined;
    keep[i] = new Set(values.map(String));
  }
  if (ctx.months) keep[dims.findIndex((d) => d.month)] = new Set(ctx.months.values);
  const restricted = keep.flatMap((k, i) => (k ? [i] : []));
  if (def.kind === 'mean') {
    const [only] = restricted;
    const single = restricted.length === 1 && only !== undefined && keep[only]?.size === 1;
    const id = single ? `${only}:${cellId([[...(keep[only] ?? [])][0] ?? null])}` : 'all';
    if (restricted.length && !single) return undefined;
    return resultFromRow(def, ctx, cube.marginals?.get(id) ?? { denominator: 0 });
  }
  const sum = { numerator: 0, denominator: 0, value: 0 };
  const breakdown = new Map<string, number>();
  for (const cell of cube.cells) {
    if (!restricted.every((i) => keep[i]?.has(cell.keys[i] ?? '\u0000'))) continue;
    sum.numerator += Number(cell.row.numerator ?? 0);
    sum.denominator += Number(cell.row.denominator ?? 0);
    sum.value += Number(cell.row.value ?? 0);
    for (const b of cell.breakdown) breakdown.set(b.key, (breakdown.get(b.key) ?? 0) + b.value);
  }
  const rows = [...breakdown].map(([key, value]) => ({ key, value }));
  sortBreakdown(def, rows);
  return resultFromRow(def, ctx, sum, rows);
}
