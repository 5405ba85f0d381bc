import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { ImportError } from '../src/import/ledger.ts';
import type { ImportOptions } from '../src/import/options.ts';
import { mulberry32 as rng } from '../src/seeded-random.ts';
import { recordStatements } from './helpers/recorded-statements.ts';

// A CSV whose header tells its columns is typed as DuckDB reads it (one pass, no raw table), its coded
// columns looked up by the cells of the file's first 512 KB only. Whatever the file holds further down,
// the result must be the two-pass one's: the same rows, values, row numbers, ledger and summary. A reading
// that rejects a line or loses one in a quote is dropped and the file read in two passes.
const HEADER =
  '办件编号,受理部门,申报渠道,是否网上办结,申请时间,受理时间,办结时间,承诺办结时限,办理状态,实际跑动次数,联系电话\n';
const EARLY = 7_000; // rows of ~110 bytes: the first 512 KB hold about 4,700 of them
const channels = ['网上(PC)', '窗口', '移动端'];
const lateChannels = [' 网上(PC) ', '自助终端', '代办', '—', '信函', '网上办理'];
const limits = ['5个工作日', '即办', '3个工作日'];
const lateLimits = ['30个自然日', '2个月', '无期限', 'abc', '10', ' 20个工作日'];
const flags = ['是', '否'];
const lateFlags = ['Y', '否 ', '√', 'x', 'FALSE'];
const trips = ['0', '1', '2'];
const lateTrips = ['"1,234"', ' 3', '3.0', '2.5', 'abc', '-1', '+4', '007', '99999999999'];

const time = (i: number, minutes = 0) => {
  const d = new Date(Date.UTC(2025, 0, 1) + i * 600_000 + minutes * 60_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}`;
};

/** `rows` cases; after EARLY, cells the first rows never had (padded, unknown, blank labels, other units). */
function cases(rows: number, edit: (i: number, cells: string[]) => string[] = (_, c) => c): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const late = i >= EARLY;
    const pick = (early: string[], later: string[]) =>
      (late ? later : early)[i % (late ? later : early).length] ?? '';
    const closed = i % 7 === 0 ? '' : time(i, 3000);
    const cells = [
      i === 8_000 ? 'C00000042' : `C${String(i).padStart(8, '0')}`, // one repeated ID
      `局${i % 9}`,
      pick(channels, lateChannels),
      closed ? pick(flags, lateFlags) : '',
      time(i),
      i % 11 === 0 ? '' : time(i, 30),
      closed,
      pick(limits, lateLimits),
      closed ? '已办结' : pick(['办理中'], ['在办', '受理']),
      trips[i % trips.length] ?? '',
      `1${String(3_800_000_000 + i)}`, // a phone number: masked
    ];
    lines.push(`${edit(i, cells).join(',')}\n`);
  }
  return HEADER + lines.join('');
}

const utf8 = (s: string) => new TextEncoder().encode(s);

let engine: NodeEngine;
let statements: string[];
beforeAll(async () => {
  engine = await NodeEngine.create();
  statements = recordStatements(engine);
});
afterAll(() => engine.close());

/** Everything an import leaves: the summary, every column of every row, the ledger; and how it read. */
async function load(csv: string | Uint8Array, options: ImportOptions = {}) {
  statements.length = 0;
  const bytes = typeof csv === 'string' ? utf8(csv) : csv;
  const summary = await importFile(engine, 'cases.csv', bytes, options);
  const rows = await engine.query('SELECT * FROM cases ORDER BY _row');
  const ledger = await engine.query('SELECT * FROM import_ledger ORDER BY "row", "column", reason');
  return {
    summary,
    rows: rows.toArray().map((r) => r.toJSON()),
    ledger: ledger.toArray().map((r) => r.toJSON()),
    onePass: statements.some((q) => q.includes('row_number() OVER () - 1 AS __import_index')),
    // the one-pass typing statements: by look-up only, then (a coded cell unseen) again with per-row typing
    typings: statements
      .filter((q) => q.startsWith('CREATE OR REPLACE TABLE __typed_import') && q.includes('__import_index'))
      .map((q) => (q.includes('list_transform([') ? 'per row' : 'look-up')),
    twoPass: statements.some((q) => q.includes('CREATE OR REPLACE TEMP TABLE __raw_import AS')),
  };
}

/** The file imported in one pass (or its fallback) and in two passes: the same everything. */
async function same(csv: string | Uint8Array) {
  const one = await load(csv);
  const two = await load(csv, { onePass: false });
  expect(two.onePass).toBe(false);
  expect(one.summary).toEqual(two.summary);
  expect(one.rows).toEqual(two.rows);
  expect(one.ledger).toEqual(two.ledger);
  return one;
}

describe('one-pass import', () => {
  it('types cells the first rows never had as the two-pass import does', async () => {
    const one = await same(cases(9_000));
    expect(one.onePass).toBe(true);
    expect(one.twoPass).toBe(false);
    // The look-up met a cell it did not know and the statement was made again with per-row typing.
    expect(one.typings).toEqual(['look-up', 'per row']);
    // The late cells reached the data: coded, unknown (ledger), masked and repeated.
    const late = one.rows.filter((r) => Number(r._row) > EARLY + 1);
    expect(new Set(late.map((r) => r.apply_channel))).toEqual(
      new Set(['online_pc', 'self_service', 'agent', null]),
    );
    expect(new Set(late.map((r) => r.promised_limit_unit))).toEqual(new Set(['cd', 'm', 'none', null, 'wd']));
    expect(one.ledger.some((e) => e.reason === 'unknown_enum_value' && e.value === '信函')).toBe(true);
    expect(one.ledger.some((e) => e.reason === 'unparseable_bool' && e.value === 'x')).toBe(true);
    expect(one.ledger.some((e) => e.reason === 'duplicate_id')).toBe(true);
    expect(one.summary.pii).toEqual([{ column: '联系电话', kind: 'phone', action: 'mask' }]);
    expect(String(one.rows[0]?.联系电话)).not.toContain('3800000000');
  }, 60_000);

  it('types by look-up alone a file whose first rows show every coded cell', async () => {
    const one = await same(cases(6_000));
    expect(one.typings).toEqual(['look-up']);
  }, 60_000);

  it('reads in two passes when the one-pass reading rejects a line', async () => {
    const extra = cases(6_000, (i, c) => (i === 5_500 ? [...c, 'extra'] : c));
    const one = await same(extra);
    expect(one.onePass && one.twoPass).toBe(true);
    expect(one.ledger.some((e) => e.reason === 'too_many_columns')).toBe(true);
  }, 60_000);

  it('gives integers the reader takes the values of the text pass, and reads the others in two passes', async () => {
    for (const cell of lateTrips) {
      const late = cases(6_000, (i, c) =>
        i >= 5_000 && i % 3 === 0 ? c.map((x, k) => (k === 9 ? cell : x)) : c,
      );
      const one = await same(late);
      expect(one.onePass, cell).toBe(true);
      // The text pass alone: a column two fields read stays text.
      const columns = { trips_actual: '实际跑动次数', trips_required: '实际跑动次数' };
      const text = await load(late, { mapping: { columns } });
      expect(text.onePass && !text.twoPass, cell).toBe(true);
      const trips = (r: typeof one) => r.rows.map((x) => [x._row, x.trips_actual]);
      const notes = (r: typeof one) => r.ledger.filter((e) => e.column === 'trips_actual');
      expect(trips(one), cell).toEqual(trips(text));
      expect(notes(one), cell).toEqual(notes(text));
    }
  }, 120_000);

  it('reads in two passes when a late date-time has another form', async () => {
    const other = cases(6_000, (i, c) =>
      i === 5_800 ? c.map((x, k) => (k === 4 ? '2025/02/03 09:00' : x)) : c,
    );
    const one = await same(other);
    expect(one.onePass && one.twoPass).toBe(true);
    expect(one.rows.find((r) => Number(r._row) === 5_802)?.submitted_at).toBeTruthy();
  }, 60_000);

  it('reads in two passes when a quote holds a line break', async () => {
    const quoted = cases(200, (i, c) => (i === 150 ? c.map((x, k) => (k === 1 ? '"甲\n局"' : x)) : c));
    const one = await same(quoted);
    expect(one.onePass && one.twoPass).toBe(true);
  }, 60_000);

  it('gives the two-pass result (or the same refusal) for mutated exports', async () => {
    const r = rng(20261203);
    const lines = SMALL_CASES.split('\n');
    let compared = 0;
    for (let run = 0; run < 40; run++) {
      const body = lines.slice(1).map((line) => {
        const cells = line.split(',');
        const k = Math.floor(r() * cells.length);
        const noise = [' ', '\u3000', '—', '', '是', '网上', '2025/03/04 09:00', '20个工作日', 'x'];
        if (r() < 0.5) cells[k] = `${noise[Math.floor(r() * noise.length)]}${cells[k]}`;
        return cells.join(',');
      });
      const csv = [lines[0], ...body].join('\n');
      const outcome = async (options?: ImportOptions) =>
        load(csv, options).catch((e: unknown) => {
          if (!(e instanceof ImportError)) throw e;
          return e.code;
        });
      const one = await outcome();
      const two = await outcome({ onePass: false });
      if (typeof one === 'string' || typeof two === 'string') {
        expect(one, `run ${run}`).toBe(two);
        continue;
      }
      expect(one.summary, `run ${run}`).toEqual(two.summary);
      expect(one.rows, `run ${run}`).toEqual(two.rows);
      expect(one.ledger, `run ${run}`).toEqual(two.ledger);
      if (one.onePass && !one.twoPass) compared++;
    }
    expect(compared).toBeGreaterThan(20);
  }, 120_000);

  it('defines the dataset view from the columns it wrote (no catalogue query), over a table of that name too', async () => {
    // A database from before the stores held the dataset as a table: the view replaces it.
    await engine.exec('DROP VIEW IF EXISTS cases; CREATE OR REPLACE TABLE cases AS SELECT 1 AS x');
    const csv = cases(50);
    const { rows } = await load(csv);
    expect(statements.filter((q) => /duckdb_(columns|tables)\(/.test(q))).toEqual([]);
    const kind = await engine.query(
      "SELECT table_type AS k FROM information_schema.tables WHERE table_name = 'cases'",
    );
    expect(kind.get(0)?.k).toBe('VIEW');
    expect(rows).toEqual((await load(csv, { onePass: false })).rows);
    expect(rows.length).toBe(50);
    expect(Object.keys(rows[0] ?? {})).toContain('promised_limit_unit');
  });
});
