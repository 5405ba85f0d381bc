import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { rateStatus, wilson } from '../src/indicators/status.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

// Ten cases, hand-checked: 6 online (4 PC + 2 mobile), 3 closed online, 8 accepted of which 6 closed.
const CASES = SMALL_CASES;
const DISCLOSURES = SMALL_DISCLOSURES;

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', utf8(CASES));
  await importFile(engine, 'disclosures.csv', utf8(DISCLOSURES));
});
afterAll(() => engine.close());

const byKey = async (opts: Parameters<typeof computeIndicators>[1]) =>
  Object.fromEntries((await computeIndicators(engine, opts)).map((c) => [c.result.key, c.result]));

describe('first indicator set', () => {
  it('computes numerators and denominators by hand-checked formulas', async () => {
    const r = await byKey({ asOf: '2025-03-15' });
    expect(r['case.online_apply_rate']).toMatchObject({ numerator: 6, denominator: 10, value: 0.6 });
    expect(r['case.online_closed_rate']).toMatchObject({ numerator: 3, denominator: 10, value: 0.3 });
    expect(r['case.closure_rate']).toMatchObject({ numerator: 6, denominator: 8, value: 0.75 });
    // C02 closed after its due date; C05 closed on day 7 of a 3-calendar-day limit; C07 open past due.
    expect(r['case.overdue_count']).toMatchObject({ value: 3, denominator: 8 });
    expect(r['foi.volume_by_domain']?.breakdown).toEqual([
      { key: 'budget', value: 2 },
      { key: 'compulsory_education', value: 1 },
      { key: 'unknown', value: 1 },
    ]);
  });

  it('as-of moves open cases into overdue only once they are past due', async () => {
    const early = await byKey({ asOf: '2025-03-10' });
    expect(early['case.overdue_count']?.value).toBe(2); // C07 is due on 03-10 itself
    const late = await byKey({ asOf: '2025-03-21' });
    expect(late['case.overdue_count']?.value).toBe(4); // C08 now past 03-20 too
  });

  it('defaults as-of to the latest timestamp in the data', async () => {
    const r = await byKey({});
    expect(r['case.online_apply_rate']?.asOf).toBe('2025-03-14 09:00:00');
  });

  it('filters with bound values, including hostile strings', async () => {
    const r = await byKey({ asOf: '2025-03-15', filters: { dept_name: ['甲局'] } });
    expect(r['case.online_apply_rate']).toMatchObject({ numerator: 3, denominator: 4 });
    expect(r['foi.volume_by_domain']?.value).toBe(4); // disclosures have no dept_name column: unfiltered
    const evil = await byKey({ filters: { dept_name: ["甲局' OR 1=1 --"] } });
    expect(evil['case.online_apply_rate']).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('carries metadata and an honest status', async () => {
    const r = await byKey({ asOf: '2025-03-15' });
    const rate = r['case.online_apply_rate'];
    expect(rate).toMatchObject({ target: 0.5, direction: 'higher', unit: 'percent', status: 'insufficient' });
    expect(rate?.label).toEqual({ zh: '上网办理率', en: 'Online application rate' });
    expect(rate?.source).toContain('庆政办发〔2016〕88号');
  });
});

describe('wilson interval and status', () => {
  it('matches the textbook interval', () => {
    const [lo, hi] = wilson(60, 100) ?? [0, 0];
    expect(lo).toBeCloseTo(0.502, 3);
    expect(hi).toBeCloseTo(0.6906, 3);
  });
  it('is amber when the interval straddles the target and green/red only when clear', () => {
    expect(rateStatus(wilson(55, 100), 100, 0.5, 'higher')).toBe('amber');
    expect(rateStatus(wilson(700, 1000), 1000, 0.5, 'higher')).toBe('green');
    expect(rateStatus(wilson(300, 1000), 1000, 0.5, 'higher')).toBe('red');
    expect(rateStatus(wilson(3, 10), 10, 0.5, 'higher')).toBe('insufficient');
  });
});

describe('100 % targets', () => {
  it('are green only for a perfect record', () => {
    expect(rateStatus(wilson(50, 50), 50, 1, 'higher', 50)).toBe('green');
    expect(rateStatus(wilson(49, 50), 50, 1, 'higher', 49)).toBe('red');
    expect(rateStatus(wilson(9, 9), 9, 1, 'higher', 9)).toBe('insufficient');
  });
});

describe('dataset filters', () => {
  it('apply to their own dataset only', async () => {
    const r = await byKey({ asOf: '2025-03-15', datasetFilters: { disclosures: { domain: ['budget'] } } });
    expect(r['foi.volume_by_domain']?.breakdown).toEqual([{ key: 'budget', value: 2 }]);
    expect(r['foi.volume_by_domain']?.filters).toEqual({ domain: ['budget'] });
    expect(r['case.online_apply_rate']).toMatchObject({ numerator: 6, denominator: 10, filters: {} });
  });
});
