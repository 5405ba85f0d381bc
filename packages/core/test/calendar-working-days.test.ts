import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  chineseCalendar,
  isWorkday,
  type Pause,
  pausedWorkingDays,
  weekendCalendar,
  workingDaysBetween,
} from '../src/calendar/index.ts';
import { isoOf, yearOfDay } from '../src/dates.ts';

const cn = chineseCalendar();

describe('addWorkingDays (start day not counted, §2.2 / §2.4)', () => {
  it('crosses 国庆 2025: 20 working days from 2025-09-25', () => {
    // 9/26, 9/28 (Sun 上班), 9/29, 9/30, [10/1–10/8 off], 10/9, 10/10, 10/11 (Sat 上班), then 13 weekdays.
    expect(addWorkingDays(cn, '2025-09-25', 20)).toBe('2025-10-29');
    expect(addWorkingDays(cn, '2025-09-25', 4)).toBe('2025-09-30');
    expect(addWorkingDays(cn, '2025-09-25', 5)).toBe('2025-10-09');
  });

  it('crosses 春节 2025 including both make-up days', () => {
    // 1/21–1/24, 1/26 (Sun), 1/27, [1/28–2/4 off], 2/5–2/7, 2/8 (Sat), 2/10–2/14, 2/17–2/21.
    expect(addWorkingDays(cn, '2025-01-20', 20)).toBe('2025-02-21');
    expect(addWorkingDays(cn, '2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkingDays(cn, '2025-01-27', 1)).toBe('2025-02-05');
    // 2024: 除夕 2/9 was still a working day (before the 2025 revision); 2/10–2/17 off, 2/18 Sunday 上班.
    expect(addWorkingDays(cn, '2024-02-08', 1)).toBe('2024-02-09');
    expect(addWorkingDays(cn, '2024-02-09', 1)).toBe('2024-02-18');
  });

  it('crosses 春节 2026 (9 days off, 2/14 and 2/28 上班)', () => {
    expect(addWorkingDays(cn, '2026-02-12', 2)).toBe('2026-02-14');
    expect(addWorkingDays(cn, '2026-02-13', 2)).toBe('2026-02-24');
  });

  it('counts from a rest day to the next working day, and n = 0 is the same day (即办)', () => {
    expect(addWorkingDays(cn, '2025-10-03', 1)).toBe('2025-10-09');
    expect(addWorkingDays(cn, '2025-10-03', 0)).toBe('2025-10-03');
    expect(addWorkingDays(cn, '2025-03-05', 0)).toBe('2025-03-05');
  });

  it('always lands on a working day and inverts workingDaysBetween', () => {
    for (let i = 0; i < 300; i++) {
      const start = new Date(Date.UTC(2024, 0, 1 + ((i * 37) % 1000))).toISOString().slice(0, 10);
      const n = 1 + (i % 45);
      const due = addWorkingDays(cn, start, n);
      if (due === null) continue;
      expect(isWorkday(cn, due)).toBe(true);
      expect(workingDaysBetween(cn, start, due)).toBe(n);
    }
  });

  it('rejects bad arguments', () => {
    expect(() => addWorkingDays(cn, '2025-02-30', 1)).toThrow(/start "2025-02-30"/);
    expect(() => addWorkingDays(cn, '2025-03-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cn, '2025-03-03', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cn, '2025-03-03', 1, [['2025-03-10', '2025-03-01']])).toThrow(
      /pauses\[0\] ends/,
    );
  });
});

describe('workingDaysBetween ((a, b], §2.4)', () => {
  it('is 0 on the same day and does not count the start day', () => {
    expect(workingDaysBetween(cn, '2025-03-05', '2025-03-05')).toBe(0);
    expect(workingDaysBetween(cn, '2025-03-05', '2025-03-06')).toBe(1);
    expect(workingDaysBetween(cn, '2025-03-07', '2025-03-10')).toBe(1); // Fri → Mon
    expect(workingDaysBetween(cn, '2025-03-08', '2025-03-09')).toBe(0);
  });

  it('counts across 春节 and 国庆', () => {
    expect(workingDaysBetween(cn, '2025-01-24', '2025-02-05')).toBe(3); // 1/26, 1/27, 2/5
    expect(workingDaysBetween(cn, '2025-09-25', '2025-10-29')).toBe(20);
    expect(workingDaysBetween(cn, '2024-09-27', '2024-10-08')).toBe(3); // 9/29 (Sun 上班), 9/30, 10/8
    // 9/20 (Sun 上班), 9/21–24, [9/25 中秋], 9/28–30, [10/1–10/7], 10/8, 10/9, 10/10 (Sat 上班), 10/12.
    expect(workingDaysBetween(cn, '2026-09-18', '2026-10-12')).toBe(12);
  });

  it('is negative when b < a, and never -0', () => {
    expect(workingDaysBetween(cn, '2025-02-05', '2025-01-24')).toBe(-3);
    expect(workingDaysBetween(cn, '2025-03-09', '2025-03-08')).toBe(0);
  });

  it('is null when any day of the span is in an unknown year', () => {
    expect(workingDaysBetween(cn, '2026-12-30', '2027-01-04')).toBeNull();
    expect(workingDaysBetween(cn, '2027-01-04', '2026-12-30')).toBeNull();
    expect(workingDaysBetween(cn, '2031-01-06', '2031-01-06')).toBeNull();
    expect(addWorkingDays(cn, '2026-12-20', 20)).toBeNull();
    expect(addWorkingDays(cn, '2031-01-06', 0)).toBeNull();
    expect(addWorkingDays(cn, '2026-12-30', 1)).toBe('2026-12-31');
  });
});

describe('pauses (条例 Art.33, 行政许可法 Art.45)', () => {
  const consultation: Pause = ['2025-03-10', '2025-03-14']; // five working days, both ends inclusive

  it('extends the due date by the paused working days', () => {
    expect(addWorkingDays(cn, '2025-03-03', 20)).toBe('2025-03-31');
    // 15 counted by 3/31, then 4/1–4/3, [4/4 清明], 4/7, 4/8.
    expect(addWorkingDays(cn, '2025-03-03', 20, [consultation])).toBe('2025-04-08');
  });

  it('subtracts paused working days from the elapsed count', () => {
    expect(workingDaysBetween(cn, '2025-03-03', '2025-04-08')).toBe(25);
    expect(workingDaysBetween(cn, '2025-03-03', '2025-04-08', [consultation])).toBe(20);
    expect(pausedWorkingDays(cn, '2025-03-03', '2025-04-08', [consultation])).toBe(5);
    expect(pausedWorkingDays(cn, '2025-04-08', '2025-03-03', [consultation])).toBe(-5);
  });

  it('does not subtract overlapping pauses twice and ignores pauses outside (a, b]', () => {
    const overlapping: Pause[] = [consultation, ['2025-03-12', '2025-03-18']];
    expect(pausedWorkingDays(cn, '2025-03-03', '2025-04-08', overlapping)).toBe(7);
    expect(pausedWorkingDays(cn, '2025-03-03', '2025-04-08', [['2025-05-06', '2025-05-09']])).toBe(0);
    // A pause starting on the receipt day only removes the days after it.
    expect(pausedWorkingDays(cn, '2025-03-10', '2025-03-20', [consultation])).toBe(4);
  });

  it('skips rest days inside a pause without extra effect', () => {
    expect(pausedWorkingDays(cn, '2025-09-25', '2025-10-29', [['2025-10-01', '2025-10-08']])).toBe(0);
  });
});

describe('weekend calendars', () => {
  it('count Mon–Fri plus supplied holidays inside the stated years only', () => {
    const cal = weekendCalendar({ years: [2030], holidays: ['2030-12-25'] });
    expect(workingDaysBetween(cal, '2030-12-20', '2030-12-27')).toBe(4);
    expect(addWorkingDays(cal, '2030-12-24', 1)).toBe('2030-12-26');
    expect(addWorkingDays(cal, '2030-12-30', 5)).toBeNull();
  });
});

describe('day numbers', () => {
  it('give the same year as the ISO string for every day of 1899–2201', () => {
    const wrong: string[] = [];
    for (let day = Date.UTC(1899, 0, 1) / 86_400_000; day <= Date.UTC(2201, 11, 31) / 86_400_000; day++) {
      if (yearOfDay(day) !== Number(isoOf(day).slice(0, 4))) wrong.push(isoOf(day));
    }
    expect(wrong).toEqual([]);
  });
});
