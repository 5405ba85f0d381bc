import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunSummary } from '@assessment-dashboard/core';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../vitest.config.ts';

export const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

/** `npm run build`: the embeddable folder, as a webmaster would get it. */
export async function buildBundle(): Promise<void> {
  await run('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 1 << 24 });
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
