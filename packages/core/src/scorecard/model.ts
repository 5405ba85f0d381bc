import { ConfigError } from '../indicators/config-error.ts';
import type { Direction } from '../indicators/types.ts';

/**
 * A scorecard model (DOMAIN §7.f), as JSON:
 *
 * ```json
 * { "name": { "zh": "部门考核", "en": "Department scorecard" },
 *   "missing": "rescale",
 *   "items": [
 *     { "indicator": "case.on_time_rate", "weight": 30, "rule": "band",
 *       "params": { "thresholds": [{ "at": 0.95, "points": 15 }, { "at": 1, "points": 30 }] } },
 *     { "indicator": "case.overdue_count", "weight": 10, "rule": "deduction",
 *       "params": { "per": 0.5, "cap": 10 }, "cap_min": 0 } ],
 *   "bands": [{ "min": 85, "label": { "zh": "好", "en": "Good" } },
 *             { "label": { "zh": "较差", "en": "Poor" } }] }
 * ```
 *
 * Values are in the indicator's own unit: rates are shares (0.95 = 95 %), counts are counts.
 * `weight` is the item's maximum points, except for ratio_to_target where it is the points *at* target
 * and the maximum is weight × cap (CityScore lets beating the target earn up to 25 % more).
 */
export interface ScorecardModel {
  name: { zh: string; en: string };
  /**
   * What a department gets for an item it has no data for (no result, value null, or a rate with
   * denominator 0): 'rescale' (default) leaves the item out and scales the total over the items it has,
   * so a department is neither rewarded nor punished for what cannot be measured; 'zero' scores it 0.
   */
  missing: 'rescale' | 'zero';
  /** Under 'rescale': below this share of the maximum carried by measurable items, no score. */
  minCoverage: number;
  items: ScorecardItem[];
  /** 分档, best first: a score falls in the first band whose `min` it reaches, else in the last band. */
  bands: ScoreBand[];
}

export interface ScoreBand {
  min?: number;
  label: { zh: string; en: string };
}

export type ScorecardRule = BandRule | LinearRule | RatioRule | DeductionRule;

/** Points of the most demanding threshold met (≥ for higher-is-better, ≤ for lower-is-better), else 0. */
export interface BandRule {
  rule: 'band';
  thresholds: { at: number; points: number }[];
  /** Defaults to the indicator's direction. */
  direction?: Direction;
}

/** 0 points at `from`, full weight at `to`, linear between, clamped; from > to: lower is better. */
export interface LinearRule {
  rule: 'linear';
  from: number;
  to: number;
}

/** weight × value/target (target/value when lower is better), the ratio capped at `cap`. */
export interface RatioRule {
  rule: 'ratio_to_target';
  /** Defaults to the indicator's configured target. */
  target?: number;
  cap: number;
  direction?: Direction;
}

/**
 * weight − min(per × events, cap). Events: 'value' (count indicators), 'numerator' (e.g. bad ratings),
 * or 'misses' = denominator − numerator (e.g. bad ratings not rectified on time). Default: value for
 * count indicators, else numerator.
 */
export interface DeductionRule {
  rule: 'deduction';
  per: number;
  cap: number;
  count?: 'value' | 'numerator' | 'misses';
  /** Event noun for explanations, e.g. { zh: '超期件', en: 'overdue cases' }. */
  unit?: { zh: string; en: string };
}

export interface ScorecardItem {
  indicator: string;
  weight: number;
  rule: ScorecardRule;
  capMin?: number;
  capMax?: number;
}

export const RULES = ['band', 'linear', 'ratio_to_target', 'deduction'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks a model; errors name the JSON path. Given `knownKeys`, every indicator must be one. */
export function parseScorecardModel(
  json: unknown,
  source = 'scorecard',
  knownKeys?: readonly string[],
): ScorecardModel {
  const fail = (path: string, msg: string): never => {
    throw new ConfigError(`${source}: ${path ? `${path}: ` : ''}${msg}`);
  };
  if (!isRecord(json)) fail('', 'must be a JSON object');
  const m = json as Record<string, unknown>;
  allowKeys(m, ['name', 'missing', 'min_coverage', 'items', 'bands', '$schema', 'comment'], '', fail);
  const name = m.name === undefined ? { zh: '评分', en: 'Scorecard' } : text(m.name, 'name', fail);
  const missing = m.missing ?? 'rescale';
  if (missing !== 'rescale' && missing !== 'zero') fail('missing', 'must be "rescale" or "zero"');
  const minCoverage = m.min_coverage === undefined ? 0.5 : num(m.min_coverage, 'min_coverage', fail);
  if (minCoverage < 0 || minCoverage > 1) fail('min_coverage', 'must lie between 0 and 1');
  if (!Array.isArray(m.items) || m.items.length === 0) fail('items', 'must be a non-empty list');
  const seen = new Set<string>();
  const items = (m.items as unknown[]).map((x, i) => {
    const item = parseItem(x, `items[${i}]`, fail, knownKeys);
    if (seen.has(item.indicator)) fail(`items[${i}].indicator`, `"${item.indicator}" is scored twice`);
    seen.add(item.indicator);
    return item;
  });
  return {
    name,
    missing: missing as 'rescale' | 'zero',
    minCoverage,
    items,
    bands: parseBands(m.bands, fail),
  };
}

type Fail = (path: string, msg: string) => never;

function allowKeys(o: Record<string, unknown>, allowed: string[], path: string, fail: Fail): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) fail(path, `unknown key "${k}" (allowed: ${allowed.join(', ')})`);
  }
}

function num(v: unknown, path: string, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'must be a number');
  return v as number;
}

function positive(v: unknown, path: string, fail: Fail): number {
  const n = num(v, path, fail);
  if (n <= 0) fail(path, 'must be greater than 0');
  return n;
}

function text(v: unknown, path: string, fail: Fail): { zh: string; en: string } {
  if (typeof v === 'string' && v) return { zh: v, en: v };
  if (isRecord(v) && typeof v.zh === 'string' && typeof v.en === 'string') return { zh: v.zh, en: v.en };
  return fail(path, 'must be a string or { "zh": …, "en": … }');
}

function direction(v: unknown, path: string, fail: Fail): Direction | undefined {
  if (v === undefined || v === 'higher' || v === 'lower') return v;
  return fail(path, 'must be "higher" or "lower"');
}

function parseItem(x: unknown, path: string, fail: Fail, knownKeys?: readonly string[]): ScorecardItem {
  if (!isRecord(x)) fail(path, 'must be an object');
  const o = x as Record<string, unknown>;
  allowKeys(o, ['indicator', 'weight', 'rule', 'params', 'cap_min', 'cap_max', 'comment'], path, fail);
  if (typeof o.indicator !== 'string' || !o.indicator) fail(`${path}.indicator`, 'must be an indicator key');
  const indicator = o.indicator as string;
  if (knownKeys && !knownKeys.includes(indicator)) {
    fail(`${path}.indicator`, `unknown indicator "${indicator}"`);
  }
  const weight = positive(o.weight, `${path}.weight`, fail);
  if (!RULES.includes(o.rule as (typeof RULES)[number])) {
    fail(`${path}.rule`, `"${String(o.rule)}" is not one of ${RULES.join(', ')}`);
  }
  const params = o.params ?? {};
  if (!isRecord(params)) fail(`${path}.params`, 'must be an object');
  const rule = parseRule(o.rule as ScorecardRule['rule'], params as Record<string, unknown>, weight, {
    path: `${path}.params`,
    fail,
  });
  const capMin = o.cap_min === undefined ? undefined : num(o.cap_min, `${path}.cap_min`, fail);
  const capMax = o.cap_max === undefined ? undefined : num(o.cap_max, `${path}.cap_max`, fail);
  if (capMin !== undefined && capMax !== undefined && capMin > capMax) {
    fail(`${path}.cap_min`, `${capMin} is above cap_max ${capMax}`);
  }
  return { indicator, weight, rule, capMin, capMax };
}

function parseRule(
  kind: ScorecardRule['rule'],
  p: Record<string, unknown>,
  weight: number,
  at: { path: string; fail: Fail },
): ScorecardRule {
  const { path, fail } = at;
  if (kind === 'band') {
    allowKeys(p, ['thresholds', 'direction'], path, fail);
    if (!Array.isArray(p.thresholds) || !p.thresholds.length) {
      fail(`${path}.thresholds`, 'must be a non-empty list of { "at": …, "points": … }');
    }
    const thresholds = (p.thresholds as unknown[]).map((t, i) => {
      const tp = `${path}.thresholds[${i}]`;
      if (!isRecord(t)) fail(tp, 'must be { "at": …, "points": … }');
      const r = t as Record<string, unknown>;
      const points = num(r.points, `${tp}.points`, fail);
      if (points < 0 || points > weight) fail(`${tp}.points`, `${points} is outside 0…weight (${weight})`);
      return { at: num(r.at, `${tp}.at`, fail), points };
    });
    if (new Set(thresholds.map((t) => t.at)).size < thresholds.length) {
      fail(`${path}.thresholds`, 'two thresholds have the same "at"');
    }
    return { rule: 'band', thresholds, direction: direction(p.direction, `${path}.direction`, fail) };
  }
  if (kind === 'linear') {
    allowKeys(p, ['from', 'to'], path, fail);
    const from = num(p.from, `${path}.from`, fail);
    const to = num(p.to, `${path}.to`, fail);
    if (from === to) fail(`${path}.to`, 'must differ from "from"');
    return { rule: 'linear', from, to };
  }
  if (kind === 'ratio_to_target') {
    allowKeys(p, ['target', 'cap', 'direction'], path, fail);
    const target = p.target === undefined ? undefined : positive(p.target, `${path}.target`, fail);
    const cap = p.cap === undefined ? 1.25 : positive(p.cap, `${path}.cap`, fail);
    return {
      rule: 'ratio_to_target',
      target,
      cap,
      direction: direction(p.direction, `${path}.direction`, fail),
    };
  }
  allowKeys(p, ['per', 'cap', 'count', 'unit'], path, fail);
  const per = positive(p.per, `${path}.per`, fail);
  const cap = p.cap === undefined ? weight : positive(p.cap, `${path}.cap`, fail);
  const count = p.count;
  if (count !== undefined && count !== 'value' && count !== 'numerator' && count !== 'misses') {
    fail(`${path}.count`, 'must be "value", "numerator" or "misses"');
  }
  const unit = p.unit === undefined ? undefined : text(p.unit, `${path}.unit`, fail);
  return { rule: 'deduction', per, cap, count: count as DeductionRule['count'], unit };
}

function parseBands(v: unknown, fail: Fail): ScoreBand[] {
  if (v === undefined) return DEFAULT_BANDS;
  if (!Array.isArray(v) || !v.length) return fail('bands', 'must be a non-empty list');
  let last = Number.POSITIVE_INFINITY;
  return v.map((b, i) => {
    const path = `bands[${i}]`;
    if (!isRecord(b)) fail(path, 'must be { "min": …, "label": … }');
    const r = b as Record<string, unknown>;
    allowKeys(r, ['min', 'label'], path, fail);
    const isLast = i === v.length - 1;
    if (r.min === undefined && !isLast) fail(`${path}.min`, 'only the last band may omit "min"');
    const min = r.min === undefined ? undefined : num(r.min, `${path}.min`, fail);
    if (min !== undefined && min >= last)
      fail(`${path}.min`, 'bands must be listed best first (descending min)');
    if (min !== undefined) last = min;
    return { min, label: text(r.label, `${path}.label`, fail) };
  });
}

/** 好 / 较好 / 一般 / 较差 on a 100-point scale. */
export const DEFAULT_BANDS: ScoreBand[] = [
  { min: 85, label: { zh: '好', en: 'Good' } },
  { min: 70, label: { zh: '较好', en: 'Fairly good' } },
  { min: 60, label: { zh: '一般', en: 'Fair' } },
  { label: { zh: '较差', en: 'Poor' } },
];

/** The most points an item can earn. */
export const itemMax = (item: ScorecardItem): number => {
  const raw = item.rule.rule === 'ratio_to_target' ? item.weight * item.rule.cap : item.weight;
  return item.capMax === undefined ? raw : Math.min(raw, item.capMax);
};
