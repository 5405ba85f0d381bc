/**
 * Names of the case facts (facts.ts) and the SQL conditions the indicators write over them, apart from the
 * SQL that computes them (and its calendar), so the import, the dataset views and the catalogue can name them
 * without loading that SQL.
 */

/** The view of the cases with their facts. */
export const CASE_FACTS = 'case_facts';

/**
 * The facts' own table: one row per row of the cases' store, in the same order, read beside it by
 * POSITIONAL JOIN (dataset-view.ts), so building the facts writes only their columns.
 */
export const CASE_FACTS_STORE = '__case_facts_rows';

/** Columns the facts add to a case, in order. */
export const CASE_FACT_COLUMNS = [
  'accepted_day',
  'closed_day',
  'pause_wd',
  'ext_wd',
  'due_day',
  'elapsed_wd',
  'promised_wd',
  'late_day',
];

/** Cases that ended without a decision and so can never be overdue. */
export const ENDED_WITHOUT_DECISION = "('rejected_intake', 'withdrawn', 'void')";

/**
 * DOMAIN §8: a case is on time when its elapsed working days (net of pauses) are within the promised
 * limit plus extension — the same as closing before `late_day`, the first working day after the due
 * day. So a case closed on the Saturday after a Friday due day is on time: no working day was exceeded.
 * (Outside the calendar's known years `late_day` is the next calendar day: a plain date comparison.)
 * case.on_time_rate, case.overdue_count, case.red / case.yellow and the drill-down all use these.
 */
export const CLOSED_ON_TIME = 'closed_day < late_day';
/** Past due on `day` (a DATE expression): that day is a working day beyond the limit, or after one. */
export const pastDueOn = (day: string): string => `${day} >= late_day`;
