import type { DatasetDef, RoleDef } from './types.ts';

/**
 * Everything a file of `def` must hold: its roles (filled by any one of several fields) and each
 * `required` field as a role of its own. One list, so the importer, detection and the mapping screen agree.
 */
export function requiredRoles(def: DatasetDef): RoleDef[] {
  const singles = def.fields
    .filter((f) => f.required)
    .map((f) => ({ key: f.key, label: { zh: f.zh, en: f.key }, fields: [f.key] }));
  return [...singles, ...(def.roles ?? [])];
}

/** Roles none of whose fields is among `present` (canonical keys the file has columns for). */
export function missingRoles(def: DatasetDef, present: Iterable<string>): RoleDef[] {
  const have = new Set(present);
  return requiredRoles(def).filter((r) => !r.fields.some((k) => have.has(k)));
}

/** Human-readable name of a role, e.g. `受理时间 / 申请时间 (accepted_at | submitted_at)`. */
export function roleText(def: DatasetDef, role: RoleDef): string {
  const zh = role.fields.map((k) => def.fields.find((f) => f.key === k)?.zh ?? k);
  return `${zh.join(' / ')} (${role.fields.join(' | ')})`;
}
