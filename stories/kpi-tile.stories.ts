import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { IndicatorResult } from '../packages/core/src/indicators/types.ts';
import '../packages/elements/src/index.ts';

/**
 * One indicator tile per status. The results are written out by hand, with the numbers the engine
 * would give: `ci` is the 95 % Wilson interval of numerator/denominator, and the status follows
 * packages/core/src/indicators/status.ts (green only when the whole interval meets the target).
 */
interface KpiTileArgs {
  result: IndicatorResult;
  /** Unset: the tile follows the page language (the Language toolbar). */
  lang?: string;
}

const AS_OF = '2025-12-31 23:59:59';

/** 上网办理率: 6,210 of 10,000 cases applied for online; interval 61.1–63.0 % clears 50 %. */
const green: IndicatorResult = {
  key: 'case.online_apply_rate',
  label: { zh: '上网办理率', en: 'Online application rate' },
  kind: 'rate',
  unit: 'percent',
  direction: 'higher',
  value: 0.621,
  numerator: 6210,
  denominator: 10000,
  ci: [0.6114467158639204, 0.6304603565289105],
  target: 0.5,
  status: 'green',
  asOf: AS_OF,
  filters: {},
  formula: {
    zh: '网上申办（PC端、移动端）的办件数 ÷ 全部办件数',
    en: 'Cases applied for online (PC or mobile) ÷ all cases',
  },
  source: '庆政办发〔2016〕88号（上网办理率达50%以上）；粤办函〔2015〕208号“三率一数”',
};

/** 网上办结率: 41 of 100; interval 31.9–50.8 % straddles the 40 % target. */
const amber: IndicatorResult = {
  key: 'case.online_closed_rate',
  label: { zh: '网上办结率', en: 'Closed-online rate' },
  kind: 'rate',
  unit: 'percent',
  direction: 'higher',
  value: 0.41,
  numerator: 41,
  denominator: 100,
  ci: [0.3186731295420407, 0.5079857002363788],
  target: 0.4,
  status: 'amber',
  asOf: AS_OF,
  filters: { dept: ['甲局'] },
  formula: {
    zh: '网上办结的办件数 ÷ 全部办件数（分母为全部办件）',
    en: 'Cases closed online ÷ all cases (denominator: all cases)',
  },
  source: '庆政办发〔2016〕88号（网上办结率达40%以上）；粤办函〔2015〕208号“三率一数”',
};

const closureRate = {
  key: 'case.closure_rate',
  label: { zh: '办结率', en: 'Closure rate' },
  formula: {
    zh: '已受理办件中已办结的件数 ÷ 已受理办件数（同批次口径）',
    en: 'Accepted cases that are closed ÷ accepted cases (cohort basis)',
  },
  source: '县级政务服务工作报告口径（办结数 ÷ 受理数，例：12422 ÷ 12459 = 99.70%）',
} as const;

/** 办结率: 880 of 1,000; interval 85.8–89.9 % is wholly below the 95 % target. */
const red: IndicatorResult = {
  key: closureRate.key,
  label: closureRate.label,
  kind: 'rate',
  unit: 'percent',
  direction: 'higher',
  value: 0.88,
  numerator: 880,
  denominator: 1000,
  ci: [0.8583909239702391, 0.8987007395350334],
  target: 0.95,
  status: 'red',
  asOf: AS_OF,
  filters: {},
  formula: closureRate.formula,
  source: closureRate.source,
};

/** 办结率 on the small fixture: 6 of 8 is below the 30-case minimum, so no colour is given. */
const insufficient: IndicatorResult = {
  key: closureRate.key,
  label: closureRate.label,
  kind: 'rate',
  unit: 'percent',
  direction: 'higher',
  value: 0.75,
  numerator: 6,
  denominator: 8,
  ci: [0.40927542792725174, 0.9285207879020445],
  target: 0.95,
  status: 'insufficient',
  asOf: '2025-03-15 23:59:59',
  filters: {},
  formula: closureRate.formula,
  source: closureRate.source,
};

/** 办结率 with no accepted case at all: no value, no interval. */
const noData: IndicatorResult = {
  key: closureRate.key,
  label: closureRate.label,
  kind: 'rate',
  unit: 'percent',
  direction: 'higher',
  value: null,
  numerator: 0,
  denominator: 0,
  ci: null,
  target: 0.95,
  status: 'insufficient',
  asOf: AS_OF,
  filters: { dept: ['丙局'] },
  formula: closureRate.formula,
  source: closureRate.source,
};

const overdue = {
  key: 'case.overdue_count',
  label: { zh: '超期件', en: 'Overdue cases' },
  formula: {
    zh: '办结日期晚于承诺办结日期的件数 + 截至统计日未办结且已过承诺办结日期的件数',
    en: 'Cases closed after their promised due date + open cases past it on the as-of date',
  },
  source: '《中华人民共和国行政许可法》第四十二条、第八十二条；电子监察红牌规则',
} as const;

/** 超期件: a count against a target of 0 (lower is better); 37 overdue out of 10,000 cases. */
const count: IndicatorResult = {
  key: overdue.key,
  label: overdue.label,
  kind: 'count',
  unit: 'count',
  direction: 'lower',
  value: 37,
  numerator: 37,
  denominator: 10000,
  ci: null,
  target: 0,
  status: 'red',
  asOf: AS_OF,
  filters: {},
  formula: overdue.formula,
  source: overdue.source,
};

const countOnTarget: IndicatorResult = {
  ...count,
  value: 0,
  numerator: 0,
  status: 'green',
};

/** `.result` is a property; `lang` is left off when unset so the page language applies. */
const tile = (result: IndicatorResult, lang?: string) => {
  const langAttr = ifDefined(lang || undefined);
  return html`<assessment-kpi-tile .result=${result} lang=${langAttr}></assessment-kpi-tile>`;
};

const meta = {
  title: 'Elements/assessment-kpi-tile',
  component: 'assessment-kpi-tile',
  render: ({ result, lang }) => html`<div style="max-width: 18rem">${tile(result, lang)}</div>`,
  argTypes: {
    result: { control: 'object', description: 'IndicatorResult (property, not attribute)' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
} satisfies Meta<KpiTileArgs>;

export default meta;
type Story = StoryObj<KpiTileArgs>;

export const Green: Story = { args: { result: green } };

export const Amber: Story = { args: { result: amber } };

export const Red: Story = { args: { result: red } };

export const Insufficient: Story = { args: { result: insufficient } };

export const NoData: Story = { args: { result: noData } };

export const Count: Story = { args: { result: count } };

export const CountOnTarget: Story = { args: { result: countOnTarget } };

export const English: Story = { args: { result: amber, lang: 'en' } };

export const EnglishCount: Story = { args: { result: count, lang: 'en' } };

/** Every status side by side, in the grid the dashboard uses. */
export const AllStatuses: Story = {
  args: { result: green },
  render: ({ lang }) =>
    html`<div style="display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, 15rem)">
      ${[green, amber, red, insufficient, noData, count].map((r) => tile(r, lang))}
    </div>`,
};

/** A large count: 12,459 reads 1.2万 (12.5K in English); the tooltip and screen readers get the exact number. */
export const LargeCount: Story = { args: { result: { ...count, value: 12_459 } } };

/** Large type (大字版): `font-scale="2"` on a phone-width column. */
export const LargeType: Story = {
  args: { result: green },
  render: ({ result, lang }) =>
    html`<div style="max-width: 360px">
      <assessment-kpi-tile .result=${result} lang=${ifDefined(lang || undefined)} font-scale="2"></assessment-kpi-tile>
    </div>`,
};
