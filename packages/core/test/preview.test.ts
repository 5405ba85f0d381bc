import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { guessForMapping, MAX_CODED_VALUES, previewFile, suggestColumns } from '../src/import/preview.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('previewFile / suggestColumns', () => {
  it('shows headers with sample values and suggests matches for unfamiliar headers', async () => {
    const csv =
      '流水编码,工单登记时间(北京时间),来源,办理单位名称\nT1,2024-01-02 09:00,电话,\nT2,2024-01-03 10:00,微信,县水利局\n';
    const p = await previewFile(engine, 'odd.csv', new TextEncoder().encode(csv));
    expect(p.headers).toEqual(['流水编码', '工单登记时间(北京时间)', '来源', '办理单位名称']);
    expect(p.samples.办理单位名称).toEqual(['县水利局']);
    expect(p.dataset).toBeUndefined();
    const s = suggestColumns(p.headers, 'hotline');
    expect(s).toMatchObject({ received_at: '工单登记时间(北京时间)' });
    expect(s.ticket_id).toBeUndefined();
  });
});

describe('previewFile values', () => {
  it('counts every trimmed value of the few-valued columns over the whole file, not of the id column', async () => {
    const rows = Array.from({ length: MAX_CODED_VALUES + 5 }, (_, i) => {
      const channel = i % 3 === 0 ? 'Call' : i % 3 === 1 ? ' Self Service ' : '';
      return `SR${i},${channel},x`;
    });
    const csv = `SRNumber,RequestSource,Flag\n${rows.join('\n')}\n`;
    const p = await previewFile(engine, 'la.csv', new TextEncoder().encode(csv));
    // 205 rows: i % 3 = 0 for 69 of them (0, 3, …, 204), 1 for 68; the empty third is not a value.
    expect(p.values?.RequestSource).toEqual([
      { value: 'Call', count: 69 },
      { value: 'Self Service', count: 68 },
    ]);
    expect(p.values?.Flag).toEqual([{ value: 'x', count: 205 }]);
    // 205 distinct ids: more than a code list has, so not counted.
    expect(p.values?.SRNumber).toBeUndefined();
  });
});

describe('guessForMapping', () => {
  const header = (file: string) =>
    (readFileSync(new URL(`../../../data/${file}`, import.meta.url), 'utf8').split('\n')[0] ?? '').split(',');

  it('guesses cases for the county case export whose clock-start columns have names no alias knows', () => {
    const renamed = header('cases.csv').map((h) =>
      h === '申请时间' ? '收件日期' : h === '受理时间' ? '收件时刻' : h,
    );
    // Items' two required columns (实施编码, 事项名称) are all there, cases' clock start is not; but 25 of
    // the headers only the case schema suggests.
    expect(guessForMapping(renamed)).toBe('cases');
  });

  it('guesses each sample export as its own dataset', () => {
    for (const [file, dataset] of [
      ['hotline.csv', 'hotline'],
      ['requests.csv', 'requests'],
      ['disclosures.csv', 'disclosures'],
      ['steps.csv', 'steps'],
    ] as const) {
      expect(guessForMapping(header(file)), file).toBe(dataset);
    }
  });
});
