import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { ImportError, LEDGER_TABLE } from '../src/import/ledger.ts';
import { MappingError, parseMapping } from '../src/import/mapping.ts';
import { parseConfig } from '../src/indicators/config.ts';
import { ConfigError } from '../src/indicators/config-error.ts';
import { datasetDef } from '../src/schema/datasets.ts';
import type { DatasetKey } from '../src/schema/types.ts';
import { mulberry32 as rng } from '../src/seeded-random.ts';
import { ident, literal } from '../src/sql/quote.ts';

/**
 * Property test: random and mutated exports never crash the importer, never hang, and always balance
 * the ledger (read = loaded + rejected). Bounded for `npm test`; `npm run fuzz` sets FUZZ_RUNS higher.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE cases; --",
  '"quoted"',
  '=cmd|" /C calc"!A0',
  '\u202Eevil',
  'x'.repeat(5000),
  '\u0000',
  '，；：',
  '2024-13-45 25:61:61',
  '99999',
  '-1',
  '',
];

function mutate(text: string, r: () => number): Uint8Array {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  let s = text;
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (s.length + 1));
    switch (Math.floor(r() * 9)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 20));
        break;
      case 1:
        s = s.slice(0, at) + pick([',', '"', '\n', '\r\n', '\t', ';']) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + pick(HOSTILE) + s.slice(at);
        break;
      case 3:
        s = s.slice(0, at);
        break;
      case 4: {
        const lines = s.split('\n');
        lines.splice(Math.floor(r() * lines.length), 0, pick(lines));
        s = lines.join('\n');
        break;
      }
      case 5: {
        const lines = s.split('\n');
        lines[0] = (lines[0] ?? '')
          .split(',')
          .sort(() => r() - 0.5)
          .join(',');
        s = lines.join('\n');
        break;
      }
      case 6:
        s = `\uFEFF${s}`;
        break;
      default:
        break;
    }
  }
  const bytes = new TextEncoder().encode(s);
  // Sometimes flip raw bytes so the text is no longer valid UTF-8.
  if (r() < 0.15 && bytes.length) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
  return bytes;
}

/**
 * The data rows of a CSV without quotes, counted from its bytes (lines after the header, blank ones skipped):
 * a check that does not depend on the importer's own ledger, which importFile already balances before
 * returning. Undefined for files whose rows need a CSV parser to count (quotes, bare CR, invalid UTF-8) or
 * whose first line is no longer the seed's header (the importer then looks for the header further down).
 */
function plainDataRows(bytes: Uint8Array, seed: string): number | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (/["\0]|\r(?!\n)/.test(text)) return undefined;
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const columns = (line: string) => line.split(',').sort().join(',');
  if (columns(lines[0] ?? '') !== columns(seed.split('\n')[0] ?? '')) return undefined;
  return lines.length - 1;
}

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('import fuzzing', () => {
  it(`survives ${RUNS} mutated exports with a balanced ledger`, {
    timeout: 30_000 + RUNS * 500,
  }, async () => {
    const r = rng(20261122);
    const seeds = [SMALL_CASES, SMALL_DISCLOSURES, 'foo,bar\n1,2\n'];
    let loaded = 0;
    let refused = 0;
    let counted = 0;
    let repeats = 0;
    for (let i = 0; i < RUNS; i++) {
      const bytes = mutate(seeds[i % seeds.length] ?? '', r);
      try {
        const s = await importFile(engine, `fuzz-${i}.csv`, bytes);
        // Every line of the file is a row read: none vanished before the ledger saw it.
        const rows = plainDataRows(bytes, seeds[i % seeds.length] ?? '');
        if (rows !== undefined) {
          expect(s.read, `run ${i}: rows read`).toBe(rows);
          counted++;
        }
        // However duplicates were found (DuckDB's check, or the bytes' scan proving there are none:
        // distinct-keys.ts), no key is loaded twice.
        repeats += await expectDistinctKeys(s.dataset as DatasetKey, `run ${i}`);
        loaded++;
      } catch (e) {
        // The only acceptable failure is a clear, file-naming ImportError.
        if (!(e instanceof ImportError)) throw new Error(`run ${i}: ${String(e)}`);
        expect(e.message).toContain(`fuzz-${i}.csv`);
        refused++;
      }
    }
    expect(loaded + refused).toBe(RUNS);
    expect(loaded).toBeGreaterThan(RUNS / 3);
    expect(counted).toBeGreaterThan(RUNS / 10);
    // Some files had a key twice (a line repeated): the check above was put to work.
    expect(repeats).toBeGreaterThan(0);
  });

  /** No primary key of `dataset` twice among its loaded rows; returns how many duplicate_id rows the ledger has. */
  async function expectDistinctKeys(dataset: DatasetKey, run: string): Promise<number> {
    const def = datasetDef(dataset);
    const table = ident(def.table);
    for (const key of def.fields.filter((f) => f.primaryKey)) {
      const k = ident(key.key);
      const twice = await engine.query(
        `SELECT count(*) AS n FROM (SELECT ${k} FROM ${table} WHERE ${k} IS NOT NULL GROUP BY ${k} HAVING count(*) > 1)`,
      );
      expect(Number(twice.get(0)?.n), `${run}: ${key.key} loaded twice`).toBe(0);
    }
    const found = await engine.query(
      `SELECT count(*) AS n FROM ${LEDGER_TABLE} WHERE dataset = ${literal(dataset)} AND reason = 'duplicate_id'`,
    );
    return Number(found.get(0)?.n);
  }

  it(`rejects ${Math.max(500, RUNS)} random mapping files with MappingError only`, () => {
    const r = rng(7);
    const atoms: unknown[] = [
      null,
      1,
      'x',
      [],
      {},
      { a: 1 },
      'hotline',
      'cases',
      '%Y',
      'Asia/Shanghai',
      'Nowhere/Zone',
    ];
    const pick = () => atoms[Math.floor(r() * atoms.length)];
    for (let i = 0; i < Math.max(500, RUNS); i++) {
      const m = {
        dataset: pick(),
        columns: r() < 0.5 ? { ticket_id: pick() } : pick(),
        values: r() < 0.5 ? { channel: { Call: pick() } } : pick(),
        formats: r() < 0.5 ? { received_at: pick() } : pick(),
        timezone: pick(),
      };
      try {
        parseMapping(m);
      } catch (e) {
        if (!(e instanceof MappingError)) throw e;
      }
    }
  });

  /**
   * The summary refuses to exist out of balance, so checking its read = loaded + rejected proves nothing; this
   * checks the stored rows themselves: every loaded row has its own file line, no line is both loaded and
   * rejected, and together they number exactly the rows read.
   */
  async function expectPartition(dataset: DatasetKey, read: number, run: string) {
    const table = ident(datasetDef(dataset).table);
    const ds = literal(dataset);
    const rows = await engine.query(
      `WITH rejected AS (SELECT DISTINCT "row" FROM ${LEDGER_TABLE} WHERE dataset = ${ds} AND severity = 'reject')
       SELECT (SELECT count(*) FROM ${table}) AS loaded, (SELECT count(DISTINCT _row) FROM ${table}) AS lines,
         (SELECT count(*) FROM rejected) AS rejected,
         (SELECT count(*) FROM ${table} JOIN rejected ON _row = "row") AS both`,
    );
    const c = rows.get(0)?.toJSON() as Record<string, number>;
    expect(Number(c.lines), `${run}: loaded rows with their own line`).toBe(Number(c.loaded));
    expect(Number(c.both), `${run}: lines both loaded and rejected`).toBe(0);
    expect(Number(c.loaded) + Number(c.rejected), `${run}: loaded + rejected`).toBe(read);
  }

  /** Flips, truncates and splices bytes of committed format fixtures (the damage transfers and broken exporters do). */
  async function fuzzBinary(files: readonly string[], runs: number, seed: number) {
    const dir = join(import.meta.dirname, 'fixtures/formats');
    const seeds = await Promise.all(
      files.map(async (f) => ({ name: f, bytes: new Uint8Array(await readFile(join(dir, f))) })),
    );
    const r = rng(seed);
    let loaded = 0;
    for (let i = 0; i < runs; i++) {
      const base = seeds[i % seeds.length];
      if (!base) continue;
      const edits = 1 + Math.floor(r() * 4);
      let out = base.bytes.slice();
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(r() * out.length);
        const op = Math.floor(r() * 3);
        if (op === 0) out[at] = Math.floor(r() * 256);
        else if (op === 1) out = out.slice(0, at);
        else out = Uint8Array.from([...out.slice(0, at), ...out.slice(at + 1 + Math.floor(r() * 16))]);
        if (!out.length) break;
      }
      try {
        const s = await importFile(engine, `fuzz-${i}-${base.name}`, out);
        await expectPartition(s.dataset as DatasetKey, s.read, `run ${i} (${base.name})`);
        loaded++;
      } catch (e) {
        if (!(e instanceof ImportError)) throw new Error(`run ${i} (${base.name}): ${String(e)}`);
        expect(e.message).toContain(`fuzz-${i}-${base.name}`);
      }
    }
    return loaded;
  }

  it(`survives ${RUNS} mutated XLSX, JSON and NDJSON exports`, { timeout: 30_000 + RUNS * 300 }, async () => {
    const loaded = await fuzzBinary(['cases.xlsx', 'cases.json', 'cases.ndjson'], RUNS, 424242);
    // Some damage leaves a readable file: the fuzz reaches the loader, not only the format checks.
    expect(loaded).toBeGreaterThan(0);
  });

  // Arrow and Parquet are validated before their libraries see them (validate-arrow.ts, validate-parquet.ts):
  // damaged files that made apache-arrow and hyparquet loop forever now end as ImportErrors.
  it(`survives ${RUNS} mutated Arrow and Parquet exports`, { timeout: 30_000 + RUNS * 300 }, async () => {
    await fuzzBinary(['cases.parquet', 'cases.arrow', 'cases.arrows'], RUNS, 424242);
  });

  it(`rejects ${RUNS * 5} random configuration files with ConfigError only`, () => {
    const r = rng(99);
    const atoms: unknown[] = [
      null,
      0,
      -1,
      1.5,
      'x',
      [],
      {},
      { default: 2 },
      'cases',
      'round',
      { mode: 'suppress' },
    ];
    const pick = () => atoms[Math.floor(r() * atoms.length)];
    for (let i = 0; i < RUNS * 5; i++) {
      const c = {
        targets: r() < 0.5 ? { 'case.online_apply_rate': pick() } : pick(),
        calendar: r() < 0.5 ? { holidays: [pick()] } : pick(),
        indicators:
          r() < 0.5 ? [{ key: pick(), dataset: pick(), label: pick(), numerator: [pick()] }] : pick(),
        disclosure: pick(),
      };
      try {
        parseConfig(c, 'c.json', ['case.online_apply_rate']);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
      }
    }
  });
});
