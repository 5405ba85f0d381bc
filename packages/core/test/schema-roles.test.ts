import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { guessDataset } from '../src/import/headers.ts';
import { importFile } from '../src/import/import-file.ts';
import { ImportError } from '../src/import/ledger.ts';
import { computeIndicators } from '../src/indicators/compute.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const rows = async (engine: NodeEngine, sql: string) =>
  (await engine.query(sql)).toArray().map((r) => r.toJSON());

describe('dataset detection by headers', () => {
  it('takes the county case export (受理时间, no 申请时间) as cases', () => {
    const g = guessDataset([
      '办件编号',
      '受理部门',
      '申报渠道',
      '受理时间',
      '办结时间',
      '承诺办结时限',
      '办理状态',
    ]);
    // Only cases has both an identity and a clock start here; 办件过程 lacks 办理环节名称 and its end time.
    expect(g).toMatchObject({ dataset: 'cases', tied: [] });
    expect(g.candidates.map((c) => c.dataset)).toEqual(['cases']);
  });

  it('decides on headers only one candidate understands, never on shared ones', () => {
    const hotline = guessDataset([
      '受理编号',
      '受理时间',
      '受理渠道',
      '办理状态',
      '满意度',
      '承办单位',
      '诉求类型',
    ]);
    // Both cases and hotline can take the file; 承办单位 and 诉求类型 are hotline's alone.
    expect(hotline.dataset).toBe('hotline');
    expect(hotline.candidates).toEqual([
      { dataset: 'hotline', matched: 7, unique: 2 },
      { dataset: 'cases', matched: 5, unique: 0 },
    ]);
    const shared = guessDataset(['受理编号', '受理时间', '受理渠道', '办理状态', '满意度']);
    expect(shared.dataset).toBeUndefined();
    expect([...shared.tied].sort()).toEqual(['cases', 'hotline']);
  });

  it('keeps recognising the other datasets', () => {
    expect(guessDataset(['索引号', '信息名称', '成文日期', '变更日期', '发布日期']).dataset).toBe(
      'disclosures',
    );
    expect(guessDataset(['申请编号', '申请方式', '收到申请日期', '答复日期', '办理结果']).dataset).toBe(
      'requests',
    );
    expect(
      guessDataset(['办件编号', '环节序号', '办理环节名称', '环节开始时间', '环节结束时间', '办理人'])
        .dataset,
    ).toBe('steps');
    expect(guessDataset(['foo', 'bar'])).toEqual({ dataset: undefined, candidates: [], tied: [] });
  });
});

let engine: NodeEngine;
beforeEach(async () => {
  engine = await NodeEngine.create();
});
afterEach(async () => {
  await engine.close();
});

describe('the clock-start role of cases: 受理时间 or 申请时间', () => {
  it('takes 申请时间 from 受理时间 when the file has no 申请时间 column', async () => {
    const s = await importFile(
      engine,
      'c.csv',
      utf8('办件编号,受理时间,办理状态\nA,2025-03-03 09:00:00,已受理\nB,,已申报\n'),
    );
    // B has neither time: rejected under the column the file has.
    expect(s).toMatchObject({
      dataset: 'cases',
      loaded: 1,
      rejected: 1,
      filled: { submitted_at: 'accepted_at' },
    });
    expect(await rows(engine, `SELECT "row", "column", reason FROM import_ledger`)).toEqual([
      { row: 3, column: 'accepted_at', reason: 'missing_required' },
    ]);
    expect(
      await rows(
        engine,
        `SELECT case_id, strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS s, strftime(accepted_at, '%Y-%m-%d %H:%M:%S') AS a FROM cases`,
      ),
    ).toEqual([{ case_id: 'A', s: '2025-03-03 09:00:00', a: '2025-03-03 09:00:00' }]);
  });

  it('takes 受理时间 from 申请时间 without a 受理时间 column, except for cases never accepted', async () => {
    const s = await importFile(
      engine,
      'c.csv',
      utf8(
        '办件编号,申请时间,办理状态\nA,2025-03-03,已办结\nB,2025-03-04,不予受理\nC,2025-03-05,已申报\nD,2025-03-06,\n',
      ),
    );
    expect(s).toMatchObject({ loaded: 4, rejected: 0, filled: { accepted_at: 'submitted_at' } });
    expect(
      await rows(
        engine,
        `SELECT case_id, strftime(accepted_at, '%Y-%m-%d') AS a FROM cases ORDER BY case_id`,
      ),
    ).toEqual([
      { case_id: 'A', a: '2025-03-03' },
      { case_id: 'B', a: null },
      { case_id: 'C', a: null },
      { case_id: 'D', a: '2025-03-06' },
    ]);
  });

  it('fills an empty 申请时间 cell from 受理时间, and an unreadable one only warns when 受理时间 stands', async () => {
    const s = await importFile(
      engine,
      'c.csv',
      utf8(
        '办件编号,申请时间,受理时间\nA,,2025-03-03 10:00\nB,not a date,2025-03-04 10:00\nC,not a date,\nD,2025-03-01,2025-03-05\n',
      ),
    );
    expect(s).toMatchObject({ read: 4, loaded: 3, rejected: 1, warnings: 1, filled: {} });
    expect(
      await rows(engine, `SELECT "row", "column", reason, severity FROM import_ledger ORDER BY "row"`),
    ).toEqual([
      { row: 3, column: 'submitted_at', reason: 'unparseable_datetime', severity: 'warning' },
      { row: 4, column: 'submitted_at', reason: 'unparseable_datetime', severity: 'reject' },
    ]);
    expect(
      await rows(
        engine,
        `SELECT case_id, strftime(submitted_at, '%Y-%m-%d %H:%M') AS s FROM cases ORDER BY case_id`,
      ),
    ).toEqual([
      { case_id: 'A', s: '2025-03-03 10:00' },
      { case_id: 'B', s: '2025-03-04 10:00' },
      { case_id: 'D', s: '2025-03-01 00:00' },
    ]);
  });

  it('names both columns of the role when neither is there, and accepts --dataset cases', async () => {
    const err = await importFile(engine, 'x.csv', utf8('办件编号,受理部门\nA,甲局\n'), {
      dataset: 'cases',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toContain('受理时间 / 申请时间 (accepted_at | submitted_at)');
    expect((err as ImportError).details.missing).toEqual(['accepted_at|submitted_at']);
  });
});

describe('other §7 headers', () => {
  it('reads 收到申请日期 from 申请时间 in an on-request export that has no receipt date', async () => {
    const s = await importFile(
      engine,
      'r.csv',
      utf8('申请编号,申请时间,是否延期答复,办理结果\nR1,2025-03-03 15:00,是,予以公开\n'),
      { dataset: 'requests' },
    );
    expect(s).toMatchObject({ loaded: 1, filled: { received_at: 'submitted_at', outcome_label: 'outcome' } });
    expect(
      await rows(
        engine,
        `SELECT strftime(received_at, '%Y-%m-%d') AS r, extension_approved AS e, outcome, outcome_label FROM requests`,
      ),
    ).toEqual([{ r: '2025-03-03', e: true, outcome: 'granted', outcome_label: '予以公开' }]);
  });

  it('reads 变更日期, and foi.proactive_timely restarts its clock there', async () => {
    // Formed 3 Mar, published 3 Apr: 4 Mar … 3 Apr is 23 working days > 20 (late); changed 20 Mar:
    // 21 Mar … 3 Apr is 10 working days ≤ 20 (on time). D3's change is dated after the as-of day, so as of
    // 30 Apr it had not happened: its clock runs from 3 Mar (late), not from the later change.
    const csv =
      '索引号,信息名称,成文日期,变更日期,发布日期\nD1,甲,2025-03-03,,2025-04-03\nD2,乙,2025-03-03,2025-03-20,2025-04-03\n' +
      'D3,丙,2025-03-03,2025-05-10,2025-04-03\n';
    const s = await importFile(engine, 'd.csv', utf8(csv));
    expect(s).toMatchObject({ dataset: 'disclosures', mapped: { changed_at: '变更日期' } });
    const [r] = (await computeIndicators(engine, { asOf: '2025-04-30' }))
      .map((c) => c.result)
      .filter((x) => x.key === 'foi.proactive_timely');
    expect(r).toMatchObject({ numerator: 1, denominator: 3 });
  });
});
