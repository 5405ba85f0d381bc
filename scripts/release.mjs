// `npm run release [-- OUT]`: the folder a web team downloads and copies to its server:
// OUT/assessment-dashboard-<version>/ (the built element folder without source maps, a README for webmasters in zh
// and en, LICENSE, CHANGELOG.md, SHA256SUMS) and OUT/assessment-dashboard-<version>.tgz of it (OUT: release/).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundleWithoutMaps } from './bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, 'packages/elements/package.json'), 'utf8'));
const out = resolve(process.argv[2] ?? join(ROOT, 'release'));
const name = `assessment-dashboard-${version}`;
const folder = join(out, name);

buildBundleWithoutMaps(folder);
const readme = readFileSync(join(ROOT, 'scripts/release/README.md'), 'utf8');
writeFileSync(join(folder, 'README.md'), readme.replaceAll('{{version}}', version));
cpSync(join(ROOT, 'LICENSE'), join(folder, 'LICENSE'));
cpSync(join(ROOT, 'CHANGELOG.md'), join(folder, 'CHANGELOG.md'));

// `sha256sum -c` format: hash, two spaces, path relative to the folder with forward slashes.
const files = readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => relative(folder, join(d.parentPath, d.name)).split(sep).join('/'))
  .sort();
const sums = files.map(
  (f) =>
    `${createHash('sha256')
      .update(readFileSync(join(folder, f)))
      .digest('hex')}  ${f}`,
);
writeFileSync(join(folder, 'SHA256SUMS'), `${sums.join('\n')}\n`);

const tgz = join(out, `${name}.tgz`);
execFileSync('tar', ['-czf', tgz, '-C', out, name]);
console.log(
  `release: ${relative(process.cwd(), folder)}/ (${files.length + 1} files) and ${relative(process.cwd(), tgz)}`,
);
