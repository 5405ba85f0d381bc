// `npm run build:packages`: the publishable form of every workspace package.
// - core, charts, cli: JavaScript and .d.ts from `tsc -b` (packages/tsconfig.build.json) into dist/;
// - assessment-dashboard (packages/elements): the element folder without source maps (bundle, chunks and
//   duckdb/ assets) in dist/, its .d.ts in types/, and custom-elements.json with paths into the package.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundleWithoutMaps } from './bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ELEMENTS = join(ROOT, 'packages/elements');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-b', join(ROOT, 'packages/tsconfig.build.json')], { stdio: 'inherit' });

buildBundleWithoutMaps(join(ELEMENTS, 'dist'));

writeFileSync(join(ELEMENTS, 'custom-elements.json'), `${JSON.stringify(packageManifest(), null, 2)}\n`);

// LICENSE in every package (npm packs only what is inside the package folder).
for (const pkg of ['core', 'charts', 'cli', 'elements']) {
  cpSync(join(ROOT, 'LICENSE'), join(ROOT, 'packages', pkg, 'LICENSE'));
}
console.log(
  'packages built: core, charts, cli (dist/), assessment-dashboard (dist/, types/, custom-elements.json)',
);

/**
 * The repository's manifest with module paths into the package: the entry module is the bundle that
 * registers the elements, every other module its declaration file in types/.
 */
function packageManifest() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
  const SRC = 'packages/elements/src/';
  // Paths are repository-relative, sometimes with a leading "/", or "./…" relative to their module.
  const toPackage = (path, moduleDir) => {
    const repo = path.startsWith('./') ? posix.join(moduleDir, path) : path.replace(/^\//, '');
    const rel = repo.slice(SRC.length);
    return rel === 'index.ts' ? 'dist/assessment-dashboard.js' : `types/${rel.replace(/\.ts$/, '.d.ts')}`;
  };
  const rewrite = (node, moduleDir) => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, moduleDir));
    if (!node || typeof node !== 'object') return node;
    const copy = {};
    for (const [key, value] of Object.entries(node)) {
      copy[key] =
        (key === 'path' || key === 'module') && typeof value === 'string' && value.endsWith('.ts')
          ? toPackage(value, moduleDir)
          : rewrite(value, moduleDir);
    }
    return copy;
  };
  return {
    ...manifest,
    modules: manifest.modules.map((m) => rewrite(m, posix.dirname(m.path))),
  };
}
