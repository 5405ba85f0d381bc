import { describe, expect, it } from 'vitest';
import { suggestCode, unknownValues } from '../src/import/recode-values.ts';
import { DATASETS } from '../src/schema/datasets.ts';
import { APPLY_CHANNELS, HOTLINE_CHANNELS } from '../src/schema/enums.ts';
import { isBlankLabel } from '../src/schema/normalise-label.ts';

const channel = DATASETS.hotline.fields.find((f) => f.key === 'channel');

describe('unknownValues', () => {
  it('lists only what the importer would not recognise, most frequent first, with suggestions', () => {
    if (!channel) throw new Error('hotline has a channel field');
    const counts = [
      { value: '电话', count: 50 }, // a label
      { value: 'phone', count: 3 }, // a code
      { value: '（微信）', count: 2 }, // a label after normalisation
      { value: '—', count: 9 }, // blank: not applicable
      { value: 'Call', count: 8123 },
      { value: '市长信箱', count: 40 },
      { value: 'Self Service', count: 812 },
    ];
    expect(unknownValues(channel, counts)).toEqual([
      { value: 'Call', count: 8123, suggested: undefined },
      { value: 'Self Service', count: 812, suggested: undefined },
      { value: '市长信箱', count: 40, suggested: 'mailbox' },
    ]);
    // Values the mapping already codes are no longer unknown.
    expect(unknownValues(channel, counts, { Call: 'phone' }).map((u) => u.value)).toEqual([
      'Self Service',
      '市长信箱',
    ]);
  });
});

describe('suggestCode', () => {
  it('suggests by shared words and character pairs, and nothing when none is close', () => {
    expect(suggestCode(APPLY_CHANNELS, 'Self Service')).toBe('self_service');
    expect(suggestCode(APPLY_CHANNELS, 'Online PC portal')).toBe('online_pc');
    expect(suggestCode(HOTLINE_CHANNELS, '网站留言')).toBe('web');
    expect(suggestCode(HOTLINE_CHANNELS, 'Mobile App')).toBe('app');
    expect(suggestCode(HOTLINE_CHANNELS, 'Call')).toBeUndefined();
    expect(suggestCode(HOTLINE_CHANNELS, 'Walk-in')).toBeUndefined();
  });
});

describe('isBlankLabel', () => {
  it('is true for dashes, slashes and dots only', () => {
    expect(['—', '/', '－', ' . ', '——'].map(isBlankLabel)).toEqual([true, true, true, true, true]);
    expect(['无', 'a-b', '-1'].map(isBlankLabel)).toEqual([false, false, false]);
  });
});
