import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { parseConfig } from '../src/indicators/config.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', utf8(SMALL_CASES));
  await importFile(engine, 'disclosures.csv', utf8(SMALL_DISCLOSURES));
});
afterAll(() => engine.close());

const byKey = async (opts: Parameters<typeof computeIndicators>[1]) =>
  Object.fromEntries(
    (await computeIndicators(engine, { asOf: '2025-03-15', ...opts })).map((c) => [c.result.key, c.result]),
  );

describe('small-number protection', () => {
  it('suppress: withholds small counts, rates built on them, and a lone small cell with its neighbour', async () => {
    const r = await byKey({ disclosure: { mode: 'suppress', threshold: 3 } });
    // 上网办理率 6/10: numerator 6, complement 4, both ≥ 3 → shown.
    expect(r['case.online_apply_rate']).toMatchObject({ numerator: 6, denominator: 10 });
    // 网上办结率 3/10 → shown; 超期件 3 → shown; domains budget 2 (small), education 1, unknown 1 → all withheld.
    expect(r['case.overdue_count']).toMatchObject({ value: 3 });
    expect(r['foi.volume_by_domain']?.breakdown?.map((b) => b.suppressed ?? false)).toEqual([
      true,
      true,
      true,
    ]);
    const strict = await byKey({ disclosure: { mode: 'suppress', threshold: 5 } });
    // 6/10 has a complement of 4 < 5: the whole rate is withheld, numerator and denominator too.
    expect(strict['case.online_apply_rate']).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      disclosure: 'suppressed',
    });
    expect(strict['case.overdue_count']).toMatchObject({ value: null, disclosure: 'suppressed' });
  });

  it('round: every count to base 5 everywhere, including grouped and filtered results', async () => {
    const config = parseConfig({ disclosure: { mode: 'round', base: 5 } }, 'c.json');
    const r = await byKey({ config });
    expect(r['case.online_apply_rate']).toMatchObject({
      numerator: 5,
      denominator: 10,
      value: 0.5,
      disclosure: 'rounded',
    });
    expect(r['case.overdue_count']).toMatchObject({ value: 5 });
    expect(r['foi.volume_by_domain']?.breakdown).toEqual([
      { key: 'budget', value: 0 },
      { key: 'compulsory_education', value: 0 },
      { key: 'unknown', value: 0 },
    ]);
    const grouped = await computeGrouped(engine, {
      config,
      by: 'dept',
      keys: ['case.online_apply_rate'],
      asOf: '2025-03-15',
    });
    // 甲局 3/4 and 乙局 3/6 online: each count rounds to 5 (3 → 5, 4 → 5, 6 → 5), so both read 5/5 = 1.
    expect(grouped.map((g) => [g.group?.value, g.numerator, g.denominator, g.value, g.disclosure])).toEqual([
      ['乙局', 5, 5, 1, 'rounded'],
      ['甲局', 5, 5, 1, 'rounded'],
    ]);
    expect(() => parseConfig({ disclosure: { mode: 'blur' } }, 'c.json')).toThrow(
      /disclosure.mode must be "round" or "suppress"/,
    );
  });
});
