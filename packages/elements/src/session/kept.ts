import type { DashboardConfig, Engine, IndicatorCubes, Selection } from '@assessment-dashboard/core';
import type { LoadState } from '../dashboard/load-state.ts';
import type { EngineLease } from './sources.ts';

/** What a load keeps of the data shown before it, to show again if it is cancelled. */
export interface Kept {
  state: LoadState;
  engine: Engine;
  lease: EngineLease | undefined;
  config: DashboardConfig | undefined;
  cubes: Promise<IndicatorCubes> | undefined;
  selection: readonly Selection[];
}

/** Gives up what was kept and is not shown now: its database detached, its engine lease released. */
export function releaseKept(
  kept: Kept,
  shown: { engine: Engine | undefined; lease: EngineLease | undefined },
): void {
  if (kept.engine !== shown.engine) void kept.engine.close().catch(() => {});
  if (kept.lease !== shown.lease) kept.lease?.release();
}
