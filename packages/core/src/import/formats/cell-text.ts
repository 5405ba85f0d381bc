/**
 * Text for typed values (Excel, Parquet, Arrow, JSON), written the way a CSV export would hold them, so
 * the importer parses every format with the same SQL.
 */

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Plain decimal text: shortest round-trip digits, never exponent notation (1e21 → '1000…0'). */
export function numberText(n: number): string {
  // pandas writes missing floats as NaN, so NaN means "no value" here.
  if (Number.isNaN(n)) return '';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  const s = String(n);
  return s.includes('e') ? expandExponent(s) : s;
}

/** '1.5e-7' → '0.00000015', '1.2e+21' → '1200000000000000000000'. */
export function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return sign + out;
}

/** A float32 read into a double (0.1f → 0.10000000149011612) shown with the digits it really has. */
export function float32Text(n: number): string {
  if (!Number.isFinite(n)) return numberText(n);
  for (let p = 1; p <= 9; p++) {
    const shorter = Number(n.toPrecision(p));
    if (Math.fround(shorter) === n) return numberText(shorter);
  }
  return numberText(n);
}

/** A decimal with `scale` digits after the point, rid of float noise and trailing zeros. */
export function decimalText(n: number, scale: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return numberText(n);
  const fixed = n.toFixed(Math.min(Math.max(scale, 0), 100));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * Wall-clock date-time held as epoch milliseconds read in UTC: 'YYYY-MM-DD HH:MM:SS', with '.mmm' only
 * when there are milliseconds, and just 'YYYY-MM-DD' at midnight (a date typed without a time).
 */
export function wallClockText(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const date = isoDate(d);
  if (ms - Math.floor(ms / DAY_MS) * DAY_MS === 0) return date;
  return `${date} ${timeText(d)}`;
}

/** An instant (a UTC time stamp): always the full UTC time with 'Z', which the importer converts. */
export function instantText(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${isoDate(d)} ${timeText(d)}Z`;
}

/** 'YYYY-MM-DD' of epoch milliseconds read in UTC. */
export function dateText(ms: number): string {
  return Number.isFinite(ms) ? isoDate(new Date(ms)) : '';
}

/** 'HH:MM:SS' (with '.mmm' when present) of milliseconds since midnight. */
export function timeOfDayText(ms: number): string {
  return Number.isFinite(ms) ? timeText(new Date(ms)) : '';
}

function isoDate(d: Date): string {
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function timeText(d: Date): string {
  const ms = d.getUTCMilliseconds();
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return ms ? `${hms}.${pad(ms, 3)}` : hms;
}

/** Nested values (lists, structs, objects) as JSON; 64-bit integers stay exact as strings. */
export function nestedText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
    if (v instanceof Uint8Array) return Array.from(v);
    return v;
  });
}

/** Any scalar from a typed source as cell text; '' for null, undefined and NaN. */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return numberText(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (value instanceof Date) return wallClockText(value.getTime());
      return nestedText(value);
  }
}
