/**
 * Names of the case facts (facts.ts), apart from the SQL that computes them, so the import and the dataset
 * views can name them without loading that SQL.
 */

/** The view of the cases with their facts. */
export const CASE_FACTS = 'case_facts';

/** Columns the facts add to a case, in order (kept beside the case columns in the cases' store). */
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
