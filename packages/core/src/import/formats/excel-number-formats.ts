import { numberText, timeOfDayText, wallClockText } from './cell-text.ts';

/**
 * Excel has no date type: a date is a serial day number in a cell whose number format shows it as a
 * date. This module tells date formats from number formats and turns serials into text.
 *
 * - 'datetime': any format with a year, month or day (also time formats on values ≥ 1 day);
 * - 'time': time-of-day only (h:mm, 上午/下午h"时"mm"分"), shown as 'HH:MM:SS' for values < 1;
 * - 'number': everything else, including elapsed durations such as [h]:mm:ss.
 */
export type NumberFormatKind = 'datetime' | 'time' | 'number';

// Built-in format ids (ECMA-376 §18.8.30 plus the zh-CN/ja/ko ids 27–36 and 50–58).
const BUILTIN_TIME = new Set([18, 19, 20, 21, 45, 47, 32, 33, 34, 35, 55, 56]);
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

export function formatKind(numFmtId: number, formatCode: string | undefined): NumberFormatKind {
  if (formatCode !== undefined) return codeKind(formatCode);
  if (BUILTIN_DATE.has(numFmtId)) return 'datetime';
  if (BUILTIN_TIME.has(numFmtId)) return 'time';
  return 'number';
}

/** Classifies a format code by its date tokens once literals, escapes and [..] sections are removed. */
export function codeKind(code: string): NumberFormatKind {
  const literalFree = code
    .replace(/"[^"]*"/g, ' ')
    .replace(/\\./g, ' ')
    .replace(/[_*]./g, ' ');
  // The first section formats positive numbers; later ones (negative, zero, text '@') don't matter.
  const section = (literalFree.split(';')[0] ?? '').toLowerCase();
  if (/\[(h+|m+|s+)\]/.test(section)) return 'number';
  const tokens = section.replace(/\[[^\]]*\]/g, ' ').replace(/general|g\/通用格式/g, ' ');
  if (/[yd]/.test(tokens) || (tokens.includes('m') && !/[hs]/.test(tokens))) return 'datetime';
  if (/[hs]/.test(tokens)) return 'time';
  return 'number';
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
// 9999-12-31, the last day Excel can show.
const MAX_SERIAL = 2_958_465;

/** Epoch milliseconds (wall clock read in UTC) of an Excel serial, or undefined when out of range. */
export function serialToMs(serial: number, date1904: boolean): number | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= MAX_SERIAL + 1) return undefined;
  // Excel counts a non-existent 1900-02-29 (serial 60), so serials before it are one day late.
  const days = !date1904 && serial < 60 ? serial + 1 : serial;
  // Round to the millisecond: serials of typed times carry binary noise in the last digits.
  return (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(days * DAY_MS);
}

/** Text of a numeric cell displayed with a format of `kind`. */
export function serialText(serial: number, kind: NumberFormatKind, date1904: boolean): string | undefined {
  if (kind === 'number') return undefined;
  if (kind === 'time' && serial >= 0 && serial < 1) return timeOfDayText(Math.round(serial * DAY_MS));
  const ms = serialToMs(serial, date1904);
  return ms === undefined ? undefined : wallClockText(ms);
}

/**
 * Excel's numeric text: integers exactly as stored (IDs, phone numbers), other values to Excel's 15
 * significant digits, which drops formula noise such as 0.30000000000000004, never in exponent form.
 */
export function excelNumberText(raw: string): string {
  const s = raw.trim();
  if (/^-?\d+$/.test(s)) return s;
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) return raw;
  return numberText(Number(n.toPrecision(15)));
}

/** 'YYYY-MM-DD[ HH:MM:SS]' of an ISO 8601 cell value (t="d"); its zone, if any, is ignored. */
export function isoCellText(raw: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(raw.trim());
  if (!m) return raw;
  const [, date = '', h = '00', min = '00', sec = '00', frac = ''] = m;
  const ms = frac.slice(0, 3).padEnd(3, '0');
  if (h === '00' && min === '00' && sec === '00' && Number(ms) === 0) return date;
  return `${date} ${h}:${min}:${sec}${Number(ms) ? `.${ms}` : ''}`;
}
