/** @assessment-dashboard/charts: D3 renderers that take columns and import no DuckDB. */
export { type BarChartData, type BarChartOptions, renderBarChart } from './bar-chart.ts';
export { type LineChartData, type LineChartOptions, linePositions, renderLineChart } from './line-chart.ts';
