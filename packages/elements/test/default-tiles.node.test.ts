import type { IndicatorResult } from '@assessment-dashboard/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TILES, defaultTiles } from '../src/dashboard/default-tiles.ts';

/** A computed indicator reduced to what the choice reads: its key and whether it has data. */
const c = (key: string, available = true) => ({
  result: { key, status: available ? 'none' : 'unavailable' } as IndicatorResult,
});
const keys = (xs: { result: IndicatorResult }[]) => xs.map((x) => x.result.key);

const CASES = DEFAULT_TILES.map((k) => k as string);
const HOTLINE = ['hot.closure_rate', 'hot.on_time_rate', 'hot.callback_rate', 'hot.satisfaction'];
const REQUESTS = ['foi.request_on_time', 'foi.backlog'];
const DISCLOSURES = ['foi.volume_by_month', 'foi.proactive_timely'];
/** Every tile indicator, those of the datasets in `loaded` with data, the rest unavailable. */
const catalogue = (...loaded: string[][]) =>
  [CASES, HOTLINE, REQUESTS, DISCLOSURES, ['item.instant_rate']].flatMap((group) =>
    group.map((k) => c(k, loaded.includes(group))),
  );

describe('defaultTiles', () => {
  it('shows the case tiles whenever case data is loaded, whatever came with it', () => {
    expect(keys(defaultTiles(catalogue(CASES)))).toEqual(CASES);
    expect(keys(defaultTiles(catalogue(CASES, HOTLINE, REQUESTS, DISCLOSURES)))).toEqual(CASES);
  });

  it('shows the loaded dataset’s own overview when there are no cases', () => {
    expect(keys(defaultTiles(catalogue(HOTLINE)))).toEqual(HOTLINE);
    expect(keys(defaultTiles(catalogue(REQUESTS)))).toEqual(REQUESTS);
    expect(keys(defaultTiles(catalogue(DISCLOSURES)))).toEqual(DISCLOSURES);
    expect(keys(defaultTiles(catalogue(HOTLINE, DISCLOSURES)))).toEqual([...HOTLINE, ...DISCLOSURES]);
  });

  it('keeps a dataset’s unavailable tile beside its computable ones, and falls back to the case tiles', () => {
    const partial = catalogue(REQUESTS).map((x) =>
      x.result.key === 'foi.backlog' ? c('foi.backlog', false) : x,
    );
    expect(keys(defaultTiles(partial))).toEqual(REQUESTS);
    // Nothing with data (e.g. only an item catalogue): the case tiles, which name the columns they lack.
    expect(keys(defaultTiles(catalogue()))).toEqual(CASES);
  });
});
