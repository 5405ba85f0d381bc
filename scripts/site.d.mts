/** Writes the demo site into `out` (default dist/demo) and returns its path. */
export function buildSite(out?: string): Promise<string>;
