import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunSummary } from '@assessment-dashboard/core';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../vitest.config.ts';

export const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

/**
 * The embeddable folder, as a webmaster would get it from `npm run build`: built once per run by the e2e
 * project's global setup (build-once.ts), never again here while another test file may be serving it.
 */
export async function buildBundle(): Promise<void> {
  const entry = join(ROOT, 'dist/assessment-dashboard/assessment-dashboard.js');
  if (!existsSync(entry)) {
    throw new Error(
      `${entry} is missing: run the e2e tests through Vitest's e2e project (its setup builds it)`,
    );
  }
}

/** The CLI's `indicators --json` output for files under ROOT. */
export async function cliIndicators(files: string[], extra: string[] = []): Promise<RunSummary> {
  const { stdout } = await run(
    process.execPath,
    [join(ROOT, 'scripts/cli.mjs'), 'indicators', ...files.map((f) => join(ROOT, f)), '--json', ...extra],
    { cwd: ROOT, maxBuffer: 1 << 26 },
  );
  return JSON.parse(stdout) as RunSummary;
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
