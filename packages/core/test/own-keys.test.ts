import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { ImportError } from '../src/import/ledger.ts';
import { MappingError, parseMapping } from '../src/import/mapping.ts';
import { INDICATORS } from '../src/indicators/catalogue/index.ts';
import { parseConfig, resolveTarget } from '../src/indicators/config.ts';
import { ConfigError } from '../src/indicators/config-error.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';
import { parseUserIndicator } from '../src/indicators/user-defined.ts';
import { dict, own } from '../src/own-keys.ts';
import { DATASETS, isDatasetKey } from '../src/schema/datasets.ts';
import type { DatasetKey } from '../src/schema/types.ts';

/** Names inherited by every plain object: as user-given keys they must be just unknown names. */
const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', new TextEncoder().encode(SMALL_CASES));
});
afterAll(() => engine.close());

describe('user-given keys are own keys only', () => {
  it('dict() and own() never reach Object.prototype', () => {
    const d = dict<number>([['__proto__', 1]]);
    expect(Object.getPrototypeOf(d)).toBeNull();
    expect(own(d, '__proto__')).toBe(1);
    expect(own(d, 'constructor')).toBeUndefined();
    expect(own({ a: 1 } as Record<string, number>, 'toString')).toBeUndefined();
  });

  it('dataset names: not datasets, and no lookup finds a member of Object', () => {
    for (const k of PROTO_KEYS) {
      expect(isDatasetKey(k)).toBe(false);
      expect(DATASETS[k as DatasetKey]).toBeUndefined();
      expect(k in DATASETS).toBe(false);
    }
    expect(isDatasetKey('cases')).toBe(true);
  });

  it('a mapping naming a prototype key as dataset or column is refused with its path', () => {
    for (const k of PROTO_KEYS) {
      expect(() => parseMapping({ dataset: k }, 'm.json')).toThrow(MappingError);
      expect(() => parseMapping({ dataset: k }, 'm.json')).toThrow(
        /^m\.json: "dataset" must be one of cases, /,
      );
      expect(() => parseMapping(JSON.parse(`{"dataset":"cases","columns":{"${k}":"X"}}`))).toThrow(
        `mapping: columns.${k}: "${k}" is not a column of cases`,
      );
    }
    // Without a dataset, keys are kept as plain own data (never a prototype), and match no canonical column.
    const m = parseMapping(JSON.parse('{"columns":{"__proto__":"X"},"values":{"__proto__":{"a":"b"}}}'));
    expect(Object.getPrototypeOf(m.columns)).toBeNull();
    expect(own(m.columns, '__proto__')).toBe('X');
    expect(own(m.values, 'constructor')).toBeUndefined();
  });

  it('importFile refuses a dataset name that is none (API callers), naming the file', async () => {
    for (const k of PROTO_KEYS) {
      const err = await importFile(engine, 'x.csv', new TextEncoder().encode(SMALL_CASES), {
        dataset: k as DatasetKey,
      }).catch((e) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect(err.message).toBe(
        `x.csv: "${k}" is not a dataset (cases, items, disclosures, requests, hotline, steps, receipts).`,
      );
    }
  });

  it('configuration: prototype-named departments are departments, other names find no target', () => {
    const keys = INDICATORS.map((d) => d.key);
    const config = parseConfig(
      JSON.parse(
        '{"targets":{"case.online_apply_rate":{"default":0.6,"departments":{"constructor":0.9,"__proto__":0.8}}}}',
      ),
      'c.json',
      keys,
    );
    const def = INDICATORS.find((d) => d.key === 'case.online_apply_rate');
    if (!def) throw new Error('catalogue');
    const target = (dept: string) => resolveTarget(def, { filters: { dept_name: [dept] } } as never, config);
    expect(target('constructor')).toBe(0.9);
    expect(target('__proto__')).toBe(0.8);
    expect(target('toString')).toBe(0.6);
    expect(target('hasOwnProperty')).toBe(0.6);
    for (const k of PROTO_KEYS) {
      const json = JSON.parse(`{"targets":{"${k}":0.5}}`);
      expect(() => parseConfig(json, 'c.json', keys)).toThrow(ConfigError);
    }
  });

  it('user-defined indicators: a prototype key as dataset or operator is refused', () => {
    const base = { key: 'custom.x', label: { zh: 'x' }, numerator: [] as unknown[] };
    for (const k of PROTO_KEYS) {
      expect(() => parseUserIndicator({ ...base, dataset: k })).toThrow(/dataset must be one of cases/);
      expect(() =>
        parseUserIndicator({
          ...base,
          dataset: 'cases',
          numerator: [{ column: 'apply_channel', op: k, values: ['window'] }],
        }),
      ).toThrow(/op: .* is not one of/);
    }
  });

  it('--by with an unknown name (or a prototype key) is refused with the valid list', async () => {
    for (const by of ['constructor', 'nope']) {
      const err = await computeGrouped(engine, { by, asOf: '2025-03-15' }).catch((e) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.message).toMatch(
        new RegExp(
          `^--by "${by}" is neither a dimension \\(dept, item, domain, region, channel\\) nor a column of the loaded tables \\(cases: case_id, `,
        ),
      );
    }
    // 4 online_pc, 4 window (ties by name), 2 online_mobile
    const byColumn = await computeGrouped(engine, {
      by: 'apply_channel',
      asOf: '2025-03-15',
      keys: ['case.online_apply_rate'],
    });
    expect(byColumn.map((r) => r.group?.value)).toEqual(['online_pc', 'window', 'online_mobile']);
  });
});
