// The floor: raw DuckDB-WASM (the same eh worker and wasm, no UI) doing by hand the work ours does before
// its first paint, written the way a DuckDB engineer who knows this export would write it, to show what
// the engine itself needs for that work. One typed read with the reader's rejects kept (the row ledger
// needs them), row numbers, the coded columns looked up by their known labels, the rules' flags (missing
// ID, closed before accepted, accepted before submitted, no date, unknown codes), the duplicate-ID check,
// the working-day calendar over the data's range, and the four KPI tiles as of the data's latest
// timestamp (rates as ours defines them; overdue on working days, 调休 included).
// Kinder to the engine than ours in three ways: the vocabulary is known beforehand (ours discovers it),
// cells are not trimmed (ours proves from the bytes that it need not), and no masking or summary queries.
import { chineseCalendar } from '/lib/calendar-lib.js';
import { jsHeapMB, longTasks } from './probe.js';
import { startWithCsv } from './raw-start.js';

const CHANNEL = {
  '网上(PC)': 'online_pc',
  移动端: 'online_mobile',
  窗口: 'window',
  自助终端: 'self_service',
  邮寄: 'mail',
  '代办/帮办': 'agent',
  其他: 'other',
};
const STATUS = { 已办结: 'closed', 办理中: 'in_progress' };
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
const arms = (map) =>
  Object.entries(map)
    .map(([k, v]) => `WHEN ${q(k)} THEN ${typeof v === 'string' ? q(v) : v}`)
    .join(' ');
const workdays = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${i + 1}个工作日`, i + 1]));

const COLUMNS = `{'办件编号': 'VARCHAR', '事项名称': 'VARCHAR', '受理部门': 'VARCHAR', '所属领域': 'VARCHAR',
  '申报渠道': 'VARCHAR', '是否网上办结': 'VARCHAR', '申请时间': 'TIMESTAMP', '受理时间': 'TIMESTAMP',
  '办结时间': 'TIMESTAMP', '承诺办结时限': 'VARCHAR', '办理状态': 'VARCHAR', '实际跑动次数': 'INTEGER',
  '评价等级': 'INTEGER'}`;

const IMPORT = `CREATE TABLE t AS SELECT row_number() OVER () + 1 AS _row,
  NULLIF("办件编号", '') AS case_id, NULLIF("事项名称", '') AS item_name,
  NULLIF("受理部门", '') AS dept_name, NULLIF("所属领域", '') AS domain,
  CASE "申报渠道" ${arms(CHANNEL)} END AS apply_channel,
  CASE "是否网上办结" WHEN '是' THEN true WHEN '否' THEN false END AS closed_online,
  "申请时间" AS submitted_at, "受理时间" AS accepted_at, "办结时间" AS closed_at,
  CASE "承诺办结时限" WHEN '即办' THEN 0 ${arms(workdays)} END AS limit_value,
  CASE "承诺办结时限" WHEN '即办' THEN 'instant' WHEN '无期限' THEN 'none'
    ${Object.keys(workdays)
      .map((k) => `WHEN ${q(k)} THEN 'wd'`)
      .join(' ')} END AS limit_unit,
  CASE "办理状态" ${arms(STATUS)} END AS status,
  "实际跑动次数" AS trips_actual, "评价等级" AS rating,
  case_id IS NULL OR coalesce(closed_at < accepted_at, false)
    OR coalesce(CAST(accepted_at AS DATE) < CAST(submitted_at AS DATE), false)
    OR (accepted_at IS NULL AND submitted_at IS NULL) AS rejected,
  (apply_channel IS NULL AND "申报渠道" IS NOT NULL) OR (closed_online IS NULL AND "是否网上办结" IS NOT NULL)
    OR (limit_unit IS NULL AND "承诺办结时限" IS NOT NULL) OR (status IS NULL AND "办理状态" IS NOT NULL) AS warned
FROM read_csv('cases.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
  columns = ${COLUMNS}, timestampformat = '%Y-%m-%d %H:%M:%S', store_rejects = true)`;

/** The working-day calendar from `from` to `to` (ISO days): holidays and 调休 workdays from chinese-days. */
function calendarSql(from, to) {
  const cal = chineseCalendar();
  const within = (d) => d >= from && d <= to;
  const days = (set) => [...set].filter(within).map((d) => `DATE ${q(d)}`);
  const off = days(cal.holidays);
  const on = days(cal.workdays);
  return `CREATE TABLE cal AS SELECT d, CAST(sum(CASE WHEN w THEN 1 ELSE 0 END) OVER (ORDER BY d) AS INTEGER) AS seq
    FROM (SELECT CAST(g AS DATE) AS d,
      CASE WHEN CAST(g AS DATE) IN (${off.join(', ') || 'NULL'}) THEN false
        WHEN CAST(g AS DATE) IN (${on.join(', ') || 'NULL'}) THEN true
        ELSE dayofweek(g) NOT IN (0, 6) END AS w
      FROM generate_series(DATE ${q(from)}, DATE ${q(to)}, INTERVAL 1 DAY) AS s(g))`;
}

/**
 * The four tiles, as of `asOf`: cases known by then (a case closed later counts as open), duplicates'
 * later rows and rejected rows left out. Overdue: a due day n working days after acceptance (即办: the
 * day itself); late from the first working day after it, i.e. from working-day number s + n + 1.
 */
const TILES = (asOf) => `WITH p AS (SELECT TIMESTAMP ${q(asOf)} AS as_of,
    (SELECT seq FROM cal WHERE d = CAST(TIMESTAMP ${q(asOf)} AS DATE)) AS as_of_seq),
  x AS (SELECT t.*, CASE WHEN closed_at <= as_of THEN closed_at END AS closed,
      CASE WHEN accepted_at <= as_of THEN accepted_at END AS accepted,
      CASE WHEN closed_at > as_of THEN NULL ELSE status END AS st,
      CASE WHEN closed_at > as_of THEN NULL ELSE closed_online END AS online_closed, as_of, as_of_seq
    FROM t, p WHERE NOT rejected AND coalesce(least(submitted_at, accepted_at) <= as_of, true)
      AND _row NOT IN (SELECT _row FROM dup))
SELECT
  avg(CASE WHEN apply_channel IN ('online_pc', 'online_mobile') THEN 1.0 ELSE 0.0 END) AS online,
  avg(CASE WHEN online_closed THEN 1.0 ELSE 0.0 END) AS online_closed,
  count(*) FILTER (WHERE accepted IS NOT NULL AND (closed IS NOT NULL OR st = 'closed'))::DOUBLE
    / count(accepted) AS closure,
  count(*) FILTER (WHERE limit_unit IN ('wd', 'instant') AND accepted IS NOT NULL
    AND coalesce(status, '') NOT IN ('rejected_intake', 'withdrawn', 'void')
    AND CASE WHEN closed IS NOT NULL THEN cc.seq >= ca.seq + limit_value + 1
      ELSE as_of_seq >= ca.seq + limit_value + 1 END)::DOUBLE AS overdue
FROM x LEFT JOIN cal ca ON ca.d = CAST(x.accepted AS DATE) LEFT JOIN cal cc ON cc.d = CAST(x.closed AS DATE)`;

let conn;
let trace;

/** Runs a statement, its time recorded under `step` (the shape of ours' trace, for a per-step comparison). */
async function timed(step, sql, t0) {
  const t = performance.now();
  const result = await conn.query(sql);
  trace.push({ step, at: Math.round(t - t0), ms: Math.round(performance.now() - t) });
  return result;
}

window.benchLoad = async (csvUrl) => {
  const t0 = performance.now();
  trace = [];
  const started = await startWithCsv(csvUrl, t0);
  conn = started.conn;
  const { tStart } = started;
  await timed('typed read', IMPORT, t0);
  await timed(
    'duplicates',
    `CREATE TABLE dup AS SELECT t._row FROM t JOIN (SELECT case_id, min(_row) AS first FROM t
    WHERE case_id IS NOT NULL GROUP BY case_id HAVING count(*) > 1) d ON t.case_id = d.case_id WHERE t._row > d.first`,
    t0,
  );
  const ledger = (
    await conn.query(`SELECT (SELECT count(*) FROM reject_errors) AS lines, (SELECT count(*) FROM dup) AS dups,
      (SELECT count(*) FILTER (WHERE rejected) FROM t) AS rejected, (SELECT count(*) FILTER (WHERE warned) FROM t) AS warned`)
  )
    .get(0)
    .toJSON();
  const tLoad = performance.now();
  const range = (
    await conn.query(`SELECT strftime(max(greatest(submitted_at, accepted_at, closed_at)), '%Y-%m-%d %H:%M:%S') AS as_of,
      strftime(min(least(submitted_at, accepted_at, closed_at)) - INTERVAL 31 DAY, '%Y-%m-%d') AS lo,
      strftime(max(greatest(submitted_at, accepted_at, closed_at)) + INTERVAL 800 DAY, '%Y-%m-%d') AS hi FROM t`)
  )
    .get(0)
    .toJSON();
  await timed('calendar', calendarSql(range.lo, range.hi), t0);
  const tiles = (await timed('tiles', TILES(range.as_of), t0)).get(0).toJSON();
  const tEnd = performance.now();
  const heap = jsHeapMB();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    initMs: started.initMs,
    fetchMs: started.fetchMs,
    loadMs: tLoad - tStart,
    indicatorsMs: tEnd - tLoad,
    totalMs: tEnd - t0,
    tiles: { ...tiles, asOf: range.as_of, ledger },
    longTasks: longTasks(t0, tEnd),
    jsHeapMB: heap,
    trace,
  };
};

window.benchClicks = async () => ({ crossFilterMs: [], longTasks: { clicks: longTasks(0, 0) } });
window.benchReady = true;
