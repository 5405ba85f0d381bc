/**
 * @assessment-dashboard/elements: importing this module registers every element, so one
 * `<script type="module" src=".../assessment-dashboard.js">` is all a host page needs.
 */
import { AssessmentBarChart } from './bar-chart/bar-chart.ts';
import { AssessmentDashboard } from './dashboard/assessment-dashboard.ts';
import { AssessmentKpiTile } from './kpi-tile/kpi-tile.ts';

const ELEMENTS = {
  'assessment-dashboard': AssessmentDashboard,
  'assessment-kpi-tile': AssessmentKpiTile,
  'assessment-bar-chart': AssessmentBarChart,
} as const;

for (const [name, ctor] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, ctor);
}

export { EngineStartError, sharedDuckDB } from './duckdb/shared-db.ts';
export { AssessmentBarChart, AssessmentDashboard, AssessmentKpiTile };

declare global {
  interface HTMLElementTagNameMap {
    'assessment-dashboard': AssessmentDashboard;
    'assessment-kpi-tile': AssessmentKpiTile;
    'assessment-bar-chart': AssessmentBarChart;
  }
}
