import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  CalendarConfigError,
  chineseCalendar,
  isWorkday,
  parseCalendarOverrides,
  weekendCalendar,
  workingDaysBetween,
} from '../src/calendar/index.ts';

const cn = chineseCalendar();

/** Every date from `from` to `to`, inclusive. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('chineseCalendar', () => {
  it("agrees with chinese-days' own isWorkday on every day of 2024–2026", () => {
    const all = days('2024-01-01', '2026-12-31');
    expect(all).toHaveLength(366 + 365 + 365);
    const differing = all.filter((d) => isWorkday(cn, d) !== chineseDays.isWorkday(d));
    expect(differing).toEqual([]);
  });

  it('knows the 2024 and 2025 调休 (§2.4, 国办发明电〔2024〕12号)', () => {
    expect(isWorkday(cn, '2025-01-26')).toBe(true); // Sunday, 上班
    expect(isWorkday(cn, '2025-02-08')).toBe(true); // Saturday, 上班
    for (const d of days('2025-01-28', '2025-02-04')) expect(isWorkday(cn, d), d).toBe(false);
    expect(isWorkday(cn, '2025-01-27')).toBe(true);
    expect(isWorkday(cn, '2025-02-05')).toBe(true);
    expect(isWorkday(cn, '2025-04-27')).toBe(true); // Sunday before 劳动节
    for (const d of days('2025-10-01', '2025-10-08')) expect(isWorkday(cn, d), d).toBe(false);
    expect(isWorkday(cn, '2025-09-28')).toBe(true);
    expect(isWorkday(cn, '2025-10-11')).toBe(true);
    expect(isWorkday(cn, '2024-02-04')).toBe(true); // Sunday, 上班
    expect(isWorkday(cn, '2024-02-18')).toBe(true); // Sunday, 上班
    for (const d of days('2024-02-10', '2024-02-17')) expect(isWorkday(cn, d), d).toBe(false);
  });

  it('knows the 2026 arrangement listed in §2.4', () => {
    const rest = [
      ...days('2026-01-01', '2026-01-03'),
      ...days('2026-02-15', '2026-02-23'),
      ...days('2026-05-01', '2026-05-05'),
      ...days('2026-10-01', '2026-10-07'),
    ];
    for (const d of rest) expect(isWorkday(cn, d), d).toBe(false);
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(isWorkday(cn, d), d).toBe(true);
    }
  });

  it('reports years without a published notice as unknown, never as Mon–Fri', () => {
    expect(isWorkday(cn, '2031-03-03')).toBeNull(); // a Monday
    expect(isWorkday(cn, '2027-01-04')).toBeNull();
    expect(isWorkday(cn, '2003-12-31')).toBeNull();
    expect(isWorkday(cn, '2004-01-02')).not.toBeNull();
    expect(cn.years).not.toBe('all');
    expect([...(cn.years as Set<number>)].at(-1)).toBe(2026);
  });

  it('rejects malformed dates instead of guessing', () => {
    expect(() => isWorkday(cn, '2025-02-30')).toThrow(RangeError);
    expect(() => isWorkday(cn, '2025-2-3')).toThrow(/YYYY-MM-DD/);
  });
});

describe('overrides', () => {
  it('adds a regional holiday and a make-up workday', () => {
    const county = chineseCalendar({
      name: '某某自治县',
      holidays: ['2025-06-10'],
      workdays: ['2025-06-14'],
    });
    expect(county.name).toBe('CN national (chinese-days) + 某某自治县');
    expect(isWorkday(county, '2025-06-10')).toBe(false); // Tuesday, regional holiday
    expect(isWorkday(county, '2025-06-14')).toBe(true); // Saturday, 调休上班
    expect(workingDaysBetween(cn, '2025-06-09', '2025-06-13')).toBe(4);
    expect(workingDaysBetween(county, '2025-06-09', '2025-06-13')).toBe(3);
    expect(workingDaysBetween(county, '2025-06-09', '2025-06-14')).toBe(4);
    expect(isWorkday(cn, '2025-06-10')).toBe(true); // the base calendar is untouched
  });

  it('can turn a national holiday into a workday and extend coverage by year', () => {
    const cal = chineseCalendar({
      holidays: ['2027-01-01', '2027-02-05/2027-02-11'],
      workdays: ['2025-10-08', '2027-02-14'],
      years: [2027],
    });
    expect(isWorkday(cal, '2025-10-08')).toBe(true);
    expect(isWorkday(cal, '2027-01-01')).toBe(false);
    expect(isWorkday(cal, '2027-01-04')).toBe(true);
    expect(isWorkday(cal, '2027-02-08')).toBe(false);
    expect(isWorkday(cal, '2027-02-14')).toBe(true); // a Sunday
    expect(isWorkday(cal, '2028-01-04')).toBeNull();
  });

  it('keeps dates of an uncovered year without making the year known', () => {
    const cal = chineseCalendar({ holidays: ['2027-01-01'] });
    expect(isWorkday(cal, '2027-01-01')).toBeNull();
  });

  it('parses JSON text and expands ranges', () => {
    const o = parseCalendarOverrides('{"name": " 县 ", "holidays": ["2025-06-12", "2025-06-10/2025-06-12"]}');
    expect(o).toEqual({
      name: '县',
      holidays: ['2025-06-10', '2025-06-11', '2025-06-12'],
      workdays: [],
      years: [],
    });
  });

  it.each([
    ['{"holidays": [', /not valid JSON/],
    [[], /expected an object/],
    [{ holiday: ['2025-06-10'] }, /unknown key "holiday"/],
    [{ holidays: '2025-06-10' }, /"holidays" must be an array/],
    [{ holidays: ['2025-06-10', '2025-02-30'] }, /holidays\[1\] "2025-02-30" is not a date/],
    [{ workdays: [20250614] }, /workdays\[0\] 20250614 is not a string/],
    [{ holidays: ['2025-06-12/2025-06-10'] }, /holidays\[0\] "2025-06-12\/2025-06-10" ends before it starts/],
    [{ holidays: ['2025-01-01/2025-12-31'] }, /spans more than 31 days/],
    [{ years: [2027.5] }, /years\[0\] 2027.5 is not a whole year/],
    [{ years: ['2027'] }, /years\[0\] "2027" is not a whole year/],
    [{ name: '' }, /"name" must be a non-empty string/],
    [{ holidays: ['2025-06-14'], workdays: ['2025-06-13/2025-06-15'] }, /2025-06-14 is listed both/],
  ])('rejects %j with a message naming the bad entry', (input, message) => {
    expect(() => parseCalendarOverrides(input)).toThrow(CalendarConfigError);
    expect(() => parseCalendarOverrides(input)).toThrow(message);
  });

  it('validates overrides passed straight to chineseCalendar', () => {
    expect(() => chineseCalendar({ holidays: ['2025-13-01'] })).toThrow(/holidays\[0\] "2025-13-01"/);
  });
});

describe('weekendCalendar', () => {
  it('covers only the stated years', () => {
    const cal = weekendCalendar({
      name: 'HK-like',
      years: { from: 2030, to: 2031 },
      holidays: ['2030-12-25'],
    });
    expect(isWorkday(cal, '2030-12-25')).toBe(false); // Wednesday holiday
    expect(isWorkday(cal, '2030-12-27')).toBe(true);
    expect(isWorkday(cal, '2030-12-28')).toBe(false); // Saturday
    expect(isWorkday(cal, '2029-12-31')).toBeNull();
    expect(isWorkday(cal, '2032-01-05')).toBeNull();
  });

  it("is unlimited only when told 'all', and supports other weekends", () => {
    const always = weekendCalendar({ years: 'all' });
    expect(isWorkday(always, '2100-01-04')).toBe(true); // Monday
    expect(isWorkday(always, '1950-01-01')).toBe(false); // Sunday
    const friSat = weekendCalendar({ years: [2025], weekend: [5, 6], workdays: ['2025-06-13'] });
    expect(isWorkday(friSat, '2025-06-06')).toBe(false); // Friday
    expect(isWorkday(friSat, '2025-06-08')).toBe(true); // Sunday
    expect(isWorkday(friSat, '2025-06-13')).toBe(true); // Friday made a workday
  });

  it('rejects incomplete or impossible definitions', () => {
    expect(() => weekendCalendar({} as never)).toThrow(/"years" is required/);
    expect(() => weekendCalendar({ years: { from: 2031, to: 2030 } })).toThrow(/before years.from/);
    expect(() => weekendCalendar({ years: 'all', weekend: [0, 7] })).toThrow(/weekend\[1\] 7/);
    expect(() => weekendCalendar({ years: 'all', weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(/every day/);
    expect(() => weekendCalendar({ years: 'all', holidays: ['2025/06/10'] })).toThrow(
      /weekendCalendar: holidays\[0\]/,
    );
  });
});
