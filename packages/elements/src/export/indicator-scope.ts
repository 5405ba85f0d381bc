import { indicatorByKey, monthColumn, type Selection } from '@assessment-dashboard/core';
import { type ClauseScope, clauseScope } from './export-scope.ts';

/**
 * One indicator's scope under the selection: its dataset's filters, and the months when it has a reporting
 * month (a user-defined indicator, not in the catalogue, is taken to follow every filter). Its own module:
 * the catalogue is loaded only when the indicators are exported.
 */
export function indicatorScope(key: string, selection: readonly Selection[]): ClauseScope {
  const def = indicatorByKey(key);
  if (!def) return clauseScope(selection, { datasets: 'all' });
  return clauseScope(selection, { datasets: [def.dataset], months: monthColumn(def) !== undefined });
}
