/** @assessment-dashboard/charts: D3 renderers that take columns and import no DuckDB. */
export { type BarChartData, type BarChartOptions, renderBarChart } from './bar-chart.ts';
export {
  type CalendarDay,
  type CalendarHeatmapData,
  type CalendarHeatmapOptions,
  calendarModel,
  renderCalendarHeatmap,
} from './calendar-heatmap.ts';
export { type LineChartData, type LineChartOptions, renderLineChart } from './line-chart.ts';
