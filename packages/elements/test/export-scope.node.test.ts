import type { IndicatorResult, Selection } from '@assessment-dashboard/core';
import { describe, expect, it } from 'vitest';
import { breakdownCsv, breakdownSheet, indicatorsCsv } from '../src/export/export-data.ts';
import { captionLines, clauseScope, filtersJson, scopeText } from '../src/export/export-scope.ts';
import { indicatorScope } from '../src/export/indicator-scope.ts';
import { pngText, withPngText } from '../src/export/png-text.ts';

const dept: Selection = { dataset: 'cases', column: 'dept_name', value: '县民政局', label: '县民政局' };
const dept2: Selection = { dataset: 'cases', column: 'dept_name', value: '县财政局', label: '县财政局' };
const months: Selection = {
  dataset: 'all',
  column: 'month',
  value: '2025-01..2025-03',
  label: '2025年1月–2025年3月',
};
const hotline: Selection = {
  dataset: 'hotline',
  column: 'lead_dept',
  value: '县城市管理局',
  label: '县城市管理局',
};
const selection = [dept, dept2, months, hotline];

describe('the scope of a view under the chart filters', () => {
  it('applies its datasets and the months, highlights its own column, names what it ignores', () => {
    const s = clauseScope(selection, { datasets: ['cases'], own: { dataset: 'cases', column: 'dept_name' } });
    expect(s.applied).toEqual([months]);
    expect(s.highlighted).toEqual([dept, dept2]);
    expect(s.ignored).toEqual([hotline]);
    expect(clauseScope(selection, { datasets: ['cases'], months: false }).ignored).toEqual([months, hotline]);
    expect(clauseScope(selection, { datasets: 'all', none: true }).ignored).toEqual(selection);
    // An `all` clause applies to a view whose dataset has the column (channel: cases yes, disclosures no).
    const channel: Selection = { dataset: 'all', column: 'channel', value: '电话', label: '电话' };
    expect(clauseScope([channel], { datasets: ['hotline'] }).applied).toEqual([channel]);
    expect(clauseScope([channel], { datasets: ['disclosures'] }).ignored).toEqual([channel]);
  });

  it('writes the filters column with every value and the month range, and says the scope in words', () => {
    const s = clauseScope(selection, { datasets: ['cases'] });
    expect(JSON.parse(filtersJson(s))).toEqual({
      'cases.dept_name': ['县民政局', '县财政局'],
      'all.month': ['2025-01..2025-03'],
    });
    expect(scopeText(s, 'zh')).toBe(
      '筛选：县民政局、县财政局、2025年1月–2025年3月；不受筛选影响：县城市管理局',
    );
    expect(scopeText(clauseScope([], { datasets: 'all' }), 'en')).toBe('Scope: all data (no filter)');
    expect(
      captionLines({ title: 'T', asOf: '2025-03-15 23:59:59', scope: s, source: 'S' }, 'en').slice(0, 2),
    ).toEqual(['T', 'Data as of 2025-03-15']);
  });

  it('gives each exported indicator its own dataset and month scope', () => {
    // A case rate follows the case filters and the months; a hotline rate only the hotline one and the months.
    expect(indicatorScope('case.online_apply_rate', selection).ignored).toEqual([hotline]);
    expect(indicatorScope('hot.closure_rate', selection).applied).toEqual([months, hotline]);
    const result = { key: 'case.online_apply_rate', kind: 'rate', label: { zh: '上网办理率', en: 'x' } };
    const csv = indicatorsCsv(
      [{ ...result, formula: { zh: '', en: '' }, asOf: '2025-03-15 23:59:59' } as unknown as IndicatorResult],
      'zh',
      (key) => indicatorScope(key, selection),
    );
    const [header = '', row = ''] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(header.endsWith(',as_of,filters,scope')).toBe(true);
    expect(row).toContain(
      '"{""cases.dept_name"":[""县民政局"",""县财政局""],""all.month"":[""2025-01..2025-03""]}"',
    );
    expect(row).toContain('不受筛选影响：县城市管理局');
  });

  it('puts title, as-of, filters, scope and source on every row of a chart export (CSV and XLSX)', () => {
    const chart = {
      title: '各渠道办件量',
      asOf: '2025-03-15 23:59:59',
      source: '办件',
      scope: clauseScope([dept, months], { datasets: ['cases'] }),
      rows: [{ key: 'web', label: '网上', value: 3 }],
    };
    const [header, row] = breakdownCsv(chart, 'zh').replace('\uFEFF', '').trim().split('\r\n');
    expect(header).toBe('indicator,category,label,value,withheld,as_of,filters,scope,source');
    expect(row).toBe(
      '各渠道办件量,web,网上,3,,2025-03-15 23:59:59,"{""cases.dept_name"":[""县民政局""],""all.month"":[""2025-01..2025-03""]}",筛选：县民政局、2025年1月–2025年3月,办件',
    );
    const sheet = breakdownSheet(chart, chart.title, 'zh');
    expect(sheet.rows[1]?.map((c) => c?.value)).toEqual([
      '各渠道办件量',
      'web',
      '网上',
      3,
      '',
      '2025-03-15 23:59:59',
      '{"cases.dept_name":["县民政局"],"all.month":["2025-01..2025-03"]}',
      '筛选：县民政局、2025年1月–2025年3月',
      '办件',
    ]);
  });

  it('writes and reads UTF-8 text chunks in a PNG', async () => {
    // The smallest PNG: signature, IHDR (1×1), IDAT, IEND.
    const b64 =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const png = new Blob([Buffer.from(b64, 'base64')], { type: 'image/png' });
    const out = await withPngText(png, {
      Title: '各渠道办件量',
      Description: '数据截至 2025-03-15\n筛选：县民政局',
    });
    const bytes = new Uint8Array(await out.arrayBuffer());
    expect(pngText(bytes)).toEqual({
      Title: '各渠道办件量',
      Description: '数据截至 2025-03-15\n筛选：县民政局',
    });
    // Still a PNG: the signature and the IHDR chunk first.
    expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  });
});
