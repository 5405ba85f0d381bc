/**
 * An independent plain-TypeScript implementation of every built-in indicator, for the cross-check test.
 * It reads the CSV exports itself (RFC 4180 parser, header and enum mapping from the schema modules) and
 * recomputes each indicator row by row from its formula, with the calendar's TypeScript working-day
 * functions. Nothing here runs SQL or imports from `src/indicators` or `src/import`: agreement with the
 * engine means two different implementations read the formulas the same way.
 */
import {
  addWorkingDays,
  chineseCalendar,
  isWorkday,
  type WorkCalendar,
  workingDaysBetween,
} from '../../src/calendar/index.ts';
import { DATASETS } from '../../src/schema/datasets.ts';
import type { DatasetKey, FieldDef } from '../../src/schema/types.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** One canonical table: timestamps as 'YYYY-MM-DD HH:MM:SS', dates as 'YYYY-MM-DD', enums as codes. */
export interface RefTable {
  dataset: DatasetKey;
  columns: string[];
  rows: Row[];
  /** Data lines read, rows rejected (as the importer's ledger would), non-empty cells not understood. */
  read: number;
  rejected: number;
  warnings: number;
}

export type RefData = Partial<Record<DatasetKey, RefTable>>;
export type RefFilters = Record<string, Cell[] | undefined>;

export interface RefOptions {
  /** 'YYYY-MM-DD' (end of that day) or 'YYYY-MM-DD HH:MM:SS'. */
  asOf: string;
  filters?: RefFilters;
  calendar?: WorkCalendar;
}

export interface RefResult {
  kind: 'rate' | 'ratio' | 'count' | 'mean' | 'breakdown';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  median?: number | null;
  breakdown?: { key: string; value: number }[];
}

// ---------------------------------------------------------------------------------------------------
// CSV (RFC 4180)

/** Records of a CSV text: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && src[i + 1] === '\n') i++;
    } else {
      field += ch;
    }
    i++;
  }
  // A last line without a line break.
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

// ---------------------------------------------------------------------------------------------------
// Cell parsing, per the export conventions in data/README.md and the schema's field types

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', 't', '√', '有']);
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', 'f', '×', '无']);
const INSTANT = new Set(['即办', '当场办结', '立即', '即时办结']);
const NO_LIMIT = new Set(['无期限', '无', '不限', '无时限']);
const INT_MAX = 2_147_483_647;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a real calendar date, else undefined (2025-02-30 is not one). */
function dayNumber(y: number, m: number, d: number): number | undefined {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / 86_400_000;
}

const isoOfDay = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
const dayOf = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** 'YYYY-MM-DD[ HH:MM[:SS]]' → 'YYYY-MM-DD HH:MM:SS'; the sample's two forms (README "Encoding"). */
export function parseTimestamp(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(raw);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (dayNumber(y, mo, d) === undefined || h > 23 || mi > 59 || s > 59) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** "20个工作日" → 20 wd, "即办" → 0 instant, "无期限" → none, "60个自然日" → 60 cd, 月, 年, 小时. */
export function parseLimit(raw: string): { value: number | null; unit: string | null } {
  if (INSTANT.has(raw)) return { value: 0, unit: 'instant' };
  if (NO_LIMIT.has(raw)) return { value: null, unit: 'none' };
  const digits = /[0-9]+/.exec(raw)?.[0];
  const n = digits === undefined ? null : Number(digits);
  const value = n !== null && n <= INT_MAX ? n : null;
  const units: [RegExp, string][] = [
    [/^[0-9]+$/, 'wd'],
    [/^[0-9]+\s*个?\s*工作日$/, 'wd'],
    [/^[0-9]+\s*个?\s*(自然日|日|天)$/, 'cd'],
    [/^[0-9]+\s*个?\s*小时$/, 'h'],
    [/^[0-9]+\s*个?\s*月$/, 'm'],
    [/^[0-9]+\s*个?\s*年$/, 'y'],
  ];
  return { value, unit: units.find(([re]) => re.test(raw))?.[1] ?? null };
}

/** Enum label (code, any Chinese label or the English one, case-insensitive) → code; first entry wins. */
function enumLookup(field: FieldDef): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of field.enum ?? []) {
    for (const label of [e.code, ...e.zh, e.en]) {
      const k = label.toLowerCase();
      if (!map.has(k)) map.set(k, e.code);
    }
  }
  return map;
}

/** Parsed value of one trimmed, non-empty cell; undefined when the text is not understood. */
function parseCell(field: FieldDef, raw: string, enums: Map<string, string>): Cell | undefined {
  switch (field.type) {
    case 'string':
      return raw;
    case 'int': {
      const t = raw.replaceAll(',', '');
      if (!/^[+-]?\d+$/.test(t)) return undefined;
      const n = Number(t);
      return Math.abs(n) <= INT_MAX ? n : undefined;
    }
    case 'decimal': {
      const wan = raw.endsWith('万元');
      const t = raw
        .replaceAll(',', '')
        .replace(/万?元$/, '')
        .replace(/^¥/, '');
      const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
      return Number.isNaN(n) ? undefined : wan ? n * 10_000 : n;
    }
    case 'bool': {
      const t = raw.toLowerCase();
      return TRUE_WORDS.has(t) ? true : FALSE_WORDS.has(t) ? false : undefined;
    }
    case 'datetime':
      return parseTimestamp(raw) ?? undefined;
    case 'date':
      return parseTimestamp(raw)?.slice(0, 10) ?? undefined;
    case 'dates': {
      // Several dates separated by |, kept as 'YYYY-MM-DD|YYYY-MM-DD'; one unreadable part spoils the cell.
      const days = raw.split(/\s*[|｜]\s*/).map((x) => parseTimestamp(x)?.slice(0, 10));
      return days.every((d) => d !== undefined) ? days.join('|') : undefined;
    }
    case 'enum':
      return enums.get(raw.toLowerCase());
    case 'limit':
      throw new Error('limit fields expand to two columns');
  }
}

const normaliseHeader = (h: string) => h.normalize('NFKC').replaceAll(/\s/g, '').toLowerCase();

// Row rules the importer rejects on (schema `checks`), restated on parsed rows.
// Rows are records, so a lookup may be undefined (noUncheckedIndexedAccess): read it as "no value".
const str = (c: Cell | undefined) => (c === null || c === undefined ? null : String(c));
const day = (c: Cell | undefined) => str(c)?.slice(0, 10) ?? null;
const before = (a: string | null, b: string | null) => a !== null && b !== null && a < b;
const CHECKS: Record<string, (r: Row) => boolean> = {
  closed_before_accepted: (r) => before(str(r.closed_at), str(r.accepted_at)),
  accepted_before_submitted: (r) => before(day(r.accepted_at), day(r.submitted_at)),
  published_before_formed: (r) => before(day(r.published_at), day(r.formed_at)),
  replied_before_received: (r) => before(day(r.replied_at), day(r.received_at)),
  closed_before_received: (r) => before(str(r.closed_at), str(r.received_at)),
};

/** Loads one export into a canonical table, rejecting the rows the importer's rules reject. */
export function loadTable(dataset: DatasetKey, text: string): RefTable {
  const def = DATASETS[dataset];
  const [header = [], ...lines] = parseCsv(text);
  const byName = new Map<string, FieldDef>();
  for (const f of def.fields) {
    for (const name of [f.key, f.zh, ...(f.aliases ?? [])]) {
      if (!byName.has(normaliseHeader(name))) byName.set(normaliseHeader(name), f);
    }
  }
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const f = byName.get(normaliseHeader(h));
    if (!f) throw new Error(`${dataset}: header ${h} is not in the schema`);
    if (!at.has(f.key)) at.set(f.key, i);
  });
  for (const check of def.checks ?? []) {
    if (!CHECKS[check.reason]) throw new Error(`${dataset}: no reference for row check ${check.reason}`);
  }
  const columns = def.fields.flatMap((f) =>
    f.type === 'limit' ? [`${f.key}_value`, `${f.key}_unit`] : [f.key],
  );
  const enums = new Map(def.fields.map((f) => [f.key, enumLookup(f)]));
  const pk = def.fields.find((f) => f.primaryKey)?.key;
  const seen = new Set<Cell>();
  const rows: Row[] = [];
  let rejected = 0;
  let warnings = 0;
  for (const line of lines) {
    // The CSV reader drops lines that do not split into the header's columns.
    if (line.length !== header.length) {
      rejected++;
      continue;
    }
    const row: Row = {};
    let reject = false;
    for (const f of def.fields) {
      const i = at.get(f.key);
      // DuckDB's trim() strips spaces only; '' means "no value".
      const raw = i === undefined ? null : (line[i] ?? '').replace(/^ +| +$/g, '') || null;
      if (raw === null && f.required) reject = true;
      if (f.type === 'limit') {
        const lim = raw === null ? { value: null, unit: null } : parseLimit(raw);
        row[`${f.key}_value`] = lim.value;
        row[`${f.key}_unit`] = lim.unit;
        if (raw !== null && lim.unit === null) warnings++;
        continue;
      }
      const v = raw === null ? null : parseCell(f, raw, enums.get(f.key) ?? new Map());
      if (v === undefined) {
        if (f.required) reject = true;
        else warnings++;
      }
      row[f.key] = v ?? null;
    }
    if (pk !== undefined && row[pk] !== null) {
      if (seen.has(row[pk] ?? null)) reject = true;
      seen.add(row[pk] ?? null);
    }
    if ((def.checks ?? []).some((c) => CHECKS[c.reason]?.(row))) reject = true;
    if (reject) rejected++;
    else rows.push(row);
  }
  return { dataset, columns, rows, read: lines.length, rejected, warnings };
}

// ---------------------------------------------------------------------------------------------------
// Indicators

interface Ctx {
  asOf: string;
  asOfDay: string;
  filters: RefFilters;
  cal: WorkCalendar;
  data: RefData;
}

type Compute = (ctx: Ctx) => RefResult;

/**
 * What existed on the as-of day: a row from the first of its `start` dates (kept when it has none), and an
 * event's columns only once its date had come (a later closure, reply, rating or callback had not happened).
 */
const REPLAY: Partial<Record<DatasetKey, { start: string[]; events: Record<string, string[]> }>> = {
  cases: {
    start: ['submitted_at', 'accepted_at'],
    events: {
      accepted_at: ['accepted_at'],
      closed_at: ['closed_at', 'closed_online', 'status', 'result'],
      rated_at: ['rated_at', 'rating'],
      bad_review_rectified_at: ['bad_review_rectified_at'],
    },
  },
  requests: {
    start: ['received_at'],
    events: { replied_at: ['replied_at', 'outcome'], correction_received_at: ['correction_received_at'] },
  },
  hotline: {
    start: ['received_at'],
    events: {
      replied_at: ['replied_at'],
      closed_at: ['closed_at', 'status'],
      callback_at: ['callback_at', 'callback_result', 'resolved'],
    },
  },
  disclosures: { start: ['published_at'], events: {} },
};

/** Filtered rows of a dataset as of the as-of time, each with the row as exported (for cached facts). */
function replayedRows(ctx: Ctx, dataset: DatasetKey): { row: Row; exported: Row }[] {
  const t = ctx.data[dataset];
  if (!t) return [];
  const active = Object.entries(ctx.filters).filter(
    (e): e is [string, Cell[]] => !!e[1]?.length && t.columns.includes(e[0]),
  );
  const replay = REPLAY[dataset];
  // Dates ('YYYY-MM-DD') compare with the as-of time as their midnight does: as strings, a prefix sorts first.
  const after = (c: Cell | undefined) => c !== null && c !== undefined && String(c) > ctx.asOf;
  const out: { row: Row; exported: Row }[] = [];
  for (const r of t.rows) {
    if (!active.every(([c, vs]) => r[c] !== null && vs.includes(r[c] ?? null))) continue;
    const starts = (replay?.start ?? []).map((c) => str(r[c])).filter((x): x is string => x !== null);
    const first = starts.sort()[0];
    if (first !== undefined && after(first)) continue;
    const row = { ...r };
    for (const [event, columns] of Object.entries(replay?.events ?? {})) {
      if (after(r[event])) for (const c of columns) row[c] = null;
    }
    out.push({ row, exported: r });
  }
  return out;
}

/** Filtered rows as of the as-of time; a filter on a column the table lacks is ignored, as in the engine. */
const rowsOf = (ctx: Ctx, dataset: DatasetKey): Row[] => replayedRows(ctx, dataset).map((x) => x.row);

const count = <T>(xs: readonly T[], p: (x: T) => boolean): number =>
  xs.reduce((n, x) => n + (p(x) ? 1 : 0), 0);

function rate(kind: 'rate' | 'ratio', numerator: number, denominator: number): RefResult {
  return { kind, numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

function share<T>(rows: readonly T[], p: (x: T) => boolean): RefResult {
  return rate('rate', count(rows, p), rows.length);
}

const countResult = (value: number, denominator: number): RefResult => ({
  kind: 'count',
  value,
  numerator: value,
  denominator,
});

/** Middle value, or the mean of the two middle ones (DuckDB `median` on numbers). */
function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor((s.length - 1) / 2);
  const lo = s[mid] ?? 0;
  const hi = s[s.length - 1 - mid] ?? 0;
  return lo + (hi - lo) / 2;
}

function mean(xs: readonly number[]): RefResult {
  const sum = xs.reduce((a, b) => a + b, 0);
  return {
    kind: 'mean',
    value: xs.length ? sum / xs.length : null,
    numerator: xs.length ? sum : null,
    denominator: xs.length,
    median: median(xs),
  };
}

/** Code-point order, which is DuckDB's byte order of UTF-8 strings. */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d) return d;
  }
  return x.length - y.length;
}

function breakdown(keys: readonly string[], order: 'largest' | 'key'): RefResult {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const rows = [...counts].map(([key, value]) => ({ key, value }));
  rows.sort((a, b) => (order === 'largest' ? b.value - a.value : 0) || byCodePoint(a.key, b.key));
  const total = keys.length;
  return { kind: 'breakdown', value: total, numerator: total, denominator: null, breakdown: rows };
}

// --- working days ----------------------------------------------------------------------------------

/** The n-th working day after `start` (n = 0: start itself); null if unknown or n is not a valid count. */
function addWd(cal: WorkCalendar, start: string | null, n: number | null): string | null {
  if (start === null || n === null || !Number.isInteger(n) || n < 0 || n > 10_000) return null;
  return addWorkingDays(cal, start, n);
}

const wdBetween = (cal: WorkCalendar, a: string | null, b: string | null): number | null =>
  a === null || b === null ? null : workingDaysBetween(cal, a, b);

/** DuckDB DATE + INTERVAL n MONTH: the same day n months on, clamped to the month's last day. */
function addMonths(iso: string, n: number): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7) - 1 + n;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${pad(ty, 4)}-${pad(tm + 1)}-${pad(Math.min(+iso.slice(8, 10), last))}`;
}

/** The calendar date `hours` after a local timestamp. */
function plusHours(ts: string, hours: number): string {
  const [d = '', t = ''] = ts.split(' ');
  const [h = 0, mi = 0, s = 0] = t.split(':').map(Number);
  const ms = dayOf(d) * 86_400_000 + ((h + hours) * 60 + mi) * 60_000 + s * 1000;
  return new Date(ms).toISOString().slice(0, 10);
}

// --- cases: per-case facts (DOMAIN §2.3–2.4) ---------------------------------------------------------

/** Ended without a decision: never due, never overdue, not a closed case for timeliness or ratings. */
const ENDED = new Set(['rejected_intake', 'withdrawn', 'void']);
const ended = (r: Row) => ENDED.has(String(r.status ?? ''));

interface CaseFacts {
  acceptedDay: string | null;
  closedDay: string | null;
  /** Promised due day on the working-day calendar, moved by extensions and pauses. */
  dueDay: string | null;
  /** Working days from acceptance to closure minus the paused ones. */
  elapsedWd: number | null;
  /** The promised limit when it is in working days (instant = 0). */
  promisedWd: number | null;
}

const num = (c: Cell | undefined): number | null => (typeof c === 'number' ? c : null);

function caseFacts(cal: WorkCalendar, r: Row): CaseFacts {
  const acceptedDay = day(r.accepted_at);
  const closedDay = day(r.closed_at);
  const pause = num(r.paused_wd) ?? 0;
  const ext = num(r.extension_wd) ?? 0;
  const unit = str(r.promised_limit_unit);
  const v = num(r.promised_limit_value);
  let dueDay: string | null = null;
  if (acceptedDay !== null && !ended(r)) {
    if (r.promised_due_at !== null) {
      // An exported due date is trusted; pauses still move it.
      dueDay = addWd(cal, day(r.promised_due_at), pause);
    } else if (unit === 'instant') {
      dueDay = acceptedDay;
    } else if (v !== null) {
      if (unit === 'wd') dueDay = addWd(cal, acceptedDay, v + ext + pause);
      else if (unit === 'cd') dueDay = isoOfDay(dayOf(acceptedDay) + v + ext);
      else if (unit === 'h') dueDay = plusHours(String(r.accepted_at), v);
      else if (unit === 'm') dueDay = addMonths(acceptedDay, v);
      else if (unit === 'y') dueDay = addMonths(acceptedDay, 12 * v);
    }
  }
  const between = closedDay !== null ? wdBetween(cal, acceptedDay, closedDay) : null;
  return {
    acceptedDay,
    closedDay,
    dueDay,
    elapsedWd: between === null ? null : between - pause,
    promisedWd: unit === 'wd' ? v : unit === 'instant' ? 0 : null,
  };
}

// Facts do not depend on the as-of date or filters: computed once per row and calendar.
const factCache = new WeakMap<WorkCalendar, WeakMap<Row, CaseFacts>>();
function factsOf(ctx: Ctx, r: Row): CaseFacts {
  let byRow = factCache.get(ctx.cal);
  if (!byRow) {
    byRow = new WeakMap();
    factCache.set(ctx.cal, byRow);
  }
  let f = byRow.get(r);
  if (!f) {
    f = caseFacts(ctx.cal, r);
    byRow.set(r, f);
  }
  return f;
}

/** Cases as of the as-of time with their facts, whose accepted and closing days are replayed alike. */
const cases = (ctx: Ctx) =>
  replayedRows(ctx, 'cases').map(({ row, exported }) => {
    const f = factsOf(ctx, exported);
    const closed = row.closed_at !== null;
    return {
      r: row,
      f: {
        ...f,
        acceptedDay: row.accepted_at !== null ? f.acceptedDay : null,
        closedDay: closed ? f.closedDay : null,
        elapsedWd: closed ? f.elapsedWd : null,
      },
    };
  });

/**
 * DOMAIN §8, restated: late on day `d` (a closing day or the as-of day) when a working day after the due
 * day has begun by then; without a known calendar, when `d` is after the due day.
 */
const lateOn = (ctx: Ctx, due: string, d: string) => d > due && (wdBetween(ctx.cal, due, d) ?? 1) > 0;
const ONLINE = new Set(['online_pc', 'online_mobile']);
const isClosedCase = (r: Row) => r.closed_at !== null || r.status === 'closed';
const rating = (r: Row) => num(r.rating);
const validRating = (r: Row) => {
  const x = rating(r);
  return x !== null && x >= 1 && x <= 5;
};
const badRating = (r: Row) => {
  const x = rating(r);
  return x !== null && x >= 1 && x <= 2;
};
/** Open on the as-of day: accepted by then and not closed by then (a later closure was still ahead). */
const openOn = (f: CaseFacts, d: string) =>
  f.acceptedDay !== null && f.acceptedDay <= d && (f.closedDay === null || f.closedDay > d);

/** 差评整改 deadline, working days after the rating day (eval-rectify-on-time.ts default). */
const RECTIFY_WD = 15;
/** 黄牌 threshold in working days left (case-yellow.ts default). */
const YELLOW_WD = 2;

const CASE_REFERENCE: Record<string, Compute> = {
  'case.online_apply_rate': (ctx) => share(rowsOf(ctx, 'cases'), (r) => ONLINE.has(String(r.apply_channel))),
  'case.online_closed_rate': (ctx) => share(rowsOf(ctx, 'cases'), (r) => r.closed_online === true),
  'case.closure_rate': (ctx) =>
    share(
      rowsOf(ctx, 'cases').filter((r) => r.accepted_at !== null),
      isClosedCase,
    ),
  'case.overdue_count': (ctx) => {
    // Replayed as of the as-of day: cases accepted by then; a case closed later was still open then.
    const all = cases(ctx).filter(
      ({ f }) => f.dueDay !== null && f.acceptedDay !== null && f.acceptedDay <= ctx.asOfDay,
    );
    const late = count(all, ({ f }) =>
      f.closedDay !== null && f.closedDay <= ctx.asOfDay
        ? lateOn(ctx, f.dueDay ?? '', f.closedDay)
        : lateOn(ctx, f.dueDay ?? '', ctx.asOfDay),
    );
    return countResult(late, all.length);
  },
  'case.on_time_rate': (ctx) => {
    const closed = cases(ctx).filter(({ f }) => f.closedDay !== null && f.dueDay !== null);
    return share(closed, ({ f }) => !lateOn(ctx, f.dueDay ?? '', f.closedDay ?? ''));
  },
  'case.early_rate': (ctx) => {
    const closed = cases(ctx).filter(
      ({ r, f }) => f.closedDay !== null && f.promisedWd !== null && f.elapsedWd !== null && !ended(r),
    );
    return share(closed, ({ f }) => (f.elapsedWd ?? 0) < (f.promisedWd ?? 0));
  },
  'case.avg_elapsed_wd': (ctx) =>
    mean(
      cases(ctx)
        .filter(({ r, f }) => f.closedDay !== null && f.elapsedWd !== null && !ended(r))
        .map(({ f }) => f.elapsedWd ?? 0),
    ),
  'case.red': (ctx) => {
    const open = cases(ctx).filter(({ f }) => f.dueDay !== null && openOn(f, ctx.asOfDay));
    return countResult(
      count(open, ({ f }) => lateOn(ctx, f.dueDay ?? '', ctx.asOfDay)),
      open.length,
    );
  },
  'case.yellow': (ctx) => {
    const open = cases(ctx).filter(({ f }) => f.dueDay !== null && openOn(f, ctx.asOfDay));
    const soon = count(open, ({ f }) => {
      if (lateOn(ctx, f.dueDay ?? '', ctx.asOfDay)) return false;
      const left = wdBetween(ctx.cal, ctx.asOfDay, f.dueDay);
      return left !== null && Math.max(left, 0) <= YELLOW_WD;
    });
    return countResult(soon, open.length);
  },
  'case.zero_trip_actual': (ctx) =>
    share(
      rowsOf(ctx, 'cases').filter((r) => (num(r.trips_actual) ?? -1) >= 0),
      (r) => r.trips_actual === 0,
    ),
  'eval.rating_rate': (ctx) =>
    share(
      rowsOf(ctx, 'cases').filter((r) => isClosedCase(r) && !ended(r)),
      validRating,
    ),
  'eval.good_rate': (ctx) => share(rowsOf(ctx, 'cases').filter(validRating), (r) => (rating(r) ?? 0) >= 4),
  'eval.bad_rate': (ctx) => share(rowsOf(ctx, 'cases').filter(validRating), badRating),
  'eval.score': (ctx) =>
    mean(
      rowsOf(ctx, 'cases')
        .filter(validRating)
        .map((r) => ((rating(r) ?? 1) - 1) * 25),
    ),
  'eval.rectify_on_time': (ctx) => {
    const due: { fixed: boolean; fixedDay: string | null; deadline: string }[] = [];
    for (const r of rowsOf(ctx, 'cases')) {
      if (!badRating(r) || r.rated_at === null) continue;
      const deadline = addWd(ctx.cal, day(r.rated_at), RECTIFY_WD);
      if (deadline === null) continue;
      // A rectification after the as-of time had not happened yet on the as-of day.
      const at = str(r.bad_review_rectified_at);
      const fixed = at !== null && at <= ctx.asOf;
      if (fixed || ctx.asOfDay > deadline) due.push({ fixed, fixedDay: day(at), deadline });
    }
    return share(due, (x) => x.fixed && (x.fixedDay ?? '') <= x.deadline);
  },
};

// --- disclosures and on-request applications -------------------------------------------------------

/** 条例 Art.26 default 公开时限; Art.33 reply limit and the most it may be extended by. */
const PROACTIVE_WD = 20;
const REPLY_WD = 20;
const MAX_EXTENSION_WD = 20;

interface RequestFacts {
  receivedDay: string | null;
  repliedDay: string | null;
  dueDay: string | null;
  replyWd: number | null;
  outcome: Cell;
}

function requestFacts(ctx: Ctx): RequestFacts[] {
  return rowsOf(ctx, 'requests').map((r) => {
    const receivedDay = day(r.received_at);
    const repliedDay = day(r.replied_at);
    // A day count wins; an extension flagged without one is the full 20 (Art.33).
    const days = num(r.extension_wd);
    const ext =
      days !== null
        ? Math.min(Math.max(days, 0), MAX_EXTENSION_WD)
        : r.extension_approved === true
          ? MAX_EXTENSION_WD
          : 0;
    const pause = consultationWd(ctx, r);
    const reply = wdBetween(ctx.cal, receivedDay, repliedDay);
    return {
      receivedDay,
      repliedDay,
      dueDay: day(r.due_at) ?? addWd(ctx.cal, receivedDay, REPLY_WD + ext + pause),
      replyWd: reply === null ? null : reply - pause,
      outcome: r.outcome ?? null,
    };
  });
}

/** Working days in the consultations (n-th start with n-th end, both ends counted), not counted (Art.33). */
function consultationWd(ctx: Ctx, r: Row): number {
  const starts = str(r.consult_start_at)?.split('|') ?? [];
  const ends = str(r.consult_end_at)?.split('|') ?? [];
  let sum = 0;
  starts.forEach((s, i) => {
    const e = ends[i];
    if (e === undefined || e < s) return;
    sum += wdBetween(ctx.cal, isoOfDay(dayOf(s) - 1), e) ?? 0;
  });
  return sum;
}

/** Open on day d: received by then, not replied by then; an outcome without a reply date is not open. */
const requestOpen = (q: RequestFacts, d: string) =>
  q.receivedDay !== null &&
  q.receivedDay <= d &&
  (q.repliedDay !== null ? q.repliedDay > d : q.outcome === null);

const DISCLOSURE_REFERENCE: Record<string, Compute> = {
  'foi.volume_by_domain': (ctx) =>
    breakdown(
      rowsOf(ctx, 'disclosures').map((r) => str(r.domain) ?? 'unknown'),
      'largest',
    ),
  'foi.volume_by_five_open': (ctx) =>
    breakdown(
      rowsOf(ctx, 'disclosures').map((r) => str(r.five_open) ?? 'unknown'),
      'largest',
    ),
  'foi.volume_by_dept': (ctx) =>
    breakdown(
      rowsOf(ctx, 'disclosures').map((r) => str(r.publisher) ?? 'unknown'),
      'largest',
    ),
  'foi.volume_by_month': (ctx) =>
    breakdown(
      rowsOf(ctx, 'disclosures').flatMap((r) =>
        r.published_at === null ? [] : [String(r.published_at).slice(0, 7)],
      ),
      'key',
    ),
  'foi.proactive_timely': (ctx) => {
    // The canonical schema has no 变更日期, so the clock starts at 成文日期 (the day itself not counted).
    const timed = rowsOf(ctx, 'disclosures')
      .map((r) => ({
        wd: wdBetween(ctx.cal, day(r.formed_at), day(r.published_at)),
        limit: num(r.legal_deadline_wd) ?? PROACTIVE_WD,
      }))
      .filter((x) => x.wd !== null);
    return share(timed, (x) => (x.wd ?? 0) <= x.limit);
  },
};

const REQUEST_REFERENCE: Record<string, Compute> = {
  'foi.request_on_time': (ctx) => {
    const d = ctx.asOfDay;
    const replied = (q: RequestFacts) => q.repliedDay !== null && q.repliedDay <= d;
    const all = requestFacts(ctx);
    return rate(
      'rate',
      count(all, (q) => replied(q) && q.dueDay !== null && (q.repliedDay ?? '') <= q.dueDay),
      count(all, (q) => q.dueDay !== null && (replied(q) || (requestOpen(q, d) && d > q.dueDay))),
    );
  },
  'foi.median_days': (ctx) => mean(requestFacts(ctx).flatMap((q) => (q.replyWd === null ? [] : [q.replyWd]))),
  'foi.backlog': (ctx) => {
    const open = requestFacts(ctx).filter((q) => requestOpen(q, ctx.asOfDay) && q.dueDay !== null);
    return countResult(
      count(open, (q) => ctx.asOfDay > (q.dueDay ?? '')),
      open.length,
    );
  },
};

const ITEM_REFERENCE: Record<string, Compute> = {
  'item.online_available_rate': (ctx) =>
    share(
      rowsOf(ctx, 'items').filter((r) => r.not_suitable_online !== true),
      (r) => r.is_online === true || ['II', 'III', 'IV'].includes(String(r.online_depth)),
    ),
  'item.full_online_rate': (ctx) => share(rowsOf(ctx, 'items'), (r) => r.online_depth === 'IV'),
  'item.instant_rate': (ctx) =>
    share(
      rowsOf(ctx, 'items'),
      (r) => r.promised_limit_value === 0 || r.promised_limit_unit === 'instant' || r.case_type === 'instant',
    ),
  'item.limit_compression': (ctx) => {
    let saved = 0;
    let statutory = 0;
    for (const r of rowsOf(ctx, 'items')) {
      const s = limitWd(r, 'statutory_limit');
      const p = limitWd(r, 'promised_limit');
      if (s === null || p === null) continue;
      saved += s - p;
      statutory += s;
    }
    return rate('ratio', saved, statutory);
  },
  'item.zero_trip_rate': (ctx) =>
    share(
      rowsOf(ctx, 'items').filter((r) => r.not_suitable_zero_trip !== true),
      (r) => (r.trips_required !== null ? r.trips_required === 0 : r.online_depth === 'IV'),
    ),
  'item.max_one_trip_rate': (ctx) =>
    share(rowsOf(ctx, 'items'), (r) =>
      r.trips_required !== null ? (num(r.trips_required) ?? 2) <= 1 : r.online_depth === 'IV',
    ),
};

/** 12345 hotline: void tickets are outside every population. */
const HOTLINE_REFERENCE: Record<string, Compute> = {
  'hot.closure_rate': (ctx) => share(tickets(ctx), ticketClosed),
  'hot.on_time_rate': (ctx) =>
    share(
      tickets(ctx).filter((r) => r.closed_at !== null && r.due_at !== null),
      (r) => String(r.closed_at) <= String(r.due_at),
    ),
  'hot.timely_reply': (ctx) => {
    const replied = (r: Row) => r.replied_at !== null && String(r.replied_at) <= ctx.asOf;
    const population = tickets(ctx).filter(
      (r) => r.due_at !== null && (replied(r) || String(r.due_at) < ctx.asOf),
    );
    return share(population, (r) => r.replied_at !== null && String(r.replied_at) <= String(r.due_at));
  },
  'hot.callback_rate': (ctx) =>
    share(tickets(ctx).filter(ticketClosed), (r) => r.callback_at !== null || r.callback_result !== null),
  'hot.satisfaction': (ctx) =>
    share(tickets(ctx).filter(validCallback), (r) =>
      ['very_satisfied', 'satisfied', 'basically'].includes(String(r.callback_result)),
    ),
  'hot.resolution': (ctx) =>
    share(
      tickets(ctx).filter((r) => validCallback(r) && r.resolved !== null),
      (r) => r.resolved === 'resolved',
    ),
};

/**
 * A limit in working days (DOMAIN §4.2 national-assessment basis): months × 22, years × 250, calendar days
 * and hours at 365 days = 250 working days; null for 无期限 or an unknown unit.
 */
function limitWd(r: Row, key: 'statutory_limit' | 'promised_limit'): number | null {
  const v = num(r[`${key}_value`]);
  switch (r[`${key}_unit`]) {
    case 'instant':
      return 0;
    case 'wd':
      return v;
    case 'm':
      return v === null ? null : v * 22;
    case 'y':
      return v === null ? null : v * 250;
    case 'cd':
      return v === null ? null : (v * 250) / 365;
    case 'h':
      return v === null ? null : ((v / 24) * 250) / 365;
    default:
      return null;
  }
}

const tickets = (ctx: Ctx) => rowsOf(ctx, 'hotline').filter((r) => r.status !== 'void');
const ticketClosed = (r: Row) => r.closed_at !== null || r.status === 'closed';
/** A callback that produced an evaluation (not unreachable, not declined). */
const validCallback = (r: Row) =>
  r.callback_result !== null && r.callback_result !== 'unreachable' && r.callback_result !== 'declined';

/** Reference computations by the dataset they read, then by indicator key. */
export const REFERENCE_BY_DATASET: Readonly<Partial<Record<DatasetKey, Readonly<Record<string, Compute>>>>> =
  {
    cases: CASE_REFERENCE,
    items: ITEM_REFERENCE,
    disclosures: DISCLOSURE_REFERENCE,
    requests: REQUEST_REFERENCE,
    hotline: HOTLINE_REFERENCE,
  };

const REFERENCE_DATASET_KEYS = Object.keys(REFERENCE_BY_DATASET) as DatasetKey[];

/** Reference indicator key → the dataset it reads. */
export const REFERENCE_DATASETS: Readonly<Record<string, DatasetKey>> = Object.fromEntries(
  REFERENCE_DATASET_KEYS.flatMap((dataset) =>
    Object.keys(REFERENCE_BY_DATASET[dataset] ?? {}).map((key) => [key, dataset]),
  ),
);

/** Every reference indicator whose dataset is loaded, by key. */
export function computeReference(data: RefData, options: RefOptions): Record<string, RefResult> {
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(options.asOf) ? `${options.asOf} 23:59:59` : options.asOf;
  if (parseTimestamp(asOf) !== asOf) throw new Error(`as-of ${options.asOf} is not YYYY-MM-DD[ HH:MM:SS]`);
  const cal = options.calendar ?? defaultCalendar();
  // The as-of day must be a day the calendar knows, or every working-day rule silently drops out.
  if (isWorkday(cal, asOf.slice(0, 10)) === null) throw new Error(`calendar does not cover ${asOf}`);
  const ctx: Ctx = { asOf, asOfDay: asOf.slice(0, 10), filters: options.filters ?? {}, cal, data };
  const out: Record<string, RefResult> = {};
  // Only datasets that are loaded, as the engine computes only indicators whose table exists.
  for (const dataset of REFERENCE_DATASET_KEYS) {
    if (!data[dataset]) continue;
    for (const [key, compute] of Object.entries(REFERENCE_BY_DATASET[dataset] ?? {})) out[key] = compute(ctx);
  }
  return out;
}

let national: WorkCalendar | undefined;
/** One calendar object for every call, so per-case facts are computed once. */
function defaultCalendar(): WorkCalendar {
  national ??= chineseCalendar();
  return national;
}
