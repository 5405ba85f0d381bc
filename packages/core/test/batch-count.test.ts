import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';

// Indicators counting rows of the same relation in the same context are computed in one scan
// (conditionsBatchSql): the numbers must be those each gives alone.
let engine: NodeEngine;
let statements: string[];
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', new Uint8Array(readFileSync('data/cases.csv')));
  await importFile(engine, 'hotline.csv', new Uint8Array(readFileSync('data/hotline.csv')));
  const query = engine.query.bind(engine);
  statements = [];
  engine.query = (sql, params) => {
    statements.push(sql);
    return query(sql, params);
  };
});
afterAll(() => engine.close());

const numbers = (list: Awaited<ReturnType<typeof computeIndicators>>) =>
  list.map((c) => [c.result.key, c.result.value, c.result.numerator, c.result.denominator, c.result.status]);

describe('indicators counted together', () => {
  for (const options of [{}, { filters: { dept_name: ['县市场监督管理局'] } }, { months: ['2025-03'] }]) {
    it(`give each the numbers it has alone (${JSON.stringify(options)})`, async () => {
      await computeIndicators(engine, {}); // the facts first, so both runs below only count
      statements.length = 0;
      const together = await computeIndicators(engine, options);
      const batched = statements.filter((q) => /\bn1\b/.test(q)).length;
      expect(batched).toBeGreaterThan(0);
      const alone = [];
      for (const c of together)
        alone.push(...(await computeIndicators(engine, { ...options, keys: [c.result.key] })));
      expect(numbers(together)).toEqual(numbers(alone));
      expect(together.length).toBeGreaterThan(10);
    });
  }
});
