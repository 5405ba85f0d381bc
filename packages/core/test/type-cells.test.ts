import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { trimLikeSql } from '../src/import/parse-sql.ts';
import { typeCellsTs } from '../src/import/type-cells.ts';
import { codesOf, typeCellsSql } from '../src/import/typed-columns.ts';
import { DATASETS } from '../src/schema/datasets.ts';
import type { FieldDef } from '../src/schema/types.ts';
import { seededPicker, TEXT_UNITS } from './fixtures/text-units.ts';

// The distinct cells of coded, yes/no and time-limit columns are typed in TypeScript: the values must be
// those the typing SQL gives the same cells, for every such field of every dataset.

const { rand, pick, text } = seededPicker(314);
/** Each dataset's coded, yes/no and time-limit fields (typed together, as an import types them). */
const GROUPS = Object.values(DATASETS).map((d) =>
  d.fields.filter((f) => f.type === 'enum' || f.type === 'bool' || f.type === 'limit'),
);
const FIELDS = GROUPS.flat();
const WORDS = [
  ...['是', '否', 'Y', 'yes', 'YES', 'No', 'TRUE', 'f', 'F', '1', '0', '√', '×', '有', '无', 'İ', 'ﬀ', 'Ｙ'],
  ...['即办', '当场办结', '无期限', '不限', '无时限', '立即', '即时办结'],
  ...['20', '20个工作日', '20 个 工作日', '3\t天', '3\v天', '3\u3000天', '5小时', '2个月', '1年', '7自然日'],
  ...[
    '007日',
    '99999999999天',
    '2147483647',
    '2147483648',
    '０５天',
    '个工作日',
    '20个工作日以内',
    '—',
    '/',
    '－',
    '...',
  ],
];
/** A cell: a label, code or word (often), with random spaces and text around it (sometimes). */
function cell(field: FieldDef): string {
  const labels = (field.enum ?? []).flatMap((e) => [e.code, e.en, ...e.zh]);
  const core = rand() < 0.15 ? text(1, 3) : pick(rand() < 0.5 && labels.length ? labels : WORDS);
  const edge = () => (rand() < 0.3 ? pick(TEXT_UNITS.filter((u) => /^\s+$/u.test(u))) : '');
  return `${edge()}${rand() < 0.1 ? text(1, 2) : ''}${core}${edge()}`;
}

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('typing distinct cells in TypeScript', () => {
  it('gives the SQL’s values for every coded, yes/no and time-limit field (trimmed or not, with a mapping’s values)', async () => {
    expect(FIELDS.length).toBeGreaterThan(10);
    let typed = 0;
    for (let round = 0; round < 12; round++) {
      const batch = (GROUPS[round % GROUPS.length] ?? []).map((field) => {
        const cells = [...new Set(Array.from({ length: 60 }, () => cell(field)))];
        const untrimmed = round % 3 === 1;
        const trimmed = cells.map((c) => (untrimmed ? c : c.trim())).filter(Boolean);
        const codes = field.type === 'enum' ? codesOf(field, trimmed) : undefined;
        // A mapping's values for some cells (a code the user chose), on rounds 2–5.
        const values =
          field.type === 'enum' && round >= 5
            ? Object.fromEntries(
                cells
                  .filter(() => rand() < 0.2)
                  .map((c) => [trimLikeSql(c), pick(field.enum ?? [])?.code ?? 'x']),
              )
            : undefined;
        return { field, header: 'c', cells, options: { codes, values, untrimmed } };
      });
      const sql = await typeCellsSql(engine, batch);
      for (const { field, cells, options } of batch) {
        const ts = typeCellsTs(field, cells, options);
        expect(ts, field.key).toBeDefined();
        // The SQL lists a field's cells in its own order: compare them as maps.
        const asMaps = (m: Map<string, Array<[string, unknown]>> | undefined) =>
          new Map([...(m ?? [])].map(([name, list]) => [name, new Map(list)]));
        expect(asMaps(ts), field.key).toEqual(asMaps(sql.get(field.key)));
        typed += [...(ts?.values() ?? [])].flat().filter(([, v]) => v !== null).length;
      }
    }
    expect(typed).toBeGreaterThan(1000);
  });

  it('leaves a coded field whose codes were not looked up to the SQL', () => {
    const field = FIELDS.find((f) => f.type === 'enum') as FieldDef;
    expect(typeCellsTs(field, ['x'], {})).toBeUndefined();
  });
});
