/** Text encodings seen in government exports. DuckDB only reads UTF-8, so we decode before it sees bytes. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes bytes as UTF-8 (with or without BOM), UTF-16 (by BOM) or GB18030/GBK (the WHATWG GBK decoder
 * is the GB18030 one). Detection: strict UTF-8 first; anything that is not valid UTF-8 is treated as
 * GB18030, which is what Excel writes on Chinese Windows. An explicit `encoding` wins.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string): DecodedText {
  if (encoding) {
    const label = encoding.toLowerCase();
    const text = new TextDecoder(label === 'gbk' || label === 'gb2312' ? 'gb18030' : label).decode(bytes);
    return { text, encoding: normaliseName(label) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // TextDecoder strips the BOM itself.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function normaliseName(label: string): TextEncodingName {
  if (['gbk', 'gb2312', 'gb18030'].includes(label)) return 'gb18030';
  if (label === 'utf-16le' || label === 'utf-16be') return label;
  return 'utf-8';
}
