import {
  DATASETS,
  type DashboardConfig,
  type DatasetKey,
  type Engine,
  ImportError,
  type ImportMapping,
} from '@assessment-dashboard/core';
import { type Lang, messages } from '../i18n/messages.ts';
import { FetchError } from '../load/fetch-with-progress.ts';

/** A JSON document (a mapping or configuration file) from `url`. */
export async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (!res.ok) throw new FetchError(url, res.status, `HTTP ${res.status} ${res.statusText}`.trim());
  try {
    return await res.json();
  } catch {
    throw new Error(`${url}: not valid JSON`);
  }
}

/** A JSON setting given either as the object itself (a property) or as the URL of a file (an attribute). */
export interface JsonSetting<T> {
  value?: T | undefined;
  url?: string | undefined;
}

/** The mapping for sources no alias list knows, validated. */
export async function sharedMapping(
  setting: JsonSetting<unknown> | undefined,
  signal: AbortSignal,
): Promise<ImportMapping | undefined> {
  if (!setting?.value && !setting?.url) return undefined;
  // The validator comes with the live code (a mapping only matters to an import): a snapshot never loads it.
  const { parseMapping } = await import('../dashboard/live.ts');
  if (setting.value) return parseMapping(setting.value, 'importMapping');
  return setting.url ? parseMapping(await fetchJson(setting.url, signal), setting.url) : undefined;
}

/** The configuration (targets, calendar overrides, user-defined indicators), validated. */
export async function configuration(
  setting: JsonSetting<unknown> | undefined,
  signal: AbortSignal,
): Promise<DashboardConfig | undefined> {
  if (!setting?.value && !setting?.url) return undefined;
  const { parseConfiguration } = await import('./parse-configuration.ts');
  if (setting.value) return parseConfiguration(setting.value, 'configuration');
  return setting.url ? parseConfiguration(await fetchJson(setting.url, signal), setting.url) : undefined;
}

/** Import errors that are a question for the user (map the columns), not a dead end. */
const ASKS = ['missing_columns', 'unknown_dataset', 'ambiguous_dataset'];

export const asksForMapping = (e: unknown): e is ImportError =>
  e instanceof ImportError && ASKS.includes(e.code);

/** What the mapping screen says is wrong with the file, in the page's language. */
export function mappingProblem(e: ImportError, lang: Lang): string {
  const t = messages(lang);
  const missing = (e.details.missing as string[] | undefined) ?? [];
  const tied = (e.details.candidates as DatasetKey[] | undefined) ?? [];
  if (e.code === 'unknown_dataset') return t.unknownDataset;
  if (e.code === 'ambiguous_dataset')
    return t.ambiguousDataset(tied.map((k) => DATASETS[k].label[lang]).join(lang === 'zh' ? '、' : ', '));
  return t.missingColumns(missing.join(', '));
}

/**
 * Where the session's engine comes from. The browser's DuckDB-WASM (a shared worker, compiled while the
 * files download), a query server or ClickHouse (`remote`: nothing is imported), or native DuckDB in Node.
 */
export interface EngineSource {
  /** the query server's URL, when the data lives there */
  readonly remote?: string | undefined;
  /** Called as a load starts, before any file is read, so a slow start overlaps the download. */
  begin(): EngineLease;
}

/** One load's claim on an engine. */
export interface EngineLease {
  /** An engine holding a fresh database named `name`; `signal` aborts its requests (remote engines). */
  open(name: string, signal: AbortSignal): Promise<Engine>;
  /** The engine crashed: end it, so that the next lease (a retry) starts a new one. */
  discard(reason: string): void;
  release(): void;
}
