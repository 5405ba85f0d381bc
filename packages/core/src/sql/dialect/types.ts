/**
 * The SQL dialects the library speaks. Definitions (indicators, calendar, cubes, drill-down, scorecard,
 * annual report, supervision) are written once in DuckDB's SQL; an engine of another dialect renders
 * that text for its own database (see clickhouse.ts), so no definition exists twice.
 */
export type Dialect = 'duckdb' | 'clickhouse';

export const DIALECTS: readonly Dialect[] = ['duckdb', 'clickhouse'];

export function isDialect(value: unknown): value is Dialect {
  return DIALECTS.includes(value as Dialect);
}
