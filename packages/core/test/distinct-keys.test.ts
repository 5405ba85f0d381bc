import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { recordStatements } from './helpers/recorded-statements.ts';

// The duplicate-ID check (a GROUP BY over every row's key in DuckDB) is left out when the scan of the
// file's bytes proved the first column's cells distinct (FirstCells, keysKnownDistinct). Every file shape
// where a line is not a row or a key not its bytes must still be checked, and its repeats found.
let engine: NodeEngine;
let statements: string[];
beforeAll(async () => {
  engine = await NodeEngine.create();
  statements = recordStatements(engine);
});
afterAll(() => engine.close());

const HEADER = '办件编号,受理部门,申请时间,受理时间';
const row = (id: string, i: number) =>
  `${id},局${i % 3},2025-03-0${1 + (i % 9)} 09:00:00,2025-03-0${1 + (i % 9)} 10:00:00`;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `C${String(i).padStart(6, '0')}`);

async function load(text: string) {
  statements.length = 0;
  const summary = await importFile(engine, 'cases.csv', new TextEncoder().encode(text));
  const ledger = await engine.query(
    `SELECT "row", "value" FROM import_ledger WHERE reason = 'duplicate_id' ORDER BY "row"`,
  );
  return {
    summary,
    duplicates: ledger.toArray().map((r): [number, string] => [Number(r.row), String(r.value)]),
    checked: statements.some((q) => q.includes('TEMP TABLE __import_duplicate_ids AS')),
  };
}

describe('the duplicate-ID check and the scan of the bytes', () => {
  it('is left out for a file whose first column’s IDs the scan found distinct', async () => {
    const lines = ids(500).map(row);
    const r = await load(`${HEADER}\n${lines.join('\n')}\n`);
    expect(r.checked).toBe(false);
    expect(r.duplicates).toEqual([]);
    expect([r.summary.read, r.summary.loaded, r.summary.rejected]).toEqual([500, 500, 0]);
    // CRLF, a BOM and no final line break prove as much.
    const crlf = await load(`\uFEFF${HEADER}\r\n${lines.join('\r\n')}`);
    expect([crlf.checked, crlf.summary.loaded]).toEqual([false, 500]);
  });

  it('is made, and finds the repeat, for a plain repeated ID', async () => {
    const lines = ids(500).map(row);
    lines.push(row('C000007', 3));
    const r = await load(`${HEADER}\n${lines.join('\n')}\n`);
    expect(r.checked).toBe(true);
    expect(r.duplicates).toEqual([[502, 'C000007']]);
  });

  // Each file holds "C000007" twice as DuckDB reads it, but not as the same bytes at a line's start.
  const hidden: Record<string, (lines: string[]) => string> = {
    'a quoted ID': (l) => `${HEADER}\n${l.join('\n')}\n${row('"C000007"', 3)}\n`,
    'a space at the edge (trimmed)': (l) => `${HEADER}\n${l.join('\n')}\n${row(' C000007', 3)}\n`,
    'the ID in the second column': (l) =>
      `受理部门,${HEADER.replace('受理部门,', '')}\n${[...l, row('C000007', 3)]
        .map((x) => x.split(',').slice(0, 2).reverse().concat(x.split(',').slice(2)).join(','))
        .join('\n')}\n`,
    'title rows above the header': (l) =>
      `2025年办件明细\n${'导出时间：2025-04-01'}\n${HEADER}\n${l.join('\n')}\n${row('C000007', 3)}\n`,
    'a tab-delimited file whose ID holds a comma': (l) =>
      `${HEADER.replaceAll(',', '\t')}\n${[...l.map((x) => x.replace(/^C/, 'C,')), row('C,000007', 3)]
        .map((x) => x.replace(/,(?=局)/, '\t').replace(/,(?=2025)/g, '\t'))
        .join('\n')}\n`,
  };
  for (const [shape, make] of Object.entries(hidden)) {
    it(`is made, and finds the repeat, for ${shape}`, async () => {
      const r = await load(make(ids(300).map(row)));
      expect(r.checked).toBe(true);
      expect(r.duplicates).toHaveLength(1);
      expect(r.duplicates[0]?.[1].replace(',', '')).toBe('C000007');
      expect(r.summary.rejected).toBe(1);
    });
  }

  it('is made when an empty start ended at a byte that is not the delimiter (a key the scan did not see)', async () => {
    const lines = ids(300).map(row);
    lines.push(row(';X', 1), row(';X', 2));
    const r = await load(`${HEADER}\n${lines.join('\n')}\n`);
    expect(r.checked).toBe(true);
    expect(r.duplicates).toEqual([[303, ';X']]);
  });
});
