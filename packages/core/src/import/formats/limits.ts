/**
 * Most rows (and values per column) a binary export may declare. Damaged counts can ask the Arrow and
 * Parquet libraries for billions of values from a few bytes, which freezes the page; no export this
 * importer is meant for comes near this, and the text the readers build would not fit in memory anyway.
 */
export const MAX_DECLARED_ROWS = 10_000_000;
