import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { snapshotBanner } from '../src/dashboard/snapshot-mode.ts';
import { snapshotPainted as painted } from './fixtures/snapshot-state.ts';

// While the full data loads behind a painted snapshot, its bar shows how far (never indeterminate: Chrome
// redraws such a bar all the time, 35–45 ms of CPU a second, taken from the load).
describe('the snapshot banner', () => {
  it('draws the load behind the snapshot as a bar with a value', () => {
    const host = document.createElement('div');
    render(snapshotBanner(painted({ url: 's.arrow', status: 'loading', fraction: 0.5 }), 'zh'), host);
    const bar = host.querySelector('progress');
    expect(bar?.getAttribute('value')).toBe('0.5');
    expect(bar?.getAttribute('max')).toBe('1');
    expect(bar?.getAttribute('aria-label')).toBeTruthy();
    render(snapshotBanner(painted({ url: 's.arrow', status: 'loading' }), 'en'), host);
    expect(host.querySelector('progress')?.getAttribute('value')).toBe('0');
  });

  it('draws no bar once the snapshot is only shown', () => {
    const host = document.createElement('div');
    render(snapshotBanner(painted({ url: 's.arrow', status: 'shown' }), 'zh'), host);
    expect(host.querySelector('progress')).toBeNull();
    expect(host.querySelector('[role="status"]')).not.toBeNull();
  });
});
