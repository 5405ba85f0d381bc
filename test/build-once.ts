import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The e2e project's global setup: `npm run build` once per run, before any test file starts. Test files run
 * two at a time (vitest.config.ts), and a build empties `dist/assessment-dashboard` first: a file building
 * it again while another served or copied it left that one a half-written bundle (a demo page that never
 * painted its tiles).
 */
export default async function buildOnce(): Promise<void> {
  await promisify(execFile)('npm', ['run', 'build'], {
    cwd: join(import.meta.dirname, '..'),
    maxBuffer: 1 << 24,
  });
}
