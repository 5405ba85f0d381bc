import type { DatasetKey, Engine, Selection } from '@assessment-dashboard/core';
import type { nothing, TemplateResult } from 'lit';
import type { ViewScope } from '../export/export-scope.ts';
import type { Lang } from '../i18n/messages.ts';
import type { Ready } from '../session/cube-panels.ts';
import type { DatasetGroupKey } from '../session/dataset-groups.ts';
import type { SessionNeed } from '../session/follow-ups.ts';

/** Where a panel belongs on the page: the sections of the layout, in page order. */
export const PANEL_SECTIONS = ['cases', 'alerts', 'disclosure', 'hotline', 'detail'] as const;
export type PanelSection = (typeof PANEL_SECTIONS)[number];

/** What a panel may do besides drawing: change the selection, query the engine, keep a view state. */
export interface PanelActions {
  /** Picks `value` of `column` (or, with `value` undefined, drops the pick): a chart click. */
  toggle(dataset: DatasetKey | 'all', column: string, value: string | undefined, label: string): void;
  /** Replaces the whole selection. */
  select(selection: readonly Selection[]): void;
  /** The engine holding the loaded data, for panels that query it themselves; undefined from a snapshot. */
  readonly engine: Engine | undefined;
  /** Whether chart clicks can be answered (the cross-filter cubes exist). */
  readonly filterable: boolean;
  /** The panel's own view state (e.g. the drill-down path), forgotten when the numbers are computed anew. */
  view<T>(panel: string): T | undefined;
  setView(panel: string, value: unknown): void;
  /** Folds the panel named `panel` to its title line (its title button does this; see panel-title.ts). */
  collapse(panel: string, title: string): void;
}

/** What a panel draws: nothing when the data has nothing for it. */
export type PanelView = TemplateResult | typeof nothing;

/**
 * One panel of the dashboard: a plug-in. `needs` names the follow-up queries it draws from (run only when a
 * shown panel needs them); `render` draws it from the ready state, the selection and the language.
 */
export interface DashboardPanel {
  /** the name the `panels` attribute uses */
  readonly name: string;
  readonly section: PanelSection;
  readonly needs: readonly SessionNeed[];
  /** false: the panel does not follow the chart selection (it shows no pending state while one recomputes) */
  readonly followsSelection?: boolean;
  /**
   * Which chart filters its numbers follow (its datasets, the month range, its own column highlighted):
   * a filter it cannot follow is named under its title and in its exports. Default: every filter.
   */
  readonly scope?: ViewScope;
  /** the grouped dataset queries it reads (default: every query of its needs; see dataset-groups.ts) */
  readonly groups?: readonly DatasetGroupKey[];
  render(state: Ready, selection: readonly Selection[], lang: Lang, actions: PanelActions): PanelView;
}
