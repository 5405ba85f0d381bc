import type { Engine } from '../engine/types.ts';
import { DATASETS } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import { literal } from '../sql/quote.ts';
import { toDelimitedText } from './formats/index.ts';
import { guessDataset, matchHeaders, normaliseHeader } from './headers.ts';
import { ImportError } from './ledger.ts';

/** What a file looks like, for the column-mapping screen: headers, sample values, suggested matches. */
export interface FilePreview {
  headers: string[];
  /** header → first non-empty values (up to 3) */
  samples: Record<string, string[]>;
  /** dataset the headers decide for (undefined when none fits or several tie) */
  dataset: DatasetKey | undefined;
  /** datasets the headers could be, best first: the tied ones when several tie (see `guessDataset`) */
  candidates: DatasetKey[];
}

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
  return { headers, samples, dataset: guess.dataset, candidates };
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
