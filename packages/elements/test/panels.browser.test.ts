import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';
import { type DashboardPanel, registeredPanels, registerPanel } from '../src/index.ts';

const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  vi.restoreAllMocks();
});

function mount(attrs: Record<string, string>): AssessmentDashboard {
  const el = document.createElement('assessment-dashboard');
  el.setAttribute('asset-base', ASSETS);
  el.setAttribute('lang', 'zh-CN');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  return el;
}

const ready = (el: AssessmentDashboard) =>
  new Promise<void>((resolve, reject) => {
    el.addEventListener('ad-ready', () => resolve(), { once: true });
    el.addEventListener('ad-error', (e) => reject(new Error((e as CustomEvent).detail.message)), {
      once: true,
    });
  });

/** A host's own panel: the online application rate as text, and a button that filters to 甲局. */
const hostPanel: DashboardPanel = {
  name: 'host-rate',
  section: 'cases',
  needs: [],
  render(state, selection, lang, actions) {
    const rate = state.computed.find((c) => c.result.key === 'case.online_apply_rate')?.result;
    return html`<section class="panel" data-host-panel>
      <p class="rate">${rate?.numerator}/${rate?.denominator}</p>
      <p class="picked">${selection.map((s) => s.label).join(',')}</p>
      <p class="lang">${lang}</p>
      <button type="button" @click=${() => actions.toggle('cases', 'dept_name', '甲局', '甲局')}>甲局</button>
    </section>`;
  },
};

describe('panels as plug-ins', () => {
  it('the built-in panels are registered in their order, each with a section', () => {
    const names = registeredPanels().map((p) => [p.name, p.section]);
    expect(names.slice(0, 10)).toEqual([
      ['tiles', 'cases'],
      ['scorecard', 'cases'],
      ['watch', 'alerts'],
      ['supervision', 'alerts'],
      ['trend', 'cases'],
      ['dept', 'cases'],
      ['channel', 'cases'],
      ['daily', 'cases'],
      ['drill', 'detail'],
      ['domain', 'disclosure'],
    ]);
  });

  it('shows a panel the host registered, only the panels named, and lets it filter the others', async () => {
    registerPanel(hostPanel);
    const el = mount({ src: blobUrl(SMALL_CASES), 'as-of': '2025-03-15', panels: 'tiles, host-rate' });
    await ready(el);
    await el.updateComplete;
    const root = el.shadowRoot as ShadowRoot;
    const panel = root.querySelector('[data-host-panel]') as HTMLElement;
    expect(panel.querySelector('.rate')?.textContent).toBe('6/10');
    expect(panel.querySelector('.lang')?.textContent).toBe('zh');
    // Only the panels named: the tiles and the host's, no chart.
    expect(root.querySelectorAll('assessment-kpi-tile').length).toBe(4);
    expect(
      root.querySelector('assessment-bar-chart, assessment-line-chart, assessment-scorecard'),
    ).toBeNull();
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    (panel.querySelector('button') as HTMLButtonElement).click();
    await filtered;
    await el.updateComplete;
    // 甲局: C01–C04, online C01, C02, C03.
    expect(root.querySelector('[data-host-panel] .rate')?.textContent).toBe('3/4');
    expect(root.querySelector('[data-host-panel] .picked')?.textContent).toBe('甲局');
    expect(el.selection).toEqual([{ dataset: 'cases', column: 'dept_name', value: '甲局', label: '甲局' }]);
  });

  it('exports the department counts with their own source and the filters in force', async () => {
    const el = mount({ src: blobUrl(SMALL_CASES), 'as-of': '2025-03-15', panels: 'dept, channel' });
    await ready(el);
    const root = el.shadowRoot as ShadowRoot;
    await vi.waitFor(() => expect(root.querySelector('[data-panel="dept"]')).not.toBeNull(), {
      timeout: 30_000,
    });
    const filtered = new Promise((r) => el.addEventListener('ad-filter', r, { once: true }));
    await el.select([{ dataset: 'cases', column: 'apply_channel', value: 'window', label: '窗口' }]);
    await filtered;
    await el.updateComplete;
    const texts: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      void (b as Blob).text().then((t) => texts.push(t));
      return 'blob:dept';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const section = root.querySelector('[data-panel="dept"]')?.closest('section') as HTMLElement;
    const csv = [...section.querySelectorAll('button')].find(
      (b) => b.textContent === 'CSV',
    ) as HTMLButtonElement;
    csv.click();
    await vi.waitFor(() => expect(texts.length).toBe(1));
    const lines = (texts[0] ?? '')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('indicator,category,label,value,withheld,as_of,filters,scope,source');
    // Window cases: 甲局 C04; 乙局 C05, C09, C10. The chart's own column is not in its scope; the channel is.
    const rows = lines.slice(1);
    expect(rows.map((r) => r.split(',').slice(0, 4).join(','))).toEqual([
      '各部门办件量,乙局,乙局,3',
      '各部门办件量,甲局,甲局,1',
    ]);
    expect(rows[0]).toContain('"{""cases.apply_channel"":[""window""]}",筛选：窗口,');
    expect(rows[0]).toContain('办件数据（cases）：按受理部门统计的收件数');
    // Not the online application rate's source, which this export used to borrow.
    expect(rows[0]).not.toContain('庆政办发');
  });
});
