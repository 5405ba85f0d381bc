import { describe, expect, it } from 'vitest';
import { changedItems, changedValue } from '../src/changed-value.ts';

describe('property comparison by value', () => {
  it('changedItems: same items in a new list are no change; any other difference is', () => {
    expect(changedItems(['a', 'b'], ['a', 'b'])).toBe(false);
    expect(changedItems(new Float64Array([1, Number.NaN]), new Float64Array([1, Number.NaN]))).toBe(false);
    expect(changedItems([1, 2], new Float64Array([1, 2]))).toBe(false);
    expect(changedItems(undefined, undefined)).toBe(false);
    expect(changedItems(['a', 'b'], ['a', 'c'])).toBe(true);
    expect(changedItems(['a'], ['a', 'b'])).toBe(true);
    expect(changedItems([0], [-0])).toBe(true);
    expect(changedItems(undefined, [])).toBe(true);
    expect(changedItems(['2025-01', '2025-03'], undefined)).toBe(true);
  });

  it('changedValue: equal plain data is no change', () => {
    expect(changedValue({ dept_name: ['a'] }, { dept_name: ['a'] })).toBe(false);
    expect(changedValue({ dept_name: ['a'] }, { dept_name: ['b'] })).toBe(true);
  });
});
