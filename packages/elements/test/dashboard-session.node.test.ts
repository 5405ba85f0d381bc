import type { Selection } from '@assessment-dashboard/core';
import { type Engine, EngineCrashedError, importFile, RemoteEngineError } from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import { buildSnapshot } from '@assessment-dashboard/core/snapshot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { type Input, type LoadState, shownResults } from '../src/dashboard/load-state.ts';
import { FetchError, TooLargeError } from '../src/load/fetch-with-progress.ts';
import { DashboardSession } from '../src/session/dashboard-session.ts';
import type { SessionSettings } from '../src/session/session-settings.ts';
import type { EngineSource } from '../src/session/sources.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** An input read from memory, reporting its bytes in two steps as a download would. */
const memory = (name: string, text: string, dataset?: Input['dataset']): Input => ({
  name,
  label: name,
  dataset,
  read: async (onProgress) => {
    const bytes = utf8(text);
    onProgress(Math.floor(bytes.length / 2), bytes.length);
    onProgress(bytes.length, bytes.length);
    return bytes;
  },
});

const failing = (name: string, error: Error): Input => ({
  name,
  label: name,
  dataset: undefined,
  read: async () => {
    throw error;
  },
});

/** Native DuckDB engines; `wrap` may put a gate or a fault in front of one. */
function nodeEngines(wrap: (e: Engine) => Engine = (e) => e) {
  const opened: Engine[] = [];
  const discarded: string[] = [];
  const source: EngineSource = {
    begin: () => ({
      open: async () => {
        const engine = wrap(await NodeEngine.create({ threads: 1 }));
        opened.push(engine);
        return engine;
      },
      discard: (reason) => discarded.push(reason),
      release: () => {},
    }),
  };
  return { source, opened, discarded };
}

const sessions: DashboardSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

function session(inputs: Input[], engines: EngineSource, extra: Partial<SessionSettings> = {}) {
  const settings: SessionSettings = {
    inputs,
    engines,
    asOf: '2025-03-15',
    lang: 'zh',
    id: 'test',
    wants: () => false,
    ...extra,
  };
  const s = new DashboardSession(() => settings);
  sessions.push(s);
  const states: LoadState[] = [];
  s.addEventListener('state', () => states.push(s.state));
  return { s, states };
}

const value = (s: DashboardSession, key: string) => shownResults(s.state).find((r) => r.key === key);
const byDept = (dept: string): Selection => ({
  dataset: 'cases',
  column: 'dept_name',
  value: dept,
  label: dept,
});
const closed: Selection = { dataset: 'cases', column: 'status', value: 'closed', label: '已办结' };

describe('DashboardSession on native DuckDB', () => {
  it('loads with progress (bytes, then rows, then computing) and shows the hand-checked indicators', async () => {
    const { source } = nodeEngines();
    const { s, states } = session(
      [memory('cases.csv', SMALL_CASES), memory('disclosures.csv', SMALL_DISCLOSURES, 'disclosures')],
      source,
    );
    const ready = new Promise<unknown>((r) =>
      s.addEventListener('ready', (e) => r((e as CustomEvent).detail)),
    );
    await s.load();
    const casesBytes = utf8(SMALL_CASES).length;
    const phases = states.map((x) =>
      x.phase === 'fetching'
        ? `fetching ${x.file} ${x.loaded}/${x.total}`
        : x.phase === 'importing'
          ? `importing ${x.file} ${x.rows}${x.parsed === undefined ? '' : ` parsed ${x.parsed}`}`
          : x.phase === 'computing' && x.tiles
            ? `tiles ${x.tiles.map((t) => `${t.result.key}${t.pending ? ' pending' : ''}`).join(', ')}`
            : x.phase,
    );
    expect(phases.slice(0, 4)).toEqual([
      'fetching cases.csv 0/undefined',
      `fetching cases.csv ${Math.floor(casesBytes / 2)}/${casesBytes}`,
      `fetching cases.csv ${casesBytes}/${casesBytes}`,
      'fetching disclosures.csv 0/undefined',
    ]);
    // The rows before each file: none before the first, the ten cases before the disclosures; each file's
    // own rows once parsed (10 case lines, 4 disclosure lines).
    expect(phases.slice(6)).toEqual([
      'starting-engine',
      'importing cases.csv 0',
      'importing cases.csv 0 parsed 10',
      'importing disclosures.csv 10',
      'importing disclosures.csv 10 parsed 4',
      'computing',
      // The case tiles first, all four at once (the overdue count over facts computed inline), then every
      // indicator.
      'tiles case.online_apply_rate, case.online_closed_rate, case.closure_rate, case.overdue_count',
      'ready',
      'ready',
    ]);
    const early = states.flatMap((x) => (x.phase === 'computing' && x.tiles ? [x.tiles] : []));
    expect(early[0]?.[0]?.result).toMatchObject({ numerator: 6, denominator: 10, value: 0.6 });
    expect(early[0]?.[2]?.result).toMatchObject({ numerator: 6, denominator: 8 });
    expect(early[0]?.[3]?.result.value).toBe(3);
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 6, denominator: 10, value: 0.6 });
    expect(value(s, 'case.closure_rate')).toMatchObject({ numerator: 6, denominator: 8 });
    expect(value(s, 'case.overdue_count')?.value).toBe(3);
    const detail = (await ready) as { imports: { loaded: number }[] };
    expect(detail.imports.map((i) => i.loaded)).toEqual([10, 4]);
    // After the cubes: cases per department (甲局 C01–C04, 乙局 C05–C10) and per channel.
    const state = s.state as Extract<LoadState, { phase: 'ready' }>;
    expect(state.byDept).toEqual([
      { key: '乙局', value: 6 },
      { key: '甲局', value: 4 },
    ]);
    expect(state.byChannel?.reduce((n, c) => n + c.value, 0)).toBe(10);
    expect(Object.isFrozen(state)).toBe(true);
  });

  it('select() answers from the cubes, and by query what they cannot answer', async () => {
    const { source } = nodeEngines();
    const { s } = session([memory('cases.csv', SMALL_CASES)], source);
    await s.load();
    await s.select([byDept('乙局')]);
    // 乙局: C05–C10, online C06, C07, C08 = 3 of 6.
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 3, denominator: 6 });
    // The department chart keeps every bar under its own selection.
    expect((s.state as Extract<LoadState, { phase: 'ready' }>).byDept?.length).toBe(2);
    await s.select([byDept('甲局'), closed]);
    // 甲局's closed cases C01–C04 (status is not a cube dimension: computed by query): online C01–C03.
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
  });

  it('drops the answer of a slow selection that a newer one replaced, and stops its queries', async () => {
    let gate: Promise<void> | undefined;
    let queriesWhileHeld = 0;
    const { source } = nodeEngines((engine) => ({
      ...engine,
      name: engine.name,
      query: async (sql, params) => {
        if (gate) {
          queriesWhileHeld++;
          await gate;
        }
        return engine.query(sql, params);
      },
      exec: (sql) => engine.exec(sql),
      close: () => engine.close(),
      registerText: (f, t) => engine.registerText(f, t),
      ...(engine.registerBytes
        ? { registerBytes: (f: string, b: Uint8Array) => engine.registerBytes!(f, b) }
        : {}),
    }));
    const { s } = session([memory('cases.csv', SMALL_CASES)], source);
    await s.load();
    await s.select([]); // the cubes are built
    let release = () => {};
    gate = new Promise<void>((r) => {
      release = r;
    });
    const filters: unknown[] = [];
    s.addEventListener('filter', (e) => filters.push((e as CustomEvent).detail.selection));
    // A: needs a query (status is not in the cubes), held at the gate.
    const slow = s.select([byDept('甲局'), closed]);
    await new Promise((r) => setTimeout(r, 50));
    expect(queriesWhileHeld).toBeGreaterThan(0);
    // B: answered from the cubes at once.
    await s.select([byDept('乙局')]);
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 3, denominator: 6 });
    gate = undefined;
    release();
    await slow;
    // A's answer (3 of 4) arrived last but is dropped: B's numbers and selection stay.
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 3, denominator: 6 });
    expect(shownResults(s.state).filter((r) => r.key === 'case.online_apply_rate')).toHaveLength(1);
    expect(s.selection).toEqual([byDept('乙局')]);
    expect(filters).toEqual([[byDept('乙局')]]);
  });

  it('a crash restarts the load once on a new engine, which shows the numbers', async () => {
    let crashes = 1;
    const { source, opened, discarded } = nodeEngines((e) => ({
      ...e,
      name: e.name,
      registerText: (f, t) => e.registerText(f, t),
      exec: (sql) => e.exec(sql),
      close: () => e.close(),
      query: async (sql, params) => {
        if (crashes-- > 0) throw new EngineCrashedError('DuckDB stopped: RuntimeError: null function');
        return e.query(sql, params);
      },
    }));
    const { s } = session([memory('cases.csv', SMALL_CASES)], source);
    const seen: string[] = [];
    for (const type of ['restart', 'error', 'ready'])
      s.addEventListener(type, (e) => seen.push(`${type} ${(e as CustomEvent).detail.message ?? ''}`.trim()));
    await s.load();
    expect(seen).toEqual(['restart DuckDB stopped: RuntimeError: null function', 'ready']);
    expect(discarded).toEqual(['DuckDB stopped: RuntimeError: null function']);
    expect(opened).toHaveLength(2);
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 6, denominator: 10, value: 0.6 });
  });

  it('names the kind of each failure', async () => {
    const kinds = async (
      inputs: Input[],
      wrap?: (e: Engine) => Engine,
      extra: Partial<SessionSettings> = {},
    ) => {
      const { source, discarded } = nodeEngines(wrap);
      const { s } = session(inputs, source, extra);
      const errors: { kind: string; file?: string; message: string }[] = [];
      s.addEventListener('error', (e) => errors.push((e as CustomEvent).detail));
      await s.load();
      return { state: s.state, errors, discarded };
    };
    const url = 'https://example.gov.cn/data/cases.csv';
    const fetch = await kinds([failing(url, new FetchError(url, 404, 'HTTP 404 Not Found'))]);
    expect(fetch.errors).toEqual([{ kind: 'fetch', file: url, message: 'HTTP 404 Not Found' }]);
    expect(fetch.state).toMatchObject({ phase: 'error', kind: 'fetch', file: url });

    const big = await kinds([failing(url, new TooLargeError(url, 600 * 1024 * 1024, 512 * 1024 * 1024))]);
    expect(big.errors[0]?.kind).toBe('too-large');
    expect(big.errors[0]?.message).toContain('cases.csv');

    const crashed = await kinds([memory('cases.csv', SMALL_CASES)], (e) => ({
      ...e,
      name: e.name,
      registerText: (f, t) => e.registerText(f, t),
      exec: (sql) => e.exec(sql),
      close: () => e.close(),
      query: async () => {
        throw new EngineCrashedError('worker died');
      },
    }));
    // Restarted once on a new engine, which crashes too: then the error.
    expect(crashed.errors).toHaveLength(1);
    expect(crashed.errors[0]).toMatchObject({ kind: 'crash', file: 'cases.csv' });
    expect(crashed.discarded).toEqual(['worker died', 'worker died']);

    const server = await kinds([], undefined, {
      engines: {
        remote: 'https://data.example.gov.cn/',
        begin: () => ({
          open: async () => {
            throw new RemoteEngineError('HTTP 503', 503);
          },
          discard: () => {},
          release: () => {},
        }),
      },
    });
    expect(server.errors[0]?.kind).toBe('server');

    const config = await kinds([memory('cases.csv', SMALL_CASES)], undefined, {
      config: { value: { targets: 'not an object' } },
    });
    expect(config.errors[0]).toMatchObject({ kind: 'engine', file: undefined });
  });

  it('asks for a mapping when the columns are unknown, and loads with the mapping given', async () => {
    const { source } = nodeEngines();
    const odd = 'A,B,C\nD1,a,2025-03-03 09:00:00\n';
    const { s } = session([memory('odd.csv', odd)], source);
    await s.load();
    expect(s.state).toMatchObject({ phase: 'mapping', file: 'odd.csv', problem: expect.any(String) });
    await s.applyFix('odd.csv', {
      dataset: 'disclosures',
      columns: { info_id: 'A', title: 'B', published_at: 'C' },
    });
    expect(s.state.phase).toBe('ready');
    expect((s.state as Extract<LoadState, { phase: 'ready' }>).imports).toMatchObject([
      { dataset: 'disclosures', read: 1, loaded: 1, rejected: 0 },
    ]);
  });

  it('cancel() stops a load: nothing after it changes the state', async () => {
    const { source } = nodeEngines();
    let unblock = () => {};
    const slow: Input = {
      ...memory('cases.csv', SMALL_CASES),
      read: (onProgress) =>
        new Promise((resolve) => {
          onProgress(0, undefined);
          unblock = () => resolve(utf8(SMALL_CASES));
        }),
    };
    const { s, states } = session([slow], source);
    const loading = s.load();
    await new Promise((r) => setTimeout(r, 10));
    s.cancel();
    unblock();
    await loading;
    expect(s.state.phase).toBe('cancelled');
    expect(states.at(-1)?.phase).toBe('cancelled');
  });

  it('cancel() during a new import shows the data before it again, selection and all, and drops the new tables', async () => {
    const { source, opened } = nodeEngines();
    const settings: SessionSettings = {
      inputs: [memory('cases.csv', SMALL_CASES)],
      engines: source,
      asOf: '2025-03-15',
      lang: 'zh',
      id: 'test',
      wants: () => false,
    };
    const s = new DashboardSession(() => settings);
    sessions.push(s);
    await s.load();
    await s.select([byDept('乙局')]);
    const before = s.state;
    expect(before.phase).toBe('ready');
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 3, denominator: 6 });
    // A second file: cancelled as soon as its rows are parsed (mid-import, its raw table filled).
    settings.inputs = [memory('more.csv', SMALL_CASES)];
    const after: LoadState[] = [];
    let answer: string | undefined;
    s.addEventListener('state', () => {
      after.push(s.state);
      if (s.state.phase === 'importing' && s.state.parsed !== undefined) answer = s.cancel();
    });
    await s.load();
    expect(answer).toBe('restored');
    expect(s.state).toBe(before);
    expect(after.at(-1)).toBe(before);
    expect(after.filter((x) => x.phase === 'ready')).toHaveLength(1);
    // The first load's engine answers again, under the kept selection; the cancelled one is closed.
    expect(s.engine).toBe(opened[0]);
    expect(s.selection).toEqual([byDept('乙局')]);
    expect(opened).toHaveLength(2);
    await vi.waitFor(() => expect(opened[1]?.query('SELECT 1')).rejects.toThrow());
    await s.select([byDept('甲局')]);
    // 甲局: C01–C04, online C01–C03.
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 3, denominator: 4 });
    const tables = await opened[0]?.query('SELECT count(*) AS n FROM cases');
    expect(Number(tables?.get(0)?.n)).toBe(10);
  });

  it('cancel() before anything was shown says so, with the file being read', async () => {
    const { source } = nodeEngines();
    const { s } = session([memory('cases.csv', SMALL_CASES)], source);
    let answer: string | undefined;
    s.addEventListener('state', () => {
      if (s.state.phase === 'importing' && !answer) answer = s.cancel();
    });
    await s.load();
    expect(answer).toBe('cancelled');
    expect(s.state).toEqual({ phase: 'cancelled', file: 'cases.csv' });
    expect(s.engine).toBeDefined();
  });

  it('paints a snapshot, then a selection loads the data live behind it and applies there', async () => {
    const maker = await NodeEngine.create({ threads: 1 });
    await importFile(maker, 'cases.csv', utf8(SMALL_CASES));
    const { bytes } = await buildSnapshot(maker, { asOf: '2025-03-15' });
    await maker.close();
    const url = `data:application/octet-stream;base64,${Buffer.from(bytes).toString('base64')}`;
    const { source, opened } = nodeEngines();
    const { s, states } = session([memory('cases.csv', SMALL_CASES)], source, { snapshot: url });
    await s.load();
    expect(s.state).toMatchObject({ phase: 'ready', snapshot: { status: 'shown' } });
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 6, denominator: 10 });
    // No engine until a filter needs the data.
    expect(opened).toHaveLength(0);
    const painted = states.length;
    const chosen: unknown[] = [];
    s.addEventListener('selection', (e) => chosen.push((e as CustomEvent).detail.selection));
    const selecting = s.select([byDept('乙局')]);
    // The selection is announced (the URL follows it) before the data behind the snapshot loads.
    expect(chosen).toEqual([[byDept('乙局')]]);
    await selecting;
    const during = states.slice(painted);
    // While the data loads, the snapshot stays on screen with a status (no progress phase replaces it).
    expect(during[0]).toMatchObject({ phase: 'ready', snapshot: { status: 'loading' } });
    const firstLive = during.findIndex((x) => x.phase === 'ready' && !x.snapshot);
    expect(
      during.slice(0, firstLive).every((x) => x.phase === 'ready' && x.snapshot?.status === 'loading'),
    ).toBe(true);
    expect(opened).toHaveLength(1);
    expect(s.state).toMatchObject({ phase: 'ready' });
    expect((s.state as Extract<LoadState, { phase: 'ready' }>).snapshot).toBeUndefined();
    expect(s.selection).toEqual([byDept('乙局')]);
    // Applied again on the live data: the same selection (the URL is rewritten unchanged).
    expect(chosen).toEqual([[byDept('乙局')], [byDept('乙局')]]);
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 3, denominator: 6 });
  });

  it('without a source to load, a selection on a snapshot says it needs the data', async () => {
    const maker = await NodeEngine.create({ threads: 1 });
    await importFile(maker, 'cases.csv', utf8(SMALL_CASES));
    const { bytes } = await buildSnapshot(maker, { asOf: '2025-03-15' });
    await maker.close();
    const url = `data:application/octet-stream;base64,${Buffer.from(bytes).toString('base64')}`;
    const { source, opened } = nodeEngines();
    const { s } = session([], source, { snapshot: url });
    await s.load();
    await s.select([byDept('乙局')]);
    expect(s.state).toMatchObject({ phase: 'ready', snapshot: { status: 'needs-data' } });
    expect(opened).toHaveLength(0);
    expect(value(s, 'case.online_apply_rate')).toMatchObject({ numerator: 6, denominator: 10 });
  });
});
