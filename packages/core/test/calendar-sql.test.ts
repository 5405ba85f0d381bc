import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CALENDAR_MACROS_SQL,
  calendarJoin,
  calendarTableSql,
  chineseCalendar,
  dueDateExpr,
  dueDateJoin,
  installCalendar,
  pausedWorkingDays,
  weekendCalendar,
  workingDaysBetween,
  workingDaysBetweenExpr,
} from '../src/calendar/index.ts';
import { isoOf, toDayNumber } from '../src/dates.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { mulberry32 } from '../src/seeded-random.ts';

const cn = chineseCalendar();
const RANGE = { from: '2024-01-01', to: '2027-03-31' }; // 2027 is installed but unknown
let engine: NodeEngine;

const iso = isoOf;
const dayOf = (d: string) => toDayNumber(d);

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await engine.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);
}

async function one(sql: string): Promise<unknown> {
  const [row] = await rows(`SELECT (${sql}) AS v`);
  return row?.v;
}

beforeAll(async () => {
  engine = await NodeEngine.create();
  await installCalendar(engine, cn, RANGE);
});

afterAll(async () => {
  await engine.close();
});

describe('work_calendar table', () => {
  it('is built by two statements, not one insert per day', () => {
    const statements = calendarTableSql(cn, RANGE);
    expect(statements).toHaveLength(2);
    expect(statements[1]?.match(/INSERT/g)).toHaveLength(1);
    expect(CALENDAR_MACROS_SQL).toHaveLength(3);
  });

  it('has one row per day with running working-day and unknown-day counts', async () => {
    const [summary] = await rows(`SELECT count(*) AS n, count(DISTINCT d) AS distinct_days,
      count(*) FILTER (WHERE known) AS known_days, count(is_workday) AS with_status,
      min(d)::VARCHAR AS first, max(d)::VARCHAR AS last FROM work_calendar`);
    expect(summary).toEqual({
      n: 1186,
      distinct_days: 1186,
      known_days: 1096,
      with_status: 1096,
      first: '2024-01-01',
      last: '2027-03-31',
    });
    const sample =
      await rows(`SELECT d::VARCHAR AS d, is_workday, known, wd_seq, unknown_seq FROM work_calendar
      WHERE d IN ('2024-01-01', '2024-01-02', '2025-01-26', '2027-01-04') ORDER BY d`);
    expect(sample).toEqual([
      { d: '2024-01-01', is_workday: false, known: true, wd_seq: 0, unknown_seq: 0 },
      { d: '2024-01-02', is_workday: true, known: true, wd_seq: 1, unknown_seq: 0 },
      { d: '2025-01-26', is_workday: true, known: true, wd_seq: 269, unknown_seq: 0 },
      { d: '2027-01-04', is_workday: null, known: false, wd_seq: 747, unknown_seq: 4 },
    ]);
    // wd_seq counts working days since the range start: 251 in 2024 plus 18 up to the 2025-01-26 make-up day.
    expect(workingDaysBetween(cn, '2023-12-31', '2025-01-26')).toBe(269);
  });

  it('names each day’s next working day, none across an unknown day', async () => {
    const next = await rows(`SELECT d::VARCHAR AS d, next_wd::VARCHAR AS next_wd FROM work_calendar
      WHERE d IN ('2024-01-01', '2024-09-30', '2025-01-24', '2025-01-25', '2026-12-30', '2026-12-31', '2027-01-04')
      ORDER BY d`);
    expect(next).toEqual([
      { d: '2024-01-01', next_wd: '2024-01-02' }, // 元旦 → Tuesday
      { d: '2024-09-30', next_wd: '2024-10-08' }, // over 国庆 (10-01…10-07)
      { d: '2025-01-24', next_wd: '2025-01-26' }, // Friday → the Sunday make-up day
      { d: '2025-01-25', next_wd: '2025-01-26' },
      { d: '2026-12-30', next_wd: '2026-12-31' },
      { d: '2026-12-31', next_wd: null }, // 2027 is unknown
      { d: '2027-01-04', next_wd: null },
    ]);
    // On every known day: the first working day after it, as the macro counts it.
    const differ = await rows(`SELECT count(*) AS n FROM work_calendar AS w
      WHERE w.known AND w.next_wd IS DISTINCT FROM add_working_days(w.d, 1)`);
    expect(differ).toEqual([{ n: 0 }]);
  });
});

describe('macros', () => {
  it('match the TypeScript answers on hand-checked cases and accept DATE, TIMESTAMP and text', async () => {
    expect(await one(`add_working_days(DATE '2025-09-25', 20)::VARCHAR`)).toBe('2025-10-29');
    expect(await one(`add_working_days(TIMESTAMP '2025-09-25 17:45:00', 20)::VARCHAR`)).toBe('2025-10-29');
    expect(await one(`add_working_days('2025-01-20', 20)::VARCHAR`)).toBe('2025-02-21');
    expect(await one(`add_working_days(DATE '2025-10-03', 0)::VARCHAR`)).toBe('2025-10-03');
    expect(await one(`working_days_between(DATE '2025-01-24', TIMESTAMP '2025-02-05 09:00')`)).toBe(3);
    expect(await one(`working_days_between('2025-02-05', '2025-01-24')`)).toBe(-3);
    expect(await one(`working_days_between('2025-03-05', '2025-03-05')`)).toBe(0);
    expect(await one(`paused_working_days('2025-03-03', '2025-04-08', '2025-03-10', '2025-03-14')`)).toBe(5);
  });

  it('return NULL for unknown years, outside the installed range and for bad arguments', async () => {
    expect(await one(`working_days_between('2026-12-30', '2027-01-04')`)).toBeNull();
    expect(await one(`add_working_days('2026-12-20', 20)`)).toBeNull();
    expect(await one(`add_working_days('2027-01-04', 0)`)).toBeNull();
    // 2023 is known to the calendar but was not installed.
    expect(await one(`working_days_between('2023-12-29', '2024-01-03')`)).toBeNull();
    expect(await one(`add_working_days('2027-03-25', 1)`)).toBeNull();
    expect(await one(`add_working_days('2025-03-03', -1)`)).toBeNull();
    expect(await one(`working_days_between(NULL, '2025-03-03')`)).toBeNull();
    expect(
      await one(`paused_working_days('2025-03-03', '2025-04-08', '2025-03-14', '2025-03-10')`),
    ).toBeNull();
  });

  it('do not capture outer columns named like the calendar columns', async () => {
    // Outer names that appear inside the macros: calendar columns and the macros' own aliases.
    const [row] = await rows(`SELECT working_days_between(d, known) AS w,
        add_working_days(d, wd_seq)::VARCHAR AS r, working_days_between(ca, wb) AS w2,
        add_working_days(cs, n)::VARCHAR AS r2, paused_working_days(wa, cb, cd, known) AS p
      FROM (SELECT DATE '2025-01-20' AS d, DATE '2025-02-21' AS known, 20 AS wd_seq, DATE '2025-01-20' AS ca,
        DATE '2025-02-21' AS wb, DATE '2025-01-20' AS cs, 20 AS n, DATE '2025-01-20' AS wa,
        DATE '2025-02-21' AS cb, DATE '2025-02-05' AS cd)`);
    expect(row).toEqual({ w: 20, r: '2025-02-21', w2: 20, r2: '2025-02-21', p: 14 });
  });

  it('equal the TypeScript answers on 3000 random (a, b, n) triples, as does the join pattern', async () => {
    const next = mulberry32(20250925);
    const first = dayOf('2024-03-01');
    const span = dayOf('2026-12-31') - first + 1;
    const triples = Array.from({ length: 3000 }, (_, i) => {
      const a = iso(first + Math.floor(next() * span));
      const b = iso(dayOf(a) + Math.floor(next() * 151) - 60);
      const n = Math.floor(next() * 46);
      const pauseStart = iso(dayOf(a) + Math.floor(next() * 50) - 10);
      const pauseEnd = iso(dayOf(pauseStart) + Math.floor(next() * 16));
      return { i, a, b, n, pauseStart, pauseEnd };
    });
    const values = triples
      .map(
        (t) => `(${t.i}, DATE '${t.a}', DATE '${t.b}', ${t.n}, DATE '${t.pauseStart}', DATE '${t.pauseEnd}')`,
      )
      .join(', ');
    await engine.exec(
      `CREATE OR REPLACE TABLE triples AS SELECT * FROM (VALUES ${values}) AS v(i, a, b, n, ps, pe)`,
    );

    const viaMacros =
      await rows(`SELECT i, working_days_between(a, b) AS w, add_working_days(a, n)::VARCHAR AS due,
      paused_working_days(a, b, ps, pe) AS paused FROM triples ORDER BY i`);
    const viaJoins = await rows(`SELECT t.i, ${workingDaysBetweenExpr('ca', 'cb')} AS w,
      (${dueDateExpr('due', 'ca', 't.n')})::VARCHAR AS due
      FROM triples AS t ${calendarJoin('ca', 't.a')} ${calendarJoin('cb', 't.b')}
      ${dueDateJoin('due', 'ca', 't.n')}
      ORDER BY t.i`);

    const expected = triples.map((t) => ({
      i: t.i,
      w: workingDaysBetween(cn, t.a, t.b),
      due: addWorkingDays(cn, t.a, t.n),
      paused: pausedWorkingDays(cn, t.a, t.b, [[t.pauseStart, t.pauseEnd]]),
    }));
    expect(viaMacros).toEqual(expected);
    expect(viaJoins).toEqual(expected.map(({ i, w, due }) => ({ i, w, due })));
    // The sample must exercise both the known and the unknown (2027) paths and negative spans.
    expect(expected.filter((e) => e.w === null).length).toBeGreaterThan(20);
    expect(expected.filter((e) => e.due === null).length).toBeGreaterThan(20);
    expect(expected.filter((e) => (e.w ?? 0) < 0).length).toBeGreaterThan(500);
    expect(expected.filter((e) => (e.paused ?? 0) > 0).length).toBeGreaterThan(500);
  });
});

describe('reinstalling', () => {
  it('replaces the table for another calendar: overrides and unlimited weekend calendars', async () => {
    const county = chineseCalendar({ holidays: ['2025-06-10'], workdays: ['2025-06-14'] });
    await installCalendar(engine, county, { from: '2025-01-01', to: '2025-12-31' });
    expect(await one(`working_days_between('2025-06-09', '2025-06-13')`)).toBe(3);
    expect(await one(`add_working_days('2025-06-13', 1)::VARCHAR`)).toBe('2025-06-14');

    await installCalendar(engine, weekendCalendar({ years: 'all' }), {
      from: '2030-01-01',
      to: '2031-12-31',
    });
    expect(await one(`working_days_between('2030-12-31', '2031-01-07')`)).toBe(5);
    expect(await one(`SELECT count(*) FROM work_calendar WHERE NOT known`)).toBe(0);

    await installCalendar(engine, cn, RANGE);
    expect(await one(`working_days_between('2025-06-09', '2025-06-13')`)).toBe(4);
  });

  it('rejects bad ranges', async () => {
    await expect(installCalendar(engine, cn, { from: '2026-01-01', to: '2025-01-01' })).rejects.toThrow(
      /before range.from/,
    );
    await expect(installCalendar(engine, cn, { from: '2026-1-1', to: '2027-01-01' })).rejects.toThrow(
      /range.from "2026-1-1"/,
    );
  });
});
