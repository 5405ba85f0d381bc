import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { COMMAND_OPTIONS } from '../src/cli-args.ts';
import { runCli } from './run-cli.ts';

/**
 * Every command, given bad arguments, answers with exit code 2 and one line on stderr saying what to
 * fix, never a stack trace; --help and -h exit 0 everywhere (issue 19 item 5, issue 20).
 */
let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ad-cli-errors-'));
  file = join(dir, 'cases.csv');
  await writeFile(file, SMALL_CASES);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const COMMANDS = Object.keys(COMMAND_OPTIONS);
/** What each command needs besides its files, so the error tested is the one meant. */
const needs = (c: string) =>
  c === 'snapshot'
    ? ['-o', join(dir, 'x.arrow')]
    : c === 'annual-report'
      ? ['--year', '2025']
      : c === 'load'
        ? ['--clickhouse', 'http://127.0.0.1:9/']
        : [];

async function expectUserError(args: string[], mentions: RegExp) {
  const r = await runCli(...args);
  expect(r.code, `${args.join(' ')} → ${r.stderr}`).toBe(2);
  expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).toMatch(mentions);
  expect(r.stdout).toBe('');
}

describe('assessment-dashboard: help and user errors', () => {
  it('prints the usage with exit 0 for --help, -h and help, on the tool and on every command', async () => {
    for (const args of [
      ['--help'],
      ['-h'],
      ['help'],
      ...COMMANDS.flatMap((c) => [
        [c, '--help'],
        [c, '-h'],
      ]),
    ]) {
      const r = await runCli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('assessment-dashboard <command> [options]');
      expect(r.stderr).toBe('');
    }
  });

  it('refuses an unknown command and, on every command, an unknown flag', async () => {
    await expectUserError(['frobnicate'], /unknown command "frobnicate"/);
    for (const c of COMMANDS)
      await expectUserError(
        [c, file, '--frobnicate'],
        new RegExp(`${c} does not take the option --frobnicate.*--help`),
      );
    // An option of another command is refused too, not silently ignored.
    await expectUserError(['indicators', file, '--port', '1'], /indicators does not take the option --port/);
    await expectUserError(['serve', file, '--port'], /--port needs a value/);
  });

  it('names a missing file and a directory given where files are expected', async () => {
    for (const c of COMMANDS.filter((x) => x !== 'preview')) {
      await expectUserError([c, join(dir, 'nope.csv'), ...needs(c)], /nope\.csv: no such file/);
    }
    // serve and load take directories (every data file in them).
    for (const c of COMMANDS.filter((x) => !['preview', 'serve', 'load'].includes(x))) {
      await expectUserError([c, dir, ...needs(c)], /is a directory/);
      await expectUserError([c], /give at least one file/);
    }
  });

  it('refuses as-of dates that are not real days', async () => {
    for (const c of ['indicators', 'scorecard', 'supervision', 'snapshot'])
      for (const asOf of ['garbage', '2025-02-30', '2025-13-01', '2025-01-01 25:00'])
        await expectUserError([c, file, '--as-of', asOf, ...needs(c)], new RegExp(`"${asOf}" is not a real`));
  });

  it('validates every numeric option of serve and preview, refusing to start', async () => {
    const numeric = [
      'port',
      'max-rows',
      'max-result-mb',
      'memory-mb',
      'threads',
      'connections',
      'queue',
      'per-client',
      'cache-mb',
    ];
    for (const name of numeric)
      for (const bad of ['abc', '-1', '1e3', '1.5', ''])
        await expectUserError(
          ['serve', file, `--${name}=${bad}`],
          new RegExp(`--${name} must be a whole number`),
        );
    for (const name of ['timeout', 'header-timeout'])
      for (const bad of ['abc', '0', '-2', ''])
        await expectUserError(
          ['serve', file, `--${name}=${bad}`],
          new RegExp(`--${name} must be a number of seconds`),
        );
    await expectUserError(
      ['serve', file, '--port', '70000'],
      /--port must be a whole number from 0 to 65535, not "70000"/,
    );
    await expectUserError(['preview', dir, '--port', 'abc'], /--port must be a whole number/);
  });

  it('refuses bad values of the other options with one line', async () => {
    await expectUserError(['indicators', file, '--period', 'fortnight'], /--period must be one of/);
    await expectUserError(['annual-report', file, '--year', 'abc'], /--year 2025/);
    await expectUserError(
      ['annual-report', file, '--year', '2025', '--layout', '1999'],
      /--layout must be 2021 or 2019/,
    );
    await expectUserError(['snapshot', file], /-o site\/snapshot.arrow/);
    await expectUserError(
      ['validate', file, '--mapping', join(dir, 'nope.json')],
      /nope\.json: not readable JSON/,
    );
  });
});
