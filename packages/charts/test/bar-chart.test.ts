import { describe, expect, it } from 'vitest';
import { renderBarChart } from '../src/bar-chart.ts';

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('renderBarChart', () => {
  it('draws one labelled bar per row with widths proportional to the values', () => {
    const el = svg();
    renderBarChart(
      el,
      { labels: ['财政预决算', '义务教育', '其他'], values: Float64Array.from([40, 20, 10]) },
      { width: 400, label: '共 70 条' },
    );
    expect(el.getAttribute('role')).toBe('img');
    expect(el.getAttribute('aria-label')).toBe('共 70 条');
    const bars = [...el.querySelectorAll('.bar')];
    expect(bars.map((b) => b.querySelector('.category')?.textContent?.trim())).toEqual([
      '财政预决算',
      '义务教育',
      '其他',
    ]);
    expect(bars.map((b) => b.querySelector('.value')?.textContent)).toEqual(['40', '20', '10']);
    // A bar's DOM text reads "label value", as its accessible name does (the space is not drawn).
    expect(bars[0]?.textContent).toBe('财政预决算 40');
    const widths = bars.map((b) => Number(b.querySelector('rect')?.getAttribute('width')));
    expect(widths[0]).toBeCloseTo((widths[1] ?? 0) * 2, 5);
    expect(widths[1]).toBeCloseTo((widths[2] ?? 0) * 2, 5);
  });

  it('redraws from scratch at a new width (resize without re-query)', () => {
    const el = svg();
    const data = { labels: ['a', 'b'], values: [3, 1] };
    renderBarChart(el, data, { width: 600, label: 'x' });
    renderBarChart(el, data, { width: 300, label: 'x' });
    expect(el.querySelectorAll('.bar').length).toBe(2);
    expect(el.getAttribute('viewBox')).toBe('0 0 300 76');
  });

  it('puts labels above the bars when the chart is too narrow for a label column', () => {
    const el = svg();
    const labels = ['国有土地上房屋征收与补偿', '义务教育'];
    renderBarChart(el, { labels, values: [5, 3] }, { width: 200, label: 'narrow' });
    const categories = [...el.querySelectorAll('.category')];
    expect(categories.map((c) => c.getAttribute('text-anchor'))).toEqual(['start', 'start']);
    expect(categories.map((c) => c.textContent?.trim())).toEqual(labels);
    expect(el.querySelector('rect')?.getAttribute('x')).toBe('8');
  });

  it('renders an empty chart without throwing', () => {
    const el = svg();
    renderBarChart(el, { labels: [], values: [] }, { width: 300, label: 'empty' });
    expect(el.querySelectorAll('.bar').length).toBe(0);
  });

  it('matches the SVG snapshot', async () => {
    const el = svg();
    renderBarChart(
      el,
      { labels: ['社会救助', '卫生健康', '就业'], values: [120, 75, 30] },
      { width: 480, label: '三个领域', format: (v) => `${v} 条` },
    );
    await expect(el.outerHTML.replaceAll('><', '>\n<')).toMatchFileSnapshot('./__snapshots__/bar-chart.svg');
  });
});

describe('interactive bars', () => {
  it('are focusable toggle buttons with names, one tab stop, the selected one pressed', () => {
    const el = svg();
    renderBarChart(
      el,
      { labels: ['甲', '乙', '丙'], values: [3, 2, 1] },
      { width: 300, label: 'x', interactive: { selected: 1, describe: (i) => `bar ${i}` } },
    );
    expect(el.getAttribute('role')).toBe('group');
    const bars = [...el.querySelectorAll('.bar')];
    expect(bars.map((b) => b.getAttribute('role'))).toEqual(['button', 'button', 'button']);
    expect(bars.map((b) => b.getAttribute('tabindex'))).toEqual(['-1', '0', '-1']);
    expect(bars.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual(['bar 0', 'bar 1', 'bar 2']);
    expect(bars[1]?.getAttribute('class')).toBe('bar selected');
  });
});
