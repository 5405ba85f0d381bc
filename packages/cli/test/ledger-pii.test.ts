import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PII_REJECTS_COUNTS, piiRejectsCsv, RAW_PII } from '../../../test/fixtures/pii-rejects.ts';
import { serveFiles } from '../src/serve.ts';
import { runCli } from './run-cli.ts';

/** Rejected rows' personal data stays masked in `--ledger`, `--json` and a query server's answers. */
let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ad-ledger-pii-'));
  file = join(dir, 'pii.csv');
  await writeFile(file, piiRejectsCsv());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('personal data in rejected rows, outside the process', () => {
  it('validate --ledger writes the masked ledger; --json prints masked entries', async () => {
    const out = join(dir, 'ledger.csv');
    const r = await runCli('validate', file, '--ledger', out, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.import).toMatchObject(PII_REJECTS_COUNTS);
    expect(json.import.ledger).toHaveLength(7);
    const csv = await readFile(out, 'utf8');
    expect(csv).toContain('cases,pii.csv,4,closed_at,unparseable_datetime,warning,110105********002X');
    for (const raw of RAW_PII) {
      expect(csv).not.toContain(raw);
      expect(r.stdout).not.toContain(raw);
    }
  });

  it('a query server answers the ledger and the case table with masked values only', async () => {
    const served = await serveFiles([file], { timeoutMs: 5000 });
    try {
      const res = await fetch(served.server.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'json', sql: 'SELECT * FROM import_ledger' }),
      });
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(JSON.parse(body)).toHaveLength(7);
      expect(body).toContain('138****5678');
      for (const raw of RAW_PII) expect(body).not.toContain(raw);
      // The loaded rows (P1, P6) hold the same people: the case table answers masked values too.
      const cases = await fetch(served.server.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'json', sql: 'SELECT * FROM cases ORDER BY _row' }),
      });
      expect(cases.status).toBe(200);
      const rows = await cases.text();
      expect(JSON.parse(rows).map((r: { case_id: string }) => r.case_id)).toEqual(['P1', 'P6']);
      expect(rows).toContain('张**');
      for (const raw of RAW_PII) expect(rows).not.toContain(raw);
    } finally {
      await served.close();
    }
  });
});
