import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { runCli as run } from './run-cli.ts';

/** Names from the command line and mapping files are own keys only; repeated filters are "any of". */
let dir: string;
let cases: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ad-cli-keys-'));
  cases = join(dir, 'cases.csv');
  await writeFile(cases, SMALL_CASES);
  await writeFile(join(dir, 'proto.json'), '{"dataset": "__proto__"}');
  await writeFile(join(dir, 'ctor.json'), '{"dataset": "constructor", "columns": {"__proto__": "办件编号"}}');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const rate = async (...extra: string[]) => {
  const r = await run('indicators', cases, '--as-of', '2025-03-15', '--json', ...extra);
  expect(r.code, r.stderr).toBe(0);
  const i = JSON.parse(r.stdout).indicators.find((x: { key: string }) => x.key === 'case.online_apply_rate');
  return { numerator: i.numerator, denominator: i.denominator };
};

describe('the CLI with prototype keys', () => {
  it('--dataset constructor / __proto__ is a usage error naming the datasets, not a stack trace', async () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      const r = await run('validate', cases, '--dataset', name);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `error: --dataset: "${name}" is not one of cases, items, disclosures, requests, hotline, steps, receipts\n`,
      );
    }
  });

  it('a mapping file with "dataset": "__proto__" or "constructor" is refused with its path', async () => {
    for (const file of ['proto.json', 'ctor.json']) {
      const r = await run('validate', cases, '--mapping', join(dir, file));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: .*${file}: "dataset" must be one of cases, `));
    }
  });

  it('--filter and --by with prototype keys: usage errors or no match, never a crash', async () => {
    const ds = await run('indicators', cases, '--filter', 'constructor.x=1');
    expect(ds.code).toBe(2);
    expect(ds.stderr).toContain('unknown dataset "constructor"');
    // A column no table has filters nothing (as in the dashboard); its name is only ever a key.
    expect(await rate('--filter', 'cases.__proto__=x', '--filter', 'constructor=y')).toEqual({
      numerator: 6,
      denominator: 10,
    });
    const by = await run('indicators', cases, '--by', 'constructor');
    expect(by.code).toBe(2);
    expect(by.stderr).toMatch(
      /^error: --by "constructor" is neither a dimension \(dept, item, domain, region, channel\) nor a column of the loaded tables \(cases: case_id, /,
    );
  });
});

describe('--filter repeated for one column', () => {
  it('keeps rows with any of its values (IN), and every column must hold (AND)', async () => {
    // 乙局 (C05–C10) through PC or window: C05 C06 C07 C09 C10, of which C06 and C07 applied online.
    expect(
      await rate(
        '--filter',
        'cases.apply_channel=online_pc',
        '--filter',
        'cases.apply_channel=window',
        '--filter',
        'cases.dept_name=乙局',
      ),
    ).toEqual({ numerator: 2, denominator: 5 });
    // Only the last value would give 乙局 by window: 0 of 3.
    expect(await rate('--filter', 'cases.apply_channel=window', '--filter', 'cases.dept_name=乙局')).toEqual({
      numerator: 0,
      denominator: 3,
    });
  });
});
