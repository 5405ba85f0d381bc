import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCount,
  formatCountInText,
  formatMonth,
  formatOrWithheld,
  formatPercent,
  isCompacted,
} from '../src/i18n/format.ts';

describe('formatCompact: large counts as a reader of the language abbreviates them', () => {
  it('Chinese: 万 from ten thousand, 亿 from a hundred million, one decimal at most', () => {
    expect(formatCompact(12_459, 'zh')).toBe('1.2万');
    expect(formatCompact(10_000, 'zh')).toBe('1万');
    expect(formatCompact(345_000, 'zh')).toBe('34.5万');
    expect(formatCompact(340_000_000, 'zh')).toBe('3.4亿');
    expect(formatCompact(123_456_789, 'zh')).toBe('1.2亿');
    expect(formatCompact(-15_000, 'zh')).toBe('-1.5万');
  });

  it('English: K and M, one decimal at most', () => {
    expect(formatCompact(12_459, 'en')).toBe('12.5K');
    expect(formatCompact(340_000_000, 'en')).toBe('340M');
    expect(formatCompact(2_500_000, 'en')).toBe('2.5M');
  });

  it('below ten thousand: the exact count with 千分位 digit grouping, in both languages', () => {
    expect(formatCompact(9_876, 'zh')).toBe('9,876');
    expect(formatCompact(9_876, 'en')).toBe('9,876');
    expect(formatCompact(42, 'zh')).toBe('42');
    expect(isCompacted(9_999)).toBe(false);
    expect(isCompacted(10_000)).toBe(true);
  });

  it('never abbreviates what tables show: formatCount stays exact', () => {
    expect(formatCount(123_456_789, 'zh')).toBe('123,456,789');
    expect(formatCount(12_459, 'en')).toBe('12,459');
    expect(formatOrWithheld(12_459, 'zh')).toBe('12,459');
  });

  it('in running text (summaries, accessible names) the exact count follows the abbreviation', () => {
    expect(formatCountInText(12_459, 'zh')).toBe('1.2万（12,459）');
    expect(formatCountInText(12_459, 'en')).toBe('12.5K (12,459)');
    expect(formatCountInText(4_300, 'zh')).toBe('4,300');
  });

  it('non-finite values are a dash, not "NaN万"', () => {
    expect(formatCompact(Number.NaN, 'zh')).toBe('–');
    expect(formatCompact(Number.POSITIVE_INFINITY, 'en')).toBe('–');
  });
});

describe('dates and percentages', () => {
  it('months read 2025年3月 / Mar 2025, also from a full date', () => {
    expect(formatMonth('2025-03', 'zh')).toBe('2025年3月');
    expect(formatMonth('2025-03-14', 'zh')).toBe('2025年3月');
    expect(formatMonth('2025-03', 'en')).toBe('Mar 2025');
  });

  it('percent with one decimal', () => {
    expect(formatPercent(0.5834, 'zh')).toBe('58.3%');
    expect(formatPercent(1, 'en')).toBe('100.0%');
  });
});
