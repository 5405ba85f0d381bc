import { describe, expect, it } from 'vitest';
import { headerBytes, headerLine } from '../src/import/register-file.ts';

// The header record is split from the bytes up to the first line feed (not the whole first megabyte), unless
// a quote before it may hide a line break inside a column name: the same header either way.
const bytes = (text: string) => new TextEncoder().encode(text);
const rows = '\n1,2,3\n'.repeat(2000);

describe('headerBytes', () => {
  it.each([
    ['plain', `办件编号,事项名称,受理部门${rows}`],
    ['CRLF', `办件编号,事项名称,受理部门\r\n1,2,3\r\n`],
    ['BOM and tabs', `\uFEFF办件编号\t事项名称\t受理部门${rows}`],
    ['a quoted name holding a line break', `"办件\n编号",事项名称,受理部门${rows}`],
    ['a quote only in the data', `a,b,c\n"x,y",2,3\n`],
    ['no line feed', 'a;b;c'],
  ])('%s: the header is the one of the whole start', (_, text) => {
    const start = bytes(text);
    expect(headerLine(headerBytes(start))).toEqual(headerLine(start));
  });

  it('stops at the first line feed when no quote comes before it', () => {
    expect(new TextDecoder().decode(headerBytes(bytes(`a,b,c${rows}`)))).toBe('a,b,c\n');
    expect(headerBytes(bytes(`"a\nb",c${rows}`)).length).toBe(bytes(`"a\nb",c${rows}`).length);
    expect(headerLine(headerBytes(bytes(`"a\nb",c${rows}`))).names).toEqual(['a\nb', 'c']);
  });
});
