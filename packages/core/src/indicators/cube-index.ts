import { MISSING_KEY } from './cells.ts';
import type { CubeCell } from './cube.ts';

/**
 * A cube's cells as columns of numbers, made once per cube: each dimension's values coded as integers, the
 * sums in typed arrays, breakdown keys interned. A click adds up a few thousand cells per indicator; with
 * string keys looked up in Sets and breakdowns summed in Maps that was 25–40 ms of a click's task (CPU
 * profile at 100k), most of the click's own work.
 */
export interface CubeIndex {
  /** per dimension: each value's code (a missing key as MISSING_KEY, as cellId writes it) */
  codeOf: Map<string, number>[];
  /** per dimension: each cell's code */
  codes: Int32Array[];
  numerator: Float64Array;
  denominator: Float64Array;
  value: Float64Array;
  breakdownKeys: string[];
  /** cell i's breakdown entries are [breakdownStart[i], breakdownStart[i + 1]) */
  breakdownStart: Int32Array;
  breakdownKey: Int32Array;
  breakdownValue: Float64Array;
}

const indexes = new WeakMap<readonly CubeCell[], CubeIndex>();

/** The index of `cells` (`dims` keys each), made on first use. */
export function cubeIndex(cells: readonly CubeCell[], dims: number): CubeIndex {
  const known = indexes.get(cells);
  if (known) return known;
  const n = cells.length;
  const codeOf = Array.from({ length: dims }, () => new Map<string, number>());
  const codes = Array.from({ length: dims }, () => new Int32Array(n));
  const numerator = new Float64Array(n);
  const denominator = new Float64Array(n);
  const value = new Float64Array(n);
  const breakdownStart = new Int32Array(n + 1);
  const keyCode = new Map<string, number>();
  const bKey: number[] = [];
  const bValue: number[] = [];
  for (let i = 0; i < n; i++) {
    const cell = cells[i] as CubeCell;
    for (let d = 0; d < dims; d++) {
      const k = cell.keys[d] ?? MISSING_KEY;
      const map = codeOf[d] as Map<string, number>;
      let code = map.get(k);
      if (code === undefined) {
        code = map.size;
        map.set(k, code);
      }
      (codes[d] as Int32Array)[i] = code;
    }
    numerator[i] = cell.numerator;
    denominator[i] = cell.denominator;
    value[i] = cell.value;
    for (const b of cell.breakdown) {
      let code = keyCode.get(b.key);
      if (code === undefined) {
        code = keyCode.size;
        keyCode.set(b.key, code);
      }
      bKey.push(code);
      bValue.push(b.value);
    }
    breakdownStart[i + 1] = bKey.length;
  }
  const index: CubeIndex = {
    codeOf,
    codes,
    numerator,
    denominator,
    value,
    breakdownKeys: [...keyCode.keys()],
    breakdownStart,
    breakdownKey: Int32Array.from(bKey),
    breakdownValue: Float64Array.from(bValue),
  };
  indexes.set(cells, index);
  return index;
}

/** Per dimension, which codes a selection keeps (undefined: every value). */
export type KeptCodes = (Uint8Array | undefined)[];

/** `keep` (per dimension the values kept, or undefined for all) as code masks. */
export function keptCodes(index: CubeIndex, keep: readonly (Set<string> | undefined)[]): KeptCodes {
  return keep.map((values, d) => {
    if (!values) return undefined;
    const map = index.codeOf[d] as Map<string, number>;
    const mask = new Uint8Array(map.size);
    for (const [k, code] of map) if (values.has(k)) mask[code] = 1;
    return mask;
  });
}

/** Whether cell `i` is kept on every restricted dimension. */
export function isKept(index: CubeIndex, kept: KeptCodes, i: number): boolean {
  for (let d = 0; d < kept.length; d++) {
    const mask = kept[d];
    if (mask && !mask[(index.codes[d] as Int32Array)[i] as number]) return false;
  }
  return true;
}

/** The sums of some cells, and their breakdowns added up (in the cells' order, as before). */
export class IndexSum {
  numerator = 0;
  denominator = 0;
  value = 0;
  readonly #acc: Float64Array;
  readonly #seen: Uint8Array;
  readonly #order: number[] = [];

  constructor(private readonly index: CubeIndex) {
    this.#acc = new Float64Array(index.breakdownKeys.length);
    this.#seen = new Uint8Array(index.breakdownKeys.length);
  }

  add(i: number): void {
    const x = this.index;
    this.numerator += x.numerator[i] as number;
    this.denominator += x.denominator[i] as number;
    this.value += x.value[i] as number;
    const end = x.breakdownStart[i + 1] as number;
    for (let j = x.breakdownStart[i] as number; j < end; j++) {
      const k = x.breakdownKey[j] as number;
      if (!this.#seen[k]) {
        this.#seen[k] = 1;
        this.#order.push(k);
      }
      this.#acc[k] = (this.#acc[k] as number) + (x.breakdownValue[j] as number);
    }
  }

  /** The breakdown rows, keys in the order first met. */
  rows(): { key: string; value: number }[] {
    return this.#order.map((k) => ({
      key: this.index.breakdownKeys[k] as string,
      value: this.#acc[k] as number,
    }));
  }
}
