/** Lines longer than `limit` bytes, noted by a scan as it meets their line feeds ([start, end) offsets). */
export interface LongLineNotes {
  limit: number;
  /** where the current line starts */
  lineStart: number;
  long: [number, number][];
}

/**
 * Scans `bytes` for well-formed UTF-8 (the WHATWG decoder's rule: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no stray or missing continuation bytes) without NUL bytes, for the sequences that start in
 * [from, stop). A sequence may run past `stop` (it is read from `bytes` as a whole), so pieces can be
 * scanned one after another. Returns where the next piece starts, or -1 at the first invalid or NUL byte.
 * About twice as fast as a fatal TextDecoder, which also builds the string nobody needs here. With
 * `lines`, it also notes the long lines (one pass over the bytes instead of two: register-file.ts).
 */
export function scanUtf8WithoutNul(
  bytes: Uint8Array,
  from: number,
  stop: number,
  lines?: LongLineNotes,
): number {
  const end = bytes.length;
  let i = from;
  while (i < stop) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      if (c < 0x0b) {
        if (c === 0) return -1;
        if (c === 10 && lines) {
          if (i - lines.lineStart > lines.limit) lines.long.push([lines.lineStart, i]);
          lines.lineStart = i + 1;
        }
      }
      i++;
    } else if (c < 0xc2) {
      return -1; // a continuation byte without a lead, or an overlong 2-byte lead
    } else if (c < 0xe0) {
      if (i + 1 >= end || ((bytes[i + 1] as number) & 0xc0) !== 0x80) return -1;
      i += 2;
    } else if (c < 0xf0) {
      const c1 = bytes[i + 1] as number;
      if (
        i + 2 >= end ||
        (c1 & 0xc0) !== 0x80 ||
        (c === 0xe0 && c1 < 0xa0) || // overlong
        (c === 0xed && c1 > 0x9f) || // UTF-16 surrogates
        ((bytes[i + 2] as number) & 0xc0) !== 0x80
      )
        return -1;
      i += 3;
    } else if (c < 0xf5) {
      const c1 = bytes[i + 1] as number;
      if (
        i + 3 >= end ||
        (c1 & 0xc0) !== 0x80 ||
        (c === 0xf0 && c1 < 0x90) || // overlong
        (c === 0xf4 && c1 > 0x8f) || // above U+10FFFF
        ((bytes[i + 2] as number) & 0xc0) !== 0x80 ||
        ((bytes[i + 3] as number) & 0xc0) !== 0x80
      )
        return -1;
      i += 4;
    } else {
      return -1;
    }
  }
  return i;
}
