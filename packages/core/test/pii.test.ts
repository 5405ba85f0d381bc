import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { headerSuggests } from '../src/import/pii.ts';

const CSV = `办件编号,申请时间,申请人姓名,联系电话,备用号码,证照号码,备注
A1,2025-01-02,张三丰,13812345678,13912345678,11010519491231002X,x
A2,2025-01-03,李四,021-5555,15900001111,320102198001011234,y
`;
const utf8 = (s: string) => new TextEncoder().encode(s);
let engine: NodeEngine;
beforeEach(async () => {
  engine = await NodeEngine.create();
});
afterEach(() => engine.close());
const rows = async () =>
  (await engine.query('SELECT * EXCLUDE (_row) FROM cases ORDER BY case_id'))
    .toArray()
    .map((r) => r.toJSON());

describe('personal data in extra columns', () => {
  it('is masked by default, recognised by header or by its values', async () => {
    const s = await importFile(engine, 'p.csv', utf8(CSV));
    expect(s.pii).toEqual([
      { column: '申请人姓名', kind: 'name', action: 'mask' },
      { column: '联系电话', kind: 'phone', action: 'mask' },
      { column: '备用号码', kind: 'phone', action: 'mask' },
      { column: '证照号码', kind: 'id_number', action: 'mask' },
    ]);
    const [a, b] = await rows();
    expect(a).toMatchObject({
      申请人姓名: '张**',
      联系电话: '138****5678',
      备用号码: '139****5678',
      证照号码: '110105********002X',
      备注: 'x',
    });
    expect(b).toMatchObject({ 申请人姓名: '李*', 联系电话: '****5555', 证照号码: '320102********1234' });
  });

  it('can be hashed with a salt, dropped, or kept on request', async () => {
    await importFile(engine, 'p.csv', utf8(CSV), { pii: 'hash', piiSalt: 's' });
    const h = await engine.query(
      "SELECT 联系电话 AS p, sha256('s' || '13812345678') AS expected FROM cases WHERE case_id = 'A1'",
    );
    const row = h.get(0)?.toJSON() as { p: string; expected: string };
    expect(row.p).toBe(row.expected);
    expect(row.p).not.toContain('1381234');
    await importFile(engine, 'p.csv', utf8(CSV), { pii: 'drop' });
    expect(Object.keys((await rows())[0] ?? {})).not.toContain('联系电话');
    await importFile(engine, 'p.csv', utf8(CSV), { pii: 'keep' });
    expect((await rows())[0]).toMatchObject({ 联系电话: '13812345678' });
  });

  it('reads headers by whole words and lets the values decide', async () => {
    expect(headerSuggests('MobileOS')).toBe('phone'); // a suggestion only: see below
    expect(headerSuggests('IDE版本')).toBeUndefined();
    expect(headerSuggests('Hotel')).toBeUndefined();
    expect(headerSuggests('id_card')).toBe('id_number');
    expect(headerSuggests('IDCardNo')).toBe('id_number');
    expect(headerSuggests('item_name')).toBeUndefined();
    expect(headerSuggests('联系电话')).toBe('phone');
    const csv = [
      '办件编号,申请时间,MobileOS,IDE版本,Hotel,电话回访结果,mobile,联系人',
      'A1,2025-01-02,iOS,2023.1.4,Grand Hotel,满意,+86 138 1234 5678,王五',
      'A2,2025-01-03,Android,17.0.2,Hotel Lux,不满意,0571-88886666,赵六',
      'A3,2025-01-04,iOS,11,Inn,满意,13900001111,钱七',
    ].join('\n');
    const s = await importFile(engine, 'q.csv', utf8(csv));
    // MobileOS and 电话回访结果 suggest phones, but iOS / 满意 are no phone numbers; IDE版本 and Hotel suggest
    // nothing and hold no IDs or mobiles. mobile holds phones written three ways; 联系人 names.
    expect(s.pii).toEqual([
      { column: 'mobile', kind: 'phone', action: 'mask' },
      { column: '联系人', kind: 'name', action: 'mask' },
    ]);
    const [a] = await rows();
    expect(a).toMatchObject({
      MobileOS: 'iOS',
      IDE版本: '2023.1.4',
      Hotel: 'Grand Hotel',
      电话回访结果: '满意',
      mobile: '+86138****5678',
      联系人: '王*',
    });
  });
});
