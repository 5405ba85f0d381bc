import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type NodeEngine, StatementType } from '@assessment-dashboard/core/node';
import { tableToIPC } from 'apache-arrow';

export interface QueryServerOptions {
  port?: number;
  /** Interface to listen on; loopback unless the operator says otherwise. */
  host?: string;
  /** Origins allowed to call from a browser (CORS); `*` allows any. None by default: same origin only. */
  cors?: readonly string[];
  /** Results larger than this are refused rather than shipped (default 1,000,000 rows). */
  maxRows?: number;
  /** Statements running longer are interrupted (default 30 s). */
  timeoutMs?: number;
}

export interface QueryServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const STATEMENT_NAMES = Object.fromEntries(
  Object.entries(StatementType).map(([name, value]) => [value, name]),
) as Record<number, string>;

/** A refusal with its HTTP status; its message goes back to the caller as `{"error": …}`. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Whether a browser Origin names this server itself ("null" and malformed origins never do). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Refusal(413, `request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(body: string): { type: 'arrow' | 'json' | 'exec'; sql: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Refusal(400, 'request body is not JSON: send {"type": "arrow" | "json", "sql": "SELECT …"}');
  }
  const { type, sql } = (parsed ?? {}) as { type?: unknown; sql?: unknown };
  if (type !== 'arrow' && type !== 'json' && type !== 'exec')
    throw new Refusal(400, '"type" must be "arrow", "json" or "exec"');
  if (typeof sql !== 'string' || !sql.trim()) throw new Refusal(400, '"sql" must be a non-empty string');
  return { type, sql };
}

/**
 * The read-only query endpoint behind `assessment-dashboard serve`: Mosaic's REST protocol over native
 * DuckDB, answering exactly one SELECT per request. The allow-list is DuckDB's own parse of the
 * statement (its statement type), not a pattern match, and the session was locked down before the
 * server opened (no file access, no setting changes), so SELECT cannot read the disk either.
 */
export async function startQueryServer(
  engine: NodeEngine,
  options: QueryServerOptions = {},
): Promise<QueryServer> {
  const allowed = new Set(options.cors ?? []);
  const maxRows = options.maxRows ?? 1_000_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // One statement at a time: an interrupt must hit the statement that overran, not the next one.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };

  const run = async (sql: string) => {
    let types: StatementType[];
    try {
      types = await engine.statementTypes(sql);
    } catch (e) {
      throw new Refusal(400, (e as Error).message);
    }
    if (types.length !== 1) throw new Refusal(403, `send exactly one statement (got ${types.length})`);
    if (types[0] !== StatementType.SELECT)
      throw new Refusal(
        403,
        `${STATEMENT_NAMES[types[0] as number] ?? 'this'} statements are not allowed: this endpoint answers single SELECT queries only`,
      );
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      timer = setTimeout(() => {
        timedOut = true;
        engine.interrupt();
      }, timeoutMs);
      const table = await engine.query(sql);
      if (table.numRows > maxRows)
        throw new Refusal(413, `result has ${table.numRows} rows, over this server's limit of ${maxRows}`);
      return table;
    } catch (e) {
      if (timedOut) throw new Refusal(408, `query ran over ${timeoutMs} ms and was cancelled`);
      if (e instanceof Refusal) throw e;
      throw new Refusal(400, (e as Error).message);
    } finally {
      clearTimeout(timer);
    }
  };

  const corsHeaders = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    if (!origin || !(allowed.has('*') || allowed.has(origin))) return {};
    return {
      'Access-Control-Allow-Origin': allowed.has('*') ? '*' : origin,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const cors = corsHeaders(req);
    const origin = req.headers.origin;
    // A browser page from an origin not on the list gets nothing, not even an error it could read.
    if (origin && !cors['Access-Control-Allow-Origin'] && !sameHost(origin, req.headers.host))
      throw new Refusal(403, `origin ${origin} is not allowed (serve --cors)`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (req.method === 'GET') {
      const info = {
        server: 'assessment-dashboard serve',
        protocol: 'mosaic-rest',
        types: ['arrow', 'json'],
      };
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(info));
      return;
    }
    if (req.method !== 'POST') throw new Refusal(405, 'use POST');
    const { type, sql } = parseRequest(await readBody(req));
    if (type === 'exec') throw new Refusal(403, 'this server is read-only: "exec" requests are refused');
    const table = await serial(() => run(sql));
    if (type === 'arrow') {
      const bytes = tableToIPC(table, 'stream');
      res.writeHead(200, { ...cors, 'Content-Type': 'application/vnd.apache.arrow.stream' }).end(bytes);
    } else {
      const rows = table.toArray().map((r) => r.toJSON());
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(rows));
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof Refusal ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (!res.headersSent)
        res
          .writeHead(status, { ...corsHeaders(req), 'Content-Type': 'application/json' })
          .end(JSON.stringify({ error: message }));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, ok);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}/`,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
