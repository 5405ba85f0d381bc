// The engine-neutral workload of shared/BENCH-NOTES.md: 6 indicator queries, each materialised into JS,
// plus the same 6 restricted to one department ("cross-filter"). AS_OF judges open cases.
export const DEPT = '县市场监督管理局';
export const AS_OF = '2026-01-01 00:00:00';
export const AS_OF_MS = Date.UTC(2026, 0, 1);

/** Rounded figures every engine must agree on (cross-check). */
export function signature(r) {
  const round = (x) => (x == null ? null : Math.round(Number(x) * 1e6) / 1e6);
  const sortObj = (rows) =>
    Object.fromEntries(
      [...rows].map((x) => [String(x.k), round(x.v)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  return {
    total: round(r.total),
    online: round(r.online),
    closure: round(r.closure),
    overdue: round(r.overdue),
    hoursByDept: r.hoursByDept ? sortObj(r.hoursByDept) : undefined,
    byDomain: sortObj(r.byDomain),
  };
}
