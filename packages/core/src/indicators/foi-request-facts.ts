import { calendarJoin, dueDateExpr, dueDateJoin, workingDaysBetweenExpr } from '../calendar/sql.ts';
import type { SqlQuery } from '../sql/quote.ts';
import { replayed } from './replay.ts';
import type { IndicatorContext } from './types.ts';
import { where } from './where.ts';

/** Art.33: reply within 20 working days of receipt, extendable by at most 20. */
export const REQUEST_REPLY_WD = 20;
export const REQUEST_MAX_EXTENSION_WD = 20;

/**
 * The filtered on-request applications with, per row (calendar joins rather than a macro per row):
 * - `received_day`, `replied_day`;
 * - `clock_day`: when the clock starts: the day the corrected application arrived (Art.30 restarts the
 *   clock), else receipt;
 * - `pause_wd`: working days of the third-party / other-agency consultation (Art.33: not counted);
 * - `due_day`: the exported 答复期限, else 20 + extension (clamped to 0…20) + pause working days after the
 *   clock start (Art.33; start day not counted);
 * - `reply_wd`: working days from the clock start to the reply, minus the pause;
 * - `open_at(d)` is not a column: use `openAt('as_of_day')`, since it depends on the as-of day.
 * NULL wherever the calendar does not cover a day.
 */
export function requestFacts(ctx: IndicatorContext): SqlQuery {
  const w = where(ctx);
  const src = replayed('requests', ctx);
  const extension = `least(greatest(coalesce(t.extension_wd, 0), 0), ${REQUEST_MAX_EXTENSION_WD})`;
  // Working days inside the consultation, both ends included: (start − 1, end].
  const pause = `coalesce(CASE WHEN t.consult_start_at IS NOT NULL AND t.consult_end_at >= t.consult_start_at
    THEN working_days_between(CAST(t.consult_start_at AS DATE) - 1, CAST(t.consult_end_at AS DATE)) END, 0)`;
  const n = `${REQUEST_REPLY_WD} + ${extension} + ${pause}`;
  return {
    text: `SELECT t.*, CAST(t.received_at AS DATE) AS received_day, CAST(t.replied_at AS DATE) AS replied_day,
        CAST(coalesce(t.correction_received_at, t.received_at) AS DATE) AS clock_day, ${pause} AS pause_wd,
        coalesce(CAST(t.due_at AS DATE), ${dueDateExpr('c_due', 'c_recv', n)}) AS due_day,
        ${workingDaysBetweenExpr('c_recv', 'c_reply')} - ${pause} AS reply_wd
      FROM (SELECT * FROM ${src.text} WHERE ${w.text}) AS t
      ${calendarJoin('c_recv', 'coalesce(t.correction_received_at, t.received_at)')}
      ${dueDateJoin('c_due', 'c_recv', n)}
      ${calendarJoin('c_reply', 't.replied_at')}`,
    params: [...src.params, ...w.params],
  };
}

/**
 * Open on `day`: received by then and not replied by then. A row with an outcome but no reply date ended
 * on an unknown day (e.g. 逾期未补正), so it is never counted open.
 */
export const openAt = (day: string): string =>
  `(received_day <= ${day} AND (replied_day > ${day} OR (replied_day IS NULL AND outcome IS NULL)))`;
