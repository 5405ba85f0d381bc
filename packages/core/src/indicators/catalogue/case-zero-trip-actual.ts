import { conditionsSql } from '../conditions.ts';
import type { IndicatorConditions, IndicatorDef } from '../types.ts';

const CONDITIONS: IndicatorConditions = {
  table: 'cases',
  denominator: 'trips_actual >= 0',
  numerator: 'trips_actual = 0',
};

export const caseZeroTripActual: IndicatorDef = {
  key: 'case.zero_trip_actual',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '实际零跑动率', en: 'Zero-visit rate (actual)' },
  formula: {
    zh: '实际跑动次数为 0 的办件数 ÷ 填报了实际跑动次数的办件数',
    en: 'Cases with 0 actual visits to a service site ÷ cases with the actual number of visits recorded',
  },
  direction: 'higher',
  unit: 'percent',
  target: 0.2,
  source: '梅市府办函〔2017〕118号（20%以上申办事项实现零次跑动）；粤办函〔2015〕208号“三率一数”',
  periodColumn: 'submitted_at',
  needs: ['trips_actual'],
  conditions: CONDITIONS,
  sql: (ctx) => conditionsSql('rate', CONDITIONS, ctx),
};
