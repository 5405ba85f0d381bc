/** Writes the demo site into `out` (default dist/demo) and returns its path. */
export function buildSite(out?: string): Promise<string>;
/** The sample exports the demo pages load. */
export const DATA: readonly string[];
