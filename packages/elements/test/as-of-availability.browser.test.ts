import type { IndicatorResult } from '@assessment-dashboard/core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import '../src/index.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import type { AssessmentKpiTile } from '../src/kpi-tile/kpi-tile.ts';

const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
/** SMALL_CASES without 是否网上办结 (the 9th column). */
const WITHOUT_ONLINE_CLOSED = `${SMALL_CASES.trim()
  .split('\n')
  .map((l) => l.split(',').toSpliced(8, 1).join(','))
  .join('\n')}\n`;

beforeAll(() => document.documentElement.removeAttribute('lang'));
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const tileOf = (el: AssessmentDashboard, key: string) =>
  [...(el.shadowRoot?.querySelectorAll('assessment-kpi-tile') ?? [])].find((t) =>
    t.shadowRoot?.querySelector(`[data-key="${key}"]`),
  );
const tileValue = (el: AssessmentDashboard, key: string) =>
  tileOf(el, key)?.shadowRoot?.querySelector(`[data-key="${key}"]`)?.textContent?.trim();

describe('a tile for an indicator the export cannot answer', () => {
  it('says "not in this export" and names the column: no number, no colour, readable by screen readers', async () => {
    const tile = document.createElement('assessment-kpi-tile') as AssessmentKpiTile;
    mounted.push(tile);
    tile.result = {
      key: 'case.online_closed_rate',
      label: { zh: '网上办结率', en: 'Closed-online rate' },
      kind: 'rate',
      unit: 'percent',
      direction: 'higher',
      value: null,
      numerator: null,
      denominator: null,
      ci: null,
      target: 0.4,
      status: 'unavailable',
      missing: [{ column: 'closed_online', header: '是否网上办结' }],
      asOf: '2025-03-15 23:59:59',
      filters: {},
      formula: { zh: '网上办结的办件数 ÷ 全部办件数', en: 'Cases closed online ÷ all cases' },
      source: 's',
    } satisfies IndicatorResult;
    document.body.append(tile);
    await tile.updateComplete;
    const root = tile.shadowRoot!;
    const article = root.querySelector('article')!;
    expect(article.className).toBe('unavailable');
    expect(root.querySelector('[data-key]')?.textContent?.trim()).toBe('本导出无此数据');
    expect(root.querySelector('.missing')?.textContent).toBe('缺少「是否网上办结」列');
    expect(root.textContent).not.toMatch(/\d+(\.\d+)?%|未达标|✕/);
    expect(root.getElementById('d')?.textContent).toContain('本导出无此数据：缺少「是否网上办结」列');
    tile.lang = 'en';
    await tile.updateComplete;
    expect(root.querySelector('[data-key]')?.textContent?.trim()).toBe('Not in this export');
    expect(root.querySelector('.missing')?.textContent).toBe('no 是否网上办结 (closed_online) column');
  });
});

describe('<assessment-dashboard> availability and as-of day', () => {
  it('shows 网上办结率 as not in this export, lists it with its column, and recomputes for a chosen day', async () => {
    const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
    el.setAttribute('asset-base', ASSETS);
    el.setAttribute('src', blobUrl(WITHOUT_ONLINE_CLOSED));
    mounted.push(el);
    document.body.append(el);
    // The tiles come first (during 'computing'); the list of unavailable indicators with the ready view.
    await vi.waitFor(
      () => {
        expect(tileValue(el, 'case.closure_rate')).toBe('75.0%');
        expect(el.shadowRoot?.querySelector('details.unavailable')).not.toBeNull();
      },
      { timeout: 30_000 },
    );
    const root = el.shadowRoot!;
    // Never "0.0 % 0 / 10 ✕ 未达标".
    expect(tileValue(el, 'case.online_closed_rate')).toBe('本导出无此数据');
    expect(tileOf(el, 'case.online_closed_rate')?.shadowRoot?.textContent).not.toMatch(/0\.0%|未达标/);
    const details = root.querySelector('details.unavailable')!;
    expect(details.querySelector('summary')?.textContent).toContain('本导出无法计算的指标');
    expect(details.querySelector('[data-key="case.online_closed_rate"]')?.textContent).toBe(
      '网上办结率：缺少「是否网上办结」列',
    );
    // The default as-of day is the latest timestamp in the data (C10 applied 03-14), beside the tiles.
    expect(root.querySelector('.tiles-as-of')?.textContent?.trim()).toBe('数据截至 2025年3月14日');
    const input = root.querySelector<HTMLInputElement>('input#as-of')!;
    expect(root.querySelector(`label[for="as-of"]`)?.textContent).toBe('统计截至');
    expect(input.type).toBe('date');
    expect(input.value).toBe('2025-03-14');

    // As of 03-07 only C01–C07 exist; accepted 7, closed by then C01 C03 C04 C06 → 4/7; online 5/7.
    await userEvent.fill(input, '2025-03-07');
    // The tiles are painted first, the as-of line with the ready view.
    await vi.waitFor(
      () => {
        expect(tileValue(el, 'case.closure_rate')).toBe('57.1%');
        expect(root.querySelector('.tiles-as-of')).not.toBeNull();
      },
      { timeout: 30_000 },
    );
    expect(tileValue(el, 'case.online_apply_rate')).toBe('71.4%');
    expect(tileValue(el, 'case.overdue_count')).toBe('0');
    expect(el.getAttribute('as-of')).toBe('2025-03-07');
    expect(root.querySelector('.tiles-as-of')?.textContent?.trim()).toBe(
      '数据截至 2025年3月7日（数据最新至 2025年3月14日）',
    );
    // The attribute drives the control too.
    el.setAttribute('as-of', '2025-03-15');
    await vi.waitFor(() => expect(tileValue(el, 'case.overdue_count')).toBe('3'), { timeout: 30_000 });
    expect(root.querySelector<HTMLInputElement>('input#as-of')?.value).toBe('2025-03-15');
  });

  it('draws no bars of 0 and no empty trend for an export without 申报渠道', async () => {
    // 申报渠道 is the 3rd column: without it 上网办理率 (the trend and the department/channel counts) is unknown.
    const csv = `${SMALL_CASES.trim()
      .split('\n')
      .map((l) => l.split(',').toSpliced(2, 1).join(','))
      .join('\n')}\n`;
    const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
    el.setAttribute('asset-base', ASSETS);
    el.setAttribute('src', blobUrl(csv));
    el.setAttribute('as-of', '2025-03-15');
    mounted.push(el);
    document.body.append(el);
    await vi.waitFor(() => expect(tileValue(el, 'case.closure_rate')).toBe('75.0%'), { timeout: 30_000 });
    expect(tileValue(el, 'case.online_apply_rate')).toBe('本导出无此数据');
    // The panels come from the cubes, built after the first paint; the daily heatmap is drawn after them.
    const root = el.shadowRoot!;
    await vi.waitFor(() => expect(root.querySelector('assessment-calendar-heatmap')).toBeTruthy(), {
      timeout: 30_000,
    });
    expect(root.querySelector('#dept-title')).toBeNull();
    expect(root.querySelector('#channel-title')).toBeNull();
    expect(root.querySelector('#trend-title')).toBeNull();
    expect(root.querySelector('details.unavailable [data-key="case.online_apply_rate"]')?.textContent).toBe(
      '上网办理率：缺少「申报渠道」列',
    );
  });
});
