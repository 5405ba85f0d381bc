// Raw DuckDB-WASM: the same eh worker/wasm files as the product, no UI. The DuckDB-WASM API is imported
// inside the timed section; registerFileBuffer + CREATE TABLE AS read_csv, then the 6 workload queries
// (BENCH-NOTES SQL, not our indicator SQL).
import { jsHeapMB, longTasks } from './probe.js';
import { startWithCsv } from './raw-start.js';
import { AS_OF, DEPT, signature } from './workload.js';

function queries(where) {
  const w = where ? `WHERE ${where}` : '';
  const and = where ? `AND ${where}` : '';
  return {
    total: `SELECT count(*)::DOUBLE AS v FROM t ${w}`,
    online: `SELECT avg(CASE WHEN "申报渠道" IN ('网上(PC)', '移动端') THEN 1.0 ELSE 0.0 END) AS v FROM t ${w}`,
    closure: `SELECT count("办结时间")::DOUBLE / count(*) AS v FROM t ${w}`,
    overdue: `SELECT count(*)::DOUBLE AS v FROM t WHERE "受理时间" IS NOT NULL AND "承诺办结时限" <> '无期限'
      AND coalesce("办结时间", TIMESTAMP '${AS_OF}') > "受理时间" + to_days(coalesce(TRY_CAST(regexp_extract("承诺办结时限", '^(\\d+)', 1) AS INTEGER), 0)) ${and}`,
    hoursByDept: `SELECT "受理部门" AS k, avg(epoch("办结时间") - epoch("申请时间")) / 3600 AS v FROM t
      WHERE "办结时间" IS NOT NULL ${and} GROUP BY 1 ORDER BY 1`,
    byDomain: `SELECT "所属领域" AS k, count(*)::DOUBLE AS v FROM t ${w} GROUP BY 1 ORDER BY 1`,
  };
}

async function workload(conn, where) {
  const out = {};
  for (const [k, sql] of Object.entries(queries(where))) {
    const rows = (await conn.query(sql)).toArray().map((r) => r.toJSON());
    out[k] = k === 'hoursByDept' || k === 'byDomain' ? rows : rows[0]?.v;
  }
  return out;
}

let conn;

window.benchLoad = async (csvUrl) => {
  const t0 = performance.now();
  const started = await startWithCsv(csvUrl, t0);
  conn = started.conn;
  const { tStart } = started;
  await conn.query(`CREATE TABLE t AS SELECT * FROM read_csv('cases.csv', header = true)`);
  const tLoad = performance.now();
  const result = await workload(conn, '');
  const tEnd = performance.now();
  const heap = jsHeapMB();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    initMs: started.initMs,
    fetchMs: started.fetchMs,
    loadMs: tLoad - tStart,
    indicatorsMs: tEnd - tLoad,
    totalMs: tEnd - t0,
    signature: signature(result),
    longTasks: longTasks(t0, tEnd),
    jsHeapMB: heap,
  };
};

window.benchClicks = async (reps) => {
  const t1 = performance.now();
  const xf = [];
  let xres;
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    xres = await workload(conn, `"受理部门" = '${DEPT}'`);
    xf.push(performance.now() - s);
  }
  const t2 = performance.now();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    crossFilterMs: xf,
    crossFilterWhat: `the 6 workload queries with WHERE "受理部门" = '${DEPT}' (SQL re-run)`,
    xfSignature: signature(xres),
    longTasks: { clicks: longTasks(t1, t2) },
  };
};
window.benchReady = true;
