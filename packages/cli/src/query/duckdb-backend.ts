import {
  type NodeEngine,
  type NodeReader,
  type PreparedRead,
  StatementType,
} from '@assessment-dashboard/core/node';
import { addStage, type QueryBackend, type QueryResult, Refusal, type Stages } from './backend.ts';
import { refusalOf } from './duckdb-allow-list.ts';

const STATEMENT_NAMES = Object.fromEntries(
  Object.entries(StatementType).map(([name, value]) => [value, name]),
) as Record<number, string>;

/**
 * Native DuckDB behind the query server: a pool of connections on the one (locked-down) database, so
 * statements run side by side; each request is checked on DuckDB's own parse (one SELECT, allow-listed
 * tables and functions) on the connection that then runs it.
 */
export async function duckdbBackend(
  engine: NodeEngine,
  options: { connections: number; dataVersion: string },
): Promise<QueryBackend> {
  const readers: NodeReader[] = [];
  for (let i = 0; i < options.connections; i++) readers.push(await engine.reader());
  const first = readers[0];
  if (!first) throw new Error('serve: at least one connection is needed');
  const tables = await loadedTables(first);
  const free = [...readers];
  // Statements running: a connection is closed only once its statement has stopped (closing it under a
  // running or interrupted statement crashed the process now and then).
  let running = 0;
  const idle: (() => void)[] = [];

  return {
    dataVersion: options.dataVersion,
    slots: readers.length,
    async run<T>(
      sql: string,
      signal: AbortSignal,
      consume: (result: QueryResult) => Promise<T>,
      stages?: Stages,
    ) {
      // The front admits at most `slots` statements, so a connection is always free here.
      const reader = free.pop();
      if (!reader) throw new Refusal(503, 'no free connection', { 'Retry-After': '1' });
      running++;
      // An interrupt that lands between two steps (the check, the start of the statement) is lost, so it is
      // repeated until the statement has stopped.
      let repeat: NodeJS.Timeout | undefined;
      const cancel = () => {
        reader.interrupt();
        repeat = setInterval(() => reader.interrupt(), 50);
      };
      signal.addEventListener('abort', cancel);
      try {
        signal.throwIfAborted();
        let from = performance.now();
        let prepared: PreparedRead;
        try {
          prepared = await reader.prepare(sql);
        } catch (e) {
          throw await unpreparable(reader, sql, e);
        }
        addStage(stages, 'prepare', from);
        from = performance.now();
        let result: QueryResult;
        try {
          refuseUnlessOneSelect(prepared.count, prepared.type);
          await refuseUnlisted(reader, sql, tables);
          addStage(stages, 'check', from);
          from = performance.now();
          // The statement as parsed and bound for the check: it is not parsed a second time.
          result = await prepared.stream();
          addStage(stages, 'exec', from);
        } finally {
          prepared.close();
        }
        return await consume(result);
      } catch (e) {
        if (signal.aborted) throw signal.reason;
        if (e instanceof Refusal) throw e;
        throw new Refusal(400, (e as Error).message);
      } finally {
        signal.removeEventListener('abort', cancel);
        clearInterval(repeat);
        free.push(reader);
        if (--running === 0) for (const ok of idle.splice(0)) ok();
      }
    },
    async close() {
      if (running > 0) await new Promise<void>((ok) => idle.push(ok));
      for (const r of readers) r.close();
    },
  };
}

/** The tables of the database behind `reader` (lower case): the only ones a statement may read. */
export async function loadedTables(reader: NodeReader): Promise<Set<string>> {
  const rows = await reader.rows(
    "SELECT lower(table_name) AS name FROM information_schema.tables WHERE table_schema = 'main'",
  );
  return new Set(rows.map((r) => String(r.name)));
}

/**
 * Refuses (Refusal) what the endpoint will not run, judged on DuckDB's own parse: exactly one SELECT,
 * reading only `tables` and allow-listed functions.
 */
export async function checkStatement(reader: NodeReader, sql: string, tables: Set<string>): Promise<void> {
  let types: StatementType[];
  try {
    types = await reader.statementTypes(sql);
  } catch (e) {
    throw await unpreparable(reader, sql, e);
  }
  refuseUnlessOneSelect(types.length, types[0]);
  await refuseUnlisted(reader, sql, tables);
}

/**
 * The refusal of a statement DuckDB could not prepare: 400, unless the parse alone shows it is not a SELECT
 * (preparing binds too, and a write to a view, as the datasets are, fails binding before its type is
 * known), which is named by its first word where that is a statement type's (DELETE, INSERT, UPDATE …).
 */
async function unpreparable(reader: NodeReader, sql: string, e: unknown): Promise<Refusal> {
  if (await parsesAsSelect(reader, sql)) return new Refusal(400, (e as Error).message);
  const word = /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase();
  return notSelect(Object.values(STATEMENT_NAMES).find((n) => n === word));
}

/** Whether DuckDB's parser alone (no binding) reads `sql` as SELECT statements; a syntax error counts as one. */
async function parsesAsSelect(reader: NodeReader, sql: string): Promise<boolean> {
  const [row] = await reader.rows('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
  const tree = JSON.parse(String(row?.tree)) as { error?: boolean; error_message?: string };
  return !(tree.error && /only SELECT statements/i.test(tree.error_message ?? ''));
}

/** Refuses (403) anything but exactly one statement, a SELECT. */
function refuseUnlessOneSelect(count: number, type: StatementType | undefined): void {
  if (count !== 1) throw new Refusal(403, `send exactly one statement (got ${count})`);
  if (type !== StatementType.SELECT) throw notSelect(STATEMENT_NAMES[type as number]);
}

const notSelect = (name: string | undefined) =>
  new Refusal(
    403,
    `${name ?? 'this'} statements are not allowed: this endpoint answers single SELECT queries only`,
  );

/** Refuses (403) a statement that reads tables or functions off the allow-list, judged on DuckDB's parse tree. */
async function refuseUnlisted(reader: NodeReader, sql: string, tables: Set<string>): Promise<void> {
  const [row] = await reader.rows('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
  const why = refusalOf(JSON.parse(String(row?.tree)), tables);
  if (why) throw new Refusal(403, why);
}
