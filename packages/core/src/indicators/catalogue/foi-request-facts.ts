import { calendarJoin, dueDateExpr, dueDateJoin, workingDaysBetweenExpr } from '../../calendar/sql-joins.ts';
import type { SqlQuery } from '../../sql/quote.ts';
import { replayed } from '../replay.ts';
import type { IndicatorContext } from '../types.ts';

/** Art.33: reply within 20 working days of receipt, extendable by at most 20. */
export const REQUEST_REPLY_WD = 20;
export const REQUEST_MAX_EXTENSION_WD = 20;

/**
 * The on-request applications as of the as-of day (all of them: the indicator filters its outer SELECT
 * with `where(ctx)`, so a cube groups that one statement by its cells, cells-grouped.ts) with, per row
 * (calendar joins rather than a macro per row):
 * - `received_day`, `replied_day`;
 * - `clock_day`: when the clock starts: the day the corrected application arrived (Art.30 restarts the
 *   clock), else receipt;
 * - `pause_wd`: working days of the third-party / other-agency consultation (Art.33: not counted);
 * - `due_day`: the exported 答复期限, else 20 + extension (the 延期工作日数 clamped to 0…20; 20 when only
 *   是否延期答复 = 是) + pause working days after the clock start (Art.33; start day not counted);
 * - `reply_wd`: working days from the clock start to the reply, minus the pause;
 * - `open_at(d)` is not a column: use `openAt('as_of_day')`, since it depends on the as-of day.
 * NULL wherever the calendar does not cover a day.
 */
export function requestFacts(ctx: IndicatorContext): SqlQuery {
  const src = replayed('requests', ctx);
  // A given day count wins (clamped to 0…20); an extension flagged without one is the full 20 (Art.33).
  const extension = `CASE WHEN t.extension_wd IS NOT NULL
    THEN least(greatest(t.extension_wd, 0), ${REQUEST_MAX_EXTENSION_WD})
    WHEN t.extension_approved THEN ${REQUEST_MAX_EXTENSION_WD} ELSE 0 END`;
  const pause = 'coalesce(pz.pause_wd, 0)';
  const n = `${REQUEST_REPLY_WD} + ${extension} + ${pause}`;
  const approved = ctx.columns.includes('extension_approved') ? '' : ', NULL::BOOLEAN AS extension_approved';
  return {
    text: `SELECT t.*, CAST(t.received_at AS DATE) AS received_day, CAST(t.replied_at AS DATE) AS replied_day,
        CAST(coalesce(t.correction_received_at, t.received_at) AS DATE) AS clock_day, ${pause} AS pause_wd,
        coalesce(CAST(t.due_at AS DATE), ${dueDateExpr('c_due', 'c_recv', n)}) AS due_day,
        ${workingDaysBetweenExpr('c_recv', 'c_reply')} - ${pause} AS reply_wd
      FROM (SELECT *${approved} FROM ${src.text}) AS t
      LEFT JOIN (${consultationPauses()}) AS pz ON pz._row = t._row
      ${calendarJoin('c_recv', 'coalesce(t.correction_received_at, t.received_at)')}
      ${dueDateJoin('c_due', 'c_recv', n)}
      ${calendarJoin('c_reply', 't.replied_at')}`,
    params: src.params,
  };
}

/**
 * Working days each request spent in consultation (Art.33: not counted), per `_row`: the n-th start
 * paired with the n-th end of the `|`-separated cells, each interval's working days counted with both
 * ends included, (start − 1, end]; an interval ending before it starts counts nothing.
 */
function consultationPauses(): string {
  return `SELECT i._row, sum(${workingDaysBetweenExpr('cs', 'ce')}) AS pause_wd
    FROM (SELECT _row, consult_start_at[k] AS s, consult_end_at[k] AS e FROM (
        -- One index over both lists (not two unnests, which ClickHouse would cross rather than pair).
        SELECT _row, consult_start_at, consult_end_at, unnest(range(1, length(consult_start_at) + 1)) AS k
        FROM requests WHERE consult_start_at IS NOT NULL)) AS i
    ${calendarJoin('cs', 'i.s - 1')}
    ${calendarJoin('ce', 'i.e')}
    WHERE i.e >= i.s GROUP BY i._row`;
}

/**
 * Open on `day`: received by then and not replied by then. A row with an outcome but no reply date ended
 * on an unknown day (e.g. 逾期未补正), so it is never counted open.
 */
export const openAt = (day: string): string =>
  `(received_day <= ${day} AND (replied_day > ${day} OR (replied_day IS NULL AND outcome IS NULL)))`;
