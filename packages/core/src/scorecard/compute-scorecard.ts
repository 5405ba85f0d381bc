import type { Engine } from '../engine/types.ts';
import type { ComputeOptions } from '../indicators/compute.ts';
import { computeGrouped, type PeriodUnit } from '../indicators/grouped.ts';
import { DEFAULT_SCORECARD } from './default-model.ts';
import type { ScorecardModel } from './model.ts';
import { type Scorecard, scorecardFromGrouped } from './score.ts';

export interface ScorecardOptions extends Omit<ComputeOptions, 'keys'> {
  /** Default: DEFAULT_SCORECARD. */
  model?: ScorecardModel;
  /** Score the last period of this unit up to as-of and compare with the period before it. */
  period?: PeriodUnit;
  /** Without `period`: compare with the scorecard as of this earlier date (moves live indicators only). */
  previousAsOf?: string;
}

/**
 * Scores every department with the model over `computeGrouped(engine, { by: 'dept' })`. Rows are sorted
 * by score (desc), then department name (code-point order, so every machine agrees); unscored rows last.
 */
export async function computeScorecard(engine: Engine, options: ScorecardOptions = {}): Promise<Scorecard> {
  const model = options.model ?? DEFAULT_SCORECARD;
  const { model: _m, period, previousAsOf, ...compute } = options;
  const keys = model.items.map((i) => i.indicator);
  if (period) {
    const all = await computeGrouped(engine, { ...compute, keys, by: 'dept', period });
    return scorecardFromGrouped(model, all, { period: true, asOf: options.asOf });
  }
  const current = await computeGrouped(engine, { ...compute, keys, by: 'dept' });
  const previous = previousAsOf
    ? await computeGrouped(engine, { ...compute, asOf: previousAsOf, keys, by: 'dept' })
    : [];
  return scorecardFromGrouped(model, current, { previous, previousAsOf, asOf: options.asOf });
}
