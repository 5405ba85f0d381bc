import {
  type CubeSelection,
  cubeIndicators,
  type IndicatorCubes,
  type IndicatorResult,
  MONTH_COLUMN,
} from '@assessment-dashboard/core';

/** Rows of one indicator per value of a cube dimension (a department, a channel, a month). */
export function cubeGroups(
  cubes: IndicatorCubes,
  key: string,
  column: string,
  values: readonly string[],
  selection: CubeSelection,
): (IndicatorResult | undefined)[] {
  const def = cubes.cubes.get(key)?.def;
  if (!def) return values.map(() => undefined);
  return values.map((value) => {
    const scoped =
      column === MONTH_COLUMN
        ? { ...selection, months: [value] }
        : {
            ...selection,
            datasetFilters: {
              ...selection.datasetFilters,
              [def.dataset]: { ...selection.datasetFilters?.[def.dataset], [column]: [value] },
            },
          };
    return cubeIndicators(cubes, scoped, [key]).results[0];
  });
}

/** The values a cube dimension takes for one indicator, largest share of rows first. */
export function cubeValues(cubes: IndicatorCubes, key: string, column: string): string[] {
  const cube = cubes.cubes.get(key);
  const i = cube?.dims.findIndex((d) => !d.month && d.column === column) ?? -1;
  if (!cube || i < 0) return [];
  const rows = new Map<string, number>();
  for (const cell of cube.cells) {
    const v = cell.keys[i];
    if (v !== null && v !== undefined) rows.set(v, (rows.get(v) ?? 0) + Number(cell.row.denominator ?? 0));
  }
  return [...rows].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
}
