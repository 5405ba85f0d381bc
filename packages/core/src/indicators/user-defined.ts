import { DATASETS, isDatasetKey } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import { ident, type SqlValue } from '../sql/quote.ts';
import { ConfigError } from './config-error.ts';
import { replayed } from './replay.ts';
import type { Direction, IndicatorDef, IndicatorUnit } from './types.ts';
import { where } from './where.ts';

/**
 * A user-defined rate, declared in JSON and computed exactly like a built-in one:
 *
 * ```json
 * { "key": "custom.window_share", "dataset": "cases",
 *   "label": { "zh": "窗口受理占比", "en": "Share applied at a window" },
 *   "numerator": [{ "column": "apply_channel", "op": "in", "values": ["window"] }],
 *   "denominator": [{ "column": "status", "op": "not_in", "values": ["void"] }],
 *   "direction": "lower", "target": 0.4, "source": "本县考核办法" }
 * ```
 *
 * The numerator counts rows meeting the denominator's conditions AND its own. Columns must be canonical
 * columns of the dataset; values are bound as SQL parameters, never pasted.
 */
export interface Condition {
  column: string;
  op: 'in' | 'not_in' | 'is_null' | 'not_null' | 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
  values?: (string | number | boolean)[];
  value?: string | number | boolean;
}

const OPS: Record<Condition['op'], string> = {
  in: 'IN',
  not_in: 'NOT IN',
  is_null: 'IS NULL',
  not_null: 'IS NOT NULL',
  eq: '=',
  ne: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function columnsOf(dataset: DatasetKey): string[] {
  return DATASETS[dataset].fields.flatMap((f) =>
    f.type === 'limit' ? [`${f.key}_value`, `${f.key}_unit`] : [f.key],
  );
}

function parseConditions(v: unknown, path: string, dataset: DatasetKey): Condition[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${path} must be a list of conditions`);
  const columns = columnsOf(dataset);
  return v.map((c, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(c)) throw new ConfigError(`${p} must be an object`);
    if (typeof c.column !== 'string' || !columns.includes(c.column)) {
      throw new ConfigError(
        `${p}.column: ${JSON.stringify(c.column)} is not a column of ${dataset} (${columns.join(', ')})`,
      );
    }
    if (typeof c.op !== 'string' || !Object.hasOwn(OPS, c.op)) {
      throw new ConfigError(`${p}.op: ${JSON.stringify(c.op)} is not one of ${Object.keys(OPS).join(', ')}`);
    }
    const op = c.op as Condition['op'];
    const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
    if (
      (op === 'in' || op === 'not_in') &&
      (!Array.isArray(c.values) || !c.values.length || !c.values.every(scalar))
    ) {
      throw new ConfigError(`${p}.values must be a non-empty list of strings, numbers or booleans`);
    }
    if (!['in', 'not_in', 'is_null', 'not_null'].includes(op) && !scalar(c.value)) {
      throw new ConfigError(`${p}.value must be a string, number or boolean`);
    }
    return {
      column: c.column,
      op,
      values: c.values as Condition['values'],
      value: c.value as Condition['value'],
    };
  });
}

function conditionSql(conds: Condition[], params: SqlValue[]): string {
  if (!conds.length) return 'TRUE';
  return conds
    .map((c) => {
      const col = ident(c.column);
      if (c.op === 'is_null' || c.op === 'not_null') return `${col} ${OPS[c.op]}`;
      if (c.op === 'in' || c.op === 'not_in') {
        params.push(...(c.values ?? []));
        return `${col} ${OPS[c.op]} (${(c.values ?? []).map(() => '?').join(', ')})`;
      }
      params.push(c.value ?? null);
      return `${col} ${OPS[c.op]} ?`;
    })
    .join(' AND ');
}

const str = (v: unknown, path: string): string => {
  if (typeof v !== 'string' || !v.trim()) throw new ConfigError(`${path} must be a non-empty string`);
  return v;
};

/** Validates one user-defined indicator and turns it into an IndicatorDef. */
export function parseUserIndicator(json: unknown, path = 'indicator'): IndicatorDef {
  if (!isRecord(json)) throw new ConfigError(`${path} must be an object`);
  const key = str(json.key, `${path}.key`);
  if (!/^[a-z][\w.-]*$/i.test(key))
    throw new ConfigError(`${path}.key: "${key}" may use letters, digits, . _ - only`);
  const dataset = json.dataset;
  if (!isDatasetKey(dataset)) {
    throw new ConfigError(`${path}.dataset must be one of ${Object.keys(DATASETS).join(', ')}`);
  }
  const ds = dataset as DatasetKey;
  if (!isRecord(json.label)) throw new ConfigError(`${path}.label must be { "zh": "…", "en": "…" }`);
  const label = {
    zh: str(json.label.zh, `${path}.label.zh`),
    en: str(json.label.en ?? json.label.zh, `${path}.label.en`),
  };
  const numerator = parseConditions(json.numerator, `${path}.numerator`, ds);
  if (!numerator.length) throw new ConfigError(`${path}.numerator needs at least one condition`);
  const denominator = parseConditions(json.denominator, `${path}.denominator`, ds);
  const direction = (json.direction ?? 'higher') as Direction;
  if (direction !== 'higher' && direction !== 'lower')
    throw new ConfigError(`${path}.direction must be "higher" or "lower"`);
  const target = json.target;
  if (target !== undefined && (typeof target !== 'number' || target < 0 || target > 1)) {
    throw new ConfigError(`${path}.target must be a share between 0 and 1`);
  }
  const describe = (cs: Condition[]) =>
    cs.map((c) => `${c.column} ${c.op} ${JSON.stringify(c.values ?? c.value ?? '')}`).join(' and ') ||
    'all rows';
  return {
    key,
    dataset: ds,
    kind: 'rate',
    label,
    formula: {
      zh: `满足（${describe([...denominator, ...numerator])}）的行数 ÷ 满足（${describe(denominator)}）的行数`,
      en: `rows where ${describe([...denominator, ...numerator])} ÷ rows where ${describe(denominator)}`,
    },
    direction,
    unit: 'percent' as IndicatorUnit,
    target: target as number | undefined,
    source: typeof json.source === 'string' ? json.source : 'user-defined',
    periodColumn: typeof json.periodColumn === 'string' ? json.periodColumn : undefined,
    // Every column a condition reads: an export without it cannot answer the indicator.
    needs: [...new Set([...denominator, ...numerator].map((c) => c.column))],
    sql(ctx) {
      // Built in the order the placeholders appear in the text, so the bound values line up.
      const params: SqlValue[] = [];
      const den1 = conditionSql(denominator, params);
      const num = conditionSql(numerator, params);
      const den2 = conditionSql(denominator, params);
      const w = where(ctx);
      const src = replayed(DATASETS[ds].table, ctx);
      return {
        text: `SELECT count(*) FILTER (WHERE (${den1}) AND (${num}))::DOUBLE AS numerator,
          count(*) FILTER (WHERE ${den2})::DOUBLE AS denominator FROM ${src.text} WHERE ${w.text}`,
        params: [...params, ...src.params, ...w.params],
      };
    },
  };
}
