import { CASE_FACTS, pastDueOn } from '../case-fact-names.ts';
import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { RED_CARD } from './case-red.ts';

/**
 * Default 黄牌 threshold: an open case gets a yellow card when at most this many working days remain
 * until its due day (the due day itself included, 0 remaining). The threshold is local (DOMAIN §4.3,
 * "warn_when_remaining_wd <= 2"); use `caseYellowWithin` for another value.
 */
export const YELLOW_WARNING_WD = 2;

/** 黄牌 with a given threshold in working days. */
export function caseYellowWithin(thresholdWd: number): IndicatorDef {
  if (!Number.isInteger(thresholdWd) || thresholdWd < 0) {
    throw new RangeError(`yellow threshold ${thresholdWd} is not a whole number of working days`);
  }
  return {
    key: 'case.yellow',
    dataset: 'cases',
    kind: 'count',
    label: { zh: '黄牌（即将到期）', en: 'Yellow cards (due soon)' },
    formula: {
      zh:
        `统计日仍在办（已受理、未办结）且未超期、距承诺办结日期剩余不超过 ${thresholdWd} 个工作日的件数` +
        '（到期当日剩余 0 个工作日）；分母为统计日在办且有承诺办结日期的件数',
      en:
        `Cases open on the as-of day (accepted, not closed), not past due, with at most ${thresholdWd} ` +
        'working days left until the due day (0 on the due day itself); ' +
        'denominator: open cases with a due day',
    },
    direction: 'lower',
    unit: 'count',
    source: '行政审批电子监察系统黄牌预警（广东 2007；成都 2010“即将到期…黄色预警”）；预警阈值由地方配置',
    needs: ['accepted_at', 'closed_at', ['promised_due_at', 'promised_limit']],
    sql(ctx) {
      const w = where(ctx);
      const src = replayed(CASE_FACTS, ctx);
      return {
        // Open *on the as-of day*: accepted by then and not yet closed then, so a past as-of replays the day.
        text: `WITH p AS (SELECT CAST(?::TIMESTAMP AS DATE) AS as_of_day, ?::INTEGER AS threshold_wd)
          SELECT count(*) FILTER (WHERE NOT ${pastDueOn('as_of_day')}
              AND greatest(working_days_between(as_of_day, due_day), 0) <= threshold_wd)::DOUBLE AS value,
            count(*)::DOUBLE AS denominator
          FROM ${src.text}, p
          WHERE (${RED_CARD.denominator}) AND ${w.text}`,
        params: [ctx.asOf, thresholdWd, ...src.params, ...w.params],
      };
    },
  };
}

export const caseYellow: IndicatorDef = caseYellowWithin(YELLOW_WARNING_WD);
