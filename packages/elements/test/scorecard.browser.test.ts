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
    // (the last header on screen: the print-only reasons column comes after it)
    expect(
      [...root.querySelectorAll('thead th:not(.reasons)')].map((th) => th.textContent?.trim()).at(-1),
    ).toBe('走势');
    const svgs = root.querySelectorAll('svg.spark');
    expect(svgs).toHaveLength(1);
    expect(svgs[0]?.getAttribute('role')).toBe('img');
    expect(svgs[0]?.getAttribute('aria-label')).toBe('得分从 2025-Q2 的 70 到 2025-Q4 的 90');
    // The gap (Q3 without a score) is skipped; x runs over all three periods, y over 0–100.
    expect(svgs[0]?.querySelector('polyline')?.getAttribute('points')).toBe('0.0,6.0 80.0,2.0');
    const second = root.querySelectorAll('tbody tr:not(.detail)')[1];
    expect([...(second?.querySelectorAll('td:not(.reasons)') ?? [])].at(-1)?.textContent?.trim()).toBe('–');
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
    expect(el.shadowRoot!.querySelectorAll('thead th:not(.reasons)')).toHaveLength(5);
  });
});

describe('<assessment-scorecard> printed', () => {
  const item = (zh: string, en: string, max: number, points: number | null, missing = false) => ({
    indicator: en,
    label: { zh, en },
    value: null,
    numerator: null,
    denominator: null,
    points,
    max,
    missing,
    capped: false,
    explanation: { zh: `${zh}：说明`, en: `${en}: why` },
  });

  it('says in one cell where each department lost points, most first; the cell shows only on paper', async () => {
    const el = document.createElement('assessment-scorecard') as HTMLElement & {
      scorecard: Scorecard;
      updateComplete: Promise<unknown>;
    };
    const lossy = {
      ...row('甲局', 72, 1),
      items: [
        item('超期件', 'Overdue cases', 10, 7),
        item('按时办结率', 'On-time closure rate', 30, 15),
        item('差评率', 'Bad-rating rate', 10, null, true),
        item('办结率', 'Closure rate', 10, 10),
        item('上网办理率', 'Online application rate', 20, 17.555),
      ],
    };
    const full = { ...row('乙局', 100, 2), items: [item('办结率', 'Closure rate', 10, 10)] };
    el.scorecard = { ...CARD, rows: [lossy, full] };
    el.setAttribute('lang', 'zh-CN');
    document.body.append(el);
    mounted.push(el);
    await el.updateComplete;
    const cells = [...el.shadowRoot!.querySelectorAll('td.reasons')];
    // 30 − 15 = 15, 10 − 7 = 3, 20 − 17.555 = 2.445 → 2.45; the missing and the full items left out.
    expect(cells.map((c) => c.textContent)).toEqual([
      '按时办结率 −15；超期件 −3；上网办理率 −2.45',
      '无失分',
    ]);
    expect(getComputedStyle(cells[0] as Element).display).toBe('none');
    expect(el.shadowRoot!.querySelector('th.reasons')?.textContent).toBe('失分');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('td.reasons')?.textContent).toBe(
      'On-time closure rate −15; Overdue cases −3; Online application rate −2.45',
    );
  });
});
