import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { previewFile, suggestColumns } from '../src/import/preview.ts';

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
