// Copies the built folder (dist/assessment-dashboard/) without its source maps, and without the
// `sourceMappingURL` comments that would point at them: for the npm package and the release folder.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function copyBundleWithoutMaps(from, to) {
  cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.map') });
  for (const d of readdirSync(to, { recursive: true, withFileTypes: true })) {
    if (!d.isFile() || !d.name.endsWith('.js')) continue;
    const file = join(d.parentPath, d.name);
    const code = readFileSync(file, 'utf8');
    const stripped = code.replace(/\n\/\/# sourceMappingURL=\S+\.map\s*$/, '\n');
    if (stripped !== code) writeFileSync(file, stripped);
  }
}
