import { describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import '../src/index.ts';

/** This file is its own test page, so the guard it installs does not reach other tests. */
describe('offline-guard', () => {
  it('loads normally and refuses, and reports, requests to any other origin', async () => {
    const el = document.createElement('assessment-dashboard');
    el.setAttribute('asset-base', '/node_modules/@duckdb/duckdb-wasm/dist/');
    el.setAttribute('offline-guard', '');
    el.setAttribute('src', URL.createObjectURL(new Blob([SMALL_CASES])));
    const ready = new Promise((resolve) => el.addEventListener('ad-ready', resolve, { once: true }));
    document.body.append(el);
    await ready;
    const blocked: string[] = [];
    window.addEventListener('ad-egress-blocked', (e) =>
      blocked.push((e as CustomEvent<{ url: string }>).detail.url),
    );
    await expect(fetch('https://example.org/leak?data=1')).rejects.toThrow(
      /offline-guard: request to https:\/\/example.org refused/,
    );
    const xhr = new XMLHttpRequest();
    expect(() => xhr.open('POST', 'http://10.0.0.1/collect')).toThrow(/refused/);
    expect(navigator.sendBeacon('https://example.org/beacon', 'x')).toBe(false);
    expect(blocked).toEqual([
      'https://example.org/leak?data=1',
      'http://10.0.0.1/collect',
      'https://example.org/beacon',
    ]);
    // Same-origin requests still work.
    expect((await fetch('/node_modules/@duckdb/duckdb-wasm/package.json')).ok).toBe(true);
    el.remove();
  });
});
