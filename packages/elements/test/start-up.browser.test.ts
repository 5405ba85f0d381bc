import { ReactiveElement } from 'lit';
import { afterEach, expect, it, vi } from 'vitest';
import { StartUp } from '../src/dashboard/start-up.ts';
import { TILE_STYLES } from '../src/panels/tile-font-warmup.ts';

// The tiles' text styles are laid out one a frame once the download is over (start-up.ts): while the
// browser process passes a large download, the page's font look-ups wait on it.
const ASSETS = '/packages/elements/assets/';
const frames = (n: number) =>
  new Promise<void>((ok) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : ok());
    step(n);
  });

class StartUpHost extends ReactiveElement {
  settled = false;
  opened = 0;
  readonly startUp = new StartUp(
    this,
    () => 'zh',
    () => ASSETS,
    () => this.opened++,
    () => this.settled,
  );
}
customElements.define('start-up-host', StartUpHost);

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

it('holds the tiles’ text styles while the download is under way, then lays them out one a frame', async () => {
  const host = document.createElement('start-up-host') as StartUpHost;
  document.body.append(host);
  mounted.push(host);
  await host.startUp.whenReady();
  expect(host.startUp.ready).toBe(true);
  expect(host.opened).toBe(1);
  await frames(TILE_STYLES.length + 4);
  expect(host.startUp.warmStyles).toBe(0);
  // A state change while still downloading keeps them held.
  host.startUp.loadChanged();
  await frames(3);
  expect(host.startUp.warmStyles).toBe(0);
  host.settled = true;
  host.startUp.loadChanged();
  // one style a frame (each waits a frame and a task), not all at once
  await frames(2);
  expect(host.startUp.warmStyles).toBeGreaterThan(0);
  expect(host.startUp.warmStyles).toBeLessThan(TILE_STYLES.length);
  await vi.waitFor(() => expect(host.startUp.warmStyles).toBe(TILE_STYLES.length));
});

it('lays the styles out at once after the first text when nothing downloads', async () => {
  const host = document.createElement('start-up-host') as StartUpHost;
  host.settled = true;
  document.body.append(host);
  mounted.push(host);
  await host.startUp.whenReady();
  await vi.waitFor(() => expect(host.startUp.warmStyles).toBe(TILE_STYLES.length));
});
