/**
 * What a dashboard's SQL may reference on `serve`, checked on DuckDB's own parse tree
 * (`json_serialize_sql`), never on the text: the loaded tables, CTEs, two catalogue views the dashboard
 * reads (which tables and columns exist), and the table functions its SQL uses. Everything else that
 * reveals the server (settings, paths, limits, the catalogue's internals) is refused: `current_setting()`,
 * `duckdb_settings()`, `pg_settings`, `SHOW`, `DESCRIBE`, `SUMMARIZE`, `PRAGMA`.
 */
export const TABLE_FUNCTIONS: ReadonlySet<string> = new Set(['range', 'generate_series', 'unnest']);
const CATALOGUE_VIEWS: ReadonlySet<string> = new Set(['tables', 'columns']);
/** Scalar functions that read the server's settings or internals rather than the data. */
/** (`current_database()` stays: the dashboard reads the catalogue with it, and it only says "memory".) */
const HIDDEN_FUNCTION =
  /^(current_setting|getvariable|current_schemas?|duckdb_\w*|pg_\w*|pragma_\w*|has_\w*_privilege)$/i;

type Node = Record<string, unknown>;

/** Why `tree` (one statement's `json_serialize_sql` output) is refused, or undefined when it is allowed. */
export function refusalOf(tree: unknown, tables: ReadonlySet<string>): string | undefined {
  const parsed = tree as { error?: boolean; error_message?: string; statements?: unknown[] };
  if (parsed.error)
    return `only plain SELECT queries are answered here (${parsed.error_message ?? 'not a SELECT'})`;
  return walk(parsed.statements, tables, new Set());
}

function walk(value: unknown, tables: ReadonlySet<string>, ctes: ReadonlySet<string>): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const why = walk(v, tables, ctes);
      if (why) return why;
    }
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const node = value as Node;
  const map = (node.cte_map as { map?: { key?: unknown }[] } | undefined)?.map;
  const scope = map?.length ? new Set([...ctes, ...map.map((e) => String(e.key).toLowerCase())]) : ctes;
  const why = check(node, tables, scope);
  if (why) return why;
  for (const v of Object.values(node)) {
    const inner = walk(v, tables, scope);
    if (inner) return inner;
  }
  return undefined;
}

function check(node: Node, tables: ReadonlySet<string>, ctes: ReadonlySet<string>): string | undefined {
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : '');
  switch (node.type) {
    case 'SHOW_REF':
      return 'SHOW, DESCRIBE and SUMMARIZE are not answered here';
    case 'TABLE_FUNCTION': {
      const name = lower((node.function as Node | undefined)?.function_name);
      return TABLE_FUNCTIONS.has(name)
        ? undefined
        : `table function ${name}() is not allowed here (allowed: ${[...TABLE_FUNCTIONS].join(', ')})`;
    }
    case 'BASE_TABLE': {
      const [catalog, schema, table] = [node.catalog_name, node.schema_name, node.table_name].map(lower);
      const where = [catalog, schema, table].filter(Boolean).join('.');
      if (catalog && catalog !== 'memory') return `${where} is not a table of this server`;
      if (schema === 'information_schema')
        return CATALOGUE_VIEWS.has(table ?? '') ? undefined : `${where} is not answered here`;
      if (schema && schema !== 'main') return `${where} is not a table of this server`;
      return tables.has(table ?? '') || (!schema && ctes.has(table ?? ''))
        ? undefined
        : `${where} is not a table of this server`;
    }
    case 'FUNCTION':
      return HIDDEN_FUNCTION.test(lower(node.function_name))
        ? `function ${lower(node.function_name)}() is not allowed here`
        : undefined;
    default:
      return undefined;
  }
}
