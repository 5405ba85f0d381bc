import { codeLookup, isBlankLabel, normaliseLabel, recode } from '../schema/normalise-label.ts';
import type { EnumValue, FieldDef } from '../schema/types.ts';

/** How often one (trimmed) value occurs in a column of a file. */
export interface ValueCount {
  value: string;
  count: number;
}

/** A value of a coded column the importer would not recognise, with the code it most resembles. */
export interface UnknownValue extends ValueCount {
  /** the code whose labels look most like the value (undefined: none is close enough to suggest) */
  suggested: string | undefined;
}

/**
 * The values of a coded field's column that the importer would report as unknown codes: not blank ("—"),
 * not a code, label or alias after normalisation (the importer's own `recode`), not already given a code
 * in `given` (a mapping's `values` for this field). Most frequent first.
 */
export function unknownValues(
  field: FieldDef,
  counts: readonly ValueCount[],
  given: Record<string, string> = {},
): UnknownValue[] {
  const lookup = codeLookup(field.enum ?? []);
  return counts
    .filter(
      ({ value }) =>
        !isBlankLabel(value) && !Object.hasOwn(given, value) && recode(lookup, value) === undefined,
    )
    .map((c) => ({ ...c, suggested: suggestCode(field.enum ?? [], c.value) }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Below this similarity no code is suggested: a wrong guess costs the analyst more than none. */
const MIN_SIMILARITY = 0.5;

/**
 * The code whose code, Chinese labels or English label look most like `value`: the Dice overlap of their
 * tokens (Latin words, and pairs of adjacent Chinese characters) after the label normaliser. "Self Service"
 * → self_service, 市长信箱 → mailbox (信箱), 网站留言 → web (网站); "Call" suggests nothing (no shared word).
 */
export function suggestCode(values: readonly EnumValue[], value: string): string | undefined {
  const cell = tokens(value);
  if (!cell.size) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  for (const e of values) {
    for (const label of [e.code, ...e.zh, e.en]) {
      const t = tokens(label);
      let shared = 0;
      for (const x of t) if (cell.has(x)) shared++;
      const score = (2 * shared) / (t.size + cell.size);
      if (score >= MIN_SIMILARITY && score > bestScore) {
        best = e.code;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Latin words (snake_case and hyphens split) and Chinese character pairs (a lone character as itself). */
function tokens(label: string): Set<string> {
  const out = new Set<string>();
  const spaced = label.replaceAll(/[_\-/]+/g, ' ');
  for (const word of spaced.toLowerCase().match(/[a-z0-9]+/g) ?? []) out.add(word);
  for (const run of normaliseLabel(spaced).match(/[\u4e00-\u9fff]+/gu) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}
