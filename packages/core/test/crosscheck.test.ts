/**
 * Cross-check (indicator engine "done means"): every built-in indicator is recomputed on the sample data
 * by an independent plain-TypeScript implementation (crosscheck/reference.ts) and must give the same
 * numbers as the SQL engine: numerators and denominators exactly, values to 1e-9, medians exactly,
 * breakdowns row for row. Views: the export snapshot, an as-of inside the data (open-case rules replay
 * that day), a department filter (applies to the tables that have dept_name only), and a small edge-case
 * fixture for the branches the sample never reaches (crosscheck/edge-fixture.ts).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import type { ImportSummary } from '../src/import/ledger.ts';
import { INDICATORS } from '../src/indicators/catalogue/index.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import type { IndicatorResult } from '../src/indicators/types.ts';
import type { DatasetKey } from '../src/schema/types.ts';
import {
  EDGE_AS_OF_LATE,
  EDGE_AS_OF_NOON,
  EDGE_CASES,
  EDGE_DISCLOSURES,
  EDGE_FILTER,
  EDGE_HOTLINE,
  EDGE_ITEMS,
  EDGE_REQUESTS,
} from './crosscheck/edge-fixture.ts';
import {
  computeReference,
  loadTable,
  REFERENCE_DATASETS,
  type RefData,
  type RefOptions,
  type RefResult,
} from './crosscheck/reference.ts';

/** Bump together with a new reference implementation: a new indicator without one fails here. */
const INDICATOR_COUNT = 35;

const DATASET_FILES: Partial<Record<DatasetKey, string>> = {
  cases: 'cases.csv',
  items: 'items.csv',
  disclosures: 'disclosures.csv',
  requests: 'requests.csv',
  hotline: 'hotline.csv',
};
const dataFile = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../data/${name}`, import.meta.url)));

const SCENARIOS: Record<string, RefOptions> = {
  'export snapshot': { asOf: '2025-12-31 23:59:59' },
  'as-of inside the data': { asOf: '2025-06-30' },
  'department filter': { asOf: '2025-12-31 23:59:59', filters: { dept_name: ['县自然资源局'] } },
};

const EDGE_FILES: Partial<Record<DatasetKey, string>> = {
  cases: EDGE_CASES,
  items: EDGE_ITEMS,
  disclosures: EDGE_DISCLOSURES,
  requests: EDGE_REQUESTS,
  hotline: EDGE_HOTLINE,
};
const EDGE_SCENARIOS: Record<string, RefOptions> = {
  'edge fixture, as-of on a working day at noon': { asOf: EDGE_AS_OF_NOON },
  'edge fixture, as-of at the end of 2026': { asOf: EDGE_AS_OF_LATE },
  'edge fixture, department filter': { asOf: EDGE_AS_OF_NOON, filters: EDGE_FILTER },
};

let engine: NodeEngine;
const summaries = new Map<DatasetKey, ImportSummary>();
const reference: RefData = {};
let edgeEngine: NodeEngine;
const edgeSummaries = new Map<DatasetKey, ImportSummary>();
const edgeReference: RefData = {};
const engineResults = new Map<string, Map<string, IndicatorResult>>();
const referenceResults = new Map<string, Record<string, RefResult>>();

beforeAll(async () => {
  engine = await NodeEngine.create();
  for (const [dataset, file] of Object.entries(DATASET_FILES) as [DatasetKey, string][]) {
    const bytes = dataFile(file);
    summaries.set(dataset, await importFile(engine, file, bytes));
    reference[dataset] = loadTable(dataset, new TextDecoder().decode(bytes));
  }
  for (const [name, options] of Object.entries(SCENARIOS)) {
    const computed = await computeIndicators(engine, { asOf: options.asOf, filters: options.filters });
    engineResults.set(name, new Map(computed.map((c) => [c.result.key, c.result])));
    referenceResults.set(name, computeReference(reference, options));
  }
  edgeEngine = await NodeEngine.create();
  const utf8 = new TextEncoder();
  for (const [dataset, text] of Object.entries(EDGE_FILES) as [DatasetKey, string][]) {
    // Named explicitly: a handful of columns is not enough to tell some datasets apart.
    edgeSummaries.set(
      dataset,
      await importFile(edgeEngine, `${dataset}.csv`, utf8.encode(text), { dataset }),
    );
    edgeReference[dataset] = loadTable(dataset, text);
  }
  for (const [name, options] of Object.entries(EDGE_SCENARIOS)) {
    const computed = await computeIndicators(edgeEngine, { asOf: options.asOf, filters: options.filters });
    engineResults.set(name, new Map(computed.map((c) => [c.result.key, c.result])));
    referenceResults.set(name, computeReference(edgeReference, options));
  }
  // Generous: on a shared 2-core machine this set-up alone took over 120 s; it is not a speed goal.
}, 400_000);
afterAll(async () => {
  await engine?.close();
  await edgeEngine?.close();
});

describe('cross-check set-up', () => {
  it('has a reference for every indicator and no other', () => {
    expect(INDICATORS).toHaveLength(INDICATOR_COUNT);
    // Same keys, each read from the dataset the engine reads it from.
    expect(REFERENCE_DATASETS).toEqual(Object.fromEntries(INDICATORS.map((d) => [d.key, d.dataset])));
  });

  it.each([
    ['sample files', summaries, reference],
    ['edge fixture', edgeSummaries, edgeReference],
  ] as const)('reads the %s into the same rows as the importer', (_, imported, data) => {
    for (const [dataset, summary] of imported) {
      const ref = data[dataset];
      expect(summary.dataset).toBe(dataset);
      expect({ dataset, loaded: ref?.rows.length, rejected: ref?.rejected, warnings: ref?.warnings }).toEqual(
        {
          dataset,
          loaded: summary.loaded,
          rejected: summary.rejected,
          warnings: summary.warnings,
        },
      );
    }
  });

  it('is not vacuous: every rate, count and mean has a population on the snapshot', () => {
    const ref = referenceResults.get('export snapshot') ?? {};
    for (const def of INDICATORS) {
      const r = ref[def.key];
      const size = def.kind === 'breakdown' ? (r?.breakdown?.length ?? 0) : (r?.denominator ?? 0);
      expect({ key: def.key, populated: size > 0 }).toEqual({ key: def.key, populated: true });
    }
  });
});

/** The engine's numbers in the reference's shape, so one toEqual shows every difference at once. */
function numbers(r: IndicatorResult | RefResult | undefined) {
  if (!r) return undefined;
  return {
    kind: r.kind,
    numerator: r.numerator,
    denominator: r.denominator,
    median: r.median ?? null,
    breakdown: r.breakdown ?? null,
  };
}

for (const name of [...Object.keys(SCENARIOS), ...Object.keys(EDGE_SCENARIOS)]) {
  describe(`engine = reference (${name})`, () => {
    it.each(INDICATORS.map((d) => [d.key]))('%s', (key) => {
      const got = engineResults.get(name)?.get(key);
      const want = referenceResults.get(name)?.[key];
      expect(got, `engine computed ${key}`).toBeDefined();
      expect(want, `reference computed ${key}`).toBeDefined();
      expect(numbers(got)).toEqual(numbers(want));
      // Values are quotients and averages: the same inputs, possibly summed in another order.
      const [a, b] = [got?.value ?? null, want?.value ?? null];
      if (a === null || b === null) expect(a).toBe(b);
      else expect(Math.abs(a - b), `${key} value ${a} vs ${b}`).toBeLessThanOrEqual(1e-9);
    });
  });
}
