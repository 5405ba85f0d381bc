import { type DashboardConfig, INDICATORS, parseConfig } from '@assessment-dashboard/core';

/**
 * A configuration document validated against the catalogue. Its own module, loaded when a page gives a
 * configuration: the catalogue, the indicator parser and the calendar it brings stay out of start-up.
 */
export function parseConfiguration(value: unknown, source: string): DashboardConfig {
  return parseConfig(
    value,
    source,
    INDICATORS.map((d) => d.key),
  );
}
