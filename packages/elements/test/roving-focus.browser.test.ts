import type { Scorecard, ScorecardRow } from '@assessment-dashboard/core';
import { html, render } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { chartTools } from '../src/panels/chart-tools.ts';
import '../src/index.ts';

// Issue 17, item 7: a chart, a ranking's rows and an export toolbar are each one Tab stop; the arrow keys
// (and Home/End) move inside, with real key presses.

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function mount<T extends HTMLElement>(el: T): T {
  el.style.width = '600px';
  el.style.display = 'block';
  document.body.append(el);
  mounted.push(el);
  return el;
}

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

const row = (department: string, rank: number): ScorecardRow => ({
  department,
  score: 100 - rank,
  coverage: 1,
  rank,
  band: { zh: '好', en: 'Good' },
  items: [],
  previousScore: null,
  previousRank: null,
  change: null,
});

describe('roving focus', () => {
  it('a bar chart: Tab enters at one bar, arrows and End move, Tab leaves the chart', async () => {
    const before = mount(document.createElement('button'));
    before.textContent = 'before';
    const chart = mount(document.createElement('assessment-bar-chart'));
    chart.labels = ['甲局', '乙局', '丙局', '丁局'];
    chart.values = [40, 30, 20, 10];
    chart.selectable = true;
    chart.summary = '办件量按部门';
    chart.lang = 'zh-CN';
    // The chart draws once its width is known (a resize observer, then a frame).
    await vi.waitFor(() => expect(chart.shadowRoot?.querySelectorAll('.bar[data-index]')).toHaveLength(4));
    const bars = [...(chart.shadowRoot?.querySelectorAll('.bar[data-index]') ?? [])];
    expect(bars.map((b) => b.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    // Each mark keeps its own name for screen readers.
    expect(bars[2]?.getAttribute('aria-label')).toBe('丙局：20');
    before.focus();
    await userEvent.tab();
    expect(deepActive()).toBe(bars[0]);
    await userEvent.keyboard('{ArrowDown}');
    expect(deepActive()).toBe(bars[1]);
    await userEvent.keyboard('{End}');
    expect(deepActive()).toBe(bars[3]);
    expect(bars.map((b) => b.getAttribute('tabindex'))).toEqual(['-1', '-1', '-1', '0']);
    await userEvent.keyboard('{Home}');
    expect(deepActive()).toBe(bars[0]);
    // The next stop is the chart's data-table toggle, not the next bar.
    await userEvent.tab();
    expect(deepActive()?.localName).toBe('summary');
    // Shift+Tab comes back to the bar that holds the stop.
    await userEvent.tab({ shift: true });
    expect(deepActive()).toBe(bars[0]);
  });

  it('a trend: one stop; arrows move, Enter picks a month, Shift+arrows grow the range, Escape clears', async () => {
    const chart = mount(document.createElement('assessment-line-chart'));
    chart.labels = ['2025-01', '2025-02', '2025-03', '2025-04'];
    chart.values = [0.5, 0.6, 0.7, 0.8];
    chart.selectable = true;
    chart.summary = '上网办理率按月';
    chart.lang = 'zh-CN';
    const picked: unknown[] = [];
    // The host applies the pick, as the dashboard does.
    chart.addEventListener('ad-select', (e) => {
      const d = (e as CustomEvent<{ from?: string; to?: string }>).detail;
      picked.push(d);
      chart.selected = d.from && d.to ? [d.from, d.to] : undefined;
    });
    await vi.waitFor(() => expect(chart.shadowRoot?.querySelectorAll('circle[data-index]')).toHaveLength(4));
    const dots = () => [...(chart.shadowRoot?.querySelectorAll('circle[data-index]') ?? [])];
    expect(dots().filter((d) => d.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(dots()[1]?.getAttribute('aria-label')).toBe('2025-02：60.0%');
    (dots()[0] as SVGElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(deepActive()?.getAttribute('data-index')).toBe('1');
    expect(picked).toEqual([]);
    await userEvent.keyboard('{Enter}');
    expect(picked.at(-1)).toEqual({ from: '2025-02', to: '2025-02', label: '2025-02' });
    await chart.updateComplete;
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(picked.at(-1)).toEqual({ from: '2025-02', to: '2025-04', label: '2025-02–2025-04' });
    await chart.updateComplete;
    expect(deepActive()?.getAttribute('data-index')).toBe('3');
    expect(dots().filter((d) => d.getAttribute('tabindex') === '0')).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    expect(picked.at(-1)).toEqual({});
  });

  it('a bar chart whose host applies a pick a task later: Enter twice at once picks, then clears', async () => {
    const chart = mount(document.createElement('assessment-bar-chart'));
    chart.labels = ['甲局', '乙局', '丙局'];
    chart.values = [30, 20, 10];
    chart.selectable = true;
    chart.summary = '办件量按部门';
    chart.lang = 'zh-CN';
    const picked: (string | undefined)[] = [];
    chart.addEventListener('ad-select', (e) => {
      const key = (e as CustomEvent<{ key?: string }>).detail.key;
      picked.push(key);
      setTimeout(() => {
        chart.selected = key;
      }, 50);
    });
    await vi.waitFor(() => expect(chart.shadowRoot?.querySelectorAll('.bar[data-index]')).toHaveLength(3));
    (chart.shadowRoot?.querySelectorAll('.bar[data-index]')[1] as SVGElement | undefined)?.focus();
    await userEvent.keyboard('{Enter}{Enter}');
    expect(picked).toEqual(['乙局', undefined]);
  });

  it('a trend whose host applies a pick a task later: Enter then Shift+arrows at once brush from the pick', async () => {
    const chart = mount(document.createElement('assessment-line-chart'));
    chart.labels = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
    chart.values = [0.5, 0.6, 0.7, 0.8, 0.9];
    chart.selectable = true;
    chart.summary = '上网办理率按月';
    chart.lang = 'zh-CN';
    const picked: { from?: string; to?: string }[] = [];
    // As the dashboard does: the pick is rendered back a task after it was made.
    chart.addEventListener('ad-select', (e) => {
      const d = (e as CustomEvent<{ from?: string; to?: string }>).detail;
      picked.push(d);
      setTimeout(() => {
        chart.selected = d.from && d.to ? [d.from, d.to] : undefined;
      }, 50);
    });
    await vi.waitFor(() => expect(chart.shadowRoot?.querySelectorAll('circle[data-index]')).toHaveLength(5));
    (chart.shadowRoot?.querySelectorAll('circle[data-index]')[1] as SVGElement | undefined)?.focus();
    await userEvent.keyboard('{Enter}{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(picked.map((p) => `${p.from}..${p.to}`)).toEqual([
      '2025-02..2025-02',
      '2025-02..2025-03',
      '2025-02..2025-04',
    ]);
  });

  it('a ranking: the department buttons are one stop whatever the sort, the headers sort', async () => {
    const el = mount(document.createElement('assessment-scorecard')) as HTMLElement & {
      scorecard: Scorecard;
      updateComplete: Promise<unknown>;
    };
    el.setAttribute('lang', 'zh-CN');
    el.scorecard = {
      name: { zh: '默认考核模型', en: 'Default model' },
      asOf: '2025-12-31 23:59:59',
      maxScore: 100,
      rows: [row('甲局', 1), row('乙局', 2), row('丙局', 3)],
    };
    await el.updateComplete;
    const root = el.shadowRoot as ShadowRoot;
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('tbody th button')];
    const stops = () => buttons().filter((b) => b.getAttribute('tabindex') === '0');
    expect(stops()).toEqual([buttons()[0]]);
    buttons()[0]?.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(deepActive()?.textContent?.trim()).toBe('▸ 乙局');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(deepActive()?.textContent?.trim()).toBe('▸ 丙局');
    // Enter still opens the row's reasons.
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(deepActive()?.getAttribute('aria-expanded')).toBe('true');
    // Sorting re-renders the rows: still exactly one stop.
    root.querySelector<HTMLButtonElement>('thead th:nth-child(2) button')?.click();
    await el.updateComplete;
    expect(stops()).toHaveLength(1);
    el.scorecard = { ...el.scorecard, rows: [row('甲局', 1)] };
    await el.updateComplete;
    expect(stops()).toEqual([buttons()[0]]);
  });

  it('an export toolbar is one stop; arrows move between CSV, Excel, SVG and PNG', async () => {
    const host = mount(document.createElement('div'));
    render(
      html`${chartTools('dept', 'x', '按部门', () => ({ title: '', asOf: '', source: '', rows: [] }), 'zh', [])}`,
      host,
    );
    const bar = host.querySelector('[role="toolbar"]') as HTMLElement;
    expect(bar.getAttribute('aria-label')).toBe('导出 按部门');
    const buttons = [...bar.querySelectorAll('button')];
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    buttons[0]?.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement?.textContent).toBe('SVG');
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement?.textContent).toBe('Excel');
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1]);
  });
});
