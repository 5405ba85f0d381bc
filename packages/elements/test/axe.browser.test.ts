import type { BackfillResult, ReconcileResult, WatchList } from '@assessment-dashboard/core';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { SUP_CASES, SUP_RECEIPTS, SUP_STEPS } from '../../core/test/fixtures/supervision.ts';
import '../src/index.ts';
import '../src/supervision/define.ts';
import '../src/watch-list/define.ts';

/**
 * Accessibility first: axe-core (WCAG 2.1 A and AA rules) over every element in the states people see,
 * shadow roots included. A violation fails with the rule, the reason and the offending markup.
 */
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});
beforeAll(() => document.documentElement.setAttribute('lang', 'zh-CN'));

async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} — ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`),
  );
}

function mount(tag: string, attrs: Record<string, string> = {}, props: Record<string, unknown> = {}) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  document.body.append(el);
  mounted.push(el);
  return el;
}

const until = (el: HTMLElement, type: string) =>
  new Promise<void>((resolve, reject) => {
    el.addEventListener(type, () => resolve(), { once: true });
    el.addEventListener('ad-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), {
      once: true,
    });
  });

describe('axe-core', () => {
  it('the dashboard, ready: tiles, charts, trend, scorecard, watch list, supervision, import report', async () => {
    const el = mount('assessment-dashboard', {
      'asset-base': '/node_modules/@duckdb/duckdb-wasm/dist/',
      src: blobUrl(SUP_CASES),
      disclosures: blobUrl(SMALL_DISCLOSURES),
      steps: blobUrl(SUP_STEPS),
      receipts: blobUrl(SUP_RECEIPTS),
      'as-of': '2025-03-31',
    });
    await until(el, 'ad-ready');
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('assessment-scorecard table')).toBeDefined(), {
      timeout: 30_000,
    });
    await vi.waitFor(
      () =>
        expect(
          el.shadowRoot?.querySelector('assessment-scorecard')?.shadowRoot?.querySelector('table'),
        ).not.toBeNull(),
      { timeout: 30_000 },
    );
    expect(await violations(el)).toEqual([]);
  }, 90_000);

  it('the dashboard with a filter chip, and in English', async () => {
    const el = mount('assessment-dashboard', {
      'asset-base': '/node_modules/@duckdb/duckdb-wasm/dist/',
      src: blobUrl(SMALL_CASES),
      disclosures: blobUrl(SMALL_DISCLOSURES),
      lang: 'en',
    }) as HTMLElement & { select(s: unknown[]): Promise<void> };
    await until(el, 'ad-ready');
    await el.select([{ dataset: 'disclosures', column: 'domain', value: 'budget', label: 'Budget' }]);
    expect(await violations(el)).toEqual([]);
  }, 90_000);

  it('the drop zone, the error state and the column-mapping screen', async () => {
    const idle = mount('assessment-dashboard', { 'asset-base': '/node_modules/@duckdb/duckdb-wasm/dist/' });
    await (idle as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(await violations(idle)).toEqual([]);
    const failed = mount('assessment-dashboard', {
      'asset-base': '/node_modules/@duckdb/duckdb-wasm/dist/',
      src: '/no/such/file.csv',
    });
    await new Promise((r) => failed.addEventListener('ad-error', r, { once: true }));
    await (failed as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(await violations(failed)).toEqual([]);
    const unknown = mount('assessment-dashboard', {
      'asset-base': '/node_modules/@duckdb/duckdb-wasm/dist/',
      src: blobUrl('foo,bar\n1,2\n'),
    });
    await vi.waitFor(
      () => expect(unknown.shadowRoot?.querySelector('assessment-column-mapper')).not.toBeNull(),
      {
        timeout: 30_000,
      },
    );
    const mapper = unknown.shadowRoot?.querySelector('assessment-column-mapper') as unknown as {
      updateComplete: Promise<unknown>;
    };
    await mapper.updateComplete;
    expect(await violations(unknown)).toEqual([]);
  }, 90_000);

  it('the watch list and supervision elements on their own', async () => {
    const watch: WatchList = {
      asOf: '2025-03-18 23:59:59',
      rows: [
        {
          case_id: 'C07',
          dept_name: '乙局',
          item_name: null,
          accepted_at: null,
          due_day: '2025-03-10',
          card: 'red',
          working_days: 6,
        },
      ],
      total: { red: 1, yellow: 0 },
      byDept: [{ dept_name: '乙局', red: 1, yellow: 0 }],
    };
    const w = mount('assessment-watch-list', {}, { watchList: watch });
    const backfill: BackfillResult = { flags: [], byDept: [], stepsChecked: 3 };
    const reconciliation: ReconcileResult = {
      flags: [
        {
          reason: 'receipt_without_case',
          payment_ref: 'P9',
          dept_name: '甲局',
          case_ids: [],
          case_amount: null,
          receipt_amount: 5,
          difference: 5,
        },
      ],
      byDept: [],
      totals: { case_amount: 0, receipt_amount: 5, unmatched_amount: 5, flags: 1 },
    };
    const s = mount('assessment-supervision', {}, { backfill, reconciliation });
    await Promise.all(
      [w, s].map((e) => (e as unknown as { updateComplete: Promise<unknown> }).updateComplete),
    );
    expect(await violations(w)).toEqual([]);
    expect(await violations(s)).toEqual([]);
  });
});
