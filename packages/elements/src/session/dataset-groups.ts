import type {
  CubeSelection,
  DashboardConfig,
  Engine,
  IndicatorResult,
  PeriodUnit,
  Selection,
} from '@assessment-dashboard/core';
import type { Table3 } from '@assessment-dashboard/core/annual-report';

/** The grouped queries behind the hotline, on-request and proactive-disclosure panels. */
export const DATASET_GROUPS = {
  'hotline.dept': { need: 'hotline-groups', by: 'dept', keys: ['hot.closure_rate', 'hot.on_time_rate'] },
  'hotline.channel': { need: 'hotline-groups', by: 'channel', keys: ['hot.closure_rate'] },
  'hotline.month': { need: 'hotline-groups', period: 'month', keys: ['hot.on_time_rate'] },
  'requests.dept': { need: 'request-groups', by: 'dept', keys: ['foi.request_on_time', 'foi.backlog'] },
  'disclosures.month': { need: 'disclosure-groups', period: 'month', keys: ['foi.proactive_timely'] },
} as const satisfies Record<
  string,
  { need: string; by?: string; period?: PeriodUnit; keys: readonly string[] }
>;

export type DatasetGroupKey = keyof typeof DATASET_GROUPS;
export type DatasetGroupNeed = (typeof DATASET_GROUPS)[DatasetGroupKey]['need'];

/** What the dataset panels draw from: grouped results per query, and the table 三 of the as-of year. */
export interface DatasetGroups {
  groups: Partial<Record<DatasetGroupKey, IndicatorResult[]>>;
  /** the chart selection the groups were computed under (panels show "computing" until it is the current one) */
  selection: readonly Selection[];
  /** 依申请公开 table 三 (annual report, 2021 layout) of the as-of day's year */
  table3?: Table3 | undefined;
}

export interface DatasetGroupOptions {
  asOf: string | undefined;
  /** the as-of day of the results shown (its year is table 三's) */
  shownAsOf: string;
  config: DashboardConfig | undefined;
  /** indicator keys of the loaded tables: a query runs only when its indicators' dataset is loaded */
  loaded: ReadonlySet<string>;
  wants(need: DatasetGroupNeed): boolean;
  signal: AbortSignal;
  /** the chart selection (every group follows it, as a filtered indicator would) */
  selection?: { chosen: readonly Selection[]; options: CubeSelection };
}

/**
 * Runs the grouped queries of the dataset panels that are shown, with core's own indicator definitions
 * (`computeGrouped`, as `--by`/`--period` in the CLI), and table 三 with the annual report's rules.
 */
export async function datasetGroups(
  engine: Engine,
  o: DatasetGroupOptions,
): Promise<DatasetGroups | undefined> {
  const live = await import('../dashboard/live.ts');
  const out: DatasetGroups = { groups: {}, selection: o.selection?.chosen ?? [] };
  let any = false;
  for (const [name, q] of Object.entries(DATASET_GROUPS) as [
    DatasetGroupKey,
    (typeof DATASET_GROUPS)[DatasetGroupKey],
  ][]) {
    if (!o.wants(q.need) || !q.keys.some((k) => o.loaded.has(k))) continue;
    o.signal.throwIfAborted();
    any = true;
    out.groups[name] = await live.computeGrouped(engine, {
      asOf: o.asOf,
      config: o.config,
      keys: [...q.keys],
      ...o.selection?.options,
      ...('by' in q ? { by: q.by } : {}),
      ...('period' in q ? { period: q.period } : {}),
    });
  }
  // Table 三 is the annual report's, for the whole year and every agency: it is not filtered (the panel says so).
  if (o.wants('request-groups') && o.loaded.has('foi.request_on_time')) {
    o.signal.throwIfAborted();
    any = true;
    const year = Number(o.shownAsOf.slice(0, 4));
    if (Number.isInteger(year) && year > 0) {
      const { annualTable3 } = await import('@assessment-dashboard/core/annual-report');
      out.table3 = await annualTable3(engine, { year, layout: '2021' });
    }
  }
  return any ? out : undefined;
}
