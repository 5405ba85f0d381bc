import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  computeGrouped,
  computeIndicators,
  computeScorecard,
  type Engine,
  INDICATORS,
  importFile,
  parseConfig,
  RemoteEngine,
} from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import {
  buildSnapshot,
  readSnapshot,
  type Snapshot,
  SnapshotError,
} from '@assessment-dashboard/core/snapshot';
import { RecordBatch, Schema, Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { loadFiles } from '../src/load-files.ts';
import { expandPaths, type ServedData, serveFiles } from '../src/serve.ts';
import { runCli } from './run-cli.ts';

/**
 * Snapshot mode: what `assessment-dashboard snapshot` writes and `readSnapshot` reads back must be the
 * very objects the live computations return: in process (native DuckDB) and over a query server.
 */
const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const AS_OF = '2025-12-31';
const TREND_KEY = 'case.online_apply_rate';
let dir: string;
let local: NodeEngine;
let served: ServedData;
let remote: RemoteEngine;
let snapshot: Snapshot;
let cli: { code: number; stdout: string; stderr: string };
let bytes: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ad-snapshot-'));
  const files = await expandPaths([DATA]);
  cli = await runCli('snapshot', ...files, '-o', join(dir, 'snapshot.arrow'), '--as-of', AS_OF);
  bytes = new Uint8Array(await readFile(join(dir, 'snapshot.arrow')));
  snapshot = readSnapshot(bytes);
  local = await NodeEngine.create();
  await loadFiles(local, files);
  served = await serveFiles([DATA], { maxRows: 100_000 });
  remote = new RemoteEngine(served.server.url);
}, 300_000);
afterAll(async () => {
  await served?.close();
  await local?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('assessment-dashboard snapshot', () => {
  it('writes one Arrow IPC file and says what it wrote', async () => {
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const m = /Wrote (\S+): (\d+) rows, (\d+) bytes \((\d+) gzip\)/.exec(cli.stdout);
    expect(m?.[1]).toBe(join(dir, 'snapshot.arrow'));
    expect(Number(m?.[3])).toBe(bytes.length);
    // Any Arrow reader opens it (here apache-arrow, which the Node side uses).
    const table = tableFromIPC(bytes);
    expect(table.numRows).toBe(Number(m?.[2]));
    expect(table.schema.metadata.get('assessment-dashboard.snapshot.version')).toBe('1');
    expect(table.schema.metadata.get('assessment-dashboard.snapshot.generator')).toBe(
      'assessment-dashboard snapshot',
    );
    expect(snapshot.asOf).toBe(`${AS_OF} 23:59:59`);
    expect(snapshot.imports.map((i) => i.dataset).sort()).toEqual([
      'cases',
      'disclosures',
      'hotline',
      'items',
      'receipts',
      'requests',
      'steps',
    ]);
    // Small: the page fetches it instead of DuckDB-WASM.
    expect(Number(m?.[4])).toBeLessThan(40_000);
  });

  it('refuses to run without -o and rejects a file that is no snapshot', async () => {
    const r = await runCli('snapshot', join(DATA, 'cases.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o');
    expect(() => readSnapshot(new Uint8Array([1, 2, 3]))).toThrow(SnapshotError);
  });

  it('names a truncated snapshot and one from a newer format version', () => {
    const half = bytes.length >> 1;
    expect(() => readSnapshot(bytes.subarray(0, half))).toThrow(
      `the snapshot file is cut off (${half} bytes, without the end of an Arrow file)`,
    );
    // The same file with its format version raised, as a later release would write it.
    const t = tableFromIPC(bytes);
    const meta = new Map(t.schema.metadata);
    meta.set('assessment-dashboard.snapshot.version', '999');
    const schema = new Schema(t.schema.fields, meta);
    const newer = tableToIPC(
      new Table(
        schema,
        t.batches.map((b) => new RecordBatch(schema, b.data)),
      ),
      'file',
    );
    expect(() => readSnapshot(newer)).toThrow(/snapshot format 999 is newer than this reader/);
  });
});

/** The live computations the dashboard and CLI run, on one engine. */
async function live(engine: Engine) {
  return {
    results: (await computeIndicators(engine, { asOf: AS_OF })).map((c) => c.result),
    byDept: await computeGrouped(engine, { asOf: AS_OF, by: 'dept' }),
    trend: await computeGrouped(engine, { asOf: AS_OF, period: 'month', keys: [TREND_KEY] }),
    scorecard: await computeScorecard(engine, { asOf: AS_OF }),
  };
}

describe('readSnapshot equals the live computations', () => {
  it('every indicator: value, numerator, denominator, interval, status, labels', async () => {
    const { results } = await live(local);
    expect(results).toHaveLength(35);
    expect(snapshot.results).toEqual(results);
    // Spelled out for the numbers a tile shows (toEqual above covers every field).
    for (const r of results) {
      const s = snapshot.results.find((x) => x.key === r.key);
      expect([s?.value, s?.numerator, s?.denominator, s?.status, s?.label]).toEqual([
        r.value,
        r.numerator,
        r.denominator,
        r.status,
        r.label,
      ]);
    }
  }, 120_000);

  it('per department, per quarter (with 环比 / 同比) and the trend by month', async () => {
    expect(snapshot.grouped({ by: 'dept' })).toEqual(
      await computeGrouped(local, { asOf: AS_OF, by: 'dept' }),
    );
    const quarters = await computeGrouped(local, { asOf: AS_OF, period: 'quarter' });
    expect(quarters.some((r) => r.change?.previous !== null)).toBe(true);
    expect(snapshot.grouped({ period: 'quarter' })).toEqual(quarters);
    expect(snapshot.grouped({ period: 'month', keys: [TREND_KEY] })).toEqual(
      await computeGrouped(local, { asOf: AS_OF, period: 'month', keys: [TREND_KEY] }),
    );
    // Not stored: every indicator by month (only the trend's key is).
    expect(snapshot.grouped({ period: 'month' })).toBeUndefined();
  }, 300_000);

  it('the scorecard, overall and by quarter with each row history', async () => {
    expect(snapshot.scorecard()).toEqual(await computeScorecard(local, { asOf: AS_OF }));
    const byQuarter = await computeScorecard(local, { asOf: AS_OF, period: 'quarter' });
    expect(byQuarter.rows[0]?.history).toHaveLength(8);
    expect(snapshot.scorecard('quarter')).toEqual(byQuarter);
    expect(snapshot.scorecard('month')).toBeUndefined();
  }, 300_000);

  it('equals the query server (remote engine) too', async () => {
    const r = await live(remote);
    expect(snapshot.results).toEqual(r.results);
    expect(snapshot.grouped({ by: 'dept' })).toEqual(r.byDept);
    expect(snapshot.grouped({ period: 'month', keys: [TREND_KEY] })).toEqual(r.trend);
    expect(snapshot.scorecard()).toEqual(r.scorecard);
  }, 300_000);
});

describe('configured targets, user-defined indicators and small-number protection survive', () => {
  it.each([
    ['round', { mode: 'round', base: 5 }],
    ['suppress', { mode: 'suppress', threshold: 3 }],
  ])(
    'disclosure %s',
    async (_, disclosure) => {
      const engine = await NodeEngine.create();
      try {
        await importFile(engine, 'cases.csv', new TextEncoder().encode(SMALL_CASES));
        await importFile(engine, 'disclosures.csv', new TextEncoder().encode(SMALL_DISCLOSURES));
        const config = parseConfig(
          {
            targets: { 'case.online_apply_rate': { default: 0.6, departments: { 甲局: 0.9 } } },
            disclosure,
            indicators: [
              {
                key: 'custom.window_share',
                dataset: 'cases',
                label: { zh: '窗口受理占比', en: 'Window share' },
                numerator: [{ column: 'apply_channel', op: 'in', values: ['window'] }],
                direction: 'lower',
                target: 0.4,
              },
            ],
          },
          'config',
          INDICATORS.map((d) => d.key),
        );
        const options = { asOf: '2025-03-15', config };
        const read = readSnapshot((await buildSnapshot(engine, { ...options, periods: ['month'] })).bytes);
        const results = (await computeIndicators(engine, options)).map((c) => c.result);
        const custom = results.find((r) => r.key === 'custom.window_share');
        expect(custom?.label.en).toBe('Window share');
        expect(results.some((r) => r.disclosure)).toBe(true);
        expect(read.results).toEqual(results);
        expect(read.grouped({ by: 'dept' })).toEqual(
          await computeGrouped(engine, { ...options, by: 'dept' }),
        );
        expect(read.grouped({ period: 'month' })).toEqual(
          await computeGrouped(engine, { ...options, period: 'month' }),
        );
        expect(read.scorecard()).toEqual(await computeScorecard(engine, options));
        expect(read.scorecard('quarter')).toEqual(
          await computeScorecard(engine, { ...options, period: 'quarter' }),
        );
      } finally {
        await engine.close();
      }
    },
    120_000,
  );
});
