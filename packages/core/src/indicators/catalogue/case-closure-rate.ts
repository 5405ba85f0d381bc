import { conditionsSql } from '../conditions.ts';
import type { IndicatorConditions, IndicatorDef } from '../types.ts';

const CONDITIONS: IndicatorConditions = {
  table: 'cases',
  denominator: 'accepted_at IS NOT NULL',
  numerator: "closed_at IS NOT NULL OR status = 'closed'",
};

export const caseClosureRate: IndicatorDef = {
  key: 'case.closure_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '办结率', en: 'Closure rate' },
  formula: {
    zh: '已受理办件中已办结的件数 ÷ 已受理办件数（同批次口径）',
    en: 'Accepted cases that are closed ÷ accepted cases (cohort basis)',
  },
  direction: 'higher',
  unit: 'percent',
  target: 0.95,
  source: '县级政务服务工作报告口径（办结数 ÷ 受理数，例：12422 ÷ 12459 = 99.70%）',
  periodColumn: 'accepted_at',
  needs: ['accepted_at', ['closed_at', 'status']],
  conditions: CONDITIONS,
  sql: (ctx) => conditionsSql('rate', CONDITIONS, ctx),
};
