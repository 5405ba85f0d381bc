import type { Engine } from '../engine/types.ts';
import { loadedTables } from '../indicators/compute.ts';
import type { SqlValue } from '../sql/quote.ts';

/**
 * 事后补录 (back-filling) detection on the process-step export (DOMAIN §4.3, §7.a-steps): the seeds'
 * electronic supervision caught a licence whose 受理→现场勘验 took 58 seconds, i.e. steps typed in after
 * the fact. Every rule is configurable; the defaults are deliberately conservative.
 */
export interface BackfillRules {
  /**
   * Shortest plausible duration of a step, in minutes, by a word its name contains (the longest
   * matching minimum applies). Default: on-site survey and inspection 30, expert review 30, review 1.
   */
  minimumMinutes: Record<string, number>;
  /** A step recorded more than this many hours after it ended was typed in later (default 72). */
  recordedLateHours: number;
  /**
   * A case whose steps (at least 3) were all recorded within this many minutes although they claim to
   * span more than `batchSpanHours` was entered in one sitting (default 10 minutes, 24 hours).
   */
  batchWindowMinutes: number;
  batchSpanHours: number;
}

export const DEFAULT_BACKFILL_RULES: BackfillRules = {
  minimumMinutes: {
    现场勘验: 30,
    现场勘查: 30,
    现场核查: 30,
    踏勘: 30,
    实地核查: 30,
    专家评审: 30,
    审查: 1,
    审核: 1,
  },
  recordedLateHours: 72,
  batchWindowMinutes: 10,
  batchSpanHours: 24,
};

export type BackfillReason = 'too_short' | 'ends_before_start' | 'recorded_late' | 'batch_recorded';

export interface BackfillFlag {
  case_id: string;
  dept_name: string | null;
  step_seq: number | null;
  step_name: string;
  step_started_at: string | null;
  step_ended_at: string | null;
  recorded_at: string | null;
  /** seconds from start to end of the step (negative when it ends before it starts) */
  duration_seconds: number | null;
  reason: BackfillReason;
  /** the rule's threshold the step broke: minutes for too_short, hours for recorded_late, … */
  threshold: number | null;
}

export interface BackfillResult {
  flags: BackfillFlag[];
  /** flagged steps and distinct cases per department (departments from the case export when loaded) */
  byDept: { dept_name: string | null; steps: number; cases: number }[];
  /** steps examined */
  stepsChecked: number;
}

const TS = "strftime(%s, '%Y-%m-%d %H:%M:%S')";
const ts = (col: string) => TS.replace('%s', col);

export async function findBackfilledSteps(
  engine: Engine,
  rules: Partial<BackfillRules> = {},
): Promise<BackfillResult> {
  const r = { ...DEFAULT_BACKFILL_RULES, ...rules };
  const tables = await loadedTables(engine);
  const cols = tables.get('steps');
  if (!cols) throw new Error('No process-step export (办件过程) is loaded: 事后补录 checks need one.');
  const has = (c: string) => cols.includes(c);
  const minimums = Object.entries(r.minimumMinutes).filter(([k, v]) => k && Number.isFinite(v) && v > 0);
  const params: SqlValue[] = [];
  // Minimums as bound rows, so a host's step names never become SQL.
  const minimumRows = minimums.length
    ? `SELECT * FROM (VALUES ${minimums.map(() => '(?, ?::DOUBLE)').join(', ')}) m(word, minutes)`
    : 'SELECT NULL::VARCHAR AS word, NULL::DOUBLE AS minutes WHERE FALSE';
  for (const [word, minutes] of minimums) params.push(word, minutes);
  const started = has('step_started_at') ? 'step_started_at' : 'NULL::TIMESTAMP';
  const recorded = has('recorded_at') ? 'recorded_at' : 'NULL::TIMESTAMP';
  const seq = has('step_seq') ? 'step_seq' : 'NULL::INTEGER';
  const dept = tables.get('cases')?.includes('dept_name')
    ? '(SELECT any_value(c.dept_name) FROM cases c WHERE c.case_id = s.case_id)'
    : 'NULL::VARCHAR';
  params.push(r.recordedLateHours, r.batchWindowMinutes, r.batchSpanHours);
  const sql = `WITH mins AS (${minimumRows}),
    s AS (
      SELECT case_id, ${seq} AS step_seq, step_name, CAST(${started} AS TIMESTAMP) AS started,
        CAST(step_ended_at AS TIMESTAMP) AS ended, CAST(${recorded} AS TIMESTAMP) AS recorded,
        date_diff('second', CAST(${started} AS TIMESTAMP), CAST(step_ended_at AS TIMESTAMP)) AS duration_seconds,
        (SELECT max(minutes) FROM mins WHERE contains(step_name, mins.word)) AS min_minutes
      FROM steps),
    p AS (SELECT ?::DOUBLE AS late_hours, ?::DOUBLE AS batch_minutes, ?::DOUBLE AS batch_hours),
    batch AS (
      SELECT case_id FROM s GROUP BY case_id
      HAVING count(recorded) >= 3
        AND date_diff('second', min(recorded), max(recorded)) <= (SELECT batch_minutes FROM p) * 60
        AND date_diff('second', min(ended), max(ended)) > (SELECT batch_hours FROM p) * 3600),
    flagged AS (
      SELECT s.*, 'ends_before_start' AS reason, NULL::DOUBLE AS threshold FROM s WHERE duration_seconds < 0
      UNION ALL
      SELECT s.*, 'too_short', min_minutes FROM s
        WHERE duration_seconds >= 0 AND duration_seconds < min_minutes * 60
      UNION ALL
      SELECT s.*, 'recorded_late', (SELECT late_hours FROM p) FROM s
        WHERE date_diff('second', ended, recorded) > (SELECT late_hours FROM p) * 3600
      UNION ALL
      SELECT s.*, 'batch_recorded', (SELECT batch_minutes FROM p) FROM s WHERE case_id IN (SELECT case_id FROM batch))
    SELECT s.case_id, ${dept} AS dept_name, s.step_seq, s.step_name, ${ts('s.started')} AS step_started_at,
      ${ts('s.ended')} AS step_ended_at, ${ts('s.recorded')} AS recorded_at, s.duration_seconds, s.reason, s.threshold
    FROM flagged s
    ORDER BY s.case_id, s.step_seq NULLS LAST, s.ended, s.reason`;
  const table = await engine.query(sql, params);
  const flags = table.toArray().map((row) => {
    const o = row.toJSON() as Record<string, unknown>;
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      case_id: String(o.case_id),
      dept_name: (o.dept_name as string | null) ?? null,
      step_seq: num(o.step_seq),
      step_name: String(o.step_name),
      step_started_at: (o.step_started_at as string | null) ?? null,
      step_ended_at: (o.step_ended_at as string | null) ?? null,
      recorded_at: (o.recorded_at as string | null) ?? null,
      duration_seconds: num(o.duration_seconds),
      reason: o.reason as BackfillReason,
      threshold: num(o.threshold),
    };
  });
  const count = await engine.query('SELECT count(*)::DOUBLE AS n FROM steps');
  return { flags, byDept: perDept(flags), stepsChecked: Number(count.get(0)?.n ?? 0) };
}

function perDept(flags: readonly BackfillFlag[]): BackfillResult['byDept'] {
  const by = new Map<string | null, { steps: Set<string>; cases: Set<string> }>();
  for (const f of flags) {
    const d = by.get(f.dept_name) ?? { steps: new Set(), cases: new Set() };
    d.steps.add(`${f.case_id}\u0000${f.step_seq}\u0000${f.step_name}\u0000${f.step_ended_at}`);
    d.cases.add(f.case_id);
    by.set(f.dept_name, d);
  }
  return [...by]
    .map(([dept_name, d]) => ({ dept_name, steps: d.steps.size, cases: d.cases.size }))
    .sort((a, b) => b.steps - a.steps || String(a.dept_name).localeCompare(String(b.dept_name)));
}
