/**
 * A small streaming XML tokenizer for SpreadsheetML parts. It reports elements by local name (so `x:c`
 * written by some .NET exporters is `c`) and text as raw slices that the caller decodes only when it
 * keeps them. It always advances, so damaged XML ends in an error, never a loop.
 */
export interface XmlHandler {
  open?(name: string, attrs: string, selfClosing: boolean): void;
  close?(name: string): void;
  /** Raw text between tags; `cdata` text needs no entity decoding. */
  text?(raw: string, cdata: boolean): void;
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

export function scanXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  let pos = 0;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      handler.text?.(xml.slice(pos), false);
      return;
    }
    if (lt > pos) handler.text?.(xml.slice(pos, lt), false);
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = required(xml, ']]>', lt + 9);
        handler.text?.(xml.slice(lt + 9, end), true);
        pos = end + 3;
      } else if (xml.startsWith('<!--', lt)) {
        pos = required(xml, '-->', lt + 4) + 3;
      } else {
        pos = required(xml, '>', lt) + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      pos = required(xml, '?>', lt) + 2;
      continue;
    }
    const end = tagEnd(xml, lt + 1);
    if (next === 0x2f /* / */) {
      handler.close?.(localName(xml.slice(lt + 2, end).trim()));
    } else {
      const selfClosing = xml.charCodeAt(end - 1) === 0x2f;
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = firstSpace(body);
      const name = localName(space < 0 ? body : body.slice(0, space));
      handler.open?.(name, space < 0 ? '' : body.slice(space), selfClosing);
      if (selfClosing) handler.close?.(name);
    }
    pos = end + 1;
  }
}

function firstSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) <= 0x20) return i;
  return -1;
}

function required(xml: string, token: string, from: number): number {
  const i = xml.indexOf(token, from);
  if (i < 0) throw new XmlSyntaxError(`unterminated markup at offset ${from}`);
  return i;
}

/** Index of the '>' closing a tag, skipping quoted attribute values (which may contain '>'). */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
    else if (c === 0x3c) break;
  }
  throw new XmlSyntaxError(`unterminated tag at offset ${from - 1}`);
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name, values decoded. */
export function parseAttrs(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!attrs) return out;
  for (const m of attrs.matchAll(ATTR)) {
    out[localName(m[1] ?? '')] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** One attribute's decoded value by local name: the fast path for the millions of cells in a sheet. */
export function attrValue(attrs: string, name: string): string | undefined {
  for (let i = attrs.indexOf(name); i >= 0; i = attrs.indexOf(name, i + 1)) {
    const before = i === 0 ? 0x20 : attrs.charCodeAt(i - 1);
    if (!isSpace(before) && before !== 0x3a /* : */) continue;
    let j = i + name.length;
    while (isSpace(attrs.charCodeAt(j))) j++;
    if (attrs.charCodeAt(j) !== 0x3d /* = */) continue;
    j++;
    while (isSpace(attrs.charCodeAt(j))) j++;
    const quote = attrs[j];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = attrs.indexOf(quote, j + 1);
    return end < 0 ? undefined : decodeEntities(attrs.slice(j + 1, end));
  }
  return undefined;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
