import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineParams, valueLiteral } from '../src/engine/inline-params.ts';
import { NodeEngine } from '../src/engine/node.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('inlineParams', () => {
  it('replaces placeholders outside strings, identifiers and comments only', () => {
    expect(inlineParams(`SELECT '?', "a?b", ? -- ?\n, ? /* ? */`, ['x', 2])).toBe(
      `SELECT '?', "a?b", 'x' -- ?\n, (2) /* ? */`,
    );
    expect(inlineParams(`SELECT 'it''s ?', ?`, [null])).toBe(`SELECT 'it''s ?', NULL`);
  });

  it('refuses a mismatch between placeholders and values, and unterminated quotes', () => {
    expect(() => inlineParams('SELECT ?', [])).toThrow(/more placeholders/);
    expect(() => inlineParams('SELECT ?', [1, 2])).toThrow(/1 placeholders for 2 values/);
    expect(() => inlineParams("SELECT '?", [1])).toThrow(/unterminated/);
  });

  it('gives the same results as bound parameters in DuckDB, hostile strings included', async () => {
    const values = [
      "x'); DROP TABLE t; --",
      "'' OR 1=1",
      '\\',
      '甲局',
      -5,
      0.1,
      -2.5e-7,
      true,
      false,
      null,
      12345678901,
    ];
    for (const v of values) {
      const bound = await engine.query('SELECT ? AS v, 10 - ? AS w', [v, typeof v === 'number' ? v : 0]);
      const inlined = await engine.query(
        inlineParams('SELECT ? AS v, 10 - ? AS w', [v, typeof v === 'number' ? v : 0]),
      );
      expect(inlined.get(0)?.toJSON()).toEqual(bound.get(0)?.toJSON());
    }
    expect(valueLiteral(Number.NaN)).toBe("(CAST('NaN' AS DOUBLE))");
  });
});
