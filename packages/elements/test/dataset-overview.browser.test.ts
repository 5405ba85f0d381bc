import { afterEach, describe, expect, it, vi } from 'vitest';
import '../src/index.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';

const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** Four tickets: H1 and H3 closed, H2 open, H4 void; callbacks 满意 (H1) and 不满意 (H3). */
const HOTLINE = [
  '工单编号,受理时间,诉求渠道,承办单位,办理时限,办结时间,工单状态,回访时间,回访结果',
  'H1,2025-03-03 08:00:00,电话,县住建局,2025-03-10 08:00:00,2025-03-05 10:00:00,已办结,2025-03-06 09:00:00,满意',
  'H2,2025-03-04 09:00:00,微信,县住建局,2025-03-11 09:00:00,,办理中,,',
  'H3,2025-03-05 10:00:00,电话,县水利局,2025-03-12 10:00:00,2025-03-20 10:00:00,已办结,2025-03-21 09:00:00,不满意',
  'H4,2025-03-06 10:00:00,电话,县水利局,2025-03-13 10:00:00,,无效,,',
].join('\n');

describe('<assessment-dashboard> with only a 12345 hotline export', () => {
  it('leads with the hotline tiles, not four case tiles saying "no data"', async () => {
    const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
    el.setAttribute('asset-base', ASSETS);
    document.body.append(el);
    mounted.push(el);
    await el.loadFiles([new File([HOTLINE], 'hotline.csv')]);
    const values = () => [...(el.shadowRoot?.querySelectorAll('assessment-kpi-tile') ?? [])];
    await vi.waitFor(() => expect(values().length).toBeGreaterThan(0), { timeout: 60_000, interval: 100 });
    const tiles = values().map((t) => t.shadowRoot?.querySelector<HTMLElement>('[data-key]'));
    expect(tiles.map((v) => v?.dataset.key)).toEqual([
      'hot.closure_rate',
      'hot.on_time_rate',
      'hot.callback_rate',
      'hot.satisfaction',
    ]);
    expect(tiles.filter((v) => v?.dataset.status === 'unavailable')).toEqual([]);
    // 办结率: H1, H3 closed of the three tickets that are not void = 2/3; 满意率: 满意 of two callbacks = 1/2.
    const fraction = (key: string) => {
      const tile = values().find((t) => t.shadowRoot?.querySelector(`[data-key="${key}"]`));
      const f = tile?.shadowRoot?.querySelector<HTMLElement>('.fraction');
      return [f?.dataset.numerator, f?.dataset.denominator];
    };
    expect(fraction('hot.closure_rate')).toEqual(['2', '3']);
    expect(fraction('hot.satisfaction')).toEqual(['1', '2']);
  });
});
