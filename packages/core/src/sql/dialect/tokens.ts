/** One lexical token of DuckDB-flavoured SQL, as far as the dialect translation needs to see it. */
export interface Token {
  kind: 'space' | 'string' | 'ident' | 'quoted' | 'number' | 'param' | 'op';
  text: string;
}

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;
const NUMBER = /\d+(\.\d+)?([eE][+-]?\d+)?/y;
const SPACE = /(\s+|--[^\n]*|\/\*[\s\S]*?\*\/)+/y;
const OPS = ['::', '||', '<=', '>=', '<>', '!=', '->'];

function quoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const j = sql.indexOf(quote, i);
    if (j < 0) throw new SyntaxError(`Unterminated ${quote} in SQL at ${start}`);
    if (sql[j + 1] === quote) i = j + 2;
    else return j + 1;
  }
}

/** Splits SQL into tokens; strings and quoted identifiers keep their quotes (DuckDB doubling). */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(sql);
    return m ? m[0] : undefined;
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    let t: Token;
    const space = match(SPACE);
    if (space) t = { kind: 'space', text: space };
    else if (c === "'") t = { kind: 'string', text: sql.slice(i, quoted(sql, i, "'")) };
    else if (c === '"') t = { kind: 'quoted', text: sql.slice(i, quoted(sql, i, '"')) };
    else if (c === '?') t = { kind: 'param', text: '?' };
    else {
      const word = match(WORD);
      const num = word ? undefined : match(NUMBER);
      const op = OPS.find((o) => sql.startsWith(o, i));
      if (word) t = { kind: 'ident', text: word };
      else if (num) t = { kind: 'number', text: num };
      else t = { kind: 'op', text: op ?? c };
    }
    out.push(t);
    i += t.text.length;
  }
  return out;
}

/** Index of the `)` closing the `(` at `open`, or -1. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'op') continue;
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the next non-space token at or after `i` (tokens.length when none). */
export function skipSpace(tokens: readonly Token[], i: number): number {
  while (i < tokens.length && tokens[i]?.kind === 'space') i++;
  return i;
}
