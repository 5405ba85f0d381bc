import type { Engine } from '../engine/types.ts';
import { dict } from '../own-keys.ts';
import { DATASETS } from '../schema/datasets.ts';
import { missingRoles, requiredRoles } from '../schema/roles.ts';
import type { DatasetKey } from '../schema/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { toDelimitedText } from './formats/index.ts';
import { guessDataset, matchHeaders, normaliseHeader } from './headers.ts';
import { ImportError } from './ledger.ts';
import type { ValueCount } from './recode-values.ts';

/** What a file looks like, for the column-mapping screen: headers, sample values, suggested matches. */
export interface FilePreview {
  headers: string[];
  /** header → first non-empty values (up to 3) */
  samples: Record<string, string[]>;
  /** dataset the headers decide for (undefined when none fits or several tie) */
  dataset: DatasetKey | undefined;
  /** datasets the headers could be, best first: the tied ones when several tie (see `guessDataset`) */
  candidates: DatasetKey[];
  /**
   * header → its distinct trimmed values with their counts over the whole file, most frequent first, for
   * columns with at most MAX_CODED_VALUES distinct values (the ones a coded field can be): what the mapping
   * screen lists for recoding. Absent for other columns.
   */
  values?: Record<string, ValueCount[]>;
}

/** Above this many distinct values a column is not a code list: its values are not counted. */
export const MAX_CODED_VALUES = 200;

/** Up to five rows of a delimited export, read by DuckDB exactly as the importer reads it. */
export async function previewFile(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array,
  encoding?: string,
): Promise<FilePreview> {
  const { text } = await toDelimitedText(bytes, fileName, { encoding });
  const path = await engine.registerText(
    `preview-${Date.now()}-${fileName.replaceAll(/[^\w.-]/g, '_').slice(-40)}`,
    text,
  );
  let t: Awaited<ReturnType<Engine['query']>>;
  try {
    t = await engine.query(
      `SELECT * FROM read_csv(${literal(path)}, all_varchar = true, header = true, ignore_errors = true) LIMIT 50`,
    );
  } catch (e) {
    throw new ImportError(
      'unreadable',
      `${fileName}: not a readable CSV/TSV file (${e instanceof Error ? e.message.split('\n')[0] : e}).`,
    );
  }
  const headers = t.schema.fields.map((f) => f.name);
  const samples: Record<string, string[]> = {};
  for (const h of headers) {
    const col = t.getChild(h);
    const values: string[] = [];
    for (let i = 0; i < t.numRows && values.length < 3; i++) {
      const v = col?.get(i);
      if (v !== null && v !== undefined && String(v).trim() !== '') values.push(String(v));
    }
    samples[h] = values;
  }
  const guess = guessDataset(headers);
  const candidates = guess.tied.length ? guess.tied : guess.candidates.map((c) => c.dataset);
  const values = await valueCounts(
    engine,
    `read_csv(${literal(path)}, all_varchar = true, header = true, ignore_errors = true)`,
    headers,
  );
  return { headers, samples, dataset: guess.dataset, candidates, values };
}

/** Rows read to rule out the many-valued columns (ids, times, names) before the whole file is counted. */
const SAMPLE_ROWS = 10_000;

/**
 * Distinct trimmed values and their counts of every column with at most MAX_CODED_VALUES of them: the
 * columns with more in the first SAMPLE_ROWS rows are left out at once, the others counted over the whole
 * file in one scan (and left out too when the whole file has more).
 */
async function valueCounts(
  engine: Engine,
  source: string,
  headers: readonly string[],
): Promise<Record<string, ValueCount[]>> {
  if (!headers.length) return {};
  const cell = (h: string) => `NULLIF(trim(${ident(h)}), '')`;
  const [row] = [
    ...(await engine.query(
      `SELECT ${headers.map((h, i) => `count(DISTINCT ${cell(h)}) AS "d${i}"`).join(', ')}
       FROM (SELECT * FROM ${source} LIMIT ${SAMPLE_ROWS})`,
    )),
  ];
  const few = headers.filter((_, i) => Number(row?.[`d${i}`] ?? 0) <= MAX_CODED_VALUES);
  if (!few.length) return {};
  const t = await engine.query(
    `SELECT name, value, count(*) AS n FROM (UNPIVOT (SELECT ${few.map((h, i) => `${cell(h)} AS "c${i}"`).join(', ')} FROM ${source})
       ON COLUMNS(*) INTO NAME name VALUE value)
     GROUP BY ALL ORDER BY name, n DESC, value`,
  );
  // Headers are the file's words: an own-keys map, so a header "__proto__" is just a header.
  const out = dict<ValueCount[]>();
  for (const r of t) {
    const header = few[Number(String(r.name).slice(1))] as string;
    const list = out[header] ?? [];
    list.push({ value: String(r.value), count: Number(r.n) });
    out[header] = list;
  }
  for (const h of Object.keys(out)) if ((out[h]?.length ?? 0) > MAX_CODED_VALUES) delete out[h];
  return out;
}

/**
 * The mapping screen's first guess when detection found no candidate (some required column has a name no
 * alias list knows): the dataset with the most suggested headers that no other dataset's suggestions use
 * (as detection prefers headers unique to one dataset), then the largest share of its required roles
 * filled, then the most suggested headers. A county case export whose 受理时间 is called 收件日期 is
 * still cases (25 headers only cases knows), not the item catalogue whose two required columns it happens
 * to have.
 */
export function guessForMapping(headers: readonly string[]): DatasetKey {
  const keys = Object.keys(DATASETS) as DatasetKey[];
  const suggested = keys.map((key) => {
    const columns = suggestColumns(headers, key);
    return { key, fields: Object.keys(columns), headers: Object.values(columns) };
  });
  const users = new Map<string, number>();
  for (const s of suggested) for (const h of s.headers) users.set(h, (users.get(h) ?? 0) + 1);
  const score = ({ key, fields, headers: mine }: (typeof suggested)[number]) => {
    const roles = requiredRoles(DATASETS[key]);
    const filled = roles.length - missingRoles(DATASETS[key], fields).length;
    return [mine.filter((h) => users.get(h) === 1).length, filled / Math.max(roles.length, 1), mine.length];
  };
  const scored = suggested.map((s) => ({ key: s.key, score: score(s) }));
  scored.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) {
      const d = (b.score[i] ?? 0) - (a.score[i] ?? 0);
      if (d) return d;
    }
    return 0;
  });
  return scored[0]?.key ?? 'cases';
}

/**
 * Best header for each canonical field of `dataset`: an alias match first, else a header that contains
 * the field's Chinese name, key or an alias (or is contained in one). Used to pre-fill the mapping screen.
 */
export function suggestColumns(headers: readonly string[], dataset: DatasetKey): Record<string, string> {
  const def = DATASETS[dataset];
  const out: Record<string, string> = { ...matchHeaders(headers, def).mapped };
  const used = new Set(Object.values(out));
  for (const field of def.fields) {
    if (out[field.key]) continue;
    // Containment only between names of 3+ characters: two-character words (名称, 来源, 时间) are too generic.
    const names = [field.zh, field.key, ...(field.aliases ?? [])]
      .map(normaliseHeader)
      .filter((n) => n.length >= 3);
    const hit = headers.find((h) => {
      if (used.has(h)) return false;
      const n = normaliseHeader(h);
      return n.length >= 3 && names.some((name) => n.includes(name) || name.includes(n));
    });
    if (hit) {
      out[field.key] = hit;
      used.add(hit);
    }
  }
  return out;
}
