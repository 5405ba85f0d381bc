import type { DashboardConfig, Engine, IndicatorCubes, Selection } from '@assessment-dashboard/core';
import type { LoadState } from '../dashboard/load-state.ts';
import type { EngineLease } from './sources.ts';

/** The data on display and what answers questions about it. */
export interface Shown {
  /** the database holding the data (for panels that query it themselves) */
  engine: Engine | undefined;
  lease: EngineLease | undefined;
  config: DashboardConfig | undefined;
  /** being built or built: chart clicks are answered from them */
  cubes: Promise<IndicatorCubes> | undefined;
  selection: readonly Selection[];
}

/** Nothing on display. */
export function nothingShown(): Shown {
  return { engine: undefined, lease: undefined, config: undefined, cubes: undefined, selection: [] };
}

/** What a load keeps of the data shown before it, to show again if it is cancelled. */
export interface Kept extends Shown {
  state: LoadState;
  engine: Engine;
}

/** Gives up what was kept and is not shown now: its database detached, its engine lease released. */
export function releaseKept(kept: Kept, shown: Pick<Shown, 'engine' | 'lease'>): void {
  if (kept.engine !== shown.engine) void kept.engine.close().catch(() => {});
  if (kept.lease !== shown.lease) kept.lease?.release();
}

/** The cubes each build gave, once built. */
const built = new WeakMap<Promise<IndicatorCubes>, IndicatorCubes>();

/** `cubes`, remembered once built (a failed build is left to whoever awaits it). */
export function trackCubes(cubes: Promise<IndicatorCubes>): Promise<IndicatorCubes> {
  cubes.then((c) => built.set(cubes, c)).catch(() => {});
  return cubes;
}

/** The cubes of `cubes` if they are built already: a click can then be answered within its own task. */
export function builtCubes(cubes: Promise<IndicatorCubes> | undefined): IndicatorCubes | undefined {
  return cubes && built.get(cubes);
}
