import { conditionsSql } from '../conditions.ts';
import type { IndicatorConditions, IndicatorDef } from '../types.ts';
import { ONLINE_CHANNELS } from '../where.ts';

const CONDITIONS: IndicatorConditions = { table: 'cases', numerator: `apply_channel IN ${ONLINE_CHANNELS}` };

export const caseOnlineApplyRate: IndicatorDef = {
  key: 'case.online_apply_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '上网办理率', en: 'Online application rate' },
  formula: {
    zh: '网上申办（PC端、移动端）的办件数 ÷ 全部办件数（按申请时间归期；导出无申请时间时取受理时间）',
    en:
      'Cases applied for online (PC or mobile) ÷ all cases (dated by application time, or by acceptance ' +
      'time when the export has none)',
  },
  direction: 'higher',
  unit: 'percent',
  target: 0.5,
  source: '庆政办发〔2016〕88号（上网办理率达50%以上）；粤办函〔2015〕208号“三率一数”',
  periodColumn: 'submitted_at',
  needs: ['apply_channel'],
  conditions: CONDITIONS,
  sql: (ctx) => conditionsSql('rate', CONDITIONS, ctx),
};
