// Moves the source maps out of the deploy folder (`npm run build`): dist/assessment-dashboard/ then holds only
// what a web server needs, and the maps wait in a folder of their own for whoever debugs the bundle (load one
// in the browser's developer tools; the bundle does not point at them, `sourcemap: 'hidden'` in vite.config.ts).
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const [from = 'dist/assessment-dashboard', to = 'dist/sourcemaps'] = process.argv.slice(2);
// The maps of this build only: chunk names carry hashes, so older maps would pile up.
rmSync(to, { recursive: true, force: true });
let moved = 0;
for (const d of readdirSync(from, { recursive: true, withFileTypes: true })) {
  if (!d.isFile() || !d.name.endsWith('.map')) continue;
  const target = join(to, relative(from, join(d.parentPath, d.name)));
  mkdirSync(dirname(target), { recursive: true });
  renameSync(join(d.parentPath, d.name), target);
  moved++;
}
console.log(`moved ${moved} source maps from ${from} to ${to}`);
