// The element folder exactly as `npm run build` makes it (`vite build` + copy-duckdb-assets.mjs), but built
// into a folder of its own — never copied from dist/assessment-dashboard/, which a concurrent `npm run build`
// (another e2e test) may be emptying — and without source maps or the comments that point at them.
// Used for the npm package (build-packages.mjs) and the release folder (release.mjs).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function buildBundleWithoutMaps(dir) {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const run = (args) =>
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  run([vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error']);
  run([join(ROOT, 'scripts/copy-duckdb-assets.mjs'), dir]);
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const file = join(d.parentPath, d.name);
    if (d.name.endsWith('.map')) rmSync(file);
    else if (d.name.endsWith('.js')) {
      const code = readFileSync(file, 'utf8');
      const stripped = code.replace(/\n\/\/# sourceMappingURL=\S+\.map\s*$/, '\n');
      if (stripped !== code) writeFileSync(file, stripped);
    }
  }
}
