import { NodeEngine } from '@assessment-dashboard/core/node';
import { describe, expect, it } from 'vitest';
import { duckdbBackend } from '../src/query/duckdb-backend.ts';

// Closing the query server's backend while a statement runs (a request cancelled as the server stops)
// must wait for that statement to stop before closing its connection: closing a connection under a
// running or interrupted statement crashed the test process now and then.

describe('the DuckDB backend', () => {
  it('closes its connections only once a cancelled statement has stopped', async () => {
    const engine = await NodeEngine.create({ threads: 1 });
    await engine.exec('CREATE TABLE cases AS SELECT 1 AS x');
    const backend = await duckdbBackend(engine, { connections: 2, dataVersion: 'test' });
    const events: string[] = [];
    const stop = new AbortController();
    const long = backend
      .run('SELECT count(*) AS n FROM range(100000000000)', stop.signal, async (r) => r)
      .then(
        () => events.push('statement ended'),
        () => events.push('statement stopped'),
      );
    await new Promise((r) => setTimeout(r, 200));
    stop.abort(new Error('the server is closing'));
    const closed = backend.close().then(() => events.push('closed'));
    await Promise.all([long, closed]);
    expect(events).toEqual(['statement stopped', 'closed']);
    await engine.close();
  }, 60_000);
});
