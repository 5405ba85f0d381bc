import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { NOT_VOID, VALID_CALLBACK } from './hot-common.ts';

export const hotResolution: IndicatorDef = {
  key: 'hot.resolution',
  dataset: 'hotline',
  kind: 'rate',
  label: { zh: '热线解决率', en: 'Hotline resolution rate' },
  formula: {
    zh: '回访确认已解决的工单数 ÷ 填写了解决情况的有效回访数（部分解决不计为已解决；不含未接通、拒评）',
    en:
      'Valid callbacks confirming the issue resolved ÷ valid callbacks with a resolution value ' +
      '(partially resolved is not resolved; unreachable and declined excluded)',
  },
  direction: 'higher',
  unit: 'percent',
  source: '国办发〔2020〕53号（办得更实）；第三方全国监测“问题解决”维度',
  periodColumn: 'callback_at',
  needs: ['resolved', 'callback_result'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('hotline', ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE resolved = 'resolved')::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${src.text} WHERE resolved IS NOT NULL AND ${VALID_CALLBACK} AND ${NOT_VOID} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
