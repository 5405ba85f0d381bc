// Perspective 3.8 (CDN build from node_modules, server in a Web Worker): client.table(csv bytes), then the
// two group-by count views it can express directly (count by department, count by domain) plus the row
// count, as in BENCH-NOTES. NOT the full 6-query workload. Files over 64 MB load as a first 64 MB chunk +
// table.update() chunks (one call of a 458 MB file breaks its wasm32 heap, see BENCH-NOTES).
import { jsHeapMB, longTasks } from './probe.js';
import { DEPT } from './workload.js';

const CHUNK = 64 << 20;

async function views(table, filter) {
  const byDept = await table.view({
    group_by: ['受理部门'],
    columns: ['办件编号'],
    aggregates: { 办件编号: 'count' },
    filter,
  });
  const d = await byDept.to_columns();
  await byDept.delete();
  const byDomain = await table.view({
    group_by: ['所属领域'],
    columns: ['办件编号'],
    aggregates: { 办件编号: 'count' },
    filter,
  });
  const m = await byDomain.to_columns();
  await byDomain.delete();
  // Row 0 of a group_by view is the grand total.
  return { total: d.办件编号[0], depts: d.办件编号.length - 1, domains: m.办件编号.length - 1 };
}

let table;

window.benchLoad = async (csvUrl) => {
  const t0 = performance.now();
  const { default: perspective } = await import('/persp/cdn/perspective.js');
  // The CDN build fetches its server wasm itself; the client wasm must be handed over.
  perspective.init_client(fetch('/persp/wasm/perspective-js.wasm'));
  const clientP = perspective.worker().then((c) => ({ c, t: performance.now() }));
  const fetched = fetch(csvUrl)
    .then((r) => r.arrayBuffer())
    .then((b) => ({ buf: new Uint8Array(b), t: performance.now() }));
  const [{ c: client, t: tInit }, { buf, t: tFetch }] = await Promise.all([clientP, fetched]);
  const tStart = performance.now();
  if (buf.length <= CHUNK) {
    table = await client.table(buf, { format: 'csv' });
  } else {
    const nl = buf.indexOf(10);
    const header = buf.subarray(0, nl + 1);
    let pos = 0;
    while (pos < buf.length) {
      let end = Math.min(buf.length, pos + CHUNK);
      if (end < buf.length) end = buf.indexOf(10, end) + 1 || buf.length;
      const part = pos === 0 ? buf.subarray(0, end) : concat(header, buf.subarray(pos, end));
      if (pos === 0) table = await client.table(part, { format: 'csv' });
      else await table.update(part, { format: 'csv' });
      pos = end;
    }
  }
  const tLoad = performance.now();
  const result = await views(table);
  const tEnd = performance.now();
  const heap = jsHeapMB();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    initMs: tInit - t0,
    fetchMs: tFetch - t0,
    loadMs: tLoad - tStart,
    indicatorsMs: tEnd - tLoad,
    totalMs: tEnd - t0,
    signature: { total: result.total, depts: result.depts, domains: result.domains },
    partial: true,
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
    xres = await views(table, [['受理部门', '==', DEPT]]);
    xf.push(performance.now() - s);
  }
  const t2 = performance.now();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    crossFilterMs: xf,
    crossFilterWhat: `2 group-by count views with filter 受理部门 == '${DEPT}' (partial workload)`,
    xfSignature: xres && { total: xres.total, domains: xres.domains },
    longTasks: { clicks: longTasks(t1, t2) },
  };
};

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
window.benchReady = true;
