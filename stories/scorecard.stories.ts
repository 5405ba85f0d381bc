import type { ItemScore, Scorecard, ScorecardRow } from '@assessment-dashboard/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/index.ts';

/** 部门动态排名: ranked departments with 分档, change since the last period and the reasons for each score. */
interface ScorecardArgs {
  scorecard: Scorecard;
  lang: string;
}

const item = (zh: string, en: string, points: number | null, max: number): ItemScore => ({
  indicator: 'case.on_time_rate',
  label: { zh: '按时办结率', en: 'On-time closure rate' },
  value: null,
  numerator: null,
  denominator: null,
  points,
  max,
  missing: points === null,
  capped: false,
  explanation: { zh, en },
});

const row = (
  department: string,
  score: number | null,
  rank: number | null,
  band: string,
  change: number | null,
): ScorecardRow => ({
  department,
  score,
  coverage: score === null ? 0.3 : 1,
  rank,
  band: score === null ? null : { zh: band, en: band === '好' ? 'Good' : band === '较好' ? 'Fair' : 'Poor' },
  items: [
    item('按时办结率 99.2% ≥ 99% → 22.5 分', 'On-time closure rate 99.2% ≥ 99% → 22.5 points', 22.5, 30),
    item(
      '超期件 6 件，每件扣 0.5 分，扣 3 分（上限 10）→ 7 分',
      '−3 for 6 overdue cases (0.5 each, cap 10) → 7 points',
      7,
      10,
    ),
    item(
      '差评按时整改率：无数据，不计入，总分按其余指标折算',
      'Bad reviews rectified on time: no data; score rescaled',
      null,
      10,
    ),
  ],
  previousScore: change === null || score === null ? null : score - change,
  previousRank: null,
  change,
});

const CARD: Scorecard = {
  name: { zh: '默认考核模型', en: 'Default model' },
  asOf: '2025-12-31 17:30:00',
  maxScore: 100,
  period: '2025-Q4',
  previousPeriod: '2025-Q3',
  rows: [
    row('县商务局', 88.5, 1, '好', 3.25),
    row('县气象局', 88.5, 1, '好', -1.5),
    row('县财政局', 72.1, 3, '较好', 0),
    row('县自然资源局', 41.35, 4, '较差', -8.2),
    row('县档案馆', null, null, '', null),
  ],
};

const meta = {
  title: 'Elements/assessment-scorecard',
  component: 'assessment-scorecard',
  render: ({ scorecard, lang }) =>
    html`<div style="max-width: 48rem"><assessment-scorecard .scorecard=${scorecard} lang=${lang}></assessment-scorecard></div>`,
} satisfies Meta<ScorecardArgs>;

export default meta;
type Story = StoryObj<ScorecardArgs>;

/** A tie shares rank 1; an unscored department (too little data) is listed last. */
export const Ranked: Story = { args: { scorecard: CARD, lang: 'zh-CN' } };

export const English: Story = { args: { scorecard: CARD, lang: 'en' } };

/** Scored by quarter (`period: 'quarter'`): each row carries its last quarters, drawn as a sparkline. */
export const WithTrend: Story = {
  args: {
    lang: 'zh-CN',
    scorecard: {
      ...CARD,
      rows: CARD.rows.map((r, i) => ({
        ...r,
        history:
          r.score === null
            ? undefined
            : ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map((period, k) => ({
                period,
                score: k === 3 ? r.score : Math.round((r.score as number) - (3 - k) * (i - 1.5) * 2),
              })),
      })),
    },
  },
};
