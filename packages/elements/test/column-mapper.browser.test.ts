import { type FilePreview, parseMapping } from '@assessment-dashboard/core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../src/index.ts';
import '../src/column-mapper/define.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';

const ASSETS = '/node_modules/@duckdb/duckdb-wasm/dist/';
const COUNTY = ['办件编号', '受理部门', '申报渠道', '受理时间', '办结时间', '承诺办结时限', '办理状态'];

beforeAll(() => document.documentElement.removeAttribute('lang'));
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

type Updating = HTMLElement & { updateComplete: Promise<unknown> };
async function mapper(preview: FilePreview): Promise<ShadowRoot> {
  const el = document.createElement('assessment-column-mapper') as Updating & { preview: FilePreview };
  el.preview = preview;
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el.shadowRoot as ShadowRoot;
}
const select = (root: ShadowRoot, css: string) => root.querySelector<HTMLSelectElement>(css);

describe('<assessment-column-mapper> first guess', () => {
  it('takes the county case export (受理时间, no 申请时间) for cases, with the clock start filled', async () => {
    const root = await mapper({ headers: COUNTY, samples: {}, dataset: undefined, candidates: [] });
    expect(select(root, 'form > p select')?.value).toBe('cases');
    expect(select(root, '#f-accepted_at')?.value).toBe('受理时间');
    // 受理时间 fills the clock-start role alone: nothing is missing and both role fields say "one of".
    expect(root.querySelector('.missing')).toBeNull();
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
    const mark = (key: string) =>
      root.querySelector(`#f-${key}`)?.closest('tr')?.querySelector('.required')?.textContent;
    expect(mark('accepted_at')).toBe('（任填其一）');
    expect(mark('submitted_at')).toBe('（任填其一）');
    expect(mark('case_id')).toBe('（必填）');
  });

  it('names the clock-start role when neither of its columns is chosen', async () => {
    const root = await mapper({
      headers: ['办件编号', '备注'],
      samples: {},
      dataset: 'cases',
      candidates: ['cases'],
    });
    expect(root.querySelector('.missing')?.textContent).toBe('仍需指定：受理时间 / 申请时间');
  });
});

describe('<assessment-column-mapper> recode values', () => {
  it('pre-selects a suggested code, leaves the rest to the analyst, and puts chosen codes in the mapping', async () => {
    const root = await mapper({
      headers: ['流水编码', '工单登记时间(北京时间)', '来电来源渠道'],
      samples: {},
      dataset: undefined,
      candidates: [],
      values: {
        来电来源渠道: [
          { value: '电话', count: 812 },
          { value: '市长热线', count: 356 },
          { value: '网站留言', count: 97 },
        ],
      },
    });
    expect(select(root, 'form > p select')?.value).toBe('hotline');
    expect(select(root, '#f-channel')?.value).toBe('来电来源渠道');
    // 电话 is a label: not listed. 网站留言 shares 网站 with web's label; 市长热线 is close to nothing.
    expect([...root.querySelectorAll('table.recode tbody th')].map((th) => th.textContent)).toEqual([
      '市长热线',
      '网站留言',
    ]);
    expect(select(root, 'select[data-value="网站留言"]')?.value).toBe('web');
    expect(select(root, 'select[data-value="网站留言"]')?.selectedOptions[0]?.textContent).toBe(
      '网站（web）（建议）',
    );
    expect(select(root, 'select[data-value="市长热线"]')?.value).toBe('');
    const m = root.host as HTMLElement & { mapping: { values?: unknown } };
    expect(m.mapping.values).toEqual({ channel: { 网站留言: 'web' } });
  });
});

describe('<assessment-dashboard> with an export several datasets fit', () => {
  it('shows the mapping screen naming the tied datasets instead of guessing', async () => {
    const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
    el.setAttribute('asset-base', ASSETS);
    document.body.append(el);
    mounted.push(el);
    const csv = '受理编号,受理时间,受理渠道,办理状态,满意度\nH01,2025-03-03 08:30:00,电话,已办结,满意\n';
    await el.loadFiles([new File([csv], 'tickets.csv')]);
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('assessment-column-mapper')).not.toBeNull(), {
      timeout: 30_000,
    });
    const m = el.shadowRoot?.querySelector('assessment-column-mapper') as Updating;
    await m.updateComplete;
    expect(m.shadowRoot?.textContent).toContain('表头同样符合多类数据（办件、12345热线工单）');
    expect(m.shadowRoot?.querySelector<HTMLSelectElement>('form > p select')?.value).toBe('cases');
  });
});

describe('<assessment-import-report> with a column taken from another', () => {
  it('says which column the file lacked and where its values came from', async () => {
    const el = document.createElement('assessment-import-report') as Updating & {
      imports: unknown[];
      entries: unknown[];
    };
    el.imports = [
      {
        dataset: 'cases',
        file: 'county.csv',
        encoding: 'utf-8',
        timezone: 'Asia/Shanghai',
        read: 5,
        loaded: 5,
        rejected: 0,
        warnings: 0,
        mapped: {},
        unknown: [],
        rejectReasons: {},
        unmappedValues: {},
        pii: [],
        filled: { submitted_at: 'accepted_at' },
      },
    ];
    el.entries = [];
    document.body.append(el);
    mounted.push(el);
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).toContain('文件中没有、取自其他列的列');
    expect(el.shadowRoot?.querySelector('li')?.textContent).toBe(
      'county.csv · 申请时间（submitted_at） ← 受理时间（accepted_at）',
    );
  });
});

describe('<assessment-dashboard> recoding a hotline export on the mapping screen', () => {
  const LA = [
    'SRNumber,CreatedDate,ClosedDate,Owner,RequestSource,Status',
    '1-001,2024-03-09 23:30:00,2024-03-10 09:00:00,BSS,Call,Closed',
    '1-002,2024-07-01 08:00:00,,LASAN,Self Service,Open',
    '1-003,2024-07-01 08:05:00,2024-07-02 10:00:00,LASAN,Mobile App,Closed',
    '1-004,2024-07-02 13:00:00,2024-07-02 14:00:00,BOE,Call,Closed',
  ].join('\n');
  const choose = (s: HTMLSelectElement | null | undefined, value: string) => {
    if (!s) throw new Error(`no select for ${value}`);
    s.value = value;
    s.dispatchEvent(new Event('change'));
  };
  const dashboard = () => {
    const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
    el.setAttribute('asset-base', ASSETS);
    document.body.append(el);
    mounted.push(el);
    return el;
  };
  const ready = (el: AssessmentDashboard) =>
    vi.waitFor(() => expect(el.imports.length).toBe(1), { timeout: 60_000, interval: 100 });

  it('lists Call and Self Service with their counts, recodes them as chosen, and the import has no warnings', async () => {
    const el = dashboard();
    await el.loadFiles([new File([LA], 'la311.csv')]);
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('assessment-column-mapper')).not.toBeNull(), {
      timeout: 30_000,
    });
    const m = el.shadowRoot?.querySelector('assessment-column-mapper') as Updating & { mapping: unknown };
    await m.updateComplete;
    const root = m.shadowRoot as ShadowRoot;
    choose(select(root, 'form > p select'), 'hotline');
    await m.updateComplete;
    for (const [key, header] of [
      ['ticket_id', 'SRNumber'],
      ['received_at', 'CreatedDate'],
      ['closed_at', 'ClosedDate'],
      ['lead_dept', 'Owner'],
      ['channel', 'RequestSource'],
      ['status', 'Status'],
    ] as const) {
      choose(select(root, `#f-${key}`), header);
      await m.updateComplete;
    }
    // Only the channel column has values the importer does not know (Mobile App, Closed and Open are labels).
    const tables = [...root.querySelectorAll('table.recode')];
    expect(tables.map((t) => t.getAttribute('data-field'))).toEqual(['channel']);
    const rows = [...(tables[0]?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('th, td.count')].map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Call', '2'],
      ['Self Service', '1'],
    ]);
    // "Call" shares no word with a channel's labels: nothing suggested, the analyst picks.
    expect(select(root, 'select[data-value="Call"]')?.value).toBe('');
    choose(select(root, 'select[data-value="Call"]'), 'phone');
    choose(select(root, 'select[data-value="Self Service"]'), 'web');
    await m.updateComplete;
    expect(m.mapping).toEqual({
      dataset: 'hotline',
      columns: {
        ticket_id: 'SRNumber',
        received_at: 'CreatedDate',
        closed_at: 'ClosedDate',
        lead_dept: 'Owner',
        channel: 'RequestSource',
        status: 'Status',
      },
      values: { channel: { Call: 'phone', 'Self Service': 'web' } },
    });

    // The exported file is what `--mapping` reads: parsed by core's parseMapping it is the same mapping.
    let saved: Blob | undefined;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved = b as Blob;
      return 'blob:mapping';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    root.querySelector<HTMLButtonElement>('button[type="button"]')?.click();
    create.mockRestore();
    click.mockRestore();
    const exported = parseMapping(JSON.parse(await (saved as Blob).text()), 'la311.mapping.json');
    expect(exported).toEqual({ ...(m.mapping as object), formats: undefined, timezone: undefined });

    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await ready(el);
    expect(el.imports[0]).toMatchObject({
      dataset: 'hotline',
      read: 4,
      loaded: 4,
      warnings: 0,
      unmappedValues: {},
    });

    // Round trip: the exported file given to a fresh dashboard imports the export at once, as the CLI would.
    const again = dashboard();
    again.importMapping = exported;
    await again.loadFiles([new File([LA], 'la311.csv')]);
    await ready(again);
    expect(again.shadowRoot?.querySelector('assessment-column-mapper')).toBeNull();
    expect(again.imports[0]).toMatchObject({ loaded: 4, warnings: 0, unmappedValues: {} });
  });

  it('without the recodes the same import warns about each Call and Self Service row', async () => {
    const el = dashboard();
    el.importMapping = {
      dataset: 'hotline',
      columns: {
        ticket_id: 'SRNumber',
        received_at: 'CreatedDate',
        channel: 'RequestSource',
        status: 'Status',
      },
    };
    await el.loadFiles([new File([LA], 'la311.csv')]);
    await ready(el);
    expect(el.imports[0]).toMatchObject({
      warnings: 3,
      unmappedValues: {
        channel: [
          { value: 'Call', count: 2 },
          { value: 'Self Service', count: 1 },
        ],
      },
    });
  });
});
