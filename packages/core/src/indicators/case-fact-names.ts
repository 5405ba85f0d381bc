/**
 * Names of the case facts (facts.ts), apart from the SQL that computes them, so the import and the dataset
 * views can name them without loading that SQL.
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
