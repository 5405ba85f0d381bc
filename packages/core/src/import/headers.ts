import { dict } from '../own-keys.ts';
import { DATASETS } from '../schema/datasets.ts';
import { missingRoles } from '../schema/roles.ts';
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
  /** required roles no header fills, as their field keys joined by `|` (e.g. `accepted_at|submitted_at`) */
  missingRequired: string[];
}

/** Normalised header → canonical key, for one dataset (a field's own header before its aliases). */
function aliasIndex(def: DatasetDef): Map<string, string> {
  const byAlias = new Map<string, string>();
  for (const pass of [0, 1])
    for (const field of def.fields) {
      const names = pass === 0 ? [field.key, field.zh] : (field.aliases ?? []);
      for (const name of names) {
        const n = normaliseHeader(name);
        if (!byAlias.has(n)) byAlias.set(n, field.key);
      }
    }
  return byAlias;
}

/** Matches headers to canonical keys; `explicit` (canonical key → header, from a mapping file) wins. */
export function matchHeaders(
  headers: readonly string[],
  def: DatasetDef,
  explicit: Record<string, string> = {},
): HeaderMatch {
  const byAlias = aliasIndex(def);
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
  const missingRequired = missingRoles(def, Object.keys(mapped)).map((r) => r.fields.join('|'));
  return { mapped, unknown, missingRequired };
}

/** How well a file's headers fit one dataset whose required roles they all fill. */
export interface DatasetCandidate {
  dataset: DatasetKey;
  /** headers mapped to a canonical column */
  matched: number;
  /** mapped headers that no other candidate dataset understands: the evidence that decides */
  unique: number;
}

export interface DatasetGuess {
  /** the dataset the headers decide for; undefined when none fits or several tie */
  dataset: DatasetKey | undefined;
  /** datasets whose required columns are all present, best first */
  candidates: DatasetCandidate[];
  /** when several candidates tie on unique headers: those (ask the user which) */
  tied: DatasetKey[];
}

/**
 * Which dataset a file holds, judged by its headers. Candidates are the datasets whose required roles the
 * headers fill; among several, the one with the most headers no other candidate understands wins. Headers
 * several candidates share (申请方式, 受理时间, 办理状态, 受理编号 …) never decide, so candidates with as
 * many unique headers as the best are a tie, reported in `tied` for the user to settle.
 */
export function guessDataset(headers: readonly string[]): DatasetGuess {
  const fits = Object.values(DATASETS)
    .map((def) => ({ def, m: matchHeaders(headers, def) }))
    .filter(({ m }) => m.missingRequired.length === 0);
  const users = new Map<string, number>();
  for (const { m } of fits) for (const h of Object.values(m.mapped)) users.set(h, (users.get(h) ?? 0) + 1);
  const candidates = fits
    .map(({ def, m }) => {
      const mappedHeaders = Object.values(m.mapped);
      return {
        dataset: def.key,
        matched: mappedHeaders.length,
        unique: mappedHeaders.filter((h) => users.get(h) === 1).length,
      };
    })
    .sort((a, b) => b.unique - a.unique || b.matched - a.matched);
  const [best, second] = candidates;
  if (!best) return { dataset: undefined, candidates, tied: [] };
  if (!second || best.unique > second.unique) return { dataset: best.dataset, candidates, tied: [] };
  const tied = candidates.filter((c) => c.unique === best.unique).map((c) => c.dataset);
  return { dataset: undefined, candidates, tied };
}

/** The dataset the headers decide for (see `guessDataset`); undefined when none fits or several tie. */
export function detectDataset(headers: readonly string[]): DatasetKey | undefined {
  return guessDataset(headers).dataset;
}
