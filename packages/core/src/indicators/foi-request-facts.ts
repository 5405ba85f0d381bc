import { calendarJoin, dueDateExpr, dueDateJoin, workingDaysBetweenExpr } from '../calendar/sql.ts';
import type { SqlQuery } from '../sql/quote.ts';
import type { IndicatorContext } from './types.ts';
import { where } from './where.ts';

/** Art.33: reply within 20 working days of receipt, extendable by at most 20. */
export const REQUEST_REPLY_WD = 20;
export const REQUEST_MAX_EXTENSION_WD = 20;

/**
 * The filtered on-request applications with, per row (calendar joins rather than a macro per row):
 * - `received_day`, `replied_day`;
 * - `due_day`: the exported 答复期限, else the 20 + extension (clamped to 0…20) working days after receipt
 *   (Art.33; receipt day not counted). Correction restarts (Art.30) and consultation pauses (Art.33) are not
 *   in the canonical schema yet, so a derived due day ignores them; an exported due date may include them;
 * - `reply_wd`: working days from receipt to reply;
 * - `open_at(d)` is not a column: use `openAt('as_of_day')`, since it depends on the as-of day.
 * NULL wherever the calendar does not cover a day.
 */
export function requestFacts(ctx: IndicatorContext): SqlQuery {
  const w = where(ctx);
  const extension = `least(greatest(coalesce(t.extension_wd, 0), 0), ${REQUEST_MAX_EXTENSION_WD})`;
  const n = `${REQUEST_REPLY_WD} + ${extension}`;
  return {
    text: `SELECT t.*, CAST(t.received_at AS DATE) AS received_day, CAST(t.replied_at AS DATE) AS replied_day,
        coalesce(CAST(t.due_at AS DATE), ${dueDateExpr('c_due', 'c_recv', n)}) AS due_day,
        ${workingDaysBetweenExpr('c_recv', 'c_reply')} AS reply_wd
      FROM (SELECT * FROM requests WHERE ${w.text}) AS t
      ${calendarJoin('c_recv', 't.received_at')}
      ${dueDateJoin('c_due', 'c_recv', n)}
      ${calendarJoin('c_reply', 't.replied_at')}`,
    params: w.params,
  };
}

/**
 * Open on `day`: received by then and not replied by then. A row with an outcome but no reply date ended
 * on an unknown day (e.g. 逾期未补正), so it is never counted open.
 */
export const openAt = (day: string): string =>
  `(received_day <= ${day} AND (replied_day > ${day} OR (replied_day IS NULL AND outcome IS NULL)))`;
