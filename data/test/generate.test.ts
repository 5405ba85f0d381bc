import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAll, writeAll } from '../generate/index.ts';

/** "Same seed, same files": the sample data is reproducible, and the committed files are what it gives. */
const DATA = join(import.meta.dirname, '..');
const FILES = [
  'cases.csv',
  'disclosures.csv',
  'hotline.csv',
  'items.csv',
  'receipts.csv',
  'requests.csv',
  'steps.csv',
];
const SMALL = { cases: 600, disclosures: 120, requests: 40, tickets: 200 };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ad-generate-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('data/generate', () => {
  it('writes byte-identical files for the same seed and volumes, other files for another seed', () => {
    const [a, b] = [tempDir(), tempDir()];
    const quiet = () => {};
    writeAll(a, 7, SMALL, quiet);
    writeAll(b, 7, SMALL, quiet);
    expect(readdirSync(a).sort()).toEqual(FILES);
    for (const f of FILES) {
      expect(sha256(readFileSync(join(b, f))), f).toBe(sha256(readFileSync(join(a, f))));
    }
    // The volumes are the data rows written (a header line and a final newline around them).
    const lines = (f: string) => readFileSync(join(a, f), 'utf8').split('\n').length - 2;
    expect([
      lines('cases.csv'),
      lines('disclosures.csv'),
      lines('requests.csv'),
      lines('hotline.csv'),
    ]).toEqual([600, 120, 40, 200]);
    const other = generateAll(8, SMALL);
    expect(other['cases.csv']).not.toBe(readFileSync(join(a, 'cases.csv'), 'utf8'));
  });

  it('reproduces the committed data/*.csv byte for byte at the default volumes', { timeout: 120_000 }, () => {
    const fresh = generateAll();
    expect(Object.keys(fresh).sort()).toEqual(FILES);
    for (const [name, text] of Object.entries(fresh)) {
      expect(sha256(Buffer.from(text, 'utf8')), name).toBe(sha256(readFileSync(join(DATA, name))));
    }
  });
});
