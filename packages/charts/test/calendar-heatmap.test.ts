import { describe, expect, it } from 'vitest';
import { calendarModel, renderCalendarHeatmap } from '../src/calendar-heatmap.ts';

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('calendarModel', () => {
  it('fills every day of the range, sums repeated days and levels values in quarters of the largest', () => {
    const days = calendarModel(
      { dates: ['2025-03-03 09:00:00', '2025-03-03', '2025-03-05', '2025-03-06'], values: [10, 10, 5, 0] },
      {
        holidays: new Set(['2025-03-05']),
        workdays: new Set(['2025-03-08', '2025-03-07']),
        to: '2025-03-09',
      },
    );
    expect(days.map((d) => d.date)).toEqual([
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
      '2025-03-08',
      '2025-03-09',
    ]);
    expect(days[0]?.value).toBe(20);
    expect(days.map((d) => d.level)).toEqual([4, 0, 1, 0, 0, 0, 0]);
    expect(Number.isNaN(days[1]?.value)).toBe(true);
    expect(days[2]?.holiday).toBe(true);
    // A listed working day counts as 调休上班 only on a weekend.
    expect(days.filter((d) => d.workday).map((d) => d.date)).toEqual(['2025-03-08']);
    expect(days.filter((d) => d.weekend).map((d) => d.date)).toEqual(['2025-03-08', '2025-03-09']);
  });

  it('is empty without data or with a reversed range', () => {
    expect(calendarModel({ dates: [], values: [] }, {})).toEqual([]);
    expect(
      calendarModel({ dates: ['2025-03-03'], values: [1] }, { from: '2025-03-05', to: '2025-03-01' }),
    ).toEqual([]);
  });
});

describe('renderCalendarHeatmap', () => {
  const dates = Array.from({ length: 90 }, (_, i) =>
    new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
  );
  const data = { dates, values: dates.map((_, i) => i % 7) };

  it('lays month blocks side by side when they fit and wraps them when they do not', () => {
    const el = svg();
    renderCalendarHeatmap(el, data, { width: 800, label: 'x', cell: 20 });
    expect(el.querySelectorAll('.month').length).toBe(3);
    expect(el.querySelectorAll('.day').length).toBe(90);
    const x = (i: number) => el.querySelectorAll('.month')[i]?.getAttribute('transform');
    expect(x(1)).toBe('translate(152,0)');
    const wide = Number(el.getAttribute('height'));
    renderCalendarHeatmap(el, data, { width: 300, label: 'x', cell: 20 });
    expect(el.querySelectorAll('.day').length).toBe(90);
    expect(x(1)).toBe(`translate(152,0)`);
    expect(x(2)?.startsWith('translate(0,')).toBe(true);
    expect(Number(el.getAttribute('height'))).toBeGreaterThan(wide);
  });

  it('draws the strip layout as one row of days per month under a line per year', () => {
    const el = svg();
    renderCalendarHeatmap(el, data, {
      width: 400,
      label: 'x',
      cell: 20,
      layout: 'strip',
      monthLabel: (ym) => `${Number(ym.slice(5))}月`,
      yearLabel: (y) => `${y}年`,
    });
    expect(el.classList.contains('strip')).toBe(true);
    // label column round(20 × 1.6) = 32; day columns floor((400 − 32) / 31) = 11; rows max(11, round(14)) = 14;
    // the year line round(20 × 1.1) = 22 above January.
    const months = [...el.querySelectorAll('.month')];
    expect(months.map((m) => m.getAttribute('transform'))).toEqual([
      'translate(0,22)',
      'translate(0,36)',
      'translate(0,50)',
    ]);
    expect(Number(el.getAttribute('height'))).toBe(64);
    expect([...el.querySelectorAll('.year-label')].map((t) => t.textContent)).toEqual(['2025年']);
    expect(months.map((m) => m.querySelector('.month-label')?.textContent)).toEqual(['1月', '2月', '3月']);
    expect(el.querySelector('.day[data-date="2025-01-15"]')?.getAttribute('transform')).toBe(
      'translate(186,0)',
    );
    expect(el.querySelector('.day[data-date="2025-01-15"] .fill')?.getAttribute('width')).toBe('9');
    expect(el.querySelectorAll('.weekdays').length).toBe(0);
    expect(el.querySelectorAll('.day').length).toBe(90);
  });

  it('puts days under their weekday (Monday first) and marks holidays with text, not only colour', () => {
    const el = svg();
    renderCalendarHeatmap(el, data, {
      width: 800,
      label: 'x',
      cell: 20,
      holidays: new Set(['2025-01-01']),
      workdays: new Set(['2025-01-26']),
      describe: (d) => d.date,
    });
    // 2025-01-01 was a Wednesday: third column.
    expect(el.querySelector('.day[data-date="2025-01-01"]')?.getAttribute('transform')).toBe(
      'translate(40,0)',
    );
    expect(el.querySelector('.day[data-date="2025-01-06"]')?.getAttribute('transform')).toBe(
      'translate(0,20)',
    );
    expect(el.querySelector('.day[data-date="2025-01-01"] .mark')?.textContent).toBe('休');
    expect(el.querySelector('.day[data-date="2025-01-26"] .mark')?.textContent).toBe('班');
    expect(el.querySelector('.day[data-date="2025-01-01"]')?.getAttribute('aria-label')).toBe('2025-01-01');
    expect(el.querySelectorAll('[tabindex="0"]').length).toBe(1);
    // SVG elements (the cells are parsed from markup), with their geometry.
    const fill = el.querySelector<SVGRectElement>('.day[data-date="2025-01-01"] .fill');
    expect(fill?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(fill?.width.baseVal.value).toBe(18);
    expect(el.querySelector('.day title')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('escapes the names it writes into the cells’ markup', () => {
    const el = svg();
    renderCalendarHeatmap(el, data, { width: 800, label: 'x', describe: () => `<b>"&'</b>` });
    expect(el.querySelector('.day')?.getAttribute('aria-label')).toBe(`<b>"&'</b>`);
    expect(el.querySelector('.day title')?.textContent).toBe(`<b>"&'</b>`);
    expect(el.querySelector('.day b')).toBeNull();
  });

  it('updates the cells in place for new values in the same layout, and redraws for another layout', () => {
    const el = svg();
    const options = { width: 800, label: 'x', cell: 20, describe: (d: { value: number }) => `n=${d.value}` };
    renderCalendarHeatmap(el, data, options);
    const day = el.querySelector('.day[data-date="2025-01-02"]');
    expect(day?.getAttribute('class')).toBe('day l1');
    const values = dates.map((_, i) => (i === 1 ? 6 : 1));
    renderCalendarHeatmap(el, { dates, values }, { ...options, selected: '2025-01-03', label: 'y' });
    // The same node, with the new value's level, name and tooltip; the selection moved.
    expect(el.querySelector('.day[data-date="2025-01-02"]')).toBe(day);
    expect(day?.getAttribute('class')).toBe('day l4');
    expect(day?.getAttribute('aria-label')).toBe('n=6');
    expect(day?.querySelector('title')?.textContent).toBe('n=6');
    expect(el.querySelector('.day[data-date="2025-01-03"]')?.getAttribute('class')).toBe('day l1 selected');
    expect(el.querySelector('.day[data-date="2025-01-03"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(el.querySelector('.day[data-date="2025-01-03"]')?.getAttribute('tabindex')).toBe('0');
    expect(el.querySelectorAll('[tabindex="0"]').length).toBe(1);
    expect(el.getAttribute('aria-label')).toBe('y');
    // Another width, or other holidays: drawn anew.
    renderCalendarHeatmap(el, { dates, values }, { ...options, width: 300 });
    expect(el.querySelector('.day[data-date="2025-01-02"]')).not.toBe(day);
    const narrow = el.querySelector('.day[data-date="2025-01-02"]');
    renderCalendarHeatmap(
      el,
      { dates, values },
      { ...options, width: 300, holidays: new Set(['2025-01-02']) },
    );
    expect(el.querySelector('.day[data-date="2025-01-02"]')).not.toBe(narrow);
    expect(el.querySelector('.day[data-date="2025-01-02"] .mark')?.textContent).toBe('休');
  });
});
