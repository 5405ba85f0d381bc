import { monthsOf } from '../dates.ts';
import { ConfigError } from '../indicators/config-error.ts';
import { DATASETS, isDatasetKey } from '../schema/datasets.ts';
import { isMonthSelection, MONTH_COLUMN, type Selection } from './selection.ts';

/** A month clause's value, normalised ('YYYY-MM' or 'YYYY-MM..YYYY-MM'), or undefined when it is none. */
export function monthValue(value: string): string | undefined {
  const months = monthsOf(value);
  const from = months[0];
  const to = months[months.length - 1];
  if (from === undefined || to === undefined) return undefined;
  return from === to ? from : `${from}..${to}`;
}

// Inside a value only `;` (the clause separator) and `%` (the escape) are escaped, so ordinary values
// (Chinese department names, codes) read as they are in the address bar.
const escapeValue = (v: string) => v.replaceAll('%', '%25').replaceAll(';', '%3B');
const unescapeValue = (v: string) => v.replace(/%3B|%25/gi, (m) => (m === '%25' ? '%' : ';'));

/**
 * The URL-state form of a selection, one parameter value:
 * `disclosures.domain:budget;cases.dept_name:甲局;all.month:2025-01..2025-03`.
 */
export const serialiseSelection = (selection: readonly Selection[]): string =>
  selection.map((s) => `${s.dataset}.${s.column}:${escapeValue(s.value)}`).join(';');

/** A parsed selection parameter: the clauses understood, and the parts that are not. */
export interface ParsedSelection {
  selection: Selection[];
  /** parts naming no known dataset column or month range, as written (to tell the user, then drop) */
  ignored: string[];
}

/**
 * Reads the URL-state form (serialiseSelection). Dataset and column names are looked up as own keys only
 * (`constructor`, `__proto__` are unknown names); a part that is not a known dataset column or a month
 * range is listed in `ignored`, not applied. Several values for one column are kept ("any of").
 * `label` names each clause for its chip (default: the value).
 */
export function parseSelection(
  raw: string | null | undefined,
  label: (s: Omit<Selection, 'label'>) => string = (s) => s.value,
): ParsedSelection {
  const out: ParsedSelection = { selection: [], ignored: [] };
  for (const part of (raw ?? '').split(';')) {
    if (!part) continue;
    const [, dataset = '', column = '', written = ''] = /^(\w+)\.(\w+):(.+)$/s.exec(part) ?? [];
    const clause = known(dataset, column, unescapeValue(written));
    if (clause) out.selection.push({ ...clause, label: label(clause) });
    else out.ignored.push(part);
  }
  return out;
}

/** The clause a dataset, column and value name, when the dataset has that column (or it is a month range). */
function known(dataset: string, column: string, value: string): Omit<Selection, 'label'> | undefined {
  if (dataset === 'all' && column === MONTH_COLUMN) {
    const month = monthValue(value);
    return month === undefined ? undefined : { dataset: 'all', column, value: month };
  }
  if (!isDatasetKey(dataset) || !DATASETS[dataset].fields.some((f) => f.key === column)) return undefined;
  return { dataset, column, value };
}

/**
 * The command line's form: `--filter [dataset.]column=value` (repeatable; without a dataset the filter
 * applies to every dataset with that column, and a column no table has filters nothing, as in the
 * dashboard) and `--month YYYY-MM[..YYYY-MM]`. A malformed one is a ConfigError (a usage error).
 */
export function parseCliSelection(filters: readonly string[], month?: string): Selection[] {
  const out: Selection[] = [];
  for (const f of filters) {
    const m = /^(?:(\w+)\.)?(\w+)=(.*)$/su.exec(f);
    if (!m) throw new ConfigError(`--filter "${f}" is not [dataset.]column=value`);
    const [, dataset, column = '', value = ''] = m;
    if (dataset !== undefined && !isDatasetKey(dataset)) {
      throw new ConfigError(
        `--filter "${f}": unknown dataset "${dataset}" (${Object.keys(DATASETS).join(', ')})`,
      );
    }
    const clause: Selection = { dataset: dataset ?? 'all', column, value, label: value };
    if (isMonthSelection(clause)) throw new ConfigError(`--filter "${f}": select months with --month`);
    out.push(clause);
  }
  if (month !== undefined) {
    const value = monthValue(month);
    if (value === undefined) throw new ConfigError(`--month "${month}" is not YYYY-MM or YYYY-MM..YYYY-MM`);
    out.push({ dataset: 'all', column: MONTH_COLUMN, value, label: value });
  }
  return out;
}
