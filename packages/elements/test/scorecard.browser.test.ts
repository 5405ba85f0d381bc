import type { Scorecard, ScorecardRow } from '@assessment-dashboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.ts';

const row = (
  department: string,
  score: number,
  rank: number,
  history?: ScorecardRow['history'],
): ScorecardRow => ({
  department,
  score,
  coverage: 1,
  rank,
  band: { zh: '好', en: 'Good' },
  items: [],
  previousScore: null,
  previousRank: null,
  change: null,
  history,
});

const CARD: Scorecard = {
  name: { zh: '默认考核模型', en: 'Default model' },
  asOf: '2025-12-31 23:59:59',
  maxScore: 100,
  period: '2025-Q4',
  rows: [
    row('甲局', 90, 1, [
      { period: '2025-Q2', score: 70 },
      { period: '2025-Q3', score: null },
      { period: '2025-Q4', score: 90 },
    ]),
    row('乙局', 80, 2, [{ period: '2025-Q4', score: 80 }]),
  ],
};

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

describe('<assessment-scorecard> sparklines', () => {
  it('draws each department’s score per period as a labelled line, and a dash without history', async () => {
    const el = document.createElement('assessment-scorecard') as HTMLElement & {
      scorecard: Scorecard;
      updateComplete: Promise<unknown>;
    };
    el.scorecard = CARD;
    el.setAttribute('lang', 'zh-CN');
    document.body.append(el);
    mounted.push(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent?.trim()).at(-1)).toBe('走势');
    const svgs = root.querySelectorAll('svg.spark');
    expect(svgs).toHaveLength(1);
    expect(svgs[0]?.getAttribute('role')).toBe('img');
    expect(svgs[0]?.getAttribute('aria-label')).toBe('得分从 2025-Q2 的 70 到 2025-Q4 的 90');
    // The gap (Q3 without a score) is skipped; x runs over all three periods, y over 0–100.
    expect(svgs[0]?.querySelector('polyline')?.getAttribute('points')).toBe('0.0,6.0 80.0,2.0');
    const second = root.querySelectorAll('tbody tr:not(.detail)')[1];
    expect(second?.lastElementChild?.textContent?.trim()).toBe('–');
    expect(root.querySelector('tr.detail td[colspan]')?.getAttribute('colspan')).toBe('5');
  });

  it('has no trend column when no row has a history', async () => {
    const el = document.createElement('assessment-scorecard') as HTMLElement & {
      scorecard: Scorecard;
      updateComplete: Promise<unknown>;
    };
    el.scorecard = { ...CARD, rows: CARD.rows.map((r) => ({ ...r, history: undefined })) };
    document.body.append(el);
    mounted.push(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('thead th')).toHaveLength(5);
  });
});
