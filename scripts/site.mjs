// Composes a demo site: the built element folder, the sample data and the plain HTML demo pages.
import { cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The sample exports the demo pages load. */
export const DATA = [
  'cases.csv',
  'disclosures.csv',
  'requests.csv',
  'hotline.csv',
  'items.csv',
  'steps.csv',
  'receipts.csv',
];

/** Writes the site into `out` (replacing it) from `dist/assessment-dashboard`, `demo/` and `data/`. */
export async function buildSite(out = join(root, 'dist/demo')) {
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'data'), { recursive: true });
  await cp(join(root, 'dist/assessment-dashboard'), join(out, 'assessment-dashboard'), { recursive: true });
  await cp(join(root, 'demo'), out, { recursive: true });
  for (const f of DATA) await cp(join(root, 'data', f), join(out, 'data', f));
  return out;
}
