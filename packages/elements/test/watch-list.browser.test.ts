import type { WatchList } from '@assessment-dashboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.ts';
import '../src/watch-list/define.ts';
import { WATCH_ROWS_FIRST } from '../src/watch-list/watch-list.ts';

const LIST: WatchList = {
  asOf: '2025-03-18 23:59:59',
  rows: [
    {
      case_id: 'A1',
      dept_name: '甲局',
      item_name: '建设工程规划许可',
      accepted_at: null,
      due_day: '2025-03-03',
      card: 'red',
      working_days: 11,
    },
    {
      case_id: 'B1',
      dept_name: '乙局',
      item_name: null,
      accepted_at: null,
      due_day: '2025-03-10',
      card: 'red',
      working_days: 6,
    },
    {
      case_id: 'B2',
      dept_name: '乙局',
      item_name: null,
      accepted_at: null,
      due_day: '2025-03-19',
      card: 'yellow',
      working_days: 1,
    },
  ],
  total: { red: 2, yellow: 1 },
  byDept: [
    { dept_name: '乙局', red: 1, yellow: 1 },
    { dept_name: '甲局', red: 1, yellow: 0 },
  ],
};

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(list: WatchList, lang = 'zh-CN') {
  const el = document.createElement('assessment-watch-list') as HTMLElement & {
    watchList: WatchList;
    updateComplete: Promise<unknown>;
  };
  el.watchList = list;
  el.setAttribute('lang', lang);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

describe('<assessment-watch-list>', () => {
  it('is a labelled table: caption, column and row headers, cards in words', async () => {
    const el = await mount(LIST);
    const root = el.shadowRoot!;
    expect(root.querySelector('table caption')?.textContent).toBe('截至2025年3月18日：红牌 2 件，黄牌 1 件');
    expect(root.querySelectorAll('thead th[scope="col"]')).toHaveLength(6);
    expect([...root.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent)).toEqual([
      'A1',
      'B1',
      'B2',
    ]);
    expect([...root.querySelectorAll('.card')].map((c) => c.textContent)).toEqual(['红牌', '红牌', '黄牌']);
    const region = root.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-label')).toBe('超期与红黄牌预警');
    expect(region?.getAttribute('tabindex')).toBe('0');
  });

  it('narrows rows and counts to the department picked, and says so with an event', async () => {
    const el = await mount(LIST);
    const root = el.shadowRoot!;
    const events: string[] = [];
    el.addEventListener('ad-watch-dept', (e) => events.push((e as CustomEvent).detail.dept));
    const select = root.querySelector('select')!;
    select.value = '甲局';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([...root.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['A1']);
    expect(root.querySelector('caption')?.textContent).toBe('截至2025年3月18日：红牌 1 件，黄牌 0 件');
    expect(events).toEqual(['甲局']);
  });

  it('says when the list was cut, and when nothing is late, in English too', async () => {
    const cut = await mount({ ...LIST, rows: LIST.rows.slice(0, 1) }, 'en');
    expect(cut.shadowRoot!.querySelector('p.meta')?.textContent).toBe('Showing the 1 most urgent of 3.');
    expect(cut.shadowRoot!.querySelector('td:last-child')?.textContent?.trim()).toBe('11 working days late');
    const none = await mount({ ...LIST, rows: [], total: { red: 0, yellow: 0 }, byDept: [] }, 'en');
    expect(none.shadowRoot!.querySelector('[role="status"]')?.textContent).toBe(
      'No open case is past due or due soon.',
    );
  });

  it('shows the first rows, then more on request, the button gone and focus kept once all are there', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => ({
      ...(LIST.rows[0] as WatchList['rows'][number]),
      case_id: `C${i}`,
      dept_name: i % 2 ? '乙局' : '甲局',
    }));
    const el = await mount({ ...LIST, rows, total: { red: 130, yellow: 0 } });
    const root = el.shadowRoot!;
    const shown = () => root.querySelectorAll('tbody tr').length;
    expect(shown()).toBe(WATCH_ROWS_FIRST);
    const more = root.querySelector<HTMLButtonElement>('button.more')!;
    expect(more.textContent).toBe('再显示 80 件（还有 80 件未显示）');
    more.focus();
    more.click();
    await el.updateComplete;
    expect(shown()).toBe(130);
    expect(root.querySelector('button.more')).toBeNull();
    expect(root.activeElement?.getAttribute('data-scroller')).not.toBeNull();
    // A department picked starts from the first rows again: 65 of 乙局, 50 shown.
    const select = root.querySelector('select')!;
    select.value = '乙局';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shown()).toBe(WATCH_ROWS_FIRST);
    expect(root.querySelector('button.more')?.textContent).toBe('再显示 15 件（还有 15 件未显示）');
  });
});
