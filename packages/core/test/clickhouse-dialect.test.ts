import { describe, expect, it } from 'vitest';
import { toClickHouse } from '../src/sql/dialect/clickhouse.ts';

/** The DuckDB → ClickHouse rendering, construct by construct (the sameness tests run it on ClickHouse). */
describe('toClickHouse', () => {
  it('binds ? as typed {pN:Type} parameters in ClickHouse escaped form, NULL as the literal', () => {
    const q = toClickHouse('SELECT ? AS a, ?::TIMESTAMP AS b, ? AS c, ? AS d, ? AS e', [
      "x'\\\t\n",
      '2025-01-02 03:04:05',
      3,
      1.5,
      null,
    ]);
    expect(q.sql).toBe(
      'SELECT {p0:String} AS a, {p1:String}::TIMESTAMP AS b, {p2:Int64} AS c, {p3:Float64} AS d, NULL AS e',
    );
    expect(q.params).toEqual({ p0: "x'\\\\\\t\\n", p1: '2025-01-02 03:04:05', p2: '3', p3: '1.5' });
    expect(() => toClickHouse('SELECT ?', [])).toThrow(/more \? than/);
    expect(() => toClickHouse('SELECT 1', [1])).toThrow(/0 \? placeholders but 1/);
  });

  it('leaves ? inside strings and quoted names alone, and keeps backslashes in literals literal', () => {
    expect(toClickHouse(`SELECT '?', "a?b", 'C:\\dir' FROM t`).sql).toBe(
      `SELECT '?', "a?b", 'C:\\\\dir' FROM t`,
    );
  });

  it('renders the functions whose ClickHouse form differs', () => {
    const r = (sql: string) => toClickHouse(sql).sql;
    expect(r("SELECT strftime(d, '%Y-%m-%d %H:%M:%S')")).toBe(
      "SELECT formatDateTime(d, '%Y-%m-%d %H:%i:%S')",
    );
    expect(r('SELECT median(x), dayofweek(d), make_date(2025, 1, 1)')).toBe(
      'SELECT quantileExactInclusive(0.5)(x), (toDayOfWeek(d) % 7), makeDate32(2025, 1, 1)',
    );
    expect(r('SELECT d + to_days(n), d + to_months(1)')).toBe(
      'SELECT d + toIntervalDay(n), d + toIntervalMonth(1)',
    );
    expect(r('SELECT count(*) FILTER (x > 1), count(*) FILTER (WHERE y)')).toBe(
      'SELECT count(*) FILTER (WHERE x > 1), count(*) FILTER (WHERE y)',
    );
    expect(r('SELECT j.* EXCLUDE (a, b) FROM j')).toBe('SELECT j.* EXCEPT (a, b) FROM j');
    expect(r('SELECT TRY_CAST(x AS DATE), list(a ORDER BY b), []::VARCHAR[]')).toBe(
      "SELECT accurateCastOrNull(x, 'Date32'), arrayMap(t -> t.1, arraySort(t -> t.2, groupArray(tuple(a, b)))), []::Array(String)",
    );
    expect(r("SELECT contains(s, 'x'), round(v, 2)")).toBe(
      "SELECT (position(s, 'x') > 0), (sign((v) * pow(10, 2)) * floor(abs((v) * pow(10, 2)) + 0.5) / pow(10, 2))",
    );
    expect(r('SELECT mode(n ORDER BY n ASC)')).toBe(
      'SELECT if(count(n) = 0, NULL, arrayElement(arrayMap(__m -> __m.1[indexOf(__m.2, arrayMax(__m.2))], [sumMapIf([assumeNotNull(n)], [toUInt64(1)], (n) IS NOT NULL)]), 1))',
    );
    // Plain mode breaks ties by arrival order: nothing to render it as.
    expect(() => r('SELECT mode(n)')).toThrow(/needs ORDER BY n/);
    expect(() => r('SELECT mode(n ORDER BY m)')).toThrow(/needs ORDER BY n/);
    expect(r('SELECT working_days_between(a, b)')).toContain(
      "dictGetOrNull('ad_work_calendar_by_day', 'wd_seq'",
    );
    expect(r('SELECT add_working_days(a, 3)')).toContain("dictGetOrNull('ad_work_calendar_by_seq', 'd'");
  });

  it('rewrites VALUES lists, UNION BY NAME, a sort over a union and the catalogue schema', () => {
    const r = (sql: string) => toClickHouse(sql).sql;
    expect(r('SELECT * FROM (VALUES (1, 2), (3, 4)) AS m(a, b)')).toBe(
      'SELECT * FROM (SELECT 1 AS a, 2 AS b UNION ALL SELECT 3, 4) AS m',
    );
    expect(r('SELECT 1 AS a UNION ALL BY NAME SELECT 2 ORDER BY 1')).toBe(
      'SELECT * FROM (SELECT 1 AS a UNION ALL  SELECT 2 ) ORDER BY 1',
    );
    expect(r("SELECT 1 FROM information_schema.columns WHERE table_schema = 'main'")).toBe(
      'SELECT 1 FROM information_schema.columns WHERE table_schema = currentDatabase()',
    );
  });
});
