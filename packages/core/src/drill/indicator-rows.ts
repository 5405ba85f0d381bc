import { indicatorByKey } from '../indicators/catalogue/index.ts';
import { CASE_FACTS } from '../indicators/facts.ts';
import { ident } from '../sql/quote.ts';

/** The cases behind one side of an indicator: its numerator's rows (a count's value) or its denominator's. */
export interface IndicatorRows {
  key: string;
  rows: 'numerator' | 'denominator';
}

/**
 * Inside the drill-down's `c` CTE (case facts with `as_of_day`, `p_from`, `p_to`): true when the row's
 * `column` date is in the period (always true without a period, or for a rule judged on the as-of day).
 */
export const inPeriod = (column: string | undefined): string =>
  column === undefined
    ? 'TRUE'
    : `(p_from IS NULL OR (CAST(${ident(column)} AS DATE) >= p_from AND CAST(${ident(column)} AS DATE) < p_to))`;

/**
 * The predicate selecting `r`'s cases from the drill-down's `c` CTE, built from the indicator's own
 * conditions (IndicatorDef.conditions) and dated by its period column, so each drill count is the
 * indicator's number under the same filters.
 */
export function indicatorRowsPredicate(r: IndicatorRows): string {
  const { def, c } = caseConditions(r.key);
  const parts = [inPeriod(def.periodColumn), `(${c.denominator ?? 'TRUE'})`];
  if (r.rows === 'numerator') parts.push(`(${c.numerator})`);
  return parts.join(' AND ');
}

/**
 * One case's place in an indicator, as a column of the case list: true in its numerator, false in the rest
 * of its denominator, null outside it (e.g. case.overdue_count: overdue, not overdue, no due day yet).
 */
export function indicatorRowFlag(key: string): string {
  const { c } = caseConditions(key);
  return `CASE WHEN (${c.denominator ?? 'TRUE'}) THEN coalesce((${c.numerator}), FALSE) END`;
}

function caseConditions(key: string) {
  const def = indicatorByKey(key);
  const c = def?.conditions;
  // The drill-down reads the case facts, which carry every case column.
  if (!def || !c || (c.table !== 'cases' && c.table !== CASE_FACTS)) {
    throw new Error(`the drill-down cannot list the cases of "${key}": it is no case-counting indicator`);
  }
  return { def, c };
}
