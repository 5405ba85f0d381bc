/**
 * The national arrangement from the npm package `chinese-days` (vsme/chinese-days, MIT), read from its
 * documented data file rather than its day-by-day API: the file gives the exact 放假 and 调休上班 date lists
 * of every 国务院办公厅《关于XXXX年部分节假日安排的通知》 it covers (2004–2026 in 1.5.7), so coverage can be
 * derived per year instead of guessed. The import attribute makes it load the same way under Vite, tsx
 * and plain Node ESM.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export interface NationalArrangement {
  /** Years that have a published notice in the data; every other year is "calendar unknown". */
  years: number[];
  /** 放假 dates (holidays plus 调休 rest days; some fall on weekends, which is harmless). */
  holidays: string[];
  /** 调休上班: weekend dates that are working days. */
  workdays: string[];
}

let cached: NationalArrangement | undefined;

export function nationalArrangement(): NationalArrangement {
  if (!cached) {
    const holidays = Object.keys(data.holidays as Record<string, string>).sort();
    const workdays = Object.keys(data.workdays as Record<string, string>).sort();
    // A year is covered when its notice put at least one date into the holiday list (元旦 always does).
    const years = [...new Set(holidays.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
    cached = { years, holidays, workdays };
  }
  return cached;
}
