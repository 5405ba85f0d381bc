import {
  type DashboardConfig,
  type DatasetKey,
  DIMENSIONS,
  type Engine,
  type IndicatorResult,
  isMonthSelection,
  ownClause,
  type PeriodUnit,
  type Selection,
  selectionOptions,
} from '@assessment-dashboard/core';
import type { Table3 } from '@assessment-dashboard/core/annual-report';

/** The grouped queries behind the hotline, on-request and proactive-disclosure panels. */
export const DATASET_GROUPS = {
  'hotline.dept': {
    need: 'hotline-groups',
    dataset: 'hotline',
    by: 'dept',
    keys: ['hot.closure_rate', 'hot.on_time_rate'],
  },
  'hotline.channel': {
    need: 'hotline-groups',
    dataset: 'hotline',
    by: 'channel',
    keys: ['hot.closure_rate'],
  },
  'hotline.month': {
    need: 'hotline-groups',
    dataset: 'hotline',
    period: 'month',
    keys: ['hot.on_time_rate'],
  },
  'requests.dept': {
    need: 'request-groups',
    dataset: 'requests',
    by: 'dept',
    keys: ['foi.request_on_time', 'foi.backlog'],
  },
  'disclosures.month': {
    need: 'disclosure-groups',
    dataset: 'disclosures',
    period: 'month',
    keys: ['foi.proactive_timely'],
  },
} as const satisfies Record<
  string,
  { need: string; dataset: DatasetKey; by?: string; period?: PeriodUnit; keys: readonly string[] }
>;

type GroupQuery = (typeof DATASET_GROUPS)[DatasetGroupKey];

/**
 * Without case data the overview names the best and worst department of the first of these shown panels by
 * its headline rate (higher is better), from its department query (ready-view.ts).
 */
export const RATE_RANKINGS = [
  { panel: 'hotline-dept', group: 'hotline.dept', key: 'hot.closure_rate' },
  { panel: 'request-dept', group: 'requests.dept', key: 'foi.request_on_time' },
] as const satisfies readonly { panel: string; group: DatasetGroupKey; key: string }[];

/** What wantedGroups needs to know of a shown panel. */
interface GroupReader {
  readonly name: string;
  readonly needs: readonly string[];
  /** the grouped queries it reads (undefined: every query of its needs) */
  readonly groups?: readonly DatasetGroupKey[];
}

/**
 * Whether a grouped query is worth running at a click: some shown panel reads it and is not folded (its
 * numbers are redone when it is unfolded), or the overview ranks by it (RATE_RANKINGS).
 */
export function wantedGroups(shown: readonly GroupReader[], folded: ReadonlySet<string>) {
  return (name: DatasetGroupKey): boolean => {
    const q = DATASET_GROUPS[name];
    return shown.some(
      (p) =>
        p.needs.includes(q.need) &&
        (p.groups?.includes(name) ?? true) &&
        (!folded.has(p.name) || RATE_RANKINGS.some((r) => r.panel === p.name && r.group === name)),
    );
  };
}

/**
 * The clauses a grouped query follows: its dataset's and the months, not its own column (its chart keeps
 * every bar or month, as the case charts and trend do). Clauses on other datasets change nothing in it.
 */
function queryClauses(q: GroupQuery, chosen: readonly Selection[]): Selection[] {
  const own =
    'by' in q
      ? ownClause(q.dataset, DIMENSIONS[q.by]?.[q.dataset] ?? q.by)
      : (s: Selection) => isMonthSelection(s);
  return chosen.filter(
    (s) => !own(s) && (isMonthSelection(s) || s.dataset === q.dataset || s.dataset === 'all'),
  );
}

const clausesKey = (clauses: readonly Selection[]) =>
  JSON.stringify(clauses.map((s) => [s.dataset, s.column, s.value]));

/**
 * One query's results if they hold under `selection`: computed under the same clauses of it (a click on
 * another dataset, or on the query's own chart, leaves them valid); undefined while they are recomputed.
 */
export function currentGroup(
  groups: DatasetGroups | undefined,
  name: DatasetGroupKey,
  selection: readonly Selection[],
): IndicatorResult[] | undefined {
  const key = groups?.clauses[name];
  if (key === undefined || key !== clausesKey(queryClauses(DATASET_GROUPS[name], selection)))
    return undefined;
  return groups?.groups[name];
}

export type DatasetGroupKey = keyof typeof DATASET_GROUPS;
export type DatasetGroupNeed = (typeof DATASET_GROUPS)[DatasetGroupKey]['need'];

/** What the dataset panels draw from: grouped results per query, and the table 三 of the as-of year. */
export interface DatasetGroups {
  groups: Partial<Record<DatasetGroupKey, IndicatorResult[]>>;
  /** per query, the clauses it was computed under (a new selection that leaves them alone reuses it) */
  clauses: Partial<Record<DatasetGroupKey, string>>;
  /** the chart selection the groups were computed under (currentGroup compares each query's own clauses) */
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
  /** false for a query no unfolded panel reads (default: every query of a wanted need runs) */
  wantsGroup?: ((name: DatasetGroupKey) => boolean) | undefined;
  signal: AbortSignal;
  /** the chart selection (every group follows its dataset's clauses, as a filtered indicator would) */
  selection?: readonly Selection[];
  /** the groups shown now: a query whose clauses the new selection leaves as they were is not run again */
  previous?: DatasetGroups | undefined;
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
  const chosen = o.selection ?? [];
  const out: DatasetGroups = { groups: {}, clauses: {}, selection: chosen, table3: o.previous?.table3 };
  let any = false;
  for (const [name, q] of Object.entries(DATASET_GROUPS) as [DatasetGroupKey, GroupQuery][]) {
    if (!o.wants(q.need) || !q.keys.some((k) => o.loaded.has(k))) continue;
    any = true;
    if (o.wantsGroup && !o.wantsGroup(name)) continue;
    const clauses = queryClauses(q, chosen);
    const key = clausesKey(clauses);
    const before = o.previous?.groups[name];
    if (before && o.previous?.clauses[name] === key) {
      out.groups[name] = before;
      out.clauses[name] = key;
      continue;
    }
    o.signal.throwIfAborted();
    out.groups[name] = await live.computeGrouped(engine, {
      asOf: o.asOf,
      config: o.config,
      keys: [...q.keys],
      ...selectionOptions(clauses),
      ...('by' in q ? { by: q.by } : {}),
      ...('period' in q ? { period: q.period } : {}),
    });
    out.clauses[name] = key;
  }
  // Table 三 is the annual report's, for the whole year and every agency: it is not filtered (the panel says so),
  // so it is computed once.
  if (o.wants('request-groups') && o.loaded.has('foi.request_on_time') && !out.table3) {
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
