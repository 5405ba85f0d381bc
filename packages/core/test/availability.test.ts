import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { INDICATORS } from '../src/indicators/catalogue/index.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { buildCubes, cubeIndicators } from '../src/indicators/cube.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';
import { missingText, unavailableReason } from '../src/indicators/missing-text.ts';
import type { IndicatorResult } from '../src/indicators/types.ts';
import { computeScorecard } from '../src/scorecard/compute-scorecard.ts';
import { parseScorecardModel } from '../src/scorecard/model.ts';
import { buildSnapshot } from '../src/snapshot/build.ts';
import { readSnapshot } from '../src/snapshot/read.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** SMALL_CASES without the columns named (10 cases; 上网办理率 6/10, 网上办结率 3/10 with them). */
export function casesWithout(...headers: string[]): string {
  const rows = SMALL_CASES.trim()
    .split('\n')
    .map((l) => l.split(','));
  const drop = headers.map((h) => rows[0]?.indexOf(h) ?? -1);
  return `${rows.map((r) => r.filter((_, i) => !drop.includes(i)).join(',')).join('\n')}\n`;
}

const byKey = (rs: IndicatorResult[]) => Object.fromEntries(rs.map((r) => [r.key, r]));

describe('an indicator whose column is not in the export', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
    await importFile(engine, 'cases.csv', utf8(casesWithout('是否网上办结')));
  });
  afterAll(() => engine.close());

  it('is "not in this export", naming the column, with no value and no colour', async () => {
    const r = byKey((await computeIndicators(engine, { asOf: '2025-03-15' })).map((c) => c.result));
    expect(r['case.online_closed_rate']).toMatchObject({
      status: 'unavailable',
      value: null,
      numerator: null,
      denominator: null,
      ci: null,
      missing: [{ column: 'closed_online', header: '是否网上办结' }],
    });
    // The rest is computed as before.
    expect(r['case.online_apply_rate']).toMatchObject({ numerator: 6, denominator: 10 });
    expect(r['case.closure_rate']).toMatchObject({ numerator: 6, denominator: 8 });
    // No trips or ratings in this export either: unavailable, not 0 of 0.
    expect(r['case.zero_trip_actual']?.missing).toEqual([{ column: 'trips_actual', header: '实际跑动次数' }]);
    expect(r['eval.good_rate']?.status).toBe('unavailable');
    const unavailable = Object.values(r).filter((x) => x.status === 'unavailable');
    expect(unavailable.map((x) => x.key).sort()).toEqual(
      [
        'case.online_closed_rate',
        'case.zero_trip_actual',
        'eval.rating_rate',
        'eval.good_rate',
        'eval.bad_rate',
        'eval.score',
        'eval.rectify_on_time',
      ].sort(),
    );
    expect(unavailableReason(r['case.online_closed_rate']?.missing ?? [], 'zh')).toBe(
      '本导出无此数据：缺少「是否网上办结」列',
    );
    expect(missingText(r['eval.rectify_on_time']?.missing ?? [], 'en')).toBe(
      'no 评价等级 (rating), 评价时间 (rated_at), 差评整改时间 (bad_review_rectified_at) column',
    );
  });

  it('stays unavailable in groups, cubes, snapshots and the scorecard', async () => {
    const grouped = await computeGrouped(engine, { by: 'dept', asOf: '2025-03-15' });
    const closedOnline = grouped.filter((g) => g.key === 'case.online_closed_rate');
    expect(closedOnline.map((g) => [g.group?.value, g.status, g.value])).toEqual([
      ['乙局', 'unavailable', null],
      ['甲局', 'unavailable', null],
    ]);
    const cubes = await buildCubes(engine, { asOf: '2025-03-15' });
    const { results } = cubeIndicators(cubes, { filters: { dept_name: ['甲局'] } });
    expect(byKey(results)['case.online_closed_rate']).toMatchObject({ status: 'unavailable', value: null });
    expect(byKey(results)['case.online_apply_rate']).toMatchObject({ numerator: 3, denominator: 4 });

    const { bytes } = await buildSnapshot(engine, { asOf: '2025-03-15' });
    const snap = byKey(readSnapshot(bytes).results);
    expect(snap['case.online_closed_rate']).toMatchObject({
      status: 'unavailable',
      value: null,
      missing: [{ column: 'closed_online', header: '是否网上办结' }],
    });

    // 40 + 60 points; the 网上办结率 item is dropped and the rest rescaled to 100, in both modes.
    const json = {
      name: 'two items',
      items: [
        {
          indicator: 'case.online_closed_rate',
          weight: 40,
          rule: 'ratio_to_target',
          params: { target: 0.4 },
        },
        { indicator: 'case.online_apply_rate', weight: 60, rule: 'ratio_to_target', params: { target: 1 } },
      ],
      bands: [{ label: { zh: '全部', en: 'All' } }],
    };
    for (const missing of ['rescale', 'zero'] as const) {
      const model = parseScorecardModel({ ...json, missing }, 'model');
      const card = await computeScorecard(engine, { model, asOf: '2025-03-15' });
      const jia = card.rows.find((row) => row.department === '甲局');
      // 甲局 上网办理率 3/4 → 60 × 0.75 = 45 of 60 → 75 of 100.
      expect(jia?.score, missing).toBe(75);
      expect(jia?.items[0]).toMatchObject({ points: null, missing: true, unavailable: true });
      expect(jia?.items[0]?.explanation.zh).toContain('本导出无此数据：缺少「是否网上办结」列');
    }
  });
});

describe('a column that is there but empty, and hotline callbacks', () => {
  it('counts an all-empty column as absent; a hotline export without callbacks cannot give them', async () => {
    const engine = await NodeEngine.create();
    try {
      // 申报渠道 present but blank in every row.
      const blank = SMALL_CASES.replaceAll(/,(网上\(PC\)|移动端|窗口),/g, ',,');
      await importFile(engine, 'cases.csv', utf8(blank));
      await importFile(
        engine,
        'hotline.csv',
        utf8(
          '工单编号,受理时间,办结时间,工单状态\nT1,2025-03-03 09:00,2025-03-04 09:00,已办结\nT2,2025-03-03 10:00,,办理中\n',
        ),
      );
      const r = byKey((await computeIndicators(engine, { asOf: '2025-03-15' })).map((c) => c.result));
      expect(r['case.online_apply_rate']).toMatchObject({
        status: 'unavailable',
        missing: [{ column: 'apply_channel', header: '申报渠道' }],
      });
      expect(r['hot.closure_rate']).toMatchObject({ numerator: 1, denominator: 2 });
      expect(r['hot.callback_rate']).toMatchObject({
        status: 'unavailable',
        missing: [
          { column: 'callback_at', header: '回访时间' },
          { column: 'callback_result', header: '回访结果' },
        ],
      });
      expect(r['hot.satisfaction']?.status).toBe('unavailable');
      expect(r['hot.resolution']?.status).toBe('unavailable');
    } finally {
      await engine.close();
    }
  });

  it('every built-in indicator declares the columns it reads', () => {
    for (const d of INDICATORS) expect(d.needs?.length, d.key).toBeGreaterThan(0);
  });
});

describe('the columns an export lacks (read through the dataset view as typed NULL)', () => {
  it('are not scanned for a value, the calendar range or the latest time, nor looked up; the numbers stay the same', async () => {
    const engine = await NodeEngine.create();
    try {
      await importFile(engine, 'cases.csv', utf8(casesWithout('是否网上办结')));
      const statements: string[] = [];
      const query = engine.query.bind(engine);
      engine.query = (sql, params) => {
        statements.push(sql);
        return query(sql, params);
      };
      const r = byKey((await computeIndicators(engine, { facts: 'inline' })).map((c) => c.result));
      engine.query = query;
      // closed_online, prejudged_at, rated_at, rating… are not in this export: no statement reads them for these
      const unread =
        /"(closed_online|prejudged_at|rated_at|rating)" IS NOT NULL|CAST\("(prejudged_at|rated_at|updated_at)" AS/;
      expect(statements.flatMap((q) => q.match(unread)?.[0] ?? [])).toEqual([]);
      // one catalogue query (the loaded tables); the inline facts take the store's columns from it
      expect(statements.filter((q) => q.includes('duckdb_columns')).length).toBe(1);
      expect(r['case.online_closed_rate']?.status).toBe('unavailable');
      // as of the export's latest event (from its own columns), as computed over every column
      const all = await engine.query(
        `SELECT strftime(greatest(max(submitted_at), max(accepted_at), max(closed_at)), '%Y-%m-%d %H:%M:%S') AS t FROM cases`,
      );
      expect(r['case.online_apply_rate']?.asOf).toBe(all.get(0)?.t);
      expect(r['case.online_apply_rate']).toMatchObject({ numerator: 6, denominator: 10 });
    } finally {
      engine.close();
    }
  });
});
