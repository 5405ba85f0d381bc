import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFiles } from '../src/serve.ts';

/** `serve` keeps its database in a file on disk, which it removes on close and never overwrites. */
const ITEMS = fileURLToPath(new URL('../../../data/items.csv', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serve-db-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('serve --db-file', () => {
  it('holds the loaded tables in the named file while serving and removes it on close', async () => {
    const path = join(dir, 'work.duckdb');
    const served = await serveFiles([ITEMS], { database: path });
    try {
      expect(existsSync(path)).toBe(true);
      const r = await fetch(served.server.url, {
        method: 'POST',
        body: JSON.stringify({ type: 'json', sql: 'SELECT count(*) AS n FROM items' }),
      });
      // data/items.csv has 279 rows, all loaded (see the import tests).
      expect(await r.json()).toEqual([{ n: 279 }]);
    } finally {
      await served.close();
    }
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.wal`)).toBe(false);
  }, 60_000);

  it('refuses a file that exists already and leaves it as it was', async () => {
    const path = join(dir, 'mine.duckdb');
    await writeFile(path, 'not a database');
    await expect(serveFiles([ITEMS], { database: path })).rejects.toThrow(/exists already/);
    expect(existsSync(path)).toBe(true);
  });
});
