import { dict } from '../own-keys.ts';
import { DATASETS } from '../schema/datasets.ts';
import type { DatasetDef, DatasetKey } from '../schema/types.ts';

/**
 * Header normalisation (§7.0): NFKC folds full-width letters, digits and brackets; then whitespace,
 * colons and a trailing unit note in brackets are dropped and ASCII is lower-cased.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replaceAll(/[\s\u3000:：]/g, '')
    .replaceAll('【', '(')
    .replaceAll('】', ')')
    .toLowerCase();
}

/** Result of matching a file's headers against one dataset's alias lists. */
export interface HeaderMatch {
  /** canonical key → original header in the file */
  mapped: Record<string, string>;
  /** headers no alias list knows; kept as extra columns */
  unknown: string[];
  /** required canonical keys without a matching header */
  missingRequired: string[];
}

/** Matches headers to canonical keys; `explicit` (canonical key → header, from a mapping file) wins. */
export function matchHeaders(
  headers: readonly string[],
  def: DatasetDef,
  explicit: Record<string, string> = {},
): HeaderMatch {
  const byAlias = new Map<string, string>();
  for (const field of def.fields) {
    for (const name of [field.key, field.zh, ...(field.aliases ?? [])]) {
      const n = normaliseHeader(name);
      if (!byAlias.has(n)) byAlias.set(n, field.key);
    }
  }
  const mapped: Record<string, string> = dict();
  const taken = new Set<string>();
  for (const [key, header] of Object.entries(explicit)) {
    if (headers.includes(header)) {
      mapped[key] = header;
      taken.add(header);
    }
  }
  const unknown: string[] = [];
  for (const header of headers) {
    if (taken.has(header)) continue;
    const key = byAlias.get(normaliseHeader(header));
    if (key && !(key in mapped)) mapped[key] = header;
    else unknown.push(header);
  }
  const missingRequired = def.fields.filter((f) => f.required && !(f.key in mapped)).map((f) => f.key);
  return { mapped, unknown, missingRequired };
}

/**
 * Which dataset a file holds, judged by its headers: the dataset with all required columns present and
 * the most matched columns wins. Returns undefined when no dataset has its required columns.
 */
export function detectDataset(headers: readonly string[]): DatasetKey | undefined {
  let best: { key: DatasetKey; score: number } | undefined;
  for (const def of Object.values(DATASETS)) {
    const m = matchHeaders(headers, def);
    if (m.missingRequired.length) continue;
    const score = Object.keys(m.mapped).length / def.fields.length + Object.keys(m.mapped).length;
    if (!best || score > best.score) best = { key: def.key, score };
  }
  return best?.key;
}
