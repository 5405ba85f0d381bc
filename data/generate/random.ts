import { mulberry32 } from '../../packages/core/src/seeded-random.ts';

/** The generator's draws, all from core's seeded mulberry32, and two array helpers. */

/** Array access that fails loudly instead of yielding `undefined` (noUncheckedIndexedAccess). */
export function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`index ${i} out of range (length ${arr.length})`);
  return v;
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The handful of draws the generator needs, on core's seeded PRNG. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(arr: readonly T[]): T {
    return at(arr, Math.floor(this.next() * arr.length));
  }

  /** Weighted choice among list entries. */
  pickBy<T>(list: readonly T[], weight: (v: T) => number): T {
    let r = this.next() * list.reduce((s, v) => s + weight(v), 0);
    for (const v of list) {
      r -= weight(v);
      if (r < 0) return v;
    }
    return at(list, list.length - 1);
  }

  /** Weighted choice among the keys of a `{ key: weight }` table. */
  choose<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    return this.pickBy(keys, (k) => weights[k]);
  }

  /** Standard normal draw (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Independent stream per dataset, so tuning one dataset does not reshuffle the others. */
export const subRng = (seed: number, stream: number): Rng =>
  new Rng((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);

/** Fast repeated weighted sampling over a fixed list (binary search on the cumulative sums). */
export class Sampler<T> {
  private readonly cum: number[] = [];
  private readonly total: number;

  constructor(
    private readonly values: readonly T[],
    weights: readonly number[],
  ) {
    let acc = 0;
    for (const w of weights) {
      acc += w;
      this.cum.push(acc);
    }
    this.total = acc;
  }

  draw(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(this.cum, mid) > r) hi = mid;
      else lo = mid + 1;
    }
    return at(this.values, lo);
  }
}
