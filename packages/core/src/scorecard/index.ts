export { computeScorecard, type ScorecardOptions } from './compute-scorecard.ts';
export { DEFAULT_SCORECARD, DEFAULT_SCORECARD_JSON } from './default-model.ts';
export {
  type BandRule,
  DEFAULT_BANDS,
  type DeductionRule,
  itemMax,
  type LinearRule,
  parseScorecardModel,
  type RatioRule,
  RULES,
  type ScoreBand,
  type ScorecardItem,
  type ScorecardModel,
  type ScorecardRule,
} from './model.ts';
export { formatValue, type ItemScore, isMissing, scoreItem } from './rules.ts';
export {
  bandOf,
  HISTORY_PERIODS,
  maxScore,
  rank,
  type Scorecard,
  type ScorecardRow,
  scorecardFromGrouped,
  scoreDepartment,
} from './score.ts';
