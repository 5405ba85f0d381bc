import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { runCli as run } from './run-cli.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ad-cli-'));
  await writeFile(join(dir, 'cases.csv'), SMALL_CASES);
  await writeFile(join(dir, 'disclosures.csv'), SMALL_DISCLOSURES);
  await writeFile(join(dir, 'bad.csv'), `${SMALL_CASES}C01,甲局,窗口,2025-03-03 09:00:00,,,,,否,已申报\n`);
  await writeFile(join(dir, 'unknown.csv'), 'foo,bar\n1,2\n');
  // The same cases without 是否网上办结 (the 9th column).
  const noOnlineClosed = SMALL_CASES.trim()
    .split('\n')
    .map((l) => l.split(',').toSpliced(8, 1).join(','));
  await writeFile(join(dir, 'no-online-closed.csv'), `${noOnlineClosed.join('\n')}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('assessment-dashboard indicators on an export without 是否网上办结', () => {
  it('says 网上办结率 is not in this export instead of 0 %, in JSON and in the table', async () => {
    const file = join(dir, 'no-online-closed.csv');
    const r = await run('indicators', file, '--as-of', '2025-03-15', '--json');
    expect(r.code).toBe(0);
    const byKey = Object.fromEntries(JSON.parse(r.stdout).indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey['case.online_closed_rate']).toMatchObject({
      status: 'unavailable',
      value: null,
      numerator: null,
      denominator: null,
      missing: [{ column: 'closed_online', header: '是否网上办结' }],
    });
    expect(byKey['case.online_apply_rate']).toMatchObject({ numerator: 6, denominator: 10 });
    const human = await run('indicators', file, '--as-of', '2025-03-15');
    expect(human.stdout).toContain(
      'case.online_closed_rate  网上办结率  –  [unavailable] 本导出无此数据：缺少「是否网上办结」列',
    );
    expect(human.stdout).toMatch(/case\.online_apply_rate {2}上网办理率 {2}60\.0% {2}6\/10/);
  });
});

describe('assessment-dashboard indicators --json', () => {
  it('prints the import ledger totals and every indicator with numerator and denominator', async () => {
    const r = await run(
      'indicators',
      join(dir, 'cases.csv'),
      join(dir, 'disclosures.csv'),
      '--as-of',
      '2025-03-15',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.import).toMatchObject({ read: 14, loaded: 14, rejected: 0 });
    const byKey = Object.fromEntries(json.indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey['case.online_apply_rate']).toMatchObject({ value: 0.6, numerator: 6, denominator: 10 });
    expect(byKey['case.overdue_count']).toMatchObject({ value: 3 });
    expect(byKey['foi.volume_by_domain'].breakdown[0]).toEqual({ key: 'budget', value: 2 });
    expect(json.asOf).toBe('2025-03-15 23:59:59');
  });

  it('selects as a dashboard click does: --filter [dataset.]column=value and --month', async () => {
    const files = [join(dir, 'cases.csv'), join(dir, 'disclosures.csv')];
    const byKey = async (...extra: string[]) => {
      const r = await run('indicators', ...files, '--as-of', '2025-03-15', '--json', ...extra);
      expect(r.code, r.stderr).toBe(0);
      return Object.fromEntries(JSON.parse(r.stdout).indicators.map((i: { key: string }) => [i.key, i]));
    };
    // 甲局 C01–C04: online C01 C02 C03 (see grouped.test.ts).
    const dept = await byKey('--filter', 'cases.dept_name=甲局');
    expect(dept['case.online_apply_rate']).toMatchObject({ numerator: 3, denominator: 4 });
    // A dataset filter on cases leaves the disclosures whole.
    expect(dept['foi.volume_by_domain'].value).toBe((await byKey())['foi.volume_by_domain'].value);
    const none = await byKey('--month', '2024-01');
    expect(none['case.online_apply_rate']).toMatchObject({ numerator: 0, denominator: 0 });
    for (const bad of [
      ['--filter', 'nonsense'],
      ['--filter', 'nope.dept_name=x'],
      ['--month', '2025-13'],
    ]) {
      const r = await run('indicators', ...files, ...bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--(filter|month)/);
    }
  });

  it('prints a readable table without --json', async () => {
    const r = await run('indicators', join(dir, 'cases.csv'), '--as-of', '2025-03-15');
    expect(r.stdout).toContain('cases.csv → cases (utf-8): read 10, loaded 10, rejected 0');
    expect(r.stdout).toContain('case.online_apply_rate  上网办理率  60.0%  6/10');
  });

  it('fails with a message naming the file when a dataset cannot be recognised', async () => {
    const r = await run('indicators', join(dir, 'unknown.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown.csv: cannot tell which dataset');
  });
});

describe('assessment-dashboard validate', () => {
  it('exits 1 and lists reasons when rows were rejected', async () => {
    const r = await run('validate', join(dir, 'bad.csv'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).import).toMatchObject({ read: 11, loaded: 10, rejected: 1 });
    expect(JSON.parse(r.stdout).import.files[0].rejectReasons).toEqual({ duplicate_id: 1 });
  });

  it('exits 0 for a clean file', async () => {
    expect((await run('validate', join(dir, 'cases.csv'))).code).toBe(0);
  });

  it('rejects unknown commands with usage', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});

describe('--mapping', () => {
  it('loads an export through a mapping file and reports a bad one clearly', async () => {
    await writeFile(join(dir, 'us.csv'), 'SR,Created,Src\n1,03/09/2024 11:30:00 PM,Call\n');
    await writeFile(
      join(dir, 'm.json'),
      JSON.stringify({
        dataset: 'hotline',
        columns: { ticket_id: 'SR', received_at: 'Created', channel: 'Src' },
        values: { channel: { Call: 'phone' } },
      }),
    );
    const ok = await run('validate', join(dir, 'us.csv'), '--mapping', join(dir, 'm.json'), '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).import).toMatchObject({ read: 1, loaded: 1, rejected: 0 });
    await writeFile(join(dir, 'bad.json'), '{"dataset": "hotline", "columns": {"nope": "SR"}}');
    const bad = await run('validate', join(dir, 'us.csv'), '--mapping', join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json: columns.nope: "nope" is not a column of hotline');
  });
});

describe('--mapping with the file the mapping screen exports', () => {
  it('reads the exported { dataset, columns, values } and loads the export without unknown codes', async () => {
    // Exactly what <assessment-column-mapper> downloads for la311.csv after recoding Call and Self Service
    // (column-mapper.browser.test.ts asserts the same object): JSON.stringify(mapping, null, 2).
    const exported = {
      dataset: 'hotline',
      columns: {
        ticket_id: 'SRNumber',
        received_at: 'CreatedDate',
        closed_at: 'ClosedDate',
        lead_dept: 'Owner',
        channel: 'RequestSource',
        status: 'Status',
      },
      values: { channel: { Call: 'phone', 'Self Service': 'web' } },
    };
    await writeFile(
      join(dir, 'la311.csv'),
      [
        'SRNumber,CreatedDate,ClosedDate,Owner,RequestSource,Status',
        '1-001,2024-03-09 23:30:00,2024-03-10 09:00:00,BSS,Call,Closed',
        '1-002,2024-07-01 08:00:00,,LASAN,Self Service,Open',
        '1-003,2024-07-01 08:05:00,2024-07-02 10:00:00,LASAN,Mobile App,Closed',
        '1-004,2024-07-02 13:00:00,2024-07-02 14:00:00,BOE,Call,Closed',
      ].join('\n'),
    );
    await writeFile(join(dir, 'la311.mapping.json'), `${JSON.stringify(exported, null, 2)}\n`);
    const r = await run(
      'validate',
      join(dir, 'la311.csv'),
      '--mapping',
      join(dir, 'la311.mapping.json'),
      '--json',
    );
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout).import;
    expect(summary).toMatchObject({ read: 4, loaded: 4, rejected: 0, warnings: 0 });
    expect(summary.files[0]).toMatchObject({ dataset: 'hotline', unmappedValues: {} });
    // Without its values the same mapping leaves the three Call / Self Service rows as unknown codes.
    const { values: _, ...columnsOnly } = exported;
    await writeFile(join(dir, 'la311.columns.json'), JSON.stringify(columnsOnly));
    const bare = await run(
      'validate',
      join(dir, 'la311.csv'),
      '--mapping',
      join(dir, 'la311.columns.json'),
      '--json',
    );
    expect(JSON.parse(bare.stdout).import).toMatchObject({ loaded: 4, warnings: 3 });
  });
});

describe('formats, --dataset, --ledger', () => {
  it('reads XLSX, prints ledger entries with --json and writes the whole ledger as CSV', async () => {
    const fixtures = join(import.meta.dirname, '../../core/test/fixtures/formats');
    const ok = await run('validate', join(fixtures, 'cases.xlsx'), '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).import).toMatchObject({ rejected: 0, ledger: [] });
    const out = join(dir, 'ledger.csv');
    const bad = await run('validate', join(dir, 'bad.csv'), '--json', '--ledger', out);
    expect(JSON.parse(bad.stdout).import.ledger).toEqual([
      {
        dataset: 'cases',
        file: 'bad.csv',
        row: 12,
        column: 'case_id',
        reason: 'duplicate_id',
        severity: 'reject',
        value: 'C01',
      },
    ]);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(out, 'utf8')).toContain('cases,bad.csv,12,case_id,duplicate_id,reject,C01');
  });

  it('takes the dataset from --dataset and refuses an unknown one', async () => {
    const r = await run('validate', join(dir, 'disclosures.csv'), '--dataset', 'cases');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('required column(s) missing for 办件');
    const u = await run('validate', join(dir, 'disclosures.csv'), '--dataset', 'tickets');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--dataset: "tickets" is not one of cases, items');
  });
});

describe('--by and --period', () => {
  it('prints indicators per department and per week with 环比', async () => {
    const r = await run(
      'indicators',
      join(dir, 'cases.csv'),
      '--as-of',
      '2025-03-15',
      '--by',
      'dept',
      '--json',
    );
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout).groups.filter(
      (g: { key: string }) => g.key === 'case.online_apply_rate',
    );
    expect(
      groups.map((g: { group: { value: string }; numerator: number }) => [g.group.value, g.numerator]),
    ).toEqual([
      ['乙局', 3],
      ['甲局', 3],
    ]);
    const w = await run('indicators', join(dir, 'cases.csv'), '--as-of', '2025-03-15', '--period', 'week');
    expect(w.stdout).toContain('case.online_apply_rate  2025-W11  33.3%  环比 71.4%  同比 –');
  });
});

describe('--config', () => {
  it('uses configured targets and user-defined indicators, and reports a bad config clearly', async () => {
    await writeFile(
      join(dir, 'c.json'),
      JSON.stringify({
        targets: { 'case.online_apply_rate': 0.55 },
        indicators: [
          {
            key: 'custom.mobile_share',
            dataset: 'cases',
            label: { zh: '移动端申报占比', en: 'Mobile share' },
            numerator: [{ column: 'apply_channel', op: 'eq', value: 'online_mobile' }],
          },
        ],
      }),
    );
    const r = await run('indicators', join(dir, 'cases.csv'), '--config', join(dir, 'c.json'), '--json');
    const byKey = Object.fromEntries(JSON.parse(r.stdout).indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey['case.online_apply_rate'].target).toBe(0.55);
    expect(byKey['custom.mobile_share']).toMatchObject({ numerator: 2, denominator: 10 });
    await writeFile(join(dir, 'bad-config.json'), '{"targets": {"case.nope": 1}}');
    const bad = await run('indicators', join(dir, 'cases.csv'), '--config', join(dir, 'bad-config.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad-config.json: targets.case.nope: no indicator has this key');
  });
});

describe('scorecard', () => {
  it('ranks departments with bands and explanations, and takes a model file', async () => {
    const r = await run('scorecard', join(dir, 'cases.csv'), '--as-of', '2025-03-15', '--json');
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout).scorecard;
    expect(card.rows.map((row: { department: string }) => row.department).sort()).toEqual(['乙局', '甲局']);
    expect(card.rows[0].rank).toBe(1);
    const text = await run('scorecard', join(dir, 'cases.csv'), '--as-of', '2025-03-15');
    expect(text.stdout).toMatch(/ {2}1 {2}(甲局|乙局) {2}\d+\.\d\d/);
    await writeFile(
      join(dir, 'model.json'),
      JSON.stringify({
        name: { zh: '测试', en: 'Test' },
        items: [
          { indicator: 'case.online_apply_rate', weight: 10, rule: 'linear', params: { from: 0, to: 1 } },
        ],
        bands: [{ min: 5, label: { zh: '好', en: 'Good' } }, { label: { zh: '差', en: 'Poor' } }],
      }),
    );
    const m = await run('scorecard', join(dir, 'cases.csv'), '--model', join(dir, 'model.json'), '--json');
    // 甲局 3/4 online → 7.5 points; 乙局 3/6 → 5.
    const rows = JSON.parse(m.stdout).scorecard.rows.map(
      (x: { department: string; score: number; band: { zh: string } }) => [x.department, x.score, x.band.zh],
    );
    expect(rows).toEqual([
      ['甲局', 7.5, '好'],
      ['乙局', 5, '好'],
    ]);
  });
});

describe('assessment-dashboard supervision', () => {
  it('runs every check the files allow and exits 1 when something is flagged', async () => {
    const { SUP_CASES, SUP_RECEIPTS, SUP_STEPS } = await import('../../core/test/fixtures/supervision.ts');
    await writeFile(join(dir, 'sup-cases.csv'), SUP_CASES);
    await writeFile(join(dir, 'sup-steps.csv'), SUP_STEPS);
    await writeFile(join(dir, 'sup-receipts.csv'), SUP_RECEIPTS);
    const files = ['sup-cases.csv', 'sup-steps.csv', 'sup-receipts.csv'].map((f) => join(dir, f));
    const r = await run('supervision', ...files, '--as-of', '2025-03-31', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.backfill.flags).toHaveLength(6);
    expect(json.reconciliation.totals.unmatched_amount).toBe(1305140.5);
    expect(json.watchList.total).toEqual({ red: 0, yellow: 0 });
    const text = await run('supervision', ...files, '--as-of', '2025-03-31');
    expect(text.stdout).toContain('S2 #2 现场勘验  环节用时过短');
    expect(text.stdout).toContain('有缴款无办件（疑似网下运行）  P900  乙局');
  });

  it('exits 0 on clean data', async () => {
    const r = await run('supervision', join(dir, 'disclosures.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有可检查的数据');
  });
});
