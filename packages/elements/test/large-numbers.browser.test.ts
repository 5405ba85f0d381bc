import type { IndicatorResult } from '@assessment-dashboard/core';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../src/index.ts';

/** Large counts read 1.2万 / 12.5K on screen; tooltips, accessible text and tables keep the exact value. */
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown>): T {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  document.body.append(el);
  mounted.push(el);
  return el;
}

const settle = (el: HTMLElement) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;

async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 160)}`));
}

const overdue: IndicatorResult = {
  key: 'case.overdue_count',
  label: { zh: '超期件', en: 'Overdue cases' },
  kind: 'count',
  unit: 'count',
  direction: 'lower',
  value: 12_459,
  numerator: null,
  denominator: null,
  ci: null,
  target: null,
  status: 'none',
  asOf: '2025-12-31 23:59:59',
  filters: {},
  formula: { zh: '超过承诺时限仍未办结或超期办结的办件数', en: 'Cases past their promised limit' },
  source: '测试',
} as unknown as IndicatorResult;

describe('large counts', () => {
  it('a KPI tile shows 1.2万 (zh) / 12.5K (en), with the exact count as tooltip and for screen readers', async () => {
    const zh = mount<HTMLElement>('assessment-kpi-tile', { result: overdue, lang: 'zh-CN' });
    await settle(zh);
    expect(await violations(zh)).toEqual([]);
    const value = zh.shadowRoot!.querySelector('p.value')!;
    const shown = value.querySelector('[aria-hidden="true"]')!;
    expect(shown.textContent).toBe('1.2万');
    expect(shown.getAttribute('title')).toBe('12,459');
    expect(value.querySelector('.visually-hidden')?.textContent).toBe('12,459');
    expect(value.getAttribute('data-value')).toBe('12459');

    const en = mount<HTMLElement>('assessment-kpi-tile', { result: overdue, lang: 'en' });
    await settle(en);
    expect(en.shadowRoot!.querySelector('p.value [aria-hidden="true"]')?.textContent).toBe('12.5K');
  });

  it('a small count stays exact with digit grouping and no hidden duplicate', async () => {
    const el = mount<HTMLElement>('assessment-kpi-tile', {
      result: { ...overdue, value: 9_876 },
      lang: 'zh-CN',
    });
    await settle(el);
    const value = el.shadowRoot!.querySelector('p.value')!;
    expect(value.textContent).toBe('9,876');
    expect(value.querySelector('.visually-hidden')).toBeNull();
  });

  it('a bar chart abbreviates bar labels and keeps the exact value in tooltips, names and the table', async () => {
    const el = mount<HTMLElement>('assessment-bar-chart', {
      labels: ['受理', '办结'],
      values: [345_000, 8_000],
      summary: '两类办件',
      categoryHeader: '类别',
      valueHeader: '件数',
      lang: 'zh-CN',
      selectable: true,
    });
    el.style.width = '480px';
    await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('.bar').length).toBe(2));
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.bar .value')].map((v) => v.textContent)).toEqual(['34.5万', '8,000']);
    // The name starts with what is visible (WCAG 2.5.3) and carries the exact value.
    expect(root.querySelector('.bar title')?.textContent).toBe('受理：34.5万（345,000）');
    expect(root.querySelector('.bar')?.getAttribute('aria-label')).toBe('受理：34.5万（345,000）');
    expect(root.querySelectorAll('.bar')[1]?.getAttribute('aria-label')).toBe('办结：8,000');
    expect(root.querySelector('tbody td')?.textContent).toBe('345,000');
    expect(await violations(el)).toEqual([]);
  });
});
