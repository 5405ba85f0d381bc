import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

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
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('cases', ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE trips_actual = 0)::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${src.text} WHERE trips_actual >= 0 AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
