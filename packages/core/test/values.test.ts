import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { MappingError, parseMapping } from '../src/import/mapping.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

const rows = async (sql: string) => (await engine.query(sql)).toArray().map((r) => r.toJSON());

describe('value parsing', () => {
  it('reads the date-time forms real exports use, in Asia/Shanghai by default', async () => {
    const csv = [
      '办件编号,申请时间',
      'A,2024/1/2',
      'B,2024年1月2日 9:05',
      'C,45293.5',
      'D,01/02/2024 09:05:00 PM',
      'E,2024-01-02T09:05:00+08:00',
      'F,2024-01-02T01:05:00Z',
      'G,2024-01-02T09:05:00.250+0800',
      'H,20240102090500',
      'I,2024-01-02 09:05',
    ].join('\n');
    await importFile(engine, 'dates.csv', utf8(csv), { dataset: 'cases' });
    expect(
      await rows(
        `SELECT case_id, strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS t FROM cases ORDER BY case_id`,
      ),
    ).toEqual([
      { case_id: 'A', t: '2024-01-02 00:00:00' },
      { case_id: 'B', t: '2024-01-02 09:05:00' },
      { case_id: 'C', t: '2024-01-02 12:00:00' },
      { case_id: 'D', t: '2024-01-02 21:05:00' },
      { case_id: 'E', t: '2024-01-02 09:05:00' },
      { case_id: 'F', t: '2024-01-02 09:05:00' },
      { case_id: 'G', t: '2024-01-02 09:05:00' },
      { case_id: 'H', t: '2024-01-02 09:05:00' },
      { case_id: 'I', t: '2024-01-02 09:05:00' },
    ]);
  });

  it('reads limits, booleans and money', async () => {
    const csv = [
      '办件编号,申请时间,承诺办结时限,法定办结时限,是否网上办结,收费金额(元)',
      'A,2024-01-02,20个工作日,3个月,是,"1,234.50元"',
      'B,2024-01-02,即办,无期限,N,3.2万元',
      'C,2024-01-02,15天,2年,true,0',
      'D,2024-01-02,8小时,10,0,',
    ].join('\n');
    await importFile(engine, 'limits.csv', utf8(csv));
    expect(
      await rows(`SELECT case_id AS id, promised_limit_value AS pv, promised_limit_unit AS pu, statutory_limit_value AS sv,
        statutory_limit_unit AS su, closed_online AS o, fee_amount AS fee FROM cases ORDER BY id`),
    ).toEqual([
      { id: 'A', pv: 20, pu: 'wd', sv: 3, su: 'm', o: true, fee: 1234.5 },
      { id: 'B', pv: 0, pu: 'instant', sv: null, su: 'none', o: false, fee: 32000 },
      { id: 'C', pv: 15, pu: 'cd', sv: 2, su: 'y', o: true, fee: 0 },
      { id: 'D', pv: 8, pu: 'h', sv: 10, su: 'wd', o: false, fee: null },
    ]);
  });
});

const US_HOTLINE = `SRNumber,CreatedDate,ClosedDate,Owner,RequestSource,Status,Extra
1-001,03/09/2024 11:30:00 PM,03/10/2024 09:00:00 AM,BSS,Call,Closed,x
1-002,07/01/2024 08:00:00 AM,,LASAN,Self Service,Open,y
1-003,07/01/2024 08:05:00 AM,07/02/2024 10:00:00 AM,LASAN,Mobile App,Cancelled,z
1-004,07/02/2024 01:00:00 PM,07/02/2024 02:00:00 PM,BOE,Email,Closed,w
1-005,2024-07-03T12:00:00Z,,BOE,Call,Open,v
`;
const US_MAPPING = {
  dataset: 'hotline',
  columns: {
    ticket_id: 'SRNumber',
    received_at: 'CreatedDate',
    closed_at: 'ClosedDate',
    lead_dept: 'Owner',
    channel: 'RequestSource',
    status: 'Status',
  },
  values: {
    channel: { Call: 'phone', 'Self Service': 'web', 'Mobile App': 'app' },
    status: { Closed: 'closed', Cancelled: 'void', Open: 'in_progress' },
  },
  formats: { received_at: '%m/%d/%Y %I:%M:%S %p', closed_at: '%m/%d/%Y %I:%M:%S %p' },
  timezone: 'America/Los_Angeles',
};

describe('mapping files', () => {
  it('loads a US-style export through the mapping, reporting values it does not know', async () => {
    const mapping = parseMapping(US_MAPPING);
    const s = await importFile(engine, 'la311.csv', utf8(US_HOTLINE), { mapping });
    expect(s).toMatchObject({
      dataset: 'hotline',
      read: 5,
      loaded: 5,
      rejected: 0,
      timezone: 'America/Los_Angeles',
    });
    expect(s.unknown).toEqual(['Extra']);
    expect(s.unmappedValues).toEqual({ channel: [{ value: 'Email', count: 1 }] });
    expect(
      await rows(`SELECT ticket_id AS id, strftime(received_at, '%Y-%m-%d %H:%M') AS r, channel, status, lead_dept
        FROM hotline ORDER BY id`),
    ).toEqual([
      { id: '1-001', r: '2024-03-09 23:30', channel: 'phone', status: 'closed', lead_dept: 'BSS' },
      { id: '1-002', r: '2024-07-01 08:00', channel: 'web', status: 'in_progress', lead_dept: 'LASAN' },
      { id: '1-003', r: '2024-07-01 08:05', channel: 'app', status: 'void', lead_dept: 'LASAN' },
      { id: '1-004', r: '2024-07-02 13:00', channel: null, status: 'closed', lead_dept: 'BOE' },
      // 12:00 UTC is 05:00 in Los Angeles in July (PDT, UTC−7)
      { id: '1-005', r: '2024-07-03 05:00', channel: 'phone', status: 'in_progress', lead_dept: 'BOE' },
    ]);
    const ledger = await rows(
      `SELECT "row", "column", reason, severity, "value" FROM import_ledger WHERE dataset = 'hotline'`,
    );
    expect(ledger).toEqual([
      { row: 5, column: 'channel', reason: 'unknown_enum_value', severity: 'warning', value: 'Email' },
    ]);
  });

  it('binds mapping strings instead of pasting them into SQL', async () => {
    const evil = "Call'; DROP TABLE hotline; --";
    const csv = `SRNumber,CreatedDate,RequestSource\n9,2024-01-01,${JSON.stringify(evil)}\n`;
    const mapping = parseMapping({
      dataset: 'hotline',
      columns: { ticket_id: 'SRNumber', received_at: 'CreatedDate', channel: 'RequestSource' },
      values: { channel: { [evil]: 'phone' } },
    });
    const s = await importFile(engine, 'evil.csv', utf8(csv), { mapping });
    expect(s.loaded).toBe(1);
    expect(await rows('SELECT channel FROM hotline')).toEqual([{ channel: 'phone' }]);
  });

  it('names every problem of a bad mapping file', () => {
    const bad = (m: unknown) => () => parseMapping(m, 'm.json');
    expect(bad([])).toThrow(MappingError);
    expect(bad({ dataset: 'tickets' })).toThrow(/m\.json: "dataset" must be one of cases, items/);
    expect(bad({ dataset: 'hotline', columns: { ticket: 'SR' } })).toThrow(
      /columns\.ticket: "ticket" is not a column of hotline/,
    );
    expect(bad({ dataset: 'hotline', values: { channel: { Call: 'telephone' } } })).toThrow(
      /values\.channel\.Call: "telephone" is not a code of channel \(phone, web/,
    );
    expect(bad({ dataset: 'hotline', formats: { lead_dept: '%Y' } })).toThrow(
      /"lead_dept" is not a date column/,
    );
    expect(bad({ timezone: 'Mars/Base' })).toThrow(/"Mars\/Base" is not an IANA time zone/);
    expect(bad({ colums: {} })).toThrow(/unknown key "colums"/);
  });

  it('says which mapped column the file lacks', async () => {
    const mapping = parseMapping({
      dataset: 'hotline',
      columns: { ticket_id: 'TicketNo', received_at: 'CreatedDate' },
    });
    await expect(importFile(engine, 'x.csv', utf8(US_HOTLINE), { mapping })).rejects.toThrow(
      /x\.csv: the mapping names column\(s\) the file does not have: TicketNo \(for ticket_id\)/,
    );
  });
});
