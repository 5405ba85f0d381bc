import type { NodeEngine } from '../../src/engine/node.ts';
import type { SqlValue } from '../../src/sql/quote.ts';

/** Every statement `engine` runs from now on, in order (cleared by the caller between imports). */
export function recordStatements(engine: NodeEngine): string[] {
  const statements: string[] = [];
  const exec = engine.exec.bind(engine);
  const query = engine.query.bind(engine);
  engine.exec = (sql: string) => {
    statements.push(sql);
    return exec(sql);
  };
  engine.query = (sql: string, params?: SqlValue[]) => {
    statements.push(sql);
    return query(sql, params);
  };
  return statements;
}
