import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importedRelations } from '../src/import/dataset-view.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators, loadedTables } from '../src/indicators/compute.ts';

// Right after an import into an empty database, the relations it holds are known (importedRelations):
// read by name they must be exactly what enumerating the catalogue finds, or the indicators would see
// other tables than the data has.

const file = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../data/${name}`, import.meta.url)));
const asMap = (m: Map<string, string[]>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

describe('the relations of a freshly imported database', () => {
  it.each([
    [['cases.csv']],
    [['disclosures.csv']],
    [['cases.csv', 'hotline.csv', 'requests.csv']],
    [['steps.csv', 'cases.csv', 'receipts.csv']],
  ])('are what the catalogue lists, columns in order, after importing %j', async (names) => {
    const engine = await NodeEngine.create();
    try {
      const summaries = [];
      for (const name of names) summaries.push(await importFile(engine, name, file(name)));
      const known = importedRelations(summaries.map((s) => s.dataset));
      expect(known).toBeDefined();
      const byName = await loadedTables(engine, known);
      const listed = await loadedTables(engine);
      expect(asMap(byName)).toEqual(asMap(listed));
      expect(listed.size).toBeGreaterThanOrEqual(2 * names.length + 1);
    } finally {
      engine.close();
    }
  });

  it('fall back to the catalogue when a name is not there, and give the same indicators', async () => {
    const engine = await NodeEngine.create();
    try {
      const s = await importFile(engine, 'cases.csv', file('cases.csv'));
      const listed = await loadedTables(engine);
      expect(asMap(await loadedTables(engine, ['cases', 'no_such_table']))).toEqual(asMap(listed));
      expect(importedRelations(['cases', 'not a dataset'])).toBeUndefined();
      const options = { asOf: '2025-06-30', facts: 'inline' as const };
      const plain = await computeIndicators(engine, options);
      const named = await computeIndicators(engine, {
        ...options,
        relations: importedRelations([s.dataset]),
      });
      expect(named.map((c) => c.result)).toEqual(plain.map((c) => c.result));
      expect(named.length).toBeGreaterThan(5);
    } finally {
      engine.close();
    }
  });
});
