import { describe, expect, it } from 'vitest';
import { calendarDays, chineseCalendar, dayKind, nationalDayName, weekendCalendar } from '../src/index.ts';

describe('calendarDays: holidays and 调休 days of a range, without DOM', () => {
  it('2025 Spring Festival: 1-28 … 2-04 off, Sunday 1-26 and Saturday 2-08 worked', () => {
    const days = calendarDays(chineseCalendar(), '2025-01-20', '2025-02-10');
    expect(days.holidays).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(days.workdays).toEqual(['2025-01-26', '2025-02-08']);
    expect(days.unknownYears).toEqual([]);
  });

  it('says which years it does not know instead of guessing', () => {
    expect(calendarDays(chineseCalendar(), '2099-12-30', '2100-01-02').unknownYears).toEqual([2099, 2100]);
    const plain = weekendCalendar({ years: [2025], holidays: ['2025-06-10'] });
    expect(calendarDays(plain, '2025-06-09', '2025-06-11')).toEqual({
      holidays: ['2025-06-10'],
      workdays: [],
      unknownYears: [],
    });
  });

  it('dayKind and nationalDayName', () => {
    const cal = chineseCalendar();
    expect(dayKind(cal, '2025-10-01')).toBe('holiday');
    expect(dayKind(cal, '2025-09-28')).toBe('makeup');
    expect(dayKind(cal, '2025-09-27')).toBe('weekend');
    expect(dayKind(cal, '2025-09-26')).toBe('workday');
    expect(dayKind(cal, '2099-01-05')).toBe('unknown');
    expect(nationalDayName('2025-10-01')).toEqual({ zh: '国庆节', en: 'National Day' });
    expect(nationalDayName('2025-01-26')?.zh).toBe('春节');
    expect(nationalDayName('2025-03-03')).toBeUndefined();
  });
});
