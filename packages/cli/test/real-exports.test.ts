import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.ts';

/** Exports shaped as county systems write them (fixtures/real-exports/README.md), numbers worked by hand. */
const file = (name: string) => join(import.meta.dirname, 'fixtures', 'real-exports', name);

type Result = { key: string; value: number | null; numerator?: number; denominator?: number };
async function indicators(...args: string[]) {
  const r = await run('indicators', ...args, '--as-of', '2025-03-31', '--json');
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout);
  const byKey: Record<string, Result> = Object.fromEntries(json.indicators.map((i: Result) => [i.key, i]));
  return { json, byKey };
}

describe('a case export with 受理时间 and no 申请时间', () => {
  for (const extra of [[], ['--dataset', 'cases']]) {
    it(`is detected as cases (or named so) and gives the hand-worked numbers ${extra.join(' ')}`, async () => {
      const { json, byKey } = await indicators(file('county-cases.csv'), ...extra);
      expect(json.import.files[0]).toMatchObject({
        dataset: 'cases',
        read: 5,
        loaded: 5,
        rejected: 0,
        filled: { submitted_at: 'accepted_at' },
      });
      // 上网办理率 counts by 申请时间, here taken from 受理时间: 网上 K01, K05 and 移动端 K03 of 5.
      expect(byKey['case.online_apply_rate']).toMatchObject({ numerator: 3, denominator: 5 });
      // 办结率: K01, K02, K04, K05 closed of 5 accepted.
      expect(byKey['case.closure_rate']).toMatchObject({ numerator: 4, denominator: 5 });
      // Due days: K01, K02 3 Mar + 5 wd = 10 Mar; K04 即办 5 Mar; K05 6 Mar + 10 wd = 20 Mar; K03 4 Mar + 5 wd
      // = 11 Mar. K02 closed 14 Mar is late; K03 is open past its due day on 31 Mar.
      expect(byKey['case.on_time_rate']).toMatchObject({ numerator: 3, denominator: 4 });
      expect(byKey['case.red']).toMatchObject({ value: 1 });
      expect(byKey['case.overdue_count']).toMatchObject({ value: 2 });
    });
  }

  it('says in the text output that 申请时间 was taken from 受理时间', async () => {
    const r = await run('indicators', file('county-cases.csv'), '--as-of', '2025-03-31');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('submitted_at taken from accepted_at');
  });
});

describe('a hotline export headed 受理编号 / 受理渠道 / 办理状态 / 满意度', () => {
  for (const extra of [[], ['--dataset', 'hotline']]) {
    it(`is detected as hotline (or named so), 满意度 read as the callback result ${extra.join(' ')}`, async () => {
      const { json, byKey } = await indicators(file('hotline.csv'), ...extra);
      expect(json.import.files[0]).toMatchObject({
        dataset: 'hotline',
        read: 6,
        loaded: 6,
        rejected: 0,
        warnings: 0,
        mapped: { ticket_id: '受理编号', channel: '受理渠道', status: '办理状态', callback_result: '满意度' },
      });
      // H06 (无效) is out of every population: H01–H04 closed of H01–H05.
      expect(byKey['hot.closure_rate']).toMatchObject({ numerator: 4, denominator: 5 });
      // Valid callbacks H01 满意, H02 非常满意, H03 不满意 (H04 未接通 is no evaluation): 2 of 3 satisfied.
      expect(byKey['hot.satisfaction']).toMatchObject({ numerator: 2, denominator: 3 });
      // Every closed ticket H01–H04 has a callback result (未接通 is an attempt).
      expect(byKey['hot.callback_rate']).toMatchObject({ numerator: 4, denominator: 4 });
    });
  }

  it('asks which dataset when only headers the case and hotline schemas share are present', async () => {
    const r = await run('indicators', file('hotline-or-cases.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hotline-or-cases\.csv: the headers fit several datasets equally well/);
    expect(r.stderr).toContain('cases (办件)');
    expect(r.stderr).toContain('hotline (12345热线工单)');
    expect(r.stderr).toMatch(/--dataset (cases\|hotline|hotline\|cases)/);
    const { json } = await indicators(file('hotline-or-cases.csv'), '--dataset', 'hotline');
    expect(json.import.files[0]).toMatchObject({ dataset: 'hotline', loaded: 2, rejected: 0 });
  });
});
