import { describe, expect, it } from 'vitest';
import { renderLineChart } from '../src/line-chart.ts';

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('renderLineChart', () => {
  it('draws a dot per period with a value, lifts the pen over gaps and labels the target', () => {
    const el = svg();
    renderLineChart(
      el,
      { labels: ['2025-01', '2025-02', '2025-03', '2025-04'], values: [0.4, Number.NaN, 0.5, 0.6] },
      { width: 400, label: '上网办理率', domain: [0, 1], reference: { value: 0.5, label: '目标 50%' } },
    );
    expect(el.getAttribute('aria-label')).toBe('上网办理率');
    expect(el.querySelectorAll('.dots circle').length).toBe(3);
    const d = el.querySelector('.series')?.getAttribute('d') ?? '';
    expect(d.match(/M/g)?.length).toBe(2);
    expect(d.match(/L/g)?.length).toBe(1);
    expect(el.querySelector('.reference text')?.textContent).toBe('目标 50%');
    expect([...el.querySelectorAll('.dots title')].map((t) => t.textContent)).toEqual([
      '2025-01：0.4',
      '2025-03：0.5',
      '2025-04：0.6',
    ]);
  });
});
