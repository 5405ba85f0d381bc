import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { Admission } from './query/admission.ts';
import { type QueryBackend, Refusal, type Stages } from './query/backend.ts';
import { type Answer, type CacheSource, ResultCache } from './query/cache.ts';
import { encodeResult, type ResultType } from './query/encode.ts';

/** Every limit of the query server; README ("A query server") documents the defaults. */
export interface QueryServerLimits {
  /** Rows in one result (default 1,000,000). */
  maxRows: number;
  /** Bytes of one encoded result, Arrow or JSON (default 32 MiB): over it the answer is 413. */
  maxBytes: number;
  /** One request from arrival to the last byte sent: queue, execution *and* transfer (default 30 s; at least 5 s to send a finished answer). */
  timeoutMs: number;
  /** Statements running at once (default: the backend's connections). */
  running: number;
  /** Statements waiting for a slot before 503 (default 64). */
  queue: number;
  /** Running + waiting statements per client (its address and Origin; default 32). */
  perClient: number;
  /** Bytes of finished answers kept for identical requests (default 256 MiB; 0 turns the cache off). */
  cacheBytes: number;
  /** Request body size (default 1 MiB). */
  maxBodyBytes: number;
  /** Time to receive a request's headers (default 10 s); a connection that sends none is closed. */
  headersTimeoutMs: number;
  /** Time to receive a whole request (default 30 s). */
  requestTimeoutMs: number;
  /**
   * An idle keep-alive connection is closed after this (default 30 s: long enough that a busy client
   * rarely reuses a connection the server is closing; connections that never send a request are bounded
   * by the header timeout instead).
   */
  keepAliveTimeoutMs: number;
  /** How often Node checks the header and request timeouts (default 1 s). */
  checkIntervalMs: number;
  /** Open connections at most (default 1024); more are closed at once. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: Omit<QueryServerLimits, 'running'> = {
  maxRows: 1_000_000,
  maxBytes: 32 * 1024 * 1024,
  timeoutMs: 30_000,
  queue: 64,
  perClient: 32,
  cacheBytes: 256 * 1024 * 1024,
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
  maxConnections: 1024,
};

export interface QueryServerOptions extends Partial<QueryServerLimits> {
  port?: number;
  /** Interface to listen on; loopback unless the operator says otherwise. */
  host?: string;
  /** Origins allowed to call from a browser (CORS); `*` allows any. None by default: same origin only. */
  cors?: readonly string[];
  /**
   * Names this server may be called by (the `Host` header), besides its listen address (and `localhost`
   * when that is loopback): a page on another name that resolves here (DNS rebinding) is refused.
   */
  allowedHosts?: readonly string[];
  /**
   * Sends each answer's stages as `Server-Timing` (cache hit/shared/miss; queue, prepare, check, exec,
   * encode, total in ms), for load tests and tuning. Off by default: it tells a caller whether others asked the same.
   */
  serverTiming?: boolean;
}

export interface QueryServerStats {
  running: number;
  waiting: number;
  inFlight: number;
  cacheHits: number;
  cacheMisses: number;
}

export interface QueryServer {
  url: string;
  server: Server;
  limits: QueryServerLimits;
  stats(): QueryServerStats;
  /**
   * Answers one statement (Arrow) exactly as a POST from `client` would be answered (admission, cache,
   * budgets), without HTTP: for the warm-up at start.
   */
  ask(sql: string, client: string): Promise<Buffer>;
  /** Stops accepting, lets the requests in flight finish (up to their time budget), then closes. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The hostname of a Host header (`name`, `name:port`, `[v6]:port`), lower case. */
function hostName(host: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(host) ?? /^([^:]+)(?::\d+)?$/.exec(host);
  return (m?.[1] ?? host).toLowerCase();
}

/** Whether a browser Origin names this server itself ("null" and malformed origins never do). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // The rest of the body is never read: the connection cannot carry another request.
    if (size > max) throw new Refusal(413, `request body over ${max} bytes`, { Connection: 'close' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(body: string): { type: ResultType | 'exec'; sql: string } {
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

/** Time always left to send a finished answer, whatever the time budget has left. */
const MIN_TRANSFER_MS = 5_000;

const CONTENT_TYPES: Record<ResultType, string> = {
  arrow: 'application/vnd.apache.arrow.stream',
  json: 'application/json',
};

/**
 * The read-only query endpoint behind `assessment-dashboard serve`: Mosaic's REST protocol in front of a
 * QueryBackend. Engine-agnostic: the Host and Origin checks, the body limit, admission (concurrency, queue,
 * 503), the result cache, encoding within the byte budget and the time budget over execution and transfer
 * are the same whatever database answers.
 */
export async function startQueryServer(
  backend: QueryBackend,
  options: QueryServerOptions = {},
): Promise<QueryServer> {
  const limits: QueryServerLimits = {
    ...DEFAULT_LIMITS,
    running: backend.slots,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as QueryServerLimits;
  limits.running = Math.min(limits.running, backend.slots);
  const allowed = new Set(options.cors ?? []);
  const host = options.host ?? '127.0.0.1';
  const wildcard = host === '0.0.0.0' || host === '::';
  const names = new Set([hostName(host), ...(options.allowedHosts ?? []).map(hostName)]);
  if (LOOPBACK.has(hostName(host))) for (const n of LOOPBACK) names.add(n);
  const admission = new Admission({ ...limits, retryAfterS: 1 });
  const cache = new ResultCache(limits.cacheBytes);
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;

  const checkHost = (req: IncomingMessage) => {
    const name = hostName(req.headers.host ?? '');
    // Listening on every interface with no names given: IP literals only (a rebinding page comes by name).
    if (names.has(name) || (wildcard && isIP(name))) return;
    throw new Refusal(
      421,
      `Host "${req.headers.host ?? ''}" is not a name of this server (serve --allowed-hosts lists others)`,
    );
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

  /** Runs the statement within the budgets; the deadline covers execution here and transfer in `send`. */
  const execute = async (type: ResultType, sql: string, client: string, deadline: number, stages: Stages) => {
    const queued = performance.now();
    const release = await admission.enter(client, deadline);
    stages.queue = performance.now() - queued;
    const timedOut = () => new Refusal(408, `query ran over ${limits.timeoutMs} ms and was cancelled`);
    if (Date.now() >= deadline) {
      // It waited its whole budget in the queue: not started at all.
      release();
      throw timedOut();
    }
    const abort = new AbortController();
    const left = deadline - Date.now();
    const timer = setTimeout(() => abort.abort(timedOut()), Math.max(0, left));
    try {
      const body = await backend.run(
        sql,
        abort.signal,
        (result) => encodeResult(result, type, limits, stages),
        stages,
      );
      return { body, contentType: CONTENT_TYPES[type] } satisfies Answer;
    } finally {
      clearTimeout(timer);
      release();
    }
  };

  /** The answer from the cache, from an identical statement running, or computed now (`stages` then filled). */
  const answer = (type: ResultType, sql: string, client: string, deadline: number) => {
    const stages: Stages = {};
    const run = () => execute(type, sql, client, deadline, stages);
    const key = `${backend.dataVersion}\0${type}\0${sql}`;
    const { source, answer } =
      limits.cacheBytes > 0 ? cache.get(key, run) : { source: 'miss' as CacheSource, answer: run() };
    return { source, answer, stages };
  };

  /** `Server-Timing`: where the answer came from and, when computed for this request, its stages. */
  const serverTiming = (source: CacheSource, stages: Stages, arrived: number) =>
    [
      `cache;desc=${source}`,
      ...(source === 'miss' ? Object.entries(stages).map(([k, v]) => `${k};dur=${v.toFixed(1)}`) : []),
      `total;dur=${(performance.now() - arrived).toFixed(1)}`,
    ].join(', ');

  const send = (
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: Buffer | string,
    deadline: number,
  ) => {
    // A client that does not read its answer must not hold the server past the time budget; an answer
    // finished just before the deadline (it waited in the queue, or for an identical query) still gets a
    // short window to be sent.
    const timer = setTimeout(() => res.destroy(), Math.max(MIN_TRANSFER_MS, deadline - Date.now()));
    res.once('close', () => clearTimeout(timer));
    res.writeHead(status, headers).end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const arrived = performance.now();
    const deadline = Date.now() + limits.timeoutMs;
    checkHost(req);
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
        dataVersion: backend.dataVersion,
      };
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(info));
      return;
    }
    if (req.method !== 'POST') throw new Refusal(405, 'use POST');
    const { type, sql } = parseRequest(await readBody(req, limits.maxBodyBytes));
    if (type === 'exec') throw new Refusal(403, 'this server is read-only: "exec" requests are refused');
    if (draining)
      throw new Refusal(503, 'server is shutting down', { 'Retry-After': '5', Connection: 'close' });
    // Address and Origin together: every user of one portal page shares its Origin, not its address.
    const client = `${req.socket.remoteAddress ?? ''} ${origin ?? ''}`;
    const asked = answer(type, sql, client, deadline);
    const done = await asked.answer;
    const headers: Record<string, string> = {
      ...cors,
      'Content-Type': done.contentType,
      'X-Data-Version': backend.dataVersion,
    };
    if (options.serverTiming) headers['Server-Timing'] = serverTiming(asked.source, asked.stages, arrived);
    send(res, 200, headers, done.body, deadline);
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    (req, res) => {
      // In flight until the last byte is sent (or the connection drops), not only until it is computed.
      inFlight++;
      res.once('close', () => {
        inFlight--;
        if (draining && inFlight === 0) drained?.();
      });
      handle(req, res).catch((e: unknown) => {
        const refusal = e instanceof Refusal ? e : undefined;
        const message = e instanceof Error ? e.message : String(e);
        if (!res.headersSent)
          send(
            res,
            refusal?.status ?? 500,
            { ...corsHeaders(req), ...refusal?.headers, 'Content-Type': 'application/json' },
            JSON.stringify({ error: message }),
            Date.now() + limits.timeoutMs,
          );
      });
    },
  );
  // Every phase of a connection is bounded: headers (headersTimeout), the body (requestTimeout), the answer
  // (the time budget) and idleness after it (keepAliveTimeout); Node's defaults held them for minutes.
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, ok);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    server,
    limits,
    stats: () => ({
      running: admission.running,
      waiting: admission.waiting,
      inFlight,
      cacheHits: cache.hits,
      cacheMisses: cache.misses,
    }),
    ask: async (sql, client) =>
      (await answer('arrow', sql, client, Date.now() + limits.timeoutMs).answer).body,
    close: async () => {
      draining = true;
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const grace = setTimeout(() => server.closeAllConnections(), limits.timeoutMs + 1000);
        await new Promise<void>((ok) => {
          drained = ok;
        });
        clearTimeout(grace);
      }
      server.closeIdleConnections();
      await closed;
    },
  };
}
