import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real ClickHouse for tests: the embedded engine of npm `chdb` (Linux only) behind a loopback server that
 * speaks the parts of ClickHouse's HTTP interface the engine uses — the query in the body or `query=`
 * (with the body as INSERT data), `param_*` values, `default_format`, and any other URL parameter as a
 * setting — so ClickHouseEngine is tested over HTTP against real ClickHouse SQL, as in production.
 */
type Chdb = typeof import('chdb');
let chdb: Chdb | undefined;
let loadError = '';
try {
  chdb = await import('chdb');
} catch (e) {
  loadError = (e as Error).message;
}

/** Whether chdb loaded here; the ClickHouse tests are skipped (with this message) where it cannot. */
export const chdbAvailable = chdb !== undefined;
if (!chdbAvailable)
  console.warn(
    `ClickHouse tests skipped: npm chdb cannot load on this platform (${loadError.slice(0, 200)})`,
  );

const NOT_SETTINGS = new Set(['query', 'default_format', 'query_id', 'database', 'user', 'password']);

const ESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', "'": "'" };

/** A `param_` value in ClickHouse's escaped text form, as the HTTP server reads it before binding. */
function unescapeParam(v: string): string {
  return v.replaceAll(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

export interface ChdbServer {
  url: string;
  /** Queries received, newest last (tests assert on what the engine sent). */
  log: { sql: string; params: Record<string, string>; settings: Record<string, string> }[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startChdbServer(): Promise<ChdbServer> {
  if (!chdb) throw new Error('chdb is not available');
  const session = new chdb.Session();
  const dir = await mkdtemp(join(tmpdir(), 'chdb-server-'));
  const log: ChdbServer['log'] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let uploads = 0;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const data = await body(req);
    const params: Record<string, string> = {};
    const settings: Record<string, string> = {};
    for (const [k, v] of url.searchParams) {
      if (k.startsWith('param_')) params[k.slice(6)] = unescapeParam(v);
      else if (!NOT_SETTINGS.has(k)) settings[k] = v;
    }
    const queryParam = url.searchParams.get('query');
    let sql = queryParam ?? new TextDecoder().decode(data);
    if (queryParam !== null && data.length) {
      const m = /^\s*INSERT\s+INTO\s+(\S+)\s+FORMAT\s+(\w+)\s*$/i.exec(queryParam);
      if (!m) throw new Error(`unsupported insert: ${queryParam}`);
      const file = join(dir, `upload-${uploads++}`);
      await writeFile(file, data);
      sql = `INSERT INTO ${m[1]} FROM INFILE '${file}' FORMAT ${m[2]}`;
    }
    // `readonly` is checked here rather than SET: the one embedded session could never leave it again.
    const readOnly = settings.readonly;
    delete settings.readonly;
    if (readOnly && readOnly !== '0' && !/^\s*(SELECT|WITH|DESCRIBE|SHOW|EXPLAIN|KILL)\b/i.test(sql))
      throw new Error('Code: 164. DB::Exception: Cannot execute query in readonly mode. (READONLY)');
    log.push({ sql, params, settings });
    // Queries run one at a time here, so there is never another one to kill (and chdb would wait on it).
    if (/^\s*KILL\s+QUERY\b/i.test(sql)) {
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    const format = url.searchParams.get('default_format') ?? 'TabSeparated';
    const run = async () => {
      for (const [k, v] of Object.entries(settings)) {
        session.query(`SET ${k} = '${v.replaceAll("'", "''")}'`);
      }
      return session.queryBindAsync(sql, params, { format });
    };
    const result = queue.then(run, run);
    queue = result.catch(() => {});
    const out = await result;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Access-Control-Allow-Origin': '*' });
    res.end(out.bytes());
  }

  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': '*',
        'Access-Control-Allow-Methods': 'GET, POST',
      });
      res.end();
      return;
    }
    answer(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
      res.end(String((e as Error).message ?? e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await queue;
      session.cleanup();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
