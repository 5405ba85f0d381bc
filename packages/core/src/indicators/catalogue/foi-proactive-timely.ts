import { calendarJoin, workingDaysBetweenExpr } from '../../calendar/sql-joins.ts';
import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

/** Art.26 default when a row carries no 公开时限. */
export const PROACTIVE_DEADLINE_WD = 20;

export const foiProactiveTimely: IndicatorDef = {
  key: 'foi.proactive_timely',
  dataset: 'disclosures',
  kind: 'rate',
  label: { zh: '主动公开及时率', en: 'Proactive disclosure on time' },
  formula: {
    zh:
      '自形成（有变更日期时自变更）之日起至发布日不超过公开时限（默认20个工作日，双公示7个工作日）的条数 ÷ ' +
      '有成文日期且日历可算的条数（工作日按法定节假日和调休计算，形成当日不计）',
    en:
      'Items published within their deadline (default 20 working days, 7 for 双公示) counted from ' +
      'the day after they were formed (or changed, when a change date exists) ÷ items with a formed ' +
      'date the calendar covers',
  },
  direction: 'higher',
  unit: 'percent',
  // A statutory deadline: every item must meet it (green only for a perfect record, see status.ts).
  target: 1,
  source: '《政府信息公开条例》第二十六条（20个工作日）；基层政务公开标准目录（双公示7个工作日）',
  periodColumn: 'published_at',
  needs: ['formed_at', 'published_at'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('disclosures', ctx, 't');
    // 变更日期 (changed_at) restarts the clock when the export has one (replay hides later changes).
    const start = 'coalesce(t.changed_at, t.formed_at)';
    // Working days per row first, the filters (and a cube's cell tie) on the outer SELECT: so a cube
    // groups this one statement by its cells (cells-grouped.ts) on DuckDB and ClickHouse alike.
    return {
      text: `SELECT count(*) FILTER (WHERE timely_wd <= timely_deadline)::DOUBLE AS numerator,
          count(timely_wd)::DOUBLE AS denominator
        FROM (
          SELECT t.*, ${workingDaysBetweenExpr('cs', 'cp')} AS timely_wd,
            coalesce(t.legal_deadline_wd, ${PROACTIVE_DEADLINE_WD}) AS timely_deadline
          FROM ${src.text}
          ${calendarJoin('cs', start)}
          ${calendarJoin('cp', 't.published_at')})
        WHERE ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
