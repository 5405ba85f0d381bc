import { calendarJoin, dueDateExpr, dueDateJoin } from '../../calendar/sql-joins.ts';
import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { BAD_RATING } from './eval-levels.ts';

/**
 * Default 差评整改 deadline in working days after the rating day (DOMAIN §3: set locally — 15 in
 * 四川/云南 schemes, 5 in 德州; store as configuration). Use `evalRectifyOnTimeWithin` for another value.
 */
export const BAD_REVIEW_RECTIFY_WD = 15;

/** 差评按时整改率 with a given deadline in working days. */
export function evalRectifyOnTimeWithin(deadlineWd: number): IndicatorDef {
  if (!Number.isInteger(deadlineWd) || deadlineWd < 0) {
    throw new RangeError(`rectification deadline ${deadlineWd} is not a whole number of working days`);
  }
  return {
    key: 'eval.rectify_on_time',
    dataset: 'cases',
    kind: 'rate',
    label: { zh: '差评按时整改率', en: 'Bad ratings rectified on time' },
    formula: {
      zh:
        `整改日期不晚于评价日后第 ${deadlineWd} 个工作日的差评件数 ÷ 应整改差评件数；` +
        '应整改差评 = 截至统计日已整改的差评 + 整改期限已过（统计日晚于期限日）的差评，' +
        '期限未到且未整改的不计；差评 = 评价等级 ≤ 2，须有评价时间',
      en:
        `Bad ratings rectified no later than working day ${deadlineWd} after the rating day ÷ ` +
        'bad ratings due: those rectified by the as-of date plus those whose deadline is before the ' +
        'as-of day; not yet due and not rectified are left out; bad = rating ≤ 2 with a rating time',
    },
    direction: 'higher',
    unit: 'percent',
    source: '国办发〔2019〕51号（差评“限期整改”）；整改期限由地方配置，默认 15 个工作日（四川、云南方案）',
    periodColumn: 'rated_at',
    needs: ['rating', 'rated_at', 'bad_review_rectified_at'],
    sql(ctx) {
      const w = where(ctx);
      const src = replayed('cases', ctx);
      return {
        // A rectification after the as-of time had not happened yet on the as-of day.
        text: `WITH p0 AS (SELECT ?::TIMESTAMP AS as_of, ?::INTEGER AS limit_wd),
          p AS (SELECT as_of, CAST(as_of AS DATE) AS as_of_day, limit_wd FROM p0),
          -- The filters (and a cube's cell tie) on the outer SELECT, so a cube groups it (cells-grouped.ts);
          -- the deadline by calendar joins, which DuckDB also decorrelates below a per-cell tie.
          bad AS (
            SELECT "cases".*, coalesce(bad_review_rectified_at <= as_of, false) AS fixed,
              CAST(bad_review_rectified_at AS DATE) AS fixed_day, as_of_day,
              ${dueDateExpr('c_due', 'c_rated', 'limit_wd')} AS deadline_day
            FROM ${src.text} CROSS JOIN p
            ${calendarJoin('c_rated', 'rated_at')}
            ${dueDateJoin('c_due', 'c_rated', 'limit_wd')}
            WHERE ${BAD_RATING} AND rated_at IS NOT NULL)
          SELECT count(*) FILTER (WHERE fixed AND fixed_day <= deadline_day)::DOUBLE AS numerator,
            count(*)::DOUBLE AS denominator
          FROM bad WHERE deadline_day IS NOT NULL AND (fixed OR as_of_day > deadline_day) AND ${w.text}`,
        params: [ctx.asOf, deadlineWd, ...src.params, ...w.params],
      };
    },
  };
}

export const evalRectifyOnTime: IndicatorDef = evalRectifyOnTimeWithin(BAD_REVIEW_RECTIFY_WD);
