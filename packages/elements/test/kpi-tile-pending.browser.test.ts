import type { IndicatorResult } from '@assessment-dashboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.ts';

/** A tile painted before its number exists (the overdue count waits for the working-day facts). */
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

type Tile = HTMLElement & { result: IndicatorResult; pending: boolean; updateComplete: Promise<unknown> };

const overdue: IndicatorResult = {
  key: 'case.overdue_count',
  label: { zh: '超期件', en: 'Overdue cases' },
  kind: 'count',
  unit: 'count',
  direction: 'lower',
  value: 0,
  numerator: 0,
  denominator: 0,
  ci: null,
  target: null,
  status: 'none',
  asOf: '2025-06-30 23:59:59',
  filters: {},
  formula: { zh: '超过承诺时限的件数', en: 'Cases past their promised limit' },
  source: '',
};

async function tile(lang: string, pending: boolean): Promise<Tile> {
  const el = document.createElement('assessment-kpi-tile') as Tile;
  Object.assign(el, { result: overdue, pending, lang });
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

describe('a pending KPI tile', () => {
  it('names its indicator and says it is being computed, with no number (never 0) until it has one', async () => {
    const el = await tile('zh-CN', true);
    const value = el.shadowRoot?.querySelector('[data-key]') as HTMLElement;
    expect(el.shadowRoot?.querySelector('h3')?.textContent).toBe('超期件');
    expect(value.dataset.status).toBe('pending');
    expect(value.dataset.value).toBe('');
    expect(value.textContent?.trim()).toBe('计算中…');
    expect(el.shadowRoot?.querySelector('article')?.getAttribute('aria-busy')).toBe('true');
    expect(el.shadowRoot?.textContent).not.toMatch(/\d/);
    el.pending = false;
    await el.updateComplete;
    const shown = el.shadowRoot?.querySelector('[data-key]') as HTMLElement;
    expect(shown.dataset.status).toBeUndefined();
    expect(shown.textContent?.trim()).toBe('0');
  });

  it('says so in English too', async () => {
    const el = await tile('en', true);
    expect(el.shadowRoot?.querySelector('[data-key]')?.textContent?.trim()).toBe('Computing…');
    expect(el.hasAttribute('pending')).toBe(true);
  });
});
