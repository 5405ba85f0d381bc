import type { Selection } from '@assessment-dashboard/core';
import { type ClauseScope, clauseScope } from '../export/export-scope.ts';
import type { DashboardPanel } from './panel.ts';
import { registeredPanels } from './registry.ts';

/**
 * Which of the current filters a panel's numbers follow, highlight or ignore, from its `scope` (a panel
 * that follows no selection ignores every filter; one without `scope` follows all). The panel's "not
 * affected by" note and its exports both read this.
 */
export function panelScope(panel: DashboardPanel | string, selection: readonly Selection[]): ClauseScope {
  const p = typeof panel === 'string' ? registeredPanels().find((x) => x.name === panel) : panel;
  const view = p?.scope ?? { datasets: 'all' as const };
  return clauseScope(selection, p?.followsSelection === false ? { ...view, none: true } : view);
}
