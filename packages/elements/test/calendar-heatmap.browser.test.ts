import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentCalendarHeatmap, CalendarSelectDetail } from '../src/index.ts';
import '../src/index.ts';
import '../src/calendar-heatmap/define.ts';

/** 2025-01-20 … 2025-02-10 around the Spring Festival: 1-28 … 2-04 off, Sunday 1-26 and Saturday 2-08 worked. */
const DATES: string[] = [];
const VALUES: number[] = [];
for (let d = Date.UTC(2025, 0, 20); d <= Date.UTC(2025, 1, 10); d += 86_400_000) {
  const iso = new Date(d).toISOString().slice(0, 10);
  if (iso === '2025-02-05') continue; // a day without data
  DATES.push(iso);
  VALUES.push(iso >= '2025-01-28' && iso <= '2025-02-04' ? 2 : 40 + DATES.length);
}
VALUES[0] = 12_000;

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(props: Partial<AssessmentCalendarHeatmap> = {}, width = 720) {
  const el = document.createElement('assessment-calendar-heatmap');
  Object.assign(el, { dates: DATES, values: VALUES }, props);
  el.style.display = 'block';
  el.style.width = `${width}px`;
  document.body.append(el);
  mounted.push(el);
  await vi.waitFor(() => expect(el.shadowRoot?.querySelectorAll('.day').length).toBeGreaterThan(0));
  await el.updateComplete;
  return el;
}

async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} — ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`),
  );
}

const cell = (el: HTMLElement, date: string) =>
  el.shadowRoot!.querySelector<SVGGElement>(`.day[data-date="${date}"]`)!;

describe('<assessment-calendar-heatmap>', () => {
  it('has no axe-core violations (WCAG 2.1 A/AA), in Chinese and English, table open', async () => {
    const zh = await mount({ lang: 'zh-CN' });
    expect(await violations(zh)).toEqual([]);
    const en = await mount({ lang: 'en' });
    en.shadowRoot!.querySelector('details')!.open = true;
    expect(await violations(en)).toEqual([]);
  });

  it('draws one cell per day of the range and marks holidays and 调休 working days without colour', async () => {
    const el = await mount({ lang: 'zh-CN' });
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('.day').length).toBe(22);
    expect(root.querySelectorAll('.month').length).toBe(2);
    const holidays = [...root.querySelectorAll('.day.holiday')].map((c) => c.getAttribute('data-date'));
    expect(holidays).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ]);
    for (const d of holidays) {
      expect(cell(el, d!).querySelector('.mark')?.textContent).toBe('休');
      expect(cell(el, d!).querySelector('.hatch-overlay')).not.toBeNull();
    }
    expect([...root.querySelectorAll('.day.workday')].map((c) => c.getAttribute('data-date'))).toEqual([
      '2025-01-26',
      '2025-02-08',
    ]);
    expect(cell(el, '2025-01-26').querySelector('.mark')?.textContent).toBe('班');
    expect(cell(el, '2025-01-27').querySelector('.mark')).toBeNull();
    expect(cell(el, '2025-02-05').classList.contains('none')).toBe(true);
    // Names carry the exact value and the kind of day; the largest day is the darkest.
    expect(cell(el, '2025-01-20').getAttribute('aria-label')).toBe('2025年1月20日 星期一：12,000 件，工作日');
    expect(cell(el, '2025-01-20').classList.contains('l4')).toBe(true);
    expect(cell(el, '2025-01-29').getAttribute('aria-label')).toBe(
      '2025年1月29日 星期三：2 件，休：法定节假日或调休休息（春节）',
    );
    expect(cell(el, '2025-02-05').getAttribute('aria-label')).toContain('无数据');
    // The summary is visible, is the chart's name and abbreviates the large total with the exact value.
    const summary = root.querySelector('p.summary')?.textContent ?? '';
    expect(summary).toMatch(
      /^2025年1月20日至2025年2月10日共 1\.3万（12,\d{3}）件，工作日日均 .+ 件，节假日日均 2 件，最多的一天是2025年1月20日（12,000 件）。$/,
    );
    expect(root.querySelector('svg')?.getAttribute('aria-label')).toBe(summary);
    // The data table holds every day with the exact value.
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.length).toBe(22);
    expect(rows[0]?.querySelector('td')?.textContent).toBe('12,000');
  });

  it('walks days with the arrow keys and fires ad-select on Enter', async () => {
    const el = await mount({ lang: 'zh-CN' });
    const root = el.shadowRoot!;
    const first = cell(el, '2025-01-20');
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(root.querySelectorAll('.day[tabindex="0"]').length).toBe(1);
    first.focus();
    const key = (k: string) =>
      root.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }),
      );
    key('ArrowRight');
    expect(root.activeElement?.getAttribute('data-date')).toBe('2025-01-21');
    key('ArrowDown');
    expect(root.activeElement?.getAttribute('data-date')).toBe('2025-01-28');
    key('ArrowLeft');
    expect(root.activeElement?.getAttribute('data-date')).toBe('2025-01-27');
    key('ArrowUp');
    key('ArrowUp');
    // Clamped to the first day of the range.
    expect(root.activeElement?.getAttribute('data-date')).toBe('2025-01-20');
    key('End');
    expect(root.activeElement?.getAttribute('data-date')).toBe('2025-02-10');
    key('PageUp');
    expect(root.activeElement?.getAttribute('data-date')).toBe('2025-01-20');
    for (let i = 0; i < 9; i++) key('ArrowRight');
    expect(root.querySelectorAll('.day[tabindex="0"]').length).toBe(1);
    const picked = new Promise<CalendarSelectDetail>((resolve) =>
      el.addEventListener('ad-select', (e) => resolve((e as CustomEvent<CalendarSelectDetail>).detail), {
        once: true,
      }),
    );
    key('Enter');
    expect(await picked).toEqual({
      date: '2025-01-29',
      value: 2,
      holiday: true,
      workday: false,
      weekend: false,
    });
  });

  it('redraws on resize from the columns it holds and keeps the focused day', async () => {
    const el = await mount({ lang: 'en' }, 720);
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('width')).toBe('720');
    cell(el, '2025-01-22').focus();
    el.style.width = '300px';
    await vi.waitFor(() => expect(svg.getAttribute('width')).toBe('300'));
    expect(el.shadowRoot!.querySelectorAll('.day').length).toBe(22);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-date')).toBe('2025-01-22');
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);
    expect(cell(el, '2025-01-29').querySelector('.mark')?.textContent).toBe('H');
  });

  it('is a month strip on a phone-wide element, where ↑/↓ move by month', async () => {
    const el = await mount({ lang: 'zh-CN' }, 300);
    const root = el.shadowRoot!;
    expect(root.querySelector('svg')?.classList.contains('strip')).toBe(true);
    expect([...root.querySelectorAll('.month-label')].map((t) => t.textContent)).toEqual(['1月', '2月']);
    expect(root.querySelector('.year-label')?.textContent).toBe('2025年');
    cell(el, '2025-01-22').focus();
    root.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }),
    );
    expect(root.activeElement?.getAttribute('data-date')).toBe('2025-02-10'); // 02-22 is past the range's end
    root.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }),
    );
    expect(root.activeElement?.getAttribute('data-date')).toBe('2025-01-20'); // 01-10 is before its start
    // 720 px: month blocks again.
    el.style.width = '720px';
    await vi.waitFor(() => expect(root.querySelector('svg')?.classList.contains('strip')).toBe(false));
  });

  it('uses the holidays and working days it is given instead of the national calendar', async () => {
    const el = await mount({ lang: 'zh-CN', holidays: ['2025-01-21'], workdays: [] });
    expect(
      [...el.shadowRoot!.querySelectorAll('.day.holiday')].map((c) => c.getAttribute('data-date')),
    ).toEqual(['2025-01-21']);
    expect(el.shadowRoot!.querySelectorAll('.day.workday').length).toBe(0);
  });
});
