import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../src/index.ts';

/**
 * Hotline-, request- and disclosure-only loads of the sample exports (data/*.csv) show their own panels.
 * Expected numbers counted in the CSVs with awk (see each test).
 */
const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});
beforeAll(() => document.documentElement.setAttribute('lang', 'zh-CN'));

function mount(attrs: Record<string, string>): HTMLElement {
  const el = document.createElement('assessment-dashboard');
  el.setAttribute('asset-base', ASSETS);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  return el;
}

const panel = (el: HTMLElement, name: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(`[data-dataset-panel="${name}"]`) ?? null;

/** The bars of a panel's chart as label → value, from the chart's data table. */
function bars(el: HTMLElement, name: string): Map<string, string> {
  const chart = el.shadowRoot?.querySelector(`[data-panel="${name}"]`);
  const rows = [...(chart?.shadowRoot?.querySelectorAll('table tbody tr') ?? [])];
  return new Map(
    rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td')?.textContent ?? '']),
  );
}

async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 160)}`));
}

const WAIT = { timeout: 90_000, interval: 200 };

describe('dataset panels', () => {
  it('a hotline-only load shows tickets by department and channel and the on-time trend', async () => {
    const el = mount({ hotline: '/data/hotline.csv' });
    await vi.waitFor(() => expect(bars(el, 'hotline-channel').size).toBeGreaterThan(0), WAIT);
    // awk -F, 'NR>1 && $8=="县城市管理局"' data/hotline.csv | wc -l → 1281 (no void tickets in the file);
    // closed ($11 or 已办结) 1223 → 95.5 %; closed by 办理时限 ($11 <= $9) 789 of 1223 → 64.5 %.
    await vi.waitFor(() => expect(bars(el, 'hotline-dept').get('县城市管理局')).toBe('1,281'), WAIT);
    const row = panel(el, 'hotline-dept')?.querySelector('tr[data-key="县城市管理局"]');
    const cells = [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    expect(cells).toEqual(['95.5%', '64.5%']);
    // awk -F, 'NR>1 && $3=="电话"' → 8649.
    expect(bars(el, 'hotline-channel').get('电话')).toBe('8,649');
    const trend = el.shadowRoot?.querySelector('assessment-line-chart[data-panel="hotline-trend"]');
    expect(trend).not.toBeNull();
    expect(panel(el, 'hotline-dept')?.querySelectorAll('.tools button')).toHaveLength(4);
    // The summary speaks of tickets by unit, not of disclosure domains.
    expect(panel(el, 'hotline-dept')?.querySelector('p.meta')?.textContent).toMatch(
      /^共 .+ 条，按承办单位分为 \d+ 组/,
    );
    // The chart's CSV: its bars with title, as-of day, the whole chart's filters (none) and the indicator's source.
    const files: Blob[] = [];
    const url = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      files.push(b as Blob);
      return 'blob:dataset-panels';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      const csv = [
        ...(panel(el, 'hotline-dept')?.querySelectorAll<HTMLButtonElement>('.tools button') ?? []),
      ];
      csv.find((b) => b.textContent === 'CSV')?.click();
      await vi.waitFor(() => expect(files).toHaveLength(1));
    } finally {
      url.mockRestore();
      click.mockRestore();
    }
    const text = (await files[0]?.text()) ?? '';
    expect(text).toContain('12345 热线各承办单位工单量,县城市管理局,县城市管理局,1281,,');
    expect(text).toContain('热线办结率（');
    expect(text).toContain('按承办单位分组');
    expect(text).not.toContain('lead_dept');
    // No case panels and no case tiles' "no data".
    expect(el.shadowRoot?.querySelector('[data-panel="dept"]')).toBeNull();
    expect(await violations(el)).toEqual([]);
  });

  it('a requests-only load shows the backlog by agency and the table 三 line', async () => {
    const el = mount({ requests: '/data/requests.csv' });
    const line = () => panel(el, 'request-summary')?.querySelector('[data-table3]') ?? null;
    await vi.waitFor(() => expect(line()).not.toBeNull(), WAIT);
    // Year 2025 (the data's as-of day): received in 2025, 216; received in 2024 and not replied before 2025, 14;
    // replied in 2025, 218; 216 + 14 − 218 = 12 still unreplied (awk over $5 收到申请日期, $12 答复日期).
    expect(panel(el, 'request-summary')?.textContent).toContain('（2025 年');
    expect(panel(el, 'request-summary')?.querySelector('[data-table3]')?.textContent).toBe(
      '本年新收 216 件，上年结转 14 件；本年度办结 218 件，结转下年度 12 件。',
    );
    // As of 2025-12-31 the 12 unreplied requests are all within their due date: no agency has an overdue
    // backlog, so a sentence replaces 16 empty bars (awk -F, 'NR>1 && $2!=""{print $2}' | sort -u | wc -l → 16),
    // and each agency's on-time rate is listed: 县自然资源局 replied 90 times, 88 by the exported 答复期限 ($12 <= $11),
    // none unanswered past due → 88 / 90.
    const zero = () => panel(el, 'request-dept')?.querySelector('[data-all-zero]') ?? null;
    await vi.waitFor(() => expect(zero()).not.toBeNull(), WAIT);
    expect(zero()?.textContent).toBe('16 个单位的逾期未答复均为 0。');
    expect(panel(el, 'request-dept')?.querySelector('assessment-bar-chart')).toBeNull();
    expect(panel(el, 'request-dept')?.querySelectorAll('tr[data-key]')).toHaveLength(16);
    expect(
      panel(el, 'request-dept')?.querySelector(
        'tr[data-key="县自然资源局"] td[data-indicator="foi.request_on_time"]',
      )?.textContent,
    ).toBe('97.8%');
    expect(el.shadowRoot?.querySelector('[data-dataset-panel="hotline-dept"]')).toBeNull();
    expect(await violations(el)).toEqual([]);
  });

  it('a disclosures-only load shows volume by month and the timeliness trend', async () => {
    const el = mount({ disclosures: '/data/disclosures.csv', lang: 'en' });
    await vi.waitFor(() => expect(bars(el, 'disclosure-months').size).toBeGreaterThan(0), WAIT);
    // awk -F, 'NR>1{print substr($10,1,7)}' data/disclosures.csv | sort | uniq -c → 2024-01: 314.
    const months = bars(el, 'disclosure-months');
    expect([...months.values()][0]).toBe('314');
    await vi.waitFor(
      () =>
        expect(
          el.shadowRoot?.querySelector('assessment-line-chart[data-panel="disclosure-timely"]'),
        ).not.toBeNull(),
      WAIT,
    );
    expect(panel(el, 'disclosure-months')?.querySelector('h3')?.textContent).toBe(
      'Proactive disclosures by month',
    );
    expect(panel(el, 'disclosure-months')?.querySelector('p.meta')?.textContent).toMatch(
      / over \d+ months; the most in /,
    );
    expect(el.shadowRoot?.querySelector('[data-dataset-panel="request-summary"]')).toBeNull();
  });

  it('disclosure panels follow a domain picked in the domain chart', async () => {
    const el = mount({ disclosures: '/data/disclosures.csv' });
    const timely = () =>
      el.shadowRoot?.querySelector('assessment-line-chart[data-panel="disclosure-timely"]') ?? null;
    await vi.waitFor(() => expect(timely()).not.toBeNull(), WAIT);
    const chart = el.shadowRoot?.querySelector('assessment-bar-chart[data-panel="domain"]');
    const bar = () =>
      [...(chart?.shadowRoot?.querySelectorAll<SVGGElement>('.bar[role="button"]') ?? [])].find((b) =>
        b.getAttribute('aria-label')?.startsWith('其他：'),
      );
    await vi.waitFor(() => expect(bar()).toBeDefined(), WAIT);
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    bar()?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await filtered;
    // awk -F, 'NR>1 && $6=="其他" && substr($10,1,7)=="2024-01"' data/disclosures.csv | wc -l → 57.
    await vi.waitFor(() => expect([...bars(el, 'disclosure-months').values()][0]).toBe('57'), WAIT);
    // The timeliness line is recomputed under the pick: "computing" first, never the old line under the chip.
    await vi.waitFor(() => expect(timely()).not.toBeNull(), WAIT);
    expect(panel(el, 'disclosure-timely')?.textContent).not.toContain('正在分组计算');
  });

  it('says which column is missing instead of drawing zeros', async () => {
    // No 承办单位 and no 办理时限: no department chart and no on-time trend, with the reason.
    const csv = [
      '工单编号,受理时间,诉求渠道,办结时间,工单状态',
      'H1,2025-03-03 08:00:00,电话,2025-03-05 10:00:00,已办结',
      'H2,2025-03-04 09:00:00,微信,,办理中',
      'H3,2025-04-05 10:00:00,电话,2025-04-20 10:00:00,已办结',
    ].join('\n');
    const el = mount({ hotline: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })) });
    await vi.waitFor(() => expect(bars(el, 'hotline-channel').size).toBe(2), WAIT);
    expect(panel(el, 'hotline-dept')?.querySelector('[data-missing]')?.textContent).toBe(
      '本导出无此数据：缺少「承办单位」列',
    );
    expect(panel(el, 'hotline-dept')?.querySelector('assessment-bar-chart')).toBeNull();
    expect(panel(el, 'hotline-trend')?.querySelector('[data-missing]')?.textContent).toBe(
      '本导出无此数据：缺少「办理时限」列',
    );
    expect(panel(el, 'hotline-trend')?.querySelector('assessment-line-chart')).toBeNull();
    // 电话: H1 and H3.
    expect(bars(el, 'hotline-channel').get('电话')).toBe('2');
  });
});
