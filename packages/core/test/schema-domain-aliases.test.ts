import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../src/import/headers.ts';
import { DATASETS } from '../src/schema/datasets.ts';
import type { DatasetKey } from '../src/schema/types.ts';

/**
 * Every header shared/DOMAIN.md §7 lists (preferred and aliases, tables 7.a–7.d and the 7.a-steps and
 * 7.a0 lists) must be mapped by the schema to its key. The test reads the live DOMAIN.md when the
 * workspace has one (walking up from here to a `shared/DOMAIN.md`) and checks that the committed extract
 * (fixtures/domain-s7.txt, §7.a up to 7.e verbatim) is still the same text; a clean clone without it reads
 * the extract.
 */
const FIXTURE = join(import.meta.dirname, 'fixtures', 'domain-s7.txt');

function liveDomain(): string | undefined {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'shared', 'DOMAIN.md');
    if (existsSync(file)) return readFileSync(file, 'utf8');
    if (dirname(dir) === dir) return undefined;
  }
}

/** §7.a up to (not including) §7.e, as committed in the fixture. */
export function extractS7(domain: string): string {
  const lines = domain.split('\n');
  const start = lines.findIndex((l) => l.startsWith('### 7.a '));
  const end = lines.findIndex((l) => l.startsWith('### 7.e '));
  return `${lines.slice(start, end).join('\n')}\n`;
}

interface Row {
  dataset: DatasetKey;
  keys: string[];
  /** preferred headers, aligned with `keys` when the counts agree */
  zh: string[];
  aliases: string[];
}

/** "statutory_limit_value / _unit", "catalog_item_l1 / l2", "category_l1..l3" → full keys. */
function expandKeys(cell: string): string[] {
  const range = cell.match(/^(\w+?)(\d+)\.\.\w*?(\d+)$/);
  if (range) {
    const [, stem = '', a = '0', b = '0'] = range;
    return Array.from({ length: Number(b) - Number(a) + 1 }, (_, i) => `${stem}${Number(a) + i}`);
  }
  const parts = cell.split('/').map((p) => p.trim());
  const first = parts[0] ?? '';
  return parts.map((p, i) => {
    if (i === 0) return p;
    if (p.startsWith('_')) return first.replace(/_[a-z]+$/, p);
    if (/^[a-z]\d+$/.test(p)) return first.replace(/[^_]+$/, p);
    return p;
  });
}

/**
 * "法定办结时限 / 单位", "征求意见开始/结束日期", "诉求分类(一/二/三级)" → one header per key; `plain` for the
 * key-header lists, which write "法定办结时限/单位" without spaces.
 */
function expandZh(cell: string, plain = false): string[] {
  if (plain) return cell.split('/');
  return cell.split(' / ').flatMap((part) => {
    const p = part.trim();
    const bracket = p.match(/^(.+)\((.+\/.+)\)$/);
    if (bracket) {
      const [, head = '', inner = ''] = bracket;
      const opts = inner.split('/');
      const last = opts.at(-1) ?? '';
      const suffix = last.slice((opts[0] ?? '').length);
      return opts.map((o, i) => `${head}(${i === opts.length - 1 ? o : o + suffix})`);
    }
    if (p.includes('/')) {
      // "A开始/结束B": two-character alternatives sharing the text around them.
      const [left = '', right = ''] = p.split('/');
      return [left + right.slice(2), left.slice(0, -2) + right];
    }
    return [p];
  });
}

const SECTION_DATASET: Record<string, DatasetKey> = {
  '7.a': 'cases',
  '7.b': 'disclosures',
  '7.c': 'requests',
  '7.d': 'hotline',
};

/** Rows of the §7 tables and of the key-header lists of 7.a-steps and 7.a0. */
export function parseS7(text: string): Row[] {
  const rows: Row[] = [];
  let dataset: DatasetKey | undefined;
  for (const line of text.split('\n')) {
    const heading = line.match(/^### (7\.[a-d]) /);
    if (heading) dataset = SECTION_DATASET[heading[1] ?? ''];
    if (!dataset || !line.startsWith('| ') || line.startsWith('| key') || line.startsWith('|---')) continue;
    const [key = '', zh = '', aliases = ''] = line
      .split('|')
      .slice(1)
      .map((c) => c.trim());
    rows.push({
      dataset,
      keys: expandKeys(key),
      zh: zh ? expandZh(zh.replace(' (preferred)', '')) : [],
      aliases: aliases ? aliases.split(', ').map((a) => a.trim()) : [],
    });
  }
  for (const [marker, list] of [
    ['7.a-steps', 'steps'],
    ['7.a0', 'items'],
  ] as const) {
    const body = text.slice(text.indexOf(`\n${marker} `));
    const inner = body.slice(body.indexOf('`') + 1, body.indexOf('`', body.indexOf('`') + 1));
    for (const item of inner.replaceAll('\n', ' ').split(', ')) {
      const m = item.trim().match(/^(\S+)\s+(\S+)/);
      if (!m) continue; // a key without a header (region_code)
      rows.push({ dataset: list, keys: expandKeys(m[1] ?? ''), zh: expandZh(m[2] ?? '', true), aliases: [] });
    }
  }
  return rows;
}

/** The unit half of a value + unit pair: the schema reads "20个工作日" from the one limit column. */
const isUnitOnly = (key: string, header: string) => key.endsWith('_unit') && header === '单位';

/** Canonical field a §7 key is stored in (limits: `x_value` / `x_unit` → the limit field `x`). */
function schemaKey(dataset: DatasetKey, key: string): string {
  const fields = DATASETS[dataset].fields;
  if (fields.some((f) => f.key === key)) return key;
  const stem = key.replace(/_(value|unit)$/, '');
  return fields.some((f) => f.key === stem && f.type === 'limit') ? stem : key;
}

describe('DOMAIN.md §7 headers', () => {
  const live = liveDomain();
  const text = readFileSync(FIXTURE, 'utf8');

  it('uses an extract identical to the live DOMAIN.md (when the workspace has one)', () => {
    if (live === undefined) return; // a clean clone: the committed extract stands in
    expect(text, 'update test/fixtures/domain-s7.txt from shared/DOMAIN.md §7').toBe(extractS7(live));
  });

  it('reads the tables: 7.a–7.d, 7.a-steps and 7.a0', () => {
    const rows = parseS7(text);
    const count = (d: DatasetKey) => rows.filter((r) => r.dataset === d).length;
    expect(count('cases')).toBeGreaterThan(40);
    expect(count('steps')).toBe(9);
    expect(count('items')).toBeGreaterThan(20);
    expect(rows.find((r) => r.keys.includes('category_l2'))?.zh).toEqual([
      '诉求分类(一级)',
      '诉求分类(二级)',
      '诉求分类(三级)',
    ]);
    expect(rows.find((r) => r.keys.includes('consult_end_at'))?.zh).toEqual([
      '征求意见开始日期',
      '征求意见结束日期',
    ]);
  });

  it('maps every preferred header and alias to its key', () => {
    const rows = parseS7(text);
    const failures: string[] = [];
    let checked = 0;
    for (const row of rows) {
      const keys = row.keys.map((k) => schemaKey(row.dataset, k));
      // A header that is another row's preferred header in the same table belongs to that row
      // (§7.b lists 组配分类 as an alias of 公开领域 and as catalog_class's own header).
      const owners = (h: string) =>
        rows
          .filter((r) => r.dataset === row.dataset && r !== row && r.zh.includes(h))
          .flatMap((r) => r.keys.map((k) => schemaKey(r.dataset, k)));
      const aligned = row.zh.length === row.keys.length;
      const checks: [string, string[]][] = [
        ...row.zh.map((h, i): [string, string[]] => [h, aligned ? [keys[i] ?? ''] : keys]),
        ...row.aliases.map((h): [string, string[]] => [h, [...keys, ...owners(h)]]),
      ];
      for (const [header, accept] of checks) {
        if (row.keys.some((k) => isUnitOnly(k, header))) continue;
        checked++;
        const mapped = Object.keys(matchHeaders([header], DATASETS[row.dataset]).mapped)[0];
        if (!mapped || !accept.includes(mapped))
          failures.push(`${row.dataset}: "${header}" → ${mapped ?? 'nothing'}, want ${accept.join(' | ')}`);
      }
    }
    expect(failures).toEqual([]);
    // 362 headers when written (every row and alias of 7.a–7.d, 7.a-steps and 7.a0).
    expect(checked).toBeGreaterThan(350);
  });
});
