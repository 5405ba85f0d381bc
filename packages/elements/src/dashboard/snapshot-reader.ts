/**
 * The snapshot reader alone, for a dynamic import: importing the core entry's namespace dynamically
 * would keep its writer (and the Arrow encoder) in the chunk too.
 */
export { readSnapshot } from '@assessment-dashboard/core/snapshot';
