import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

/** `npm run release`: the folder a web team downloads, its checksums and its archive. */
const run = promisify(execFile);
let out: string;
let folder: string;
let version: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'ad-release-'));
  ({ version } = JSON.parse(await readFile(join(ROOT, 'packages/elements/package.json'), 'utf8')) as {
    version: string;
  });
  await run('npm', ['run', 'release', '--', out], { cwd: ROOT, maxBuffer: 1 << 24 });
  folder = join(out, `assessment-dashboard-${version}`);
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const filesIn = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();

describe('npm run release', () => {
  it('writes the deploy folder without source maps, with a bilingual README, LICENSE and CHANGELOG', async () => {
    const files = await filesIn(folder);
    for (const f of [
      'assessment-dashboard.js',
      'duckdb/duckdb-eh.wasm',
      'duckdb/duckdb-browser-eh.worker.js',
      'duckdb/duckdb-mvp.wasm',
      'duckdb/duckdb-browser-mvp.worker.js',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'SHA256SUMS',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // The bundle must not point at the maps it no longer has.
    const entry = await readFile(join(folder, 'assessment-dashboard.js'), 'utf8');
    expect(entry).not.toMatch(/sourceMappingURL=\S+\.map/);
    const readme = await readFile(join(folder, 'README.md'), 'utf8');
    expect(readme).toContain(`assessment-dashboard ${version}`);
    expect(readme).toContain('部署步骤');
    expect(readme).toContain('Deploying');
    expect(readme).toContain('application/wasm');
  });

  it('lists every other file in SHA256SUMS with its true hash', async () => {
    const sums = (await readFile(join(folder, 'SHA256SUMS'), 'utf8')).trimEnd().split('\n');
    const listed = sums.map((line) => {
      const [hash, file] = line.split('  ');
      return { hash, file: file ?? '' };
    });
    expect(listed.map((l) => l.file)).toEqual((await filesIn(folder)).filter((f) => f !== 'SHA256SUMS'));
    for (const { hash, file } of listed) {
      const actual = createHash('sha256')
        .update(await readFile(join(folder, file)))
        .digest('hex');
      expect(actual, file).toBe(hash);
    }
    // And the standard tool agrees.
    const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, maxBuffer: 1 << 20 });
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .every((l) => l.endsWith(': OK')),
    ).toBe(true);
  });

  it('archives exactly that folder as a .tgz', async () => {
    const { stdout } = await run('tar', ['-tzf', join(out, `assessment-dashboard-${version}.tgz`)], {
      maxBuffer: 1 << 20,
    });
    const archived = stdout
      .split('\n')
      .filter((l) => l && !l.endsWith('/'))
      .map((l) => l.replace(`assessment-dashboard-${version}/`, ''))
      .sort();
    expect(archived).toEqual(await filesIn(folder));
  });
});
