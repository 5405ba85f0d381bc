import { type CalendarOverrides, parseCalendarOverrides } from '../calendar/index.ts';
import { dict, own } from '../own-keys.ts';
import { ConfigError } from './config-error.ts';
import { DIMENSIONS } from './dimensions.ts';
import type { DisclosureControl } from './disclosure-control.ts';
import type { IndicatorContext, IndicatorDef } from './types.ts';
import { parseUserIndicator } from './user-defined.ts';

/**
 * A host's configuration (JSON file, `config` attribute, CLI `--config`):
 *
 * ```json
 * { "targets": { "case.online_apply_rate": 0.6,
 *                "case.on_time_rate": { "default": 0.95, "departments": { "县自然资源局": 0.9 } } },
 *   "calendar": { "holidays": ["2025-06-10"] },
 *   "indicators": [ { "key": "custom.window_share", … } ] }
 * ```
 */
export interface DashboardConfig {
  targets: Record<string, { default?: number; departments: Record<string, number> }>;
  /** Small-number protection for every shown or exported count. */
  disclosure?: DisclosureControl;
  calendar?: CalendarOverrides;
  indicators: IndicatorDef[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseConfig(
  json: unknown,
  source = 'config',
  knownKeys: readonly string[] = [],
): DashboardConfig {
  const fail = (msg: string): never => {
    throw new ConfigError(`${source}: ${msg}`);
  };
  if (!isRecord(json)) fail('must be a JSON object');
  const c = json as Record<string, unknown>;
  for (const k of Object.keys(c)) {
    if (!['targets', 'calendar', 'indicators', 'disclosure', '$schema', 'comment'].includes(k)) {
      fail(`unknown key "${k}" (allowed: targets, calendar, indicators, disclosure)`);
    }
  }
  let indicators: IndicatorDef[] = [];
  if (c.indicators !== undefined) {
    if (!Array.isArray(c.indicators)) fail('"indicators" must be a list');
    try {
      indicators = (c.indicators as unknown[]).map((x, i) => parseUserIndicator(x, `indicators[${i}]`));
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
    const seen = new Set(knownKeys);
    for (const d of indicators) {
      if (seen.has(d.key)) fail(`indicators: key "${d.key}" is already used`);
      seen.add(d.key);
    }
  }
  const keys = new Set([...knownKeys, ...indicators.map((d) => d.key)]);
  const targets: DashboardConfig['targets'] = dict();
  if (c.targets !== undefined) {
    if (!isRecord(c.targets)) fail('"targets" must be an object');
    for (const [key, t] of Object.entries(c.targets as Record<string, unknown>)) {
      if (keys.size && !keys.has(key)) fail(`targets.${key}: no indicator has this key`);
      const num = (v: unknown, p: string) => {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(`${p} must be a non-negative number`);
        return v as number;
      };
      if (typeof t === 'number') targets[key] = { default: num(t, `targets.${key}`), departments: {} };
      else if (isRecord(t)) {
        const departments: Record<string, number> = dict();
        if (t.departments !== undefined && !isRecord(t.departments))
          fail(`targets.${key}.departments must be an object`);
        for (const [dept, v] of Object.entries((t.departments ?? {}) as Record<string, unknown>)) {
          departments[dept] = num(v, `targets.${key}.departments.${dept}`);
        }
        targets[key] = {
          default: t.default === undefined ? undefined : num(t.default, `targets.${key}.default`),
          departments,
        };
      } else fail(`targets.${key} must be a number or { "default": …, "departments": { … } }`);
    }
  }
  let calendar: CalendarOverrides | undefined;
  if (c.calendar !== undefined) {
    try {
      calendar = parseCalendarOverrides(c.calendar);
    } catch (e) {
      fail(`calendar: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let disclosure: DisclosureControl | undefined;
  if (c.disclosure !== undefined) {
    const d = c.disclosure as Record<string, unknown>;
    if (!isRecord(d) || (d.mode !== 'round' && d.mode !== 'suppress'))
      fail('disclosure.mode must be "round" or "suppress"');
    for (const k of ['threshold', 'base'] as const) {
      if (
        d[k] !== undefined &&
        (typeof d[k] !== 'number' || !Number.isInteger(d[k]) || (d[k] as number) < 1)
      ) {
        fail(`disclosure.${k} must be a whole number ≥ 1`);
      }
    }
    disclosure = d as unknown as DisclosureControl;
  }
  return { targets, calendar, indicators, disclosure };
}

/**
 * The target for one computation: a department's own target when the computation is restricted to exactly
 * one department, else the configured default, else the indicator's built-in default.
 */
export function resolveTarget(
  def: IndicatorDef,
  ctx: IndicatorContext,
  config?: DashboardConfig,
): number | undefined {
  const t = own(config?.targets, def.key);
  if (!t) return def.target;
  const deptColumn = DIMENSIONS.dept?.[def.dataset];
  const depts = deptColumn ? ctx.filters?.[deptColumn] : undefined;
  const one = depts?.length === 1 ? String(depts[0]) : undefined;
  return (one !== undefined ? own(t.departments, one) : undefined) ?? t.default ?? def.target;
}
