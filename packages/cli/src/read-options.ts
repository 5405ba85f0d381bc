import { readFile } from 'node:fs/promises';
import {
  ConfigError,
  type DashboardConfig,
  type ImportMapping,
  INDICATORS,
  MappingError,
  parseConfig,
  parseMapping,
} from '@assessment-dashboard/core';

/** A JSON option file, or the option's own error type naming the path (never a stack trace). */
export async function readJson(path: string, ErrorType: new (message: string) => Error): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ErrorType(`${path}: not readable JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

export const readMapping = async (path: string): Promise<ImportMapping> =>
  parseMapping(await readJson(path, MappingError), path);

export const readConfig = async (path: string): Promise<DashboardConfig> =>
  parseConfig(
    await readJson(path, ConfigError),
    path,
    INDICATORS.map((d) => d.key),
  );
