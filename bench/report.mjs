// The bench's printed report: the table, the issue-14 ratios (each with what it is and is not), the
// cross-checks between engines and the targets. Pure: takes the summarised results, returns text + data.

const f0 = (x) => (x === undefined || Number.isNaN(x) ? '–' : Math.round(x).toLocaleString('en'));
const fx = (x) => (x === undefined || Number.isNaN(x) ? '–' : `${x.toFixed(2)}×`);
const ratio = (a, b) => (a !== undefined && b ? a / b : undefined);

export function buildReport(o) {
  const { results, sizes } = o;
  const get = (size, engine) => results.find((r) => r.size === size && r.engine === engine && r.runs > 0);
  const failed = (size, engine) =>
    results.find((r) => r.size === size && r.engine === engine && r.runs === 0 && r.error);

  // --- the table
  const lines = [
    '| size | engine | runs | first paint ms | browser CPU ms | lib + init ms | fetch ms | load ms | indicators ms | interactive at ms | x-filter median ms | x-filter p95 ms | long tasks in load: n / total / max ms | JS heap MB | peak renderer RSS MB | transferred MB | ours ÷ this (wall) | ours ÷ this (CPU) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const ours = get(r.size, r.engine === 'remote' ? 'remote' : 'ours');
    const lt = r.longTasksLoad;
    const self = r.engine === 'ours' || r.engine === 'remote';
    lines.push(
      `| ${r.size} | ${r.engine}${r.error ? ' ⚠' : ''} | ${r.runs} | ${f0(r.totalMs)} | ${f0(r.cpuMs)} | ${f0((r.libMs ?? 0) + (r.initMs ?? 0))} | ${f0(r.fetchMs)} | ${f0(r.loadMs)} | ${f0(r.indicatorsMs)} | ${f0(r.interactiveAtMs)} | ${f0(r.crossFilterMedianMs)} | ${f0(r.crossFilterP95Ms)} | ${lt ? `${f0(lt.count)} / ${f0(lt.totalMs)} / ${f0(lt.maxMs)}` : '–'} | ${f0(r.jsHeapMB)} / ${f0(r.peakJsHeapMB)} | ${f0(r.peakRendererRssMB)} | ${r.transferredMB === undefined || Number.isNaN(r.transferredMB) ? '–' : r.transferredMB.toFixed(1)} | ${self ? '–' : fx(ratio(ours?.totalMs, r.totalMs))} | ${self ? '–' : fx(ratio(ours?.cpuMs, r.cpuMs))} |`,
    );
  }
  for (const r of results) if (r.error) lines.push(`\n⚠ ${r.size} ${r.engine}: ${r.error.split('\n')[0]}`);

  // --- ratios of issue 14, per size
  const per = (fn) =>
    sizes
      .map((s) => {
        const v = fn(s);
        return v === undefined ? undefined : `${s} ${v}`;
      })
      .filter(Boolean)
      .join('; ') || 'not measured';
  const oursRaw = (k) => (s) =>
    fx(ratio(get(s, 'ours')?.[k], get(s, 'raw')?.[k])).replace('–', '') || undefined;
  const ratios = [
    {
      name: 'first paint, wall clock: ours ÷ raw DuckDB-WASM (median of the runs)',
      target: '≤ 1.3× at 100k and 1M',
      value: per(oursRaw('totalMs')),
      is: 'start of the timed section (library import, engine start and CSV fetch included for both) → ours: KPI tiles painted; raw: the 6-query workload materialised in JS',
      isNot:
        'the same work: ours parses types, keeps the row ledger, runs checks and ~15 indicators and renders; raw runs read_csv with auto-detected types and 6 queries, with no UI',
    },
    {
      name: 'first paint, browser CPU: ours ÷ raw DuckDB-WASM (median of the runs)',
      target: '≤ 1.3× at 100k and 1M',
      value: per(oursRaw('cpuMs')),
      is: 'user + system CPU of the whole Chromium process tree (browser, renderer, GPU/utility processes, DuckDB worker) over the same interval, from /proc',
      isNot: "the cube build after the paint, or this machine's other jobs; 10 ms tick resolution",
    },
    {
      name: 'the engine floor: ours ÷ floor, wall and CPU (median of the runs)',
      target: 'reported: where the 1.3× target is missed, how much is the work and how much ours',
      value: per((s) => {
        const o = get(s, 'ours');
        const fl = get(s, 'floor');
        return o && fl
          ? `${fx(ratio(o.totalMs, fl.totalMs))} wall, ${fx(ratio(o.cpuMs, fl.cpuMs))} CPU`
          : undefined;
      }),
      is: "floor: raw DuckDB-WASM (same worker, wasm and page set-up as raw) doing by hand, in SQL a DuckDB engineer would write for this export, the work ours does before its first paint: typed read keeping the reader's rejects, row numbers, coded columns, the ledger rules' flags, the duplicate-ID check, the working-day calendar and the four tiles with the same numbers (cross-checked below)",
      isNot:
        "a slower rival: it knows the export's vocabulary beforehand, trims nothing, masks nothing and draws nothing, so it is a lower bound for that work in DuckDB-WASM",
    },
    {
      name: 'the work itself: floor ÷ raw DuckDB-WASM, wall and CPU',
      target: 'reported',
      value: per((s) => {
        const fl = get(s, 'floor');
        const r = get(s, 'raw');
        return fl && r
          ? `${fx(ratio(fl.totalMs, r.totalMs))} wall, ${fx(ratio(fl.cpuMs, r.cpuMs))} CPU`
          : undefined;
      }),
      is: "what the first paint's work costs the engine over raw's read_csv with auto-detected types and the 6 workload queries",
      isNot: 'anything of ours: both rows are DuckDB-WASM running hand-written SQL',
    },
    {
      name: 'cross-filter p95 (ours)',
      target: '≤ 100 ms at 1M',
      value: per((s) => (get(s, 'ours') ? `${f0(get(s, 'ours').crossFilterP95Ms)} ms` : undefined)),
      is: 'element.select() of a department or month → every panel rendered and painted, ≥ 50 picks per run, all runs pooled',
      isNot:
        "comparable to raw's cross-filter column (6 SQL queries re-run, no UI); measured only after the cubes are built",
    },
    {
      name: 'interactive at (ours): first paint + indicator cube build',
      target: 'reported',
      value: per((s) => {
        const r = get(s, 'ours');
        return r ? `${f0(r.interactiveAtMs)} ms (cubes ${f0(r.cubeMs)} ms after the paint)` : undefined;
      }),
      is: 'start of the timed section → the first select() can be answered from the cubes',
      isNot: 'a blocked UI: the page stays responsive while the cubes build (see long tasks)',
    },
    {
      name: 'ingest: ours ÷ raw DuckDB-WASM (median load ms)',
      target: '≤ 1.5×',
      value: per(oursRaw('loadMs')),
      is: "ours: the element's `importing` phase (encoding check, registration, typed parse, row ledger, checks); raw: registerFileBuffer + CREATE TABLE AS read_csv",
      isNot:
        "fetch or engine start (both overlap them); ours' fact tables and indicators (the `computing` phase)",
    },
    {
      name: 'first paint, wall clock: ours ÷ Arquero',
      target: '< 1 at 1M and 3M',
      value: per(
        (s) => fx(ratio(get(s, 'ours')?.totalMs, get(s, 'arquero')?.totalMs)).replace('–', '') || undefined,
      ),
      is: 'the same interval as above; Arquero decodes and parses the CSV on the main thread and runs the 6 queries',
      isNot:
        'a like-for-like workload (ours does more), nor CPU (Arquero is single-threaded, ours and raw use a worker)',
    },
    {
      name: 'peak renderer RSS: ours ÷ raw DuckDB-WASM',
      target: '≤ 1.5×',
      value: per(oursRaw('peakRendererRssMB')),
      is: 'median over the runs of the peak resident memory of the renderer processes (page, workers, wasm, fetched CSV), sampled every 100 ms',
      isNot: 'the browser and GPU processes, nor a precise peak (100 ms sampling)',
    },
  ];

  // --- cross-checks
  const checks = [];
  for (const size of sizes) {
    const raw = get(size, 'raw');
    const aq = get(size, 'arquero');
    const ps = get(size, 'perspective');
    if (raw && aq) {
      const same = JSON.stringify(raw.extra.signature) === JSON.stringify(aq.extra.signature);
      const sameX = JSON.stringify(raw.extra.xfSignature) === JSON.stringify(aq.extra.xfSignature);
      checks.push(
        `${size}: raw DuckDB-WASM vs Arquero: workload ${same ? 'identical' : 'DIFFERENT'}, cross-filter ${sameX ? 'identical' : 'DIFFERENT'}`,
      );
    }
    if (raw && ps) {
      const s = raw.extra.signature;
      const ok =
        ps.extra.signature.total === s.total && ps.extra.signature.domains === Object.keys(s.byDomain).length;
      checks.push(`${size}: Perspective total rows and domain groups ${ok ? 'match' : 'DIFFER'}`);
    }
    const ours = get(size, 'ours');
    const floor = get(size, 'floor');
    if (ours && floor) {
      const t = floor.extra.tiles ?? {};
      const i = ours.extra.indicators ?? {};
      const pairs = [
        ['online apply rate', i['case.online_apply_rate'], t.online],
        ['online closed rate', i['case.online_closed_rate'], t.online_closed],
        ['closure rate', i['case.closure_rate'], t.closure],
        ['overdue', i['case.overdue_count'], t.overdue],
      ];
      const same = pairs.every(([, a, b]) => a !== undefined && Math.abs(Number(a) - Number(b)) < 1e-6);
      checks.push(
        `${size}: floor tiles ${same ? 'equal' : 'DIFFER from'} ours (${pairs.map(([k, a, b]) => `${k} ${a} / ${b}`).join('; ')}); floor ledger ${JSON.stringify(t.ledger)}`,
      );
    }
    if (ours) {
      const imp = ours.extra.imports?.[0];
      checks.push(
        `${size}: ours read ${imp?.read} / loaded ${imp?.loaded} / rejected ${imp?.rejected} rows; ${ours.extra.tilesShown} KPI tiles painted; ${ours.extra.indicatorCount} indicators` +
          (raw
            ? `; online apply rate ours ${ours.extra.indicators?.['case.online_apply_rate']} vs workload ${raw.extra.signature.online}`
            : ''),
      );
    }
  }

  // --- targets (issue 14); a size where ours failed counts as missed
  const targets = [];
  const judge = (target, parts) => {
    const known = parts.filter((p) => p.met !== undefined);
    targets.push({
      target,
      met: parts.some((p) => p.met === false)
        ? false
        : known.length && known.length === parts.length
          ? true
          : undefined,
      detail: parts.map((p) => p.detail).join('; '),
    });
  };
  const oursFailed = (s) => failed(s, 'ours');
  const cell = (s, fn) => {
    if (oursFailed(s))
      return { met: false, detail: `${s}: ours FAILED: ${oursFailed(s).error.split('\n')[0]}` };
    return fn(s);
  };
  judge(
    '(1) first paint ≤ 1.3× raw DuckDB-WASM at 100k and 1M, wall median and browser CPU',
    ['100k', '1m'].map((s) =>
      cell(s, () => {
        const w = ratio(get(s, 'ours')?.totalMs, get(s, 'raw')?.totalMs);
        const c = ratio(get(s, 'ours')?.cpuMs, get(s, 'raw')?.cpuMs);
        return w === undefined || c === undefined
          ? { met: undefined, detail: `${s}: not measured` }
          : { met: w <= 1.3 && c <= 1.3, detail: `${s}: wall ${fx(w)}, CPU ${fx(c)}` };
      }),
    ),
  );
  judge('(2) cross-filter p95 ≤ 100 ms at 1M (interactive-at reported beside it)', [
    cell('1m', (s) => {
      const r = get(s, 'ours');
      return r
        ? {
            met: r.crossFilterP95Ms <= 100,
            detail: `1m: p95 ${f0(r.crossFilterP95Ms)} ms, interactive at ${f0(r.interactiveAtMs)} ms`,
          }
        : { met: undefined, detail: '1m: not measured' };
    }),
  ]);
  judge(
    '(3) ingest ≤ 1.5× raw DuckDB-WASM (every size measured)',
    sizes
      .filter((s) => get(s, 'raw') || oursFailed(s))
      .map((s) =>
        cell(s, () => {
          const x = ratio(get(s, 'ours')?.loadMs, get(s, 'raw')?.loadMs);
          return x === undefined
            ? { met: undefined, detail: `${s}: not measured` }
            : { met: x <= 1.5, detail: `${s}: ${fx(x)}` };
        }),
      ),
  );
  judge(
    '(4) Arquero beaten at 1M and 3M (first paint wall median)',
    ['1m', '3m'].map((s) =>
      cell(s, () => {
        const x = ratio(get(s, 'ours')?.totalMs, get(s, 'arquero')?.totalMs);
        return x === undefined
          ? { met: undefined, detail: `${s}: not measured` }
          : { met: x < 1, detail: `${s}: ${fx(x)}` };
      }),
    ),
  );
  judge(
    '(5) peak renderer RSS ≤ 1.5× raw DuckDB-WASM; 3M loads and paints',
    sizes
      .filter((s) => get(s, 'raw') || oursFailed(s))
      .map((s) =>
        cell(s, () => {
          const x = ratio(get(s, 'ours')?.peakRendererRssMB, get(s, 'raw')?.peakRendererRssMB);
          return x === undefined
            ? { met: undefined, detail: `${s}: not measured` }
            : { met: x <= 1.5, detail: `${s}: ${fx(x)} (${f0(get(s, 'ours').peakRendererRssMB)} MB)` };
        }),
      ),
  );
  judge(
    '(6) no main-thread task over 50 ms during load or a click (ours; every engine shown in the table)',
    sizes
      .filter((s) => get(s, 'ours') || oursFailed(s))
      .map((s) =>
        cell(s, () => {
          const r = get(s, 'ours');
          const worst = Math.max(r.longTasksLoad?.maxMs ?? 0, r.longTasksClicks?.maxMs ?? 0);
          return {
            met: worst <= 50,
            detail: `${s}: load ${f0(r.longTasksLoad?.count)} long tasks, longest ${f0(r.longTasksLoad?.maxMs)} ms; clicks ${f0(r.longTasksClicks?.count)}, longest ${f0(r.longTasksClicks?.maxMs)} ms`,
          };
        }),
      ),
  );
  targets.push({
    target: '(d) our own JS (without DuckDB and Arrow) ≤ 80 KB gzip',
    met: o.ownJs.initialGzipKB <= 80,
    detail: `at start ${o.ownJs.initialGzipKB.toFixed(1)} KB gzip (${o.ownJs.startUpFiles.join(' + ')}); every script of the built folder but the DuckDB-WASM API and Arrow ${o.ownJs.allChunksGzipKB.toFixed(1)} KB (the import and computations, charts, readers and writers: on first use)`,
  });
  const remote = results.find((x) => x.engine === 'remote' && x.runs > 0);
  if (o.remoteSize !== 'none')
    targets.push({
      target: `(remote) the same page over the query server at ${o.remoteSize} rows (reported; no target)`,
      met: undefined,
      reported: true,
      detail: remote
        ? `${remote.rows.toLocaleString('en')} rows on the server (loaded in ${Math.round((remote.extra?.serverLoadMs ?? 0) / 1000)} s, server RSS ${Math.round(remote.extra?.serverRssMB ?? 0)} MB): tiles in ${f0(remote.totalMs)} ms, interactive at ${f0(remote.interactiveAtMs)} ms, cross-filter p50 ${f0(remote.crossFilterMedianMs)} ms / p95 ${f0(remote.crossFilterP95Ms)} ms, ${remote.transferredMB.toFixed(1)} MB transferred`
        : 'failed',
    });

  // --- text
  const { loadavgStart: a, loadavgEnd: b, cores } = o;
  const busy = Math.max(a.one, b.one) > cores * 0.5;
  const out = [
    `\nBenchmark — ${new Date().toISOString()} — ${o.runs} interleaved cold runs per cell (median; engine order rotated each round), cross-filter reps: ours ≥ 50, raw ${o.xfReps}, peers ${o.peerXfReps}`,
    `Machine load (/proc/loadavg 1/5/15 min) at start ${a.one} / ${a.five} / ${a.fifteen}, at end ${b.one} / ${b.five} / ${b.fifteen}, on ${cores} cores${busy ? ' — CONTENDED: other jobs competed for the CPU, treat absolute times (and CPU ratios less so) with care' : ''}`,
    `CSV sizes: ${sizes.map((s) => `${s} = ${o.data[s].rows.toLocaleString('en')} rows, ${(o.data[s].bytes / 1e6).toFixed(1)} MB`).join('; ')}\n`,
    ...lines,
    '\nColumns: first paint = ours/snapshot: tiles painted; peers: workload materialised. JS heap = performance.memory at first paint / CDP peak (main thread only). Long tasks: main-thread tasks over 50 ms from a trace of the page (workers not counted); count and total are medians over runs, max the longest of all runs.',
    '\nRatios (< 1 means ours is cheaper):',
  ];
  for (const r of ratios)
    out.push(`- ${r.name} [target ${r.target}]: ${r.value}\n    is: ${r.is}\n    is not: ${r.isNot}`);
  out.push('\nWhat the cross-filter timed:');
  for (const e of o.engines) {
    const r = results.find((x) => x.engine === e && x.crossFilterWhat);
    if (r) out.push(`- ${e}: ${r.crossFilterWhat}`);
  }
  if (o.engines.includes('snapshot')) {
    out.push(
      '\nSnapshot mode (<assessment-dashboard snapshot=…>, no DuckDB-WASM; target ≤ 150 KB gzip before the scorecard is visible):',
    );
    for (const size of sizes) {
      const r = get(size, 'snapshot');
      const f = o.snapshots[size];
      out.push(
        `- ${size}: scorecard visible after ${f0(r?.totalMs)} ms, ${r ? r.gzipKB.toFixed(1) : '–'} KB gzip transferred (page + scripts + snapshot); ` +
          `snapshot file ${(f.bytes / 1024).toFixed(1)} KB (${(f.gzipBytes / 1024).toFixed(1)} KB gzip)` +
          `${f.buildS === undefined ? ' (cached)' : `, built by the CLI in ${f.buildS.toFixed(1)} s`}` +
          `${r ? `; ${r.extra.tilesShown} tiles, ${r.extra.scorecardRows} scorecard rows` : ''}`,
      );
    }
  }
  out.push('\nCross-checks:', ...checks.map((c) => `- ${c}`), '\nTargets:');
  for (const t of targets)
    out.push(
      `- ${t.met === undefined ? (t.reported ? 'REPORTED' : 'NOT MEASURED') : t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${t.detail}`,
    );
  return { text: out.join('\n'), table: lines.join('\n'), ratios, checks, targets };
}
