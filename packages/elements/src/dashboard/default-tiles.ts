import { DEFAULT_INDICATORS } from '@assessment-dashboard/core';

/** Indicators shown as KPI tiles by default, in this order (the full catalogue is in `results`). */
export const DEFAULT_TILES = DEFAULT_INDICATORS;
