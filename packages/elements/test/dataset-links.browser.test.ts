import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import '../src/index.ts';

/**
 * The hotline, on-request and disclosure panels as linked views: foldable like the case panels (state in
 * the URL), their bars filter every other panel with a chip, the overview names the best and worst 承办单位
 * without case data, and a panel that cannot follow a filter says so. Expected numbers counted in
 * data/hotline.csv with Python's csv module (see each test).
 */
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const WAIT = { timeout: 90_000, interval: 200 };
const mounted: HTMLElement[] = [];
const start = location.href;
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  history.replaceState(null, '', start);
});
beforeAll(() => document.documentElement.setAttribute('lang', 'zh-CN'));

function mount(attrs: Record<string, string>): AssessmentDashboard {
  const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
  el.setAttribute('asset-base', ASSETS);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.width = '1100px';
  document.body.append(el);
  mounted.push(el);
  return el;
}

const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const chart = (el: HTMLElement, name: string) => root(el).querySelector(`[data-panel="${name}"]`);
/** The bars of a panel's chart as label → value, from the chart's data table. */
function bars(el: HTMLElement, name: string): Map<string, string> {
  const rows = [...(chart(el, name)?.shadowRoot?.querySelectorAll('table tbody tr') ?? [])];
  return new Map(
    rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td')?.textContent ?? '']),
  );
}
const bar = (el: HTMLElement, name: string, label: string) =>
  [...(chart(el, name)?.shadowRoot?.querySelectorAll<SVGGElement>('.bar[role="button"]') ?? [])].find((b) =>
    b.getAttribute('aria-label')?.startsWith(`${label}：`),
  );
const note = (el: HTMLElement, name: string) =>
  root(el).querySelector(`[data-slot="${name}"] .scope-note`)?.textContent ?? null;

describe('dataset panels as linked views', () => {
  it('a hotline department bar filters the other panels with a chip; the overview names the best and worst', async () => {
    const el = mount({ hotline: '/data/hotline.csv', 'url-state': 'ad' });
    await vi.waitFor(() => expect(bars(el, 'hotline-dept').get('县城市管理局')).toBe('1,281'), WAIT);
    const departments = bars(el, 'hotline-dept').size;
    // Closure rate per 承办单位 with at least 30 tickets: 县消防救援大队 60 / 61 = 98.4 % the highest,
    // 县残疾人联合会 48 / 53 = 90.6 % the lowest (smaller ones, 县气象局 12 / 12 …, are not ranked).
    expect(root(el).querySelector('.overview .extremes')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '热线办结率最高：县消防救援大队（98.4%） 热线办结率最低：县残疾人联合会（90.6%）',
    );
    await vi.waitFor(() => expect(bar(el, 'hotline-dept', '县城市管理局')).toBeDefined(), WAIT);
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    bar(el, 'hotline-dept', '县城市管理局')?.dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true }),
    );
    await filtered;
    expect(el.selection).toEqual([
      { dataset: 'hotline', column: 'lead_dept', value: '县城市管理局', label: '县城市管理局' },
    ]);
    expect(new URL(location.href).searchParams.get('ad')).toBe('hotline.lead_dept:县城市管理局');
    await el.updateComplete;
    expect(root(el).querySelector('.scope-bar .chip')?.textContent).toContain('县城市管理局');
    // The tiles follow: 1,281 tickets of which 1,223 closed.
    const closure = el.results.find((r) => r.key === 'hot.closure_rate');
    expect([closure?.numerator, closure?.denominator]).toEqual([1223, 1281]);
    // The channel chart shows the department's tickets (电话 942 of its 1,281); its own chart keeps every bar.
    await vi.waitFor(() => expect(bars(el, 'hotline-channel').get('电话')).toBe('942'), WAIT);
    await vi.waitFor(() => expect(bars(el, 'hotline-dept').size).toBe(departments), WAIT);
    // The picked bar is shown pressed (once the chart has drawn the new selection).
    const pressed = () =>
      chart(el, 'hotline-dept')?.shadowRoot?.querySelectorAll('.bar[aria-pressed="true"]');
    await vi.waitFor(() => expect(pressed()).toHaveLength(1), WAIT);
    expect(pressed()?.[0]?.getAttribute('aria-label')).toMatch(/^县城市管理局：/);
    // Removing the chip brings every ticket back (电话 8,649).
    root(el).querySelector<HTMLButtonElement>('.scope-bar .chip')?.click();
    await vi.waitFor(() => expect(bars(el, 'hotline-channel').get('电话')).toBe('8,649'), WAIT);
    expect(el.selection).toEqual([]);
  });

  it('folds a dataset panel by its title, keeps it in the URL, and follows a month filter', async () => {
    const el = mount({ hotline: '/data/hotline.csv', 'url-state': 'ad' });
    await vi.waitFor(() => expect(bars(el, 'hotline-channel').get('电话')).toBe('8,649'), WAIT);
    const title = () =>
      root(el).querySelector<HTMLButtonElement>('[data-slot="hotline-channel"] h3 button.disclosure');
    expect(title()?.getAttribute('aria-expanded')).toBe('true');
    title()?.click();
    await el.updateComplete;
    expect(new URL(location.href).searchParams.get('ad-c')).toBe('hotline-channel');
    expect(chart(el, 'hotline-channel')).toBeNull();
    expect(title()?.getAttribute('aria-expanded')).toBe('false');
    expect(title()?.textContent).toContain('12345 热线各诉求渠道工单量');
    // A month filter: 县城市管理局 received 56 tickets in January 2024; the hotline panels follow months, so
    // none says it is not affected.
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    await el.select([{ dataset: 'all', column: 'month', value: '2024-01', label: '2024年1月' }]);
    await filtered;
    await vi.waitFor(() => expect(bars(el, 'hotline-dept').get('县城市管理局')).toBe('56'), WAIT);
    expect(note(el, 'hotline-dept')).toBeNull();
    expect(note(el, 'hotline-trend')).toBeNull();
    // The on-time trend is the month filter's own view: it keeps all 24 months and highlights January 2024.
    type Line = HTMLElement & { keys: string[]; selected?: [string, string] };
    await vi.waitFor(
      () => expect((chart(el, 'hotline-trend') as Line | null)?.selected).toEqual(['2024-01', '2024-01']),
      WAIT,
    );
    expect((chart(el, 'hotline-trend') as Line).keys).toHaveLength(24);
    // Picking a month there (a click or Enter on the line fires ad-select) filters every panel by it.
    const picked = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    chart(el, 'hotline-trend')?.dispatchEvent(
      new CustomEvent('ad-select', {
        detail: { from: '2024-03', to: '2024-03' },
        bubbles: true,
        composed: true,
      }),
    );
    await picked;
    expect(el.selection).toEqual([{ dataset: 'all', column: 'month', value: '2024-03', label: '2024年3月' }]);
    await el.select([{ dataset: 'all', column: 'month', value: '2024-01', label: '2024年1月' }]);
    // Unfolded, the channel chart is drawn under the filter: 518 tickets in January 2024.
    title()?.click();
    await el.updateComplete;
    expect(new URL(location.href).searchParams.has('ad-c')).toBe(false);
    await vi.waitFor(() => {
      const values = [...bars(el, 'hotline-channel').values()].map((v) => Number(v.replace(/,/g, '')));
      expect(values.reduce((a, b) => a + b, 0)).toBe(518);
    }, WAIT);
  });

  it('the table 三 line says it is not affected by a month filter', async () => {
    const el = mount({ requests: '/data/requests.csv' });
    await vi.waitFor(
      () =>
        expect(root(el).querySelector('[data-dataset-panel="request-summary"] [data-table3]')).not.toBeNull(),
      WAIT,
    );
    expect(note(el, 'request-summary')).toBeNull();
    // Without cases the overview ranks the 承办机关 with at least 30 replies by 按期答复率 (答复日期 <= 答复期限,
    // none unanswered past due): 县自然资源局 88 / 90 the highest, 县住房和城乡建设局 54 / 58 the lowest.
    await vi.waitFor(
      () =>
        expect(root(el).querySelector('.overview .extremes')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
          '依申请按期答复率最高：县自然资源局（97.8%） 依申请按期答复率最低：县住房和城乡建设局（93.1%）',
        ),
      WAIT,
    );
    await el.select([{ dataset: 'all', column: 'month', value: '2025-01', label: '2025年1月' }]);
    await el.updateComplete;
    expect(note(el, 'request-summary')).toBe('不受筛选影响：2025年1月');
    expect(note(el, 'request-dept')).toBeNull();
  });
});
