import { asCrash, EngineCrashedError, RemoteEngineError } from '@assessment-dashboard/core';
import { urlFileName } from '../dashboard/inputs.ts';
import type { LoadState } from '../dashboard/load-state.ts';
import { EngineStartError } from '../duckdb/engine-start-error.ts';
import { formatBytes } from '../i18n/format.ts';
import { messages } from '../i18n/messages.ts';
import { FetchError, TooLargeError } from '../load/fetch-with-progress.ts';
import type { SessionSettings } from './session-settings.ts';

export type ErrorState = Extract<LoadState, { phase: 'error' }>;

/**
 * What went wrong, as the error state: its kind (which decides the title and what Retry does), the file
 * it concerns and a message for people. `file` is the file being read or imported when it failed, if any;
 * inputs are named as people know them (their labels).
 */
export function errorState(
  caught: unknown,
  file: string | undefined,
  { lang, inputs }: Pick<SessionSettings, 'lang' | 'inputs'>,
): ErrorState {
  const label = (name: string) => inputs.find((i) => i.name === name)?.label ?? urlFileName(name);
  const e = asCrash(caught);
  // Fetch errors name their URL; anything thrown while a file is being read or imported names that file.
  const kind: ErrorState['kind'] =
    e instanceof EngineCrashedError
      ? 'crash'
      : e instanceof TooLargeError
        ? 'too-large'
        : e instanceof FetchError
          ? 'fetch'
          : e instanceof RemoteEngineError
            ? 'server'
            : file
              ? 'import'
              : 'engine';
  const t = messages(lang);
  const detail =
    e instanceof TooLargeError
      ? e.memory
        ? t.tooLargeForMemory(
            label(e.file),
            formatBytes(e.size, lang),
            formatBytes(e.memory.need, lang),
            formatBytes(e.memory.available, lang),
          )
        : t.tooLarge(label(e.file), formatBytes(e.size, lang), formatBytes(e.limit, lang))
      : e instanceof EngineStartError
        ? t.engineStart(e.problem)
        : e instanceof Error
          ? e.message
          : String(e);
  return { phase: 'error', kind, file: e instanceof FetchError ? e.url : file, detail };
}

/** The engine's worker died (a retry must start a new one). */
export const isCrash = (caught: unknown): EngineCrashedError | undefined => {
  const e = asCrash(caught);
  return e instanceof EngineCrashedError ? e : undefined;
};
