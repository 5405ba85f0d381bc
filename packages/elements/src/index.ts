/**
 * assessment-dashboard: importing this module registers every element, so one
 * `<script type="module" src=".../assessment-dashboard.js">` is all a host page needs. The drill-down,
 * annual-report, calendar, column-mapper, supervision and watch-list elements register on first use (lazy-elements.ts): their code
 * is fetched when the page or the dashboard shows one; `await customElements.whenDefined(tag)` gives their
 * classes.
 */
import type { AssessmentAnnualReport } from './annual-report/annual-report.ts';
import { AssessmentBarChart } from './bar-chart/bar-chart.ts';
import type { AssessmentCalendarHeatmap, CalendarSelectDetail } from './calendar-heatmap/calendar-heatmap.ts';
import type { AssessmentColumnMapper } from './column-mapper/column-mapper.ts';
import { AssessmentDashboard } from './dashboard/assessment-dashboard.ts';
import type { AssessmentCaseList } from './drill-down/case-list.ts';
import type { AssessmentItemBreakdown } from './drill-down/item-breakdown.ts';
import { AssessmentImportReport } from './import-report/import-report.ts';
import { AssessmentKpiTile } from './kpi-tile/kpi-tile.ts';
import { watchPage } from './lazy-elements.ts';
import { AssessmentLineChart } from './line-chart/line-chart.ts';
import { AssessmentScorecard } from './scorecard/scorecard.ts';
import type { AssessmentSupervision } from './supervision/supervision.ts';
import type { AssessmentWatchList } from './watch-list/watch-list.ts';

const ELEMENTS = {
  'assessment-dashboard': AssessmentDashboard,
  'assessment-kpi-tile': AssessmentKpiTile,
  'assessment-bar-chart': AssessmentBarChart,
  'assessment-import-report': AssessmentImportReport,
  'assessment-line-chart': AssessmentLineChart,
  'assessment-scorecard': AssessmentScorecard,
} as const;

for (const [name, ctor] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, ctor);
}
watchPage();

export type { CaseListFetcher, CaseListPage } from './drill-down/case-list.ts';
export type { DrillDetail } from './drill-down/item-breakdown.ts';
export { EngineStartError } from './duckdb/engine-start-error.ts';
export { acquireDuckDB, sharedDuckDB } from './duckdb/shared-db.ts';
export type { ViewScope } from './export/export-scope.ts';
export { type LazyElement, loadElement } from './lazy-elements.ts';
export { chartTools } from './panels/chart-tools.ts';
export {
  type DashboardPanel,
  PANEL_SECTIONS,
  type PanelActions,
  type PanelSection,
  type PanelView,
} from './panels/panel.ts';
export { panelTitle } from './panels/panel-title.ts';
export { registeredPanels, registerPanel } from './panels/registry.ts';
export type {
  AssessmentAnnualReport,
  AssessmentCalendarHeatmap,
  AssessmentCaseList,
  AssessmentColumnMapper,
  AssessmentItemBreakdown,
  AssessmentSupervision,
  AssessmentWatchList,
};
export {
  AssessmentBarChart,
  AssessmentDashboard,
  AssessmentImportReport,
  AssessmentKpiTile,
  AssessmentLineChart,
  AssessmentScorecard,
  type CalendarSelectDetail,
};

declare global {
  interface HTMLElementTagNameMap {
    'assessment-dashboard': AssessmentDashboard;
    'assessment-kpi-tile': AssessmentKpiTile;
    'assessment-bar-chart': AssessmentBarChart;
    'assessment-import-report': AssessmentImportReport;
    'assessment-column-mapper': AssessmentColumnMapper;
    'assessment-line-chart': AssessmentLineChart;
    'assessment-scorecard': AssessmentScorecard;
    'assessment-watch-list': AssessmentWatchList;
    'assessment-supervision': AssessmentSupervision;
    'assessment-annual-report': AssessmentAnnualReport;
    'assessment-case-list': AssessmentCaseList;
    'assessment-item-breakdown': AssessmentItemBreakdown;
    'assessment-calendar-heatmap': AssessmentCalendarHeatmap;
  }
}
