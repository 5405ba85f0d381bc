import { sliceClock } from '../../yield-to-host.ts';

/**
 * Non-blank physical lines below the header line (DuckDB's reader skips empty lines), or undefined when the
 * content holds no double quote. Only a quote can make DuckDB's reader lose lines: an unclosed one turns
 * the rest of the file into one cell, which it then drops without a reject (read-raw.ts checks the count).
 */
export async function dataLines(content: Uint8Array | string): Promise<number | undefined> {
  const text = typeof content === 'string';
  const at = (i: number) => (text ? content.charCodeAt(i) : (content[i] ?? 0));
  const next = (from: number) => (text ? content.indexOf('\n', from) : content.indexOf(10, from));
  if ((text ? content.indexOf('"') : content.indexOf(34)) < 0) return undefined;
  const tick = sliceClock();
  let lines = 0;
  for (let start = 0, n = 0; start < content.length; n++) {
    const nl = next(start);
    const end = nl < 0 ? content.length : nl;
    if (end - start - (end > start && at(end - 1) === 13 ? 1 : 0) > 0) lines++;
    start = end + 1;
    if ((n & 4095) === 4095) {
      const turn = tick();
      if (turn) await turn;
    }
  }
  return Math.max(0, lines - 1);
}
