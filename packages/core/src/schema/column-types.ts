import type { FieldDef } from './types.ts';

/** DuckDB column type a canonical field is stored as. */
export function sqlType(field: FieldDef): string {
  switch (field.type) {
    case 'int':
      return 'INTEGER';
    case 'decimal':
      return 'DOUBLE';
    case 'bool':
      return 'BOOLEAN';
    case 'datetime':
      return 'TIMESTAMP';
    case 'date':
      return 'DATE';
    case 'dates':
      return 'DATE[]';
    default:
      return 'VARCHAR';
  }
}

/** Each column a field is stored as, with its DuckDB type (a limit is two: `<key>_value`, `<key>_unit`). */
export const fieldColumnTypes = (field: FieldDef): [string, string][] =>
  field.type === 'limit'
    ? [
        [`${field.key}_value`, 'INTEGER'],
        [`${field.key}_unit`, 'VARCHAR'],
      ]
    : [[field.key, sqlType(field)]];

/** Column names a field is stored under. */
export const fieldColumns = (field: FieldDef): string[] => fieldColumnTypes(field).map(([c]) => c);
