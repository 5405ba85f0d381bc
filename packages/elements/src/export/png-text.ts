/**
 * Text chunks in a PNG (iTXt: UTF-8, so Chinese titles survive), written after the header chunk: image
 * viewers and `exiftool` show them, and a script can read what the picture is without looking at it.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One iTXt chunk: keyword, no compression, no language tag, UTF-8 text. */
function itxt(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const body = new Uint8Array([...enc.encode('iTXt'), ...data]);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  return out;
}

/** The PNG with `entries` as iTXt chunks right after its IHDR chunk (8-byte signature + 25-byte IHDR). */
export async function withPngText(png: Blob, entries: Readonly<Record<string, string>>): Promise<Blob> {
  const bytes = new Uint8Array(await png.arrayBuffer());
  const at = 8 + 25;
  const chunks = Object.entries(entries).map(([k, v]) => itxt(k, v));
  return new Blob([bytes.slice(0, at), ...chunks, bytes.slice(at)] as BlobPart[], { type: 'image/png' });
}

/** The iTXt chunks of a PNG, keyword → text (for tests and checks). */
export function pngText(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dec = new TextDecoder();
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = dec.decode(bytes.subarray(at + 4, at + 8));
    if (type === 'iTXt') {
      const data = bytes.subarray(at + 8, at + 8 + length);
      const end = data.indexOf(0);
      // keyword \0, compression flag and method, language tag \0, translated keyword \0, text
      let text = end + 3;
      text = data.indexOf(0, text) + 1;
      text = data.indexOf(0, text) + 1;
      out[dec.decode(data.subarray(0, end))] = dec.decode(data.subarray(text));
    }
    at += 12 + length;
  }
  return out;
}
