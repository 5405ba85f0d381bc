import { addDays } from '../dates.ts';
import type { Engine } from '../engine/types.ts';
import { own } from '../own-keys.ts';
import { DATASETS } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import { ident } from '../sql/quote.ts';
import { cellId, cellRows, queryCells } from './cells.ts';
import {
  type ComputeOptions,
  filteredContext,
  prepareComputation,
  resultFromRow,
  runIndicator,
} from './compute.ts';
import { ConfigError } from './config-error.ts';
import { DIMENSIONS, LIVE_PERIOD_COLUMN } from './dimensions.ts';
import { applyDisclosureControl } from './disclosure-control.ts';
import type { IndicatorContext, IndicatorResult } from './types.ts';

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/** SQL that labels the period starting at date expression `d`. */
const LABEL: Record<PeriodUnit, (d: string) => string> = {
  day: (d) => `strftime(${d}, '%Y-%m-%d')`,
  week: (d) => `strftime(${d}, '%G-W%V')`,
  month: (d) => `strftime(${d}, '%Y-%m')`,
  quarter: (d) => `strftime(${d}, '%Y') || '-Q' || quarter(${d})`,
  year: (d) => `strftime(${d}, '%Y')`,
};

export interface GroupedOptions extends ComputeOptions {
  /** A dimension of DIMENSIONS (dept, item, domain, region, channel) or a column name. */
  by?: string;
  period?: PeriodUnit;
}

interface Period {
  label: string;
  from: string;
  to: string;
  previous: string;
  yearAgo: string;
}

/**
 * Every indicator per group: per value of `by`, per reporting period, or both. Each group is computed by
 * the indicator's own SQL under an extra filter, so grouped numbers are the same numbers a user gets by
 * filtering. Period results carry 环比 (previous period) and 同比 (same period a year earlier).
 */
export async function computeGrouped(engine: Engine, options: GroupedOptions): Promise<IndicatorResult[]> {
  if (options.period && !PERIOD_UNITS.includes(options.period)) {
    throw new Error(`period "${options.period}" is not one of ${PERIOD_UNITS.join(', ')}`);
  }
  const { tables, asOf, defs, filled, latest } = await prepareComputation(engine, options);
  const by = options.by;
  const data = Object.values(DATASETS).flatMap((d) => {
    const c = tables.get(d.table);
    return c ? [[d.table, c.filter((x) => x !== '_row')] as const] : [];
  });
  if (by !== undefined && !own(DIMENSIONS, by) && !data.some(([, c]) => c.includes(by))) {
    const columns = data.map(([t, c]) => `${t}: ${c.join(', ')}`);
    throw new ConfigError(
      `--by "${by}" is neither a dimension (${Object.keys(DIMENSIONS).join(', ')}) ` +
        `nor a column of the loaded tables (${columns.join('; ')})`,
    );
  }
  const out: IndicatorResult[] = [];
  for (const def of defs) {
    const table = DATASETS[def.dataset].table;
    const columns = tables.get(table) ?? [];
    const byColumn = options.by ? dimensionColumn(options.by, def.dataset, columns) : undefined;
    if (options.by && !byColumn) continue;
    const values: (string | undefined)[] = byColumn
      ? await distinctValues(engine, table, byColumn)
      : [undefined];
    const periodColumn = def.periodColumn ?? LIVE_PERIOD_COLUMN[def.dataset];
    if (options.period && !periodColumn) continue;
    const periods =
      options.period && periodColumn
        ? await periodsOf(engine, table, periodColumn, options.period, asOf)
        : [undefined];
    const results: IndicatorResult[] = [];
    for (const period of periods) {
      // The options' filters and month selection hold in every group, as they do ungrouped.
      const ctx: IndicatorContext = {
        ...filteredContext(def, asOf, tables, options, filled, latest),
        // Live indicators are judged at the end of the period; period indicators count the period's rows.
        asOf: period && period.to <= asOf.slice(0, 10) ? `${addDays(period.to, -1)} 23:59:59` : asOf,
        period:
          period && def.periodColumn
            ? { column: def.periodColumn, from: period.from, to: period.to }
            : undefined,
      };
      // Every group of this period in one statement (cells.ts); the ungrouped case is one plain run.
      const cells =
        byColumn && !ctx.missing?.length
          ? cellRows(def, await queryCells(engine, def, ctx, [{ column: byColumn }], { skipNull: true }), 1)
          : undefined;
      for (const value of values) {
        const groupCtx: IndicatorContext =
          byColumn && value !== undefined
            ? { ...ctx, filters: { ...options.filters, [byColumn]: [value] } }
            : ctx;
        const cell = cells?.get(cellId([value ?? null]));
        const result = cells
          ? resultFromRow(def, groupCtx, cell?.row ?? {}, cell?.breakdown ?? [])
          : (await runIndicator(engine, def, groupCtx)).result;
        const controlled = applyDisclosureControl(result, options.disclosure ?? options.config?.disclosure);
        results.push({ ...controlled, group: { by: byColumn, value, period: period?.label } });
      }
    }
    // Group-major order (each value's periods together), as callers and the JSON output expect.
    if (byColumn) results.sort((a, b) => values.indexOf(a.group?.value) - values.indexOf(b.group?.value));
    if (options.period) addChanges(results, periods);
    out.push(...results);
  }
  return out;
}

function dimensionColumn(by: string, dataset: DatasetKey, columns: readonly string[]): string | undefined {
  const named = own(DIMENSIONS, by);
  const column = named ? named[dataset] : by;
  return column && columns.includes(column) ? column : undefined;
}

async function distinctValues(engine: Engine, table: string, column: string): Promise<string[]> {
  const t = await engine.query(
    `SELECT CAST(${ident(column)} AS VARCHAR) AS v, count(*) AS n FROM ${ident(table)}
     WHERE ${ident(column)} IS NOT NULL GROUP BY ALL ORDER BY n DESC, v`,
  );
  return t.toArray().map((r) => String(r.v));
}

async function periodsOf(
  engine: Engine,
  table: string,
  column: string,
  unit: PeriodUnit,
  asOf: string,
): Promise<Period[]> {
  const step = `INTERVAL 1 ${unit === 'quarter' ? 'QUARTER' : unit.toUpperCase()}`;
  // 同比 of an ISO week is the same week number a year earlier, not the week holding the same date.
  const yearAgo =
    unit === 'week'
      ? `(CAST(strftime(p, '%G') AS INTEGER) - 1) || '-W' || strftime(p, '%V') AS year_ago`
      : `${LABEL[unit]('(p - INTERVAL 1 YEAR)')} AS year_ago`;
  const t = await engine.query(
    `WITH ps AS (SELECT DISTINCT date_trunc('${unit}', CAST(${ident(column)} AS DATE)) AS p FROM ${ident(table)}
       WHERE ${ident(column)} IS NOT NULL AND CAST(${ident(column)} AS DATE) <= CAST(? AS DATE))
     SELECT ${LABEL[unit]('p')} AS label, strftime(p, '%Y-%m-%d') AS "from", strftime(p + ${step}, '%Y-%m-%d') AS "to",
       ${LABEL[unit](`(p - ${step})`)} AS previous,
       ${yearAgo}
     FROM ps ORDER BY ps.p`,
    [asOf],
  );
  return t.toArray().map((r) => {
    const o = r.toJSON() as Record<string, string>;
    return {
      label: o.label ?? '',
      from: o.from ?? '',
      to: o.to ?? '',
      previous: o.previous ?? '',
      yearAgo: o.year_ago ?? '',
    };
  });
}

function addChanges(results: IndicatorResult[], periods: (Period | undefined)[]): void {
  const byLabel = new Map(periods.filter((p) => p !== undefined).map((p) => [p.label, p]));
  const index = new Map(results.map((r) => [`${r.group?.value}|${r.group?.period}`, r.value]));
  for (const r of results) {
    const p = byLabel.get(r.group?.period ?? '');
    if (!p) continue;
    r.change = {
      previous: index.get(`${r.group?.value}|${p.previous}`) ?? null,
      yearAgo: index.get(`${r.group?.value}|${p.yearAgo}`) ?? null,
    };
  }
}
