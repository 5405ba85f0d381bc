import { isBlankLabel } from '../schema/normalise-label.ts';
import type { FieldDef } from '../schema/types.ts';
import type { SqlValue } from '../sql/quote.ts';
import { type FieldParseOptions, parseBool, parseCode, parseLimit, trimLikeSql } from './parse-sql.ts';

/**
 * A coded, yes/no or time-limit field's typed columns for each of its distinct raw cells, in TypeScript:
 * output name → [cell as written, value or null]. The same values as the typing SQL (typed-columns.ts,
 * `outputs`); undefined for a field it does not type here (a coded field without its codes looked up).
 */
export function typeCellsTs(
  field: FieldDef,
  cells: readonly string[],
  options: FieldParseOptions,
): Map<string, Array<[string, SqlValue]>> | undefined {
  // cellSql: trimmed unless no cell has a space at its edge, '' is empty, and a coded "—" is blank.
  const value = (raw: string): string | null => {
    const v = options.untrimmed ? raw : trimLikeSql(raw);
    return v === '' || (field.type === 'enum' && isBlankLabel(v)) ? null : v;
  };
  switch (field.type) {
    case 'enum': {
      if (!options.codes) return undefined;
      const typed = cells.map((c): [string, SqlValue] => {
        const v = value(c);
        return [c, v === null ? null : parseCode(v, options)];
      });
      return new Map([[field.key, typed]]);
    }
    case 'bool':
      return new Map([
        [
          field.key,
          cells.map((c): [string, SqlValue] => {
            const v = value(c);
            return [c, v === null ? null : parseBool(v)];
          }),
        ],
      ]);
    case 'limit': {
      const limits = cells.map((c) => {
        const v = value(c);
        return [c, v === null ? [null, null] : parseLimit(v)] as const;
      });
      return new Map([
        [`${field.key}_value`, limits.map(([c, [n]]): [string, SqlValue] => [c, n])],
        [`${field.key}_unit`, limits.map(([c, [, unit]]): [string, SqlValue] => [c, unit])],
      ]);
    }
    default:
      return undefined;
  }
}
