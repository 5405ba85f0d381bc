// Arquero 8: library import (inside the timed section) + fetch → TextDecoder → aq.fromCSV (plain-JS
// timestamp parse), then the 6 workload queries, all on the main thread.
// Cross-filter: filter the table once by department, then the same 6 queries on it.
import { jsHeapMB, longTasks } from './probe.js';
import { AS_OF_MS, DEPT, signature } from './workload.js';

let aq;
let op;
let dt;
const toMs = (s) =>
  s
    ? Date.UTC(
        +s.slice(0, 4),
        +s.slice(5, 7) - 1,
        +s.slice(8, 10),
        +s.slice(11, 13),
        +s.slice(14, 16),
        +s.slice(17, 19),
      )
    : null;
const limitDays = (s) => {
  if (!s || s === '无期限') return null;
  const m = /^(\d+)/.exec(s);
  return m ? +m[1] : 0;
};

function workload(dt) {
  const total = dt.numRows();
  const online = dt
    .derive({ o: (d) => (d.申报渠道 === '网上(PC)' || d.申报渠道 === '移动端' ? 1 : 0) })
    .rollup({ v: (d) => op.mean(d.o) })
    .get('v', 0);
  const c = dt.rollup({ c: (d) => op.valid(d.办结时间), n: op.count() });
  const closure = c.get('c', 0) / c.get('n', 0);
  const overdue = dt
    .params({ asOf: AS_OF_MS })
    .filter(
      (d, $) =>
        d.受理时间 != null &&
        d.承诺办结时限 != null &&
        (d.办结时间 != null ? d.办结时间 : $.asOf) > d.受理时间 + d.承诺办结时限 * 86400000,
    )
    .numRows();
  const hoursByDept = dt
    .filter((d) => d.办结时间 != null)
    .groupby('受理部门')
    .rollup({ v: (d) => op.mean((d.办结时间 - d.申请时间) / 3600000) })
    .rename({ 受理部门: 'k' })
    .objects();
  const byDomain = dt.groupby('所属领域').count({ as: 'v' }).rename({ 所属领域: 'k' }).objects();
  return { total, online, closure, overdue, hoursByDept, byDomain };
}

window.benchLoad = async (csvUrl) => {
  const t0 = performance.now();
  const [lib, buf] = await Promise.all([
    import('/lib/arquero-lib.js'),
    fetch(csvUrl).then((r) => r.arrayBuffer()),
  ]);
  aq = lib;
  op = lib.op;
  const tFetch = performance.now();
  const text = new TextDecoder().decode(buf);
  dt = aq.fromCSV(text, {
    parse: {
      申请时间: toMs,
      受理时间: toMs,
      办结时间: toMs,
      承诺办结时限: limitDays,
      受理部门: String,
      所属领域: String,
    },
  });
  const tLoad = performance.now();
  const result = workload(dt);
  const tEnd = performance.now();
  const heap = jsHeapMB();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    initMs: 0,
    fetchMs: tFetch - t0,
    loadMs: tLoad - tFetch,
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
    xres = workload(dt.params({ dept: DEPT }).filter((d, $) => d.受理部门 === $.dept));
    xf.push(performance.now() - s);
  }
  const t2 = performance.now();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    crossFilterMs: xf,
    crossFilterWhat: 'filter the table once by 受理部门, then the 6 workload queries',
    xfSignature: signature(xres),
    longTasks: { clicks: longTasks(t1, t2) },
  };
};
window.benchReady = true;
