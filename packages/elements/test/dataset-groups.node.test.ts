import { type Engine, importFile, type Selection } from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PANELS } from '../src/panels/built-in.ts';
import {
  currentGroup,
  type DatasetGroupOptions,
  datasetGroups,
  wantedGroups,
} from '../src/session/dataset-groups.ts';

/**
 * The dataset panels' grouped queries under a click: each follows its own dataset's filters and the months,
 * not its own column's pick, and a query whose filters the click leaves unchanged is not run again.
 */
const HOTLINE = [
  '工单编号,受理时间,诉求渠道,承办单位,办理时限,办结时间,工单状态',
  'H1,2025-03-03 08:00:00,电话,甲局,2025-03-10 08:00:00,2025-03-05 10:00:00,已办结',
  'H2,2025-03-04 09:00:00,微信,甲局,2025-03-11 09:00:00,,办理中',
  'H3,2025-04-05 10:00:00,电话,乙局,2025-04-12 10:00:00,2025-04-20 10:00:00,已办结',
].join('\n');

let engine: Engine;
let queries = 0;
beforeAll(async () => {
  const node = await NodeEngine.create();
  await importFile(node, 'hotline.csv', new TextEncoder().encode(HOTLINE));
  // Counts the statements run, to see which queries a click reruns.
  engine = new Proxy(node, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      // Bound to the engine itself: its private fields are not the proxy's.
      return (...args: unknown[]) => {
        if (key === 'query') queries++;
        return value.apply(target, args);
      };
    },
  });
});
afterAll(async () => {
  await (engine as unknown as { close?: () => Promise<void> }).close?.();
});

const options = (
  selection: Selection[],
  previous?: DatasetGroupOptions['previous'],
): DatasetGroupOptions => ({
  asOf: '2025-04-30',
  shownAsOf: '2025-04-30 23:59:59',
  config: undefined,
  loaded: new Set(['hot.closure_rate', 'hot.on_time_rate']),
  wants: (need) => need === 'hotline-groups',
  signal: new AbortController().signal,
  selection,
  previous,
});
const pick = (dataset: Selection['dataset'], column: string, value: string): Selection => ({
  dataset,
  column,
  value,
  label: value,
});
const tickets = (g: Awaited<ReturnType<typeof datasetGroups>>, name: 'hotline.dept' | 'hotline.channel') =>
  Object.fromEntries(
    (g?.groups[name] ?? [])
      .filter((r) => r.key === 'hot.closure_rate')
      .map((r) => [r.group?.value ?? '', r.denominator]),
  );

describe('grouped dataset queries under a click', () => {
  it('keeps every bar of the picked chart, filters the others, and reruns only what the click changed', async () => {
    const base = await datasetGroups(engine, options([]));
    expect(tickets(base, 'hotline.dept')).toEqual({ 甲局: 2, 乙局: 1 });
    expect(tickets(base, 'hotline.channel')).toEqual({ phone: 2, wechat: 1 });
    // A case filter changes nothing in the hotline: no statement runs, the same results are kept.
    queries = 0;
    const cases = await datasetGroups(engine, options([pick('cases', 'dept_name', '甲局')], base));
    expect(queries).toBe(0);
    expect(cases?.groups['hotline.dept']).toBe(base?.groups['hotline.dept']);
    expect(cases?.selection).toEqual([pick('cases', 'dept_name', '甲局')]);
    // So the panels keep showing them under that click, but not under a hotline one until it is answered.
    expect(currentGroup(base, 'hotline.channel', [pick('cases', 'dept_name', '甲局')])).toBe(
      base?.groups['hotline.channel'],
    );
    expect(currentGroup(base, 'hotline.channel', [pick('hotline', 'lead_dept', '甲局')])).toBeUndefined();
    expect(currentGroup(base, 'hotline.dept', [pick('hotline', 'lead_dept', '甲局')])).toBe(
      base?.groups['hotline.dept'],
    );
    // A 承办单位 pick: the department chart keeps both bars (reused), the channels are 甲局's only.
    queries = 0;
    const dept = await datasetGroups(engine, options([pick('hotline', 'lead_dept', '甲局')], base));
    expect(dept?.groups['hotline.dept']).toBe(base?.groups['hotline.dept']);
    expect(tickets(dept, 'hotline.channel')).toEqual({ phone: 1, wechat: 1 });
    expect(queries).toBeGreaterThan(0);
    // A month: every query follows it (April: 乙局's one ticket by phone; every group is kept, at 0).
    const april = await datasetGroups(engine, options([pick('all', 'month', '2025-04')], dept));
    expect(tickets(april, 'hotline.dept')).toEqual({ 甲局: 0, 乙局: 1 });
    expect(tickets(april, 'hotline.channel')).toEqual({ phone: 1, wechat: 0 });
  });

  it('runs no query that only a folded panel reads, except the department query the overview ranks by', async () => {
    const wanted = wantedGroups(BUILT_IN_PANELS, new Set(['hotline-channel', 'hotline-dept']));
    expect(wanted('hotline.channel')).toBe(false);
    expect(wanted('hotline.dept')).toBe(true);
    expect(wanted('hotline.month')).toBe(true);
    // A panel of the host's that needs the hotline groups without naming which reads every one of them.
    const custom = { name: 'mine', needs: ['hotline-groups'] };
    expect(wantedGroups([...BUILT_IN_PANELS, custom], new Set(['hotline-channel']))('hotline.channel')).toBe(
      true,
    );
    queries = 0;
    const folded = await datasetGroups(engine, { ...options([]), wantsGroup: wanted });
    expect(folded?.groups['hotline.channel']).toBeUndefined();
    expect(tickets(folded, 'hotline.dept')).toEqual({ 甲局: 2, 乙局: 1 });
    const some = queries;
    queries = 0;
    await datasetGroups(engine, options([]));
    expect(queries).toBeGreaterThan(some);
  });
});
