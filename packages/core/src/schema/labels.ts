import { DATASETS } from './datasets.ts';
import type { DatasetKey } from './types.ts';

/** Localised label of an enum code, e.g. ('disclosures', 'domain', 'budget', 'zh') → 财政预决算. */
export function enumLabel(dataset: DatasetKey, field: string, code: string, lang: 'zh' | 'en'): string {
  const value = DATASETS[dataset].fields.find((f) => f.key === field)?.enum?.find((e) => e.code === code);
  if (!value) return code === 'unknown' ? (lang === 'zh' ? '未填写' : 'Not given') : code;
  return lang === 'zh' ? (value.zh[0] ?? code) : value.en;
}
