/**
 * Lookups by keys users give (dataset names, column names, indicator keys, department names, mapping and
 * URL values). On a plain object `constructor`, `toString` or `__proto__` are found on Object.prototype
 * and `o['__proto__'] = x` replaces the prototype, so such keys either crash later or change behaviour.
 * Objects keyed by user input are made with `dict()` (no prototype) and read with `own()`.
 */

/** A prototype-free object holding `entries`; `in`, `[key]` and assignment see own keys only. */
export function dict<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** `o[key]` when `key` is an own property of `o`, else undefined (never an inherited member). */
export function own<V>(o: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return o !== undefined && Object.hasOwn(o, key) ? o[key] : undefined;
}
