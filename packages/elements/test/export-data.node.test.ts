import type { IndicatorResult } from '@assessment-dashboard/core';
import { describe, expect, it } from 'vitest';
import { indicatorsCsv, indicatorsSheet } from '../src/export/export-data.ts';

const unavailable: IndicatorResult = {
  key: 'case.online_closed_rate',
  label: { zh: '网上办结率', en: 'Closed-online rate' },
  kind: 'rate',
  unit: 'percent',
  direction: 'higher',
  value: null,
  numerator: null,
  denominator: null,
  ci: null,
  target: 0.4,
  status: 'unavailable',
  missing: [{ column: 'closed_online', header: '是否网上办结' }],
  asOf: '2025-03-15 23:59:59',
  filters: {},
  formula: { zh: 'f', en: 'f' },
  source: 's',
};

describe('indicator exports of an indicator the export cannot answer', () => {
  it('leave the numbers empty and give the status with its reason', () => {
    const [header, row] = indicatorsCsv([unavailable], 'zh').replace('\uFEFF', '').trim().split('\r\n');
    const cells = (row ?? '').split(',');
    const at = (name: string) => cells[(header ?? '').split(',').indexOf(name)];
    expect([at('value'), at('numerator'), at('denominator')]).toEqual(['', '', '']);
    expect(at('status')).toBe('unavailable');
    expect(at('status_reason')).toBe('本导出无此数据：缺少「是否网上办结」列');
    const sheet = indicatorsSheet([unavailable], 'en');
    const names = sheet.rows[0]?.map((c) => c?.value);
    const values = sheet.rows[1]?.map((c) => c?.value);
    expect(values?.[names?.indexOf('status_reason') ?? -1]).toBe(
      'Not in this export: no 是否网上办结 (closed_online) column',
    );
    expect(values?.[names?.indexOf('value') ?? -1]).toBeNull();
  });
});
