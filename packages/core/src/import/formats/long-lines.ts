import { sliceClock } from '../../yield-to-host.ts';

/**
 * Lines too long for DuckDB's CSV reader. Its sniffer refuses the whole file when one line exceeds
 * `max_line_size` (2,000,000 bytes), wherever the line is ("CSV Error on Line: 1"), and raising the limit
 * makes every read buffer larger. So such a line is replaced, before DuckDB sees the file, by a one-cell
 * marker line: the reader rejects it for its missing columns and the importer lists it in the row ledger as
 * `line_size_over_maximum` under its own line number, while every other row loads.
 *
 * Physical lines are measured (a quoted cell may span several); a record longer than the limit only
 * through line breaks inside quotes is still refused by DuckDB with its own message.
 */
export const MAX_LINE_BYTES = 1_000_000;
/** Holds no delimiter or quote, so the reader sees one cell; U+0001 never starts a real export line. */
export const LONG_LINE_MARKER = '\u0001line_size_over_maximum';

const MARKER_BYTES = new TextEncoder().encode(LONG_LINE_MARKER);

/**
 * Lines of `bytes` (UTF-8 or GB18030: a 0x0A byte is always a line feed) longer than the limit, replaced.
 * The scan yields to the page between slices (see yield-to-host.ts). `found`: those lines, from a scan
 * already made (directCsv's), so the bytes are not read again.
 */
export async function cutLongLines(
  bytes: Uint8Array,
  limit = MAX_LINE_BYTES,
  found?: readonly [number, number][],
): Promise<{ bytes: Uint8Array; cut: number }> {
  const long: [number, number][] = found ? [...found] : [];
  const tick = sliceClock();
  for (let start = found ? bytes.length : 0, lines = 0; start < bytes.length; lines++) {
    const nl = bytes.indexOf(10, start);
    const end = nl < 0 ? bytes.length : nl;
    if (end - start > limit) long.push([start, end]);
    start = end + 1;
    // The clock is read every few thousand lines: reading it costs more than a short line's scan.
    if ((lines & 4095) === 4095) {
      const turn = tick();
      if (turn) await turn;
    }
  }
  if (!long.length) return { bytes, cut: 0 };
  const size = bytes.length - long.reduce((n, [s, e]) => n + e - s - MARKER_BYTES.length, 0);
  const out = new Uint8Array(size);
  let from = 0;
  let at = 0;
  for (const [s, e] of long) {
    out.set(bytes.subarray(from, s), at);
    at += s - from;
    out.set(MARKER_BYTES, at);
    at += MARKER_BYTES.length;
    from = e;
  }
  out.set(bytes.subarray(from), at);
  return { bytes: out, cut: long.length };
}

/**
 * The same for decoded text (converted formats, GB18030): a line is long when its UTF-8 form is. Yields to
 * the page between slices.
 */
export async function cutLongTextLines(
  text: string,
  limit = MAX_LINE_BYTES,
): Promise<{ text: string; cut: number }> {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: shorter lines need no byte count.
  const encoder = new TextEncoder();
  const parts: string[] = [];
  const tick = sliceClock();
  let cut = 0;
  let from = 0;
  for (let start = 0, lines = 0; start < text.length; lines++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > limit / 3 && encoder.encode(text.slice(start, end)).length > limit) {
      parts.push(text.slice(from, start), LONG_LINE_MARKER);
      from = end;
      cut++;
    }
    start = end + 1;
    if ((lines & 4095) === 4095) {
      const turn = tick();
      if (turn) await turn;
    }
  }
  if (!cut) return { text, cut };
  parts.push(text.slice(from));
  return { text: parts.join(''), cut };
}
