import { sliceClock } from '../yield-to-host.ts';

/** Text encodings seen in government exports. DuckDB only reads UTF-8, so we decode before it sees bytes. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Bytes decoded per piece: a few ms of work, so the decode can yield to the page between slices. */
const PIECE_BYTES = 1 << 20;

/**
 * Decodes bytes as UTF-8 (with or without BOM), UTF-16 (by BOM) or GB18030/GBK (the WHATWG GBK decoder
 * is the GB18030 one). Detection: strict UTF-8 first; anything that is not valid UTF-8 is treated as
 * GB18030, which is what Excel writes on Chinese Windows. An explicit `encoding` wins. The bytes are
 * decoded piece by piece between yields (a file can be 100s of MB; the UI thread must stay free).
 */
export async function decodeBytes(bytes: Uint8Array, encoding?: string): Promise<DecodedText> {
  if (encoding) {
    const label = encoding.toLowerCase();
    const decoder = new TextDecoder(label === 'gbk' || label === 'gb2312' ? 'gb18030' : label);
    return { text: await decodeInSlices(bytes, decoder), encoding: normaliseName(label) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: await decodeInSlices(bytes, new TextDecoder('utf-16le')), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: await decodeInSlices(bytes, new TextDecoder('utf-16be')), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    // TextDecoder strips the BOM itself.
    text = await decodeInSlices(bytes, new TextDecoder('utf-8', { fatal: true }));
  } catch {
    return { text: await decodeInSlices(bytes, new TextDecoder('gb18030')), encoding: 'gb18030' };
  }
  return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

/** The same text as `decoder.decode(bytes)` (a streaming decoder joins characters cut by a piece boundary). */
async function decodeInSlices(bytes: Uint8Array, decoder: TextDecoder): Promise<string> {
  const parts: string[] = [];
  const tick = sliceClock();
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
    parts.push(
      decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: at + PIECE_BYTES < bytes.length }),
    );
    const turn = tick();
    if (turn) await turn;
  }
  return parts.join('');
}

export function normaliseName(label: string): TextEncodingName {
  if (['gbk', 'gb2312', 'gb18030'].includes(label)) return 'gb18030';
  if (label === 'utf-16le' || label === 'utf-16be') return label;
  return 'utf-8';
}
