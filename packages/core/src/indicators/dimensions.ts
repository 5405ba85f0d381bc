import type { DatasetKey } from '../schema/types.ts';
import type { IndicatorDef } from './types.ts';

/**
 * Named dimensions and the column that carries each in every dataset, so `--by dept` groups cases by
 * 受理部门, disclosures by 发布机构, requests by 承办机关 and tickets by 承办单位. Any other name is taken
 * as a column name in the tables that have it.
 */
export const DIMENSIONS: Record<string, Partial<Record<DatasetKey, string>>> = {
  dept: {
    cases: 'dept_name',
    items: 'dept_name',
    disclosures: 'publisher',
    requests: 'agency',
    hotline: 'lead_dept',
  },
  item: { cases: 'item_name', items: 'item_name' },
  domain: { cases: 'domain', disclosures: 'domain' },
  region: { cases: 'region_name' },
  channel: { cases: 'apply_channel', requests: 'channel', hotline: 'channel' },
};

/** The date that places rows of indicators judged "as of" a day (黄牌/红牌, backlog) in a month or period. */
export const LIVE_PERIOD_COLUMN: Partial<Record<DatasetKey, string>> = {
  cases: 'accepted_at',
  disclosures: 'published_at',
  requests: 'received_at',
  hotline: 'received_at',
};

/** The column whose month a month selection filters on, for one indicator. */
export const monthColumn = (def: IndicatorDef): string | undefined =>
  def.periodColumn ?? LIVE_PERIOD_COLUMN[def.dataset];
