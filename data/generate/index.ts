/**
 * Deterministic generator of a synthetic county-level government export set for 示范县 (341722),
 * 2024-01-01 .. 2025-12-31: 事项清单, 办件, 主动公开, 依申请公开, 12345 热线工单, 办件过程 and 缴款到账记录.
 *
 * Run `npm run data` (or `npx tsx data/generate/index.ts`) from the repository root. The same seed always
 * gives byte-identical CSVs: all randomness comes from the seeded PRNG (random.ts), all dates from a fixed
 * calendar (no Math.random, no clock); data/test/generate.test.ts checks both and the committed files.
 *
 * One module per dataset (items, cases, disclosures, requests, hotline, supervision) over shared helpers:
 * random.ts (draws), time.ts (days, instants, working days), encode.ts (schema labels and CSV), county.ts
 * (departments), item-catalogue.ts and disclosure-domains.ts (the hand-written tables).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCases, N_CASES } from './cases.ts';
import { generateDisclosures, N_DISCLOSURES } from './disclosures.ts';
import { datasetCsv } from './encode.ts';
import { generateHotline, N_TICKETS } from './hotline.ts';
import { buildDepts, buildItems, itemRows } from './items.ts';
import { Rng, subRng } from './random.ts';
import { generateRequests, N_REQUESTS } from './requests.ts';
import { generateReceipts, generateSteps } from './supervision.ts';

/** Rows per dataset; the committed sample uses the defaults (N_CASES …), tests a smaller set. */
export interface Volumes {
  cases: number;
  disclosures: number;
  requests: number;
  tickets: number;
}

export const DEFAULT_VOLUMES: Volumes = {
  cases: N_CASES,
  disclosures: N_DISCLOSURES,
  requests: N_REQUESTS,
  tickets: N_TICKETS,
};

/** All seven CSV files, keyed by file name. Deterministic for a given seed and volumes. */
export function generateAll(seed = 20260101, volumes: Volumes = DEFAULT_VOLUMES): Record<string, string> {
  const base = new Rng(seed);
  const depts = buildDepts(base);
  const items = buildItems(subRng(seed, 1), depts);
  const cases = generateCases(subRng(seed, 2), items, volumes.cases);
  return {
    'items.csv': datasetCsv('items', itemRows(items)),
    'cases.csv': datasetCsv('cases', cases),
    'steps.csv': datasetCsv('steps', generateSteps(subRng(seed, 6), cases)),
    'receipts.csv': datasetCsv('receipts', generateReceipts(subRng(seed, 7), cases)),
    'disclosures.csv': datasetCsv(
      'disclosures',
      generateDisclosures(subRng(seed, 3), depts, volumes.disclosures),
    ),
    'requests.csv': datasetCsv('requests', generateRequests(subRng(seed, 4), volumes.requests)),
    'hotline.csv': datasetCsv('hotline', generateHotline(subRng(seed, 5), volumes.tickets)),
  };
}

/** Writes the files into `dir`, by default data/ (used by `npm run data`). */
export function writeAll(
  dir = join(dirname(fileURLToPath(import.meta.url)), '..'),
  seed?: number,
  volumes?: Volumes,
  log: (line: string) => void = console.log,
): void {
  for (const [name, text] of Object.entries(generateAll(seed, volumes))) {
    writeFileSync(join(dir, name), text, 'utf8');
    const rows = text.split('\n').length - 2;
    const kib = (Buffer.byteLength(text, 'utf8') / 1024).toFixed(0);
    log(`${name.padEnd(16)} ${String(rows).padStart(6)} rows ${kib.padStart(7)} KiB`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeAll();
