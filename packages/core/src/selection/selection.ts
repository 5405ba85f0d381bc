import { monthsOf } from '../dates.ts';
import type { CubeSelection } from '../indicators/cube.ts';
import { dict, own } from '../own-keys.ts';
import type { DatasetKey } from '../schema/types.ts';
import type { Filters } from '../sql/filters.ts';

/**
 * One clause of a selection: a value picked in a chart (or given with `--filter` / `--month`, or read from
 * a shared link). A dataset's clause filters that dataset; `all` + `month` (a month 'YYYY-MM' or a brushed
 * range 'YYYY-MM..YYYY-MM') filters every dataset by its reporting date; `all` + another column filters
 * every dataset that has the column. Several values of one column are "any of"; different columns all hold.
 */
export interface Selection {
  dataset: DatasetKey | 'all';
  column: string;
  value: string;
  /** shown on the filter chip */
  label: string;
}

/** The column of the clause that selects months (with dataset `all`). */
export const MONTH_COLUMN = 'month';

export const isMonthSelection = (s: Pick<Selection, 'dataset' | 'column'>): boolean =>
  s.dataset === 'all' && s.column === MONTH_COLUMN;

/** True for the clauses of one chart's own column: a panel is not filtered by its own selection. */
export const ownClause =
  (dataset: DatasetKey | 'all', column: string) =>
  (s: Selection): boolean =>
    s.dataset === dataset && s.column === column;

/**
 * The selection as the options computeIndicators, computeGrouped and the cubes take (shared and
 * per-dataset filters, months), leaving out the clauses `except` matches — e.g. `ownClause('cases',
 * 'dept_name')` for the department chart, which keeps every bar and highlights the picked one.
 */
export function selectionOptions(
  selection: readonly Selection[],
  except: (s: Selection) => boolean = () => false,
): CubeSelection {
  const datasetFilters: Partial<Record<DatasetKey, Filters>> = {};
  let shared: Filters | undefined;
  let months: string[] | undefined;
  for (const s of selection) {
    if (except(s)) continue;
    if (isMonthSelection(s)) {
      months = monthsOf(s.value);
      continue;
    }
    // Keyed by user input: prototype-free, read as own keys only (own-keys.ts).
    const filters = (s.dataset === 'all' ? shared : datasetFilters[s.dataset]) ?? dict<Filters[string]>();
    filters[s.column] = [...(own(filters, s.column) ?? []), s.value];
    if (s.dataset === 'all') shared = filters;
    else datasetFilters[s.dataset] = filters;
  }
  return { ...(shared ? { filters: shared } : {}), datasetFilters, ...(months ? { months } : {}) };
}
