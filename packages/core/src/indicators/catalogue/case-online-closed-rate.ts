import { conditionsSql } from '../conditions.ts';
import type { IndicatorConditions, IndicatorDef } from '../types.ts';

const CONDITIONS: IndicatorConditions = { table: 'cases', numerator: 'closed_online' };

export const caseOnlineClosedRate: IndicatorDef = {
  key: 'case.online_closed_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '网上办结率', en: 'Closed-online rate' },
  formula: {
    zh: '网上办结的办件数 ÷ 全部办件数（分母为全部办件）',
    en: 'Cases closed online ÷ all cases (denominator: all cases)',
  },
  direction: 'higher',
  unit: 'percent',
  target: 0.4,
  source: '庆政办发〔2016〕88号（网上办结率达40%以上）；粤办函〔2015〕208号“三率一数”',
  periodColumn: 'submitted_at',
  needs: ['closed_online'],
  conditions: CONDITIONS,
  sql: (ctx) => conditionsSql('rate', CONDITIONS, ctx),
};
