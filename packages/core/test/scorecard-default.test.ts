import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { INDICATORS } from '../src/indicators/catalogue/index.ts';
import { computeScorecard } from '../src/scorecard/compute-scorecard.ts';
import { DEFAULT_SCORECARD, DEFAULT_SCORECARD_JSON } from '../src/scorecard/default-model.ts';
import { parseScorecardModel } from '../src/scorecard/model.ts';

const CSV = readFileSync(new URL('../../../data/cases.csv', import.meta.url));
// Departments are column 受理部门 of the sample; the sample has no quoted commas.
const header = CSV.toString('utf8').split('\n')[0]?.split(',') ?? [];
const deptIndex = header.indexOf('受理部门');
const DEPARTMENTS = new Set(
  CSV.toString('utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(',')[deptIndex] ?? ''),
);

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', CSV);
});
afterAll(() => engine.close());

describe('default scorecard', () => {
  it('is a valid 100-point model over built-in indicators', () => {
    const reparsed = parseScorecardModel(
      DEFAULT_SCORECARD_JSON,
      'x',
      INDICATORS.map((d) => d.key),
    );
    expect(reparsed).toEqual(DEFAULT_SCORECARD);
    const max = DEFAULT_SCORECARD.items.reduce(
      (s, i) => s + (i.rule.rule === 'ratio_to_target' ? i.weight * i.rule.cap : i.weight),
      0,
    );
    expect(max).toBe(100);
  });

  it('gives every department of the sample a score, a rank and a band', async () => {
    const sc = await computeScorecard(engine);
    expect(DEPARTMENTS.size).toBeGreaterThan(10);
    expect(new Set(sc.rows.map((r) => r.department))).toEqual(DEPARTMENTS);
    expect(sc.maxScore).toBe(100);
    for (const r of sc.rows) {
      expect(r.score, r.department).not.toBeNull();
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.band).not.toBeNull();
      expect(r.items).toHaveLength(DEFAULT_SCORECARD.items.length);
    }
    const ranks = sc.rows.map((r) => r.rank as number);
    expect(ranks[0]).toBe(1);
    // Sorted by score, and ranks never decrease.
    for (let i = 1; i < sc.rows.length; i++) {
      expect(sc.rows[i - 1]?.score).toBeGreaterThanOrEqual(sc.rows[i]?.score as number);
      expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1] as number);
    }
  });

  it('compares quarters: change = score − previous score', async () => {
    const sc = await computeScorecard(engine, { period: 'quarter' });
    expect(sc.period).toBe('2025-Q4');
    expect(sc.previousPeriod).toBe('2025-Q3');
    const compared = sc.rows.filter((r) => r.change !== null);
    expect(compared.length).toBeGreaterThan(10);
    for (const r of compared) {
      expect(r.change).toBeCloseTo((r.score as number) - (r.previousScore as number), 6);
    }
  });
});
