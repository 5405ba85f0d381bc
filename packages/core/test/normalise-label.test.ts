import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { table3Rows } from '../src/annual-report/labels.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { DATASETS } from '../src/schema/datasets.ts';
import {
  codeLookup,
  labelHead,
  labelHeadSql,
  normaliseLabel,
  normaliseLabelSql,
  recode,
  recodeSql,
} from '../src/schema/normalise-label.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const enumFields = Object.values(DATASETS).flatMap((d) =>
  d.fields.filter((f) => f.enum).map((f) => ({ dataset: d.key, field: f })),
);

/** Outcome cells as real systems write them, each with the code it must become. */
const OUTCOME_VARIANTS: [string, string][] = [
  ['予以公开', 'granted'],
  ['（一）予以公开', 'granted'],
  ['(一)予以公开', 'granted'],
  ['【一】予以公开', 'granted'],
  ['一、予以公开', 'granted'],
  [' 予以 公开 ', 'granted'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial_grant'],
  ['部分公开(区分处理的,只计这一情况,不计其他情形)', 'partial_grant'],
  ['不予公开-属于国家秘密', 'denied_state_secret'],
  ['不予公开——属于国家秘密', 'denied_state_secret'],
  ['不予公开－属于国家秘密', 'denied_state_secret'],
  ['不予公开 — 1.属于国家秘密', 'denied_state_secret'],
  ['（三）不予公开1.属于国家秘密', 'denied_state_secret'],
  ['1、属于国家秘密', 'denied_state_secret'],
  ['危及“三安全一稳定”', 'denied_safety_stability'],
  ['危及"三安全一稳定"', 'denied_safety_stability'],
  ['危及＂三安全一稳定＂', 'denied_safety_stability'],
  ['危及「三安全一稳定」', 'denied_safety_stability'],
  ['5.属于三类内容事务信息', 'denied_internal_affairs'],
  ['无法提供/本机关不掌握相关政府信息', 'unable_not_held'],
  ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other_no_correction'],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other_no_correction'],
  [
    '（六）其他处理—2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    'other_fee_unpaid',
  ],
  ['其他处理-其他', 'other_other'],
  ['3.其他', 'other_other'],
  ['granted', 'granted'],
];

describe('normaliseLabel', () => {
  it('gives the same normal form in TypeScript and in DuckDB', async () => {
    const corpus = [
      ...OUTCOME_VARIANTS.map(([v]) => v),
      ...enumFields.flatMap(({ field }) => (field.enum ?? []).flatMap((e) => [e.code, ...e.zh, e.en])),
      '—',
      '／',
      '-',
      '',
      'Ⅳ级',
      '全程网办（Ⅳ级）',
      'ＡＰＰ',
      'Self-service terminal',
      "O'Brien",
    ];
    corpus.push('不予受理-材料不全', '已办结 — 准予许可', '办理中/补正');
    const values = corpus.map((_, i) => `(${i}, ?)`).join(', ');
    const outcomes = codeLookup(DATASETS.requests.fields.find((f) => f.key === 'outcome')?.enum ?? []);
    const statuses = codeLookup(DATASETS.cases.fields.find((f) => f.key === 'status')?.enum ?? []);
    const t = await engine.query(
      `SELECT i, ${normaliseLabelSql('v')} AS n, ${labelHeadSql('v')} AS h, ${recodeSql(outcomes, 'v')} AS o,
         ${recodeSql(statuses, 'v')} AS s FROM (VALUES ${values}) t(i, v) ORDER BY i`,
      corpus,
    );
    const sql = t.toArray().map((r) => r.toJSON());
    expect(sql.map((r) => r.n)).toEqual(corpus.map(normaliseLabel));
    expect(sql.map((r) => r.h)).toEqual(corpus.map(labelHead));
    expect(sql.map((r) => r.o)).toEqual(corpus.map((c) => recode(outcomes, c) ?? null));
    expect(sql.map((r) => r.s)).toEqual(corpus.map((c) => recode(statuses, c) ?? null));
  });

  it('reduces numbering, brackets, dashes, quotes and whitespace to the label', () => {
    expect(normaliseLabel('（一）予以公开')).toBe('予以公开');
    expect(normaliseLabel('不予公开-属于国家秘密')).toBe('属于国家秘密');
    expect(normaliseLabel('危及“三安全一稳定”')).toBe('危及三安全一稳定');
    expect(normaliseLabel('已办结（归档）')).toBe('已办结');
    expect(normaliseLabel('——')).toBe('');
    expect(normaliseLabel(' / ')).toBe('');
    // An ASCII hyphen inside a word is no separator.
    expect(normaliseLabel('Self-service terminal')).toBe('self-serviceterminal');
  });

  it('keeps the labels of different codes of every coded field apart', () => {
    for (const { dataset, field } of enumFields) {
      const owner = new Map<string, string>();
      for (const e of field.enum ?? [])
        for (const label of [e.code, ...e.zh, e.en]) {
          const n = normaliseLabel(label);
          expect(n, `${dataset}.${field.key} "${label}"`).not.toBe('');
          const seen = owner.get(n);
          expect(seen ?? e.code, `${dataset}.${field.key} "${label}" collides with ${seen}`).toBe(e.code);
          owner.set(n, e.code);
        }
    }
  });

  it('finds every row text of table 三 (both layouts) among the outcome labels', () => {
    const outcome = DATASETS.requests.fields.find((f) => f.key === 'outcome');
    const codeOf = new Map(
      (outcome?.enum ?? []).flatMap((e) => [e.code, ...e.zh].map((l) => [normaliseLabel(l), e.code])),
    );
    for (const layout of ['2019', '2021'] as const)
      for (const row of table3Rows(layout).filter((r) => r.outcomes?.length === 1))
        expect(codeOf.get(normaliseLabel(row.label)), row.label).toBe(row.outcomes?.[0]);
  });
});

describe('import recoding of coded fields', () => {
  it('maps every written form of an on-request outcome to its code', async () => {
    const csv = [
      '申请编号,收到申请日期,办理结果',
      ...OUTCOME_VARIANTS.map(([v], i) => `R${i},2025-03-03,"${v.replaceAll('"', '""')}"`),
      'X1,2025-03-03,——',
      'X2,2025-03-03,不予公开',
    ].join('\n');
    const s = await importFile(engine, 'r.csv', utf8(csv));
    expect(s).toMatchObject({ dataset: 'requests', loaded: OUTCOME_VARIANTS.length + 2, rejected: 0 });
    // "——" is empty (not applicable); a bare group heading 不予公开 names no row of table 三.
    expect(s.unmappedValues).toEqual({ outcome: [{ value: '不予公开', count: 1 }] });
    const t = await engine.query(`SELECT request_id, outcome FROM requests WHERE request_id LIKE 'R%'`);
    const got = Object.fromEntries(t.toArray().map((r) => [r.request_id, r.outcome]));
    expect(got).toEqual(Object.fromEntries(OUTCOME_VARIANTS.map(([, code], i) => [`R${i}`, code])));
  });

  it('normalises hotline and case statuses the same way', async () => {
    await importFile(
      engine,
      'h.csv',
      utf8(
        '工单编号,受理时间,工单状态,回访结果\nT1,2025-03-03,（六）已办结,“满意”\nT2,2025-03-03,已办结（归档）,非常 满意\nT3,2025-03-03,办理中 ,—\n',
      ),
    );
    const h = await engine.query('SELECT ticket_id, status, callback_result FROM hotline ORDER BY ticket_id');
    expect(h.toArray().map((r) => r.toJSON())).toEqual([
      { ticket_id: 'T1', status: 'closed', callback_result: 'satisfied' },
      { ticket_id: 'T2', status: 'closed', callback_result: 'very_satisfied' },
      { ticket_id: 'T3', status: 'in_progress', callback_result: null },
    ]);
    await importFile(
      engine,
      'c.csv',
      utf8(
        '办件编号,受理时间,办理状态,办结结果\nA,2025-03-03,【已办结】,准予/批准\nB,2025-03-03,不予受理-材料不全,\n',
      ),
    );
    const c = await engine.query('SELECT case_id, status, result FROM cases ORDER BY case_id');
    expect(c.toArray().map((r) => r.toJSON())).toEqual([
      { case_id: 'A', status: 'closed', result: 'approved' },
      // After the dash a status carries its detail: the text before it is tried when the rest names no code.
      { case_id: 'B', status: 'rejected_intake', result: null },
    ]);
  });
});
