import {
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  Table,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnValues, tableRows } from '../src/engine/arrow-columns.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { seededPicker, TEXT_UNITS } from './fixtures/text-units.ts';

// Read column by column, a table gives the values apache-arrow's own get(i) and toJSON() give, whatever
// its chunks, slices, nulls and texts.

const { rand, pick, text } = seededPicker(7);
const viaGet = (v: Vector) => Array.from({ length: v.length }, (_, i) => v.get(i));

/** A text column of `n` values: `distinct` texts repeated, some null, some empty. */
function texts(n: number, distinct: number) {
  const pool = Array.from({ length: distinct }, () => text(0, 6));
  return Array.from({ length: n }, () => (rand() < 0.1 ? null : rand() < 0.05 ? '' : pick(pool)));
}

describe('column values', () => {
  it('are get(i)’s over several chunks, nulls, empty and repeated texts (every unit, a BOM too)', () => {
    for (let round = 0; round < 40; round++) {
      const chunks = Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
        vectorFromArray(texts(Math.floor(rand() * 300), 1 + Math.floor(rand() * 40)), new Utf8()),
      );
      const v = chunks.reduce((a, b) => a.concat(b));
      expect(v.data.length).toBe(chunks.length);
      expect(columnValues(v)).toEqual(viaGet(v));
    }
  });

  it('are get(i)’s for every text unit alone and for bytes that are not UTF-8', () => {
    const v = vectorFromArray([...TEXT_UNITS, '\ufeff局', 'a\ufeff', null], new Utf8());
    expect(columnValues(v)).toEqual(viaGet(v));
    // invalid bytes are decoded as get(i) decodes them (replacement characters), each equal text once
    const bytes = new Uint8Array([0xe5, 0xad, 0x61, 0xff, 0xe5, 0xad, 0x61, 0xc0, 0x80]);
    const offsets = new Int32Array([0, 3, 4, 7, 9]);
    const raw = makeVector(
      makeData({ type: new Utf8(), length: 4, nullCount: 0, valueOffsets: offsets, data: bytes }),
    );
    expect(columnValues(raw)).toEqual(viaGet(raw));
    expect(columnValues(raw)[0]).toBe('\ufffda');
  });

  it('are get(i)’s for a slice (data with an offset) and for numbers, bigints and floats', () => {
    const t = new Table({
      s: vectorFromArray(texts(500, 30), new Utf8()),
      i: vectorFromArray(
        Array.from({ length: 500 }, (_, i) => (i % 7 ? i : null)),
        new Int32(),
      ),
      b: vectorFromArray(
        Array.from({ length: 500 }, (_, i) => BigInt(i) * 3n),
        new Int64(),
      ),
      f: vectorFromArray(
        Array.from({ length: 500 }, (_, i) => i / 3),
        new Float64(),
      ),
    });
    const slice = t.slice(123, 377);
    for (const name of ['s', 'i', 'b', 'f'] as const) {
      const col = slice.getChild(name) as Vector;
      expect(col.data[0]?.offset).toBe(123);
      expect(columnValues(col)).toEqual(viaGet(col));
    }
    expect(tableRows(slice)).toEqual(slice.toArray().map((r) => r.toJSON()));
  });

  it('tell apart texts whose hashes collide', () => {
    // FNV-1a over the UTF-8 bytes, as the cache hashes them: draw texts until two share a hash.
    const fnv = (s: string) =>
      new TextEncoder().encode(s).reduce((h, b) => Math.imul(h ^ b, 0x01000193), 0x811c9dc5);
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair && n < 2_000_000; n++) {
      const s = `局${Math.floor(rand() * 2 ** 40).toString(36)}`;
      const other = seen.get(fnv(s));
      if (other !== undefined && other !== s) pair = [other, s];
      seen.set(fnv(s), s);
    }
    expect(pair).toBeDefined();
    const [a, b] = pair as [string, string];
    const v = vectorFromArray([a, b, a, null, b], new Utf8());
    expect(columnValues(v)).toEqual([a, b, a, null, b]);
  });

  it('are empty for a missing column', () => {
    expect(columnValues(undefined)).toEqual([]);
    expect(columnValues(new Table().getChild('x'))).toEqual([]);
  });
});

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('rows of a query result', () => {
  it('are toJSON()’s for text, integers, bigints, decimals, dates, timestamps and booleans', async () => {
    const t = await engine.query(`SELECT
        CASE WHEN i % 5 = 0 THEN NULL ELSE '局' || (i % 13) END AS s, i::INTEGER AS i, i * 10000000000 AS b,
        i / 7 AS f, DATE '2025-01-01' + i::INTEGER AS d, TIMESTAMP '2025-01-01' + to_seconds(i) AS ts,
        i % 2 = 0 AS ok, CASE WHEN i % 3 = 0 THEN NULL ELSE i END AS n
      FROM range(3000) r(i)`);
    expect(tableRows(t)).toEqual(t.toArray().map((r) => r.toJSON()));
  });
});
