import { unavailableReason } from '../indicators/missing-text.ts';
import type { IndicatorResult } from '../indicators/types.ts';
import { type DeductionRule, itemMax, type ScorecardItem } from './model.ts';

export interface ItemScore {
  indicator: string;
  label: { zh: string; en: string };
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** null: no data and the model rescales over the items a department has. */
  points: number | null;
  max: number;
  /** No data: no result, value null, or a rate/ratio/mean over an empty population. */
  missing: boolean;
  /** The export has no column for it (status unavailable): dropped and the total rescaled, in every mode. */
  unavailable?: boolean;
  /** A rule cap (ratio cap, deduction cap) or the item's cap_min / cap_max changed the points. */
  capped: boolean;
  explanation: { zh: string; en: string };
}

/** Float noise (0.1 + 0.2) must not decide a threshold or a tie. */
const EPS = 1e-9;
export const round2 = (x: number): number => Math.round((x + Math.sign(x) * EPS) * 100) / 100;
const n = (x: number): string => String(round2(x));

/** A value in the indicator's unit: shares as percentages with one decimal. */
export function formatValue(v: number, unit: IndicatorResult['unit'] | undefined): string {
  if (unit === 'percent') return `${Math.round(v * 1000 + Math.sign(v) * EPS) / 10}%`;
  return n(v);
}

/** Counts are events, so 0 over an empty population is still 0 events; shares of nothing are unknown. */
export function isMissing(r: IndicatorResult | undefined): boolean {
  if (!r || r.value === null || !Number.isFinite(r.value)) return true;
  return r.kind !== 'count' && r.denominator === 0;
}

interface Raw {
  points: number;
  capped: boolean;
  zh: string;
  en: string;
}

/** Scores one item for one department; `missingMode` says what no data earns. */
export function scoreItem(
  item: ScorecardItem,
  r: IndicatorResult | undefined,
  missingMode: 'rescale' | 'zero',
): ItemScore {
  const label = r?.label ?? { zh: item.indicator, en: item.indicator };
  const base = {
    indicator: item.indicator,
    label,
    value: r?.value ?? null,
    numerator: r?.numerator ?? null,
    denominator: r?.denominator ?? null,
    max: round2(itemMax(item)),
  };
  if (r?.status === 'unavailable') {
    const why = {
      zh: unavailableReason(r.missing ?? [], 'zh'),
      en: unavailableReason(r.missing ?? [], 'en'),
    };
    return {
      ...base,
      points: null,
      missing: true,
      unavailable: true,
      capped: false,
      explanation: {
        zh: `${label.zh}：${why.zh}，不计入，总分按其余指标折算`,
        en: `${label.en}: ${why.en}; left out, the total is rescaled over the rest`,
      },
    };
  }
  const raw = r && !isMissing(r) ? applyRule(item, r) : undefined;
  if (!raw) {
    const zero = missingMode === 'zero';
    const why =
      r && !isMissing(r) ? { zh: '未设目标', en: 'no target set' } : { zh: '无数据', en: 'no data' };
    return {
      ...base,
      points: zero ? 0 : null,
      missing: true,
      capped: false,
      explanation: {
        zh: `${label.zh}：${why.zh}，${zero ? '记 0 分' : '不计入，总分按其余指标折算'}`,
        en: `${label.en}: ${why.en}, ${zero ? 'scores 0' : 'left out; the total is rescaled over the rest'}`,
      },
    };
  }
  let points = raw.points;
  let capped = raw.capped;
  const { zh, en } = raw;
  let bounded = points;
  if (item.capMin !== undefined) bounded = Math.max(item.capMin, bounded);
  if (item.capMax !== undefined) bounded = Math.min(item.capMax, bounded);
  let note = { zh: '', en: '' };
  if (Math.abs(bounded - points) > EPS) {
    capped = true;
    note = { zh: `（限定为 ${n(bounded)} 分）`, en: ` (bounded to ${n(bounded)})` };
    points = bounded;
  }
  return {
    ...base,
    points: round2(points),
    missing: false,
    capped,
    explanation: { zh: zh + note.zh, en: en + note.en },
  };
}

function applyRule(item: ScorecardItem, r: IndicatorResult): Raw | undefined {
  const v = r.value as number;
  const rule = item.rule;
  const f = (x: number) => formatValue(x, r.unit);
  const { zh: lz, en: le } = r.label;
  if (rule.rule === 'band') {
    const higher = (rule.direction ?? r.direction) !== 'lower';
    const met = rule.thresholds.filter((t) => (higher ? v >= t.at - EPS : v <= t.at + EPS));
    const pick = (ts: typeof met) =>
      ts.reduce<(typeof met)[number] | undefined>(
        (best, t) => (!best || (higher ? t.at > best.at : t.at < best.at) ? t : best),
        undefined,
      );
    const best = pick(met);
    const op = higher ? '≥' : '≤';
    if (best) {
      return {
        points: best.points,
        capped: false,
        zh: `${lz} ${f(v)} ${op} ${f(best.at)} → ${n(best.points)} 分`,
        en: `${le} ${f(v)} ${op} ${f(best.at)} → ${n(best.points)} points`,
      };
    }
    // The least demanding threshold is the one the department missed.
    const easiest = rule.thresholds.reduce((a, t) => (higher ? (t.at < a.at ? t : a) : t.at > a.at ? t : a));
    return {
      points: 0,
      capped: false,
      zh: `${lz} ${f(v)} 未达 ${f(easiest.at)} → 0 分`,
      en: `${le} ${f(v)} misses ${f(easiest.at)} → 0 points`,
    };
  }
  if (rule.rule === 'linear') {
    const t = Math.min(1, Math.max(0, (v - rule.from) / (rule.to - rule.from)));
    const points = item.weight * t;
    const line = `${f(rule.from)} → 0, ${f(rule.to)} → ${n(item.weight)}`;
    return {
      points,
      capped: false,
      zh: `${lz} ${f(v)}（线性：${line.replace(/, /, '，')}）→ ${n(points)} 分`,
      en: `${le} ${f(v)} (linear: ${line}) → ${n(points)} points`,
    };
  }
  if (rule.rule === 'ratio_to_target') {
    const target = rule.target ?? r.target;
    if (target === null || target === undefined || target <= 0) return undefined;
    const lower = (rule.direction ?? r.direction) === 'lower';
    const ratio = lower ? (v <= 0 ? Number.POSITIVE_INFINITY : target / v) : v / target;
    const capped = ratio > rule.cap + EPS;
    const used = Math.min(ratio, rule.cap);
    const points = item.weight * used;
    const expr = lower ? `${f(target)} ÷ ${f(v)}` : `${f(v)} ÷ ${f(target)}`;
    const [tz, te] = lower ? ['目标 ', 'target '] : ['', ''];
    const [sz, se] = lower ? ['', ''] : ['（目标）', ' (target)'];
    const shown = Number.isFinite(ratio) ? n(ratio) : '∞';
    const capZh = capped ? `，封顶 ${n(rule.cap)}` : '';
    const capEn = capped ? `, capped at ${n(rule.cap)}` : '';
    const pts = n(points);
    return {
      points,
      capped,
      zh: `${lz}：${tz}${expr}${sz} = ${shown}${capZh} → ${pts} 分`,
      en: `${le}: ${te}${expr}${se} = ${shown}${capEn} → ${pts} points`,
    };
  }
  return deduct(item.weight, rule, r);
}

function deduct(weight: number, rule: DeductionRule, r: IndicatorResult): Raw {
  const how = rule.count ?? (r.kind === 'count' ? 'value' : 'numerator');
  const num = r.numerator ?? 0;
  const count =
    how === 'value' ? (r.value as number) : how === 'numerator' ? num : (r.denominator ?? 0) - num;
  const unit = rule.unit ?? {
    zh: how === 'misses' ? `${r.label.zh}未达标` : r.label.zh,
    en: how === 'misses' ? `misses on ${r.label.en.toLowerCase()}` : r.label.en.toLowerCase(),
  };
  const full = rule.per * count;
  const taken = Math.min(full, rule.cap);
  const capped = full > rule.cap + EPS;
  const points = weight - taken;
  const pts = n(points);
  return {
    points,
    capped,
    zh: `${unit.zh} ${n(count)} 件，每件扣 ${n(rule.per)} 分，扣 ${n(taken)} 分（上限 ${n(rule.cap)}）→ ${pts} 分`,
    en: `−${n(taken)} for ${n(count)} ${unit.en} (${n(rule.per)} each, cap ${n(rule.cap)}) → ${pts} points`,
  };
}
