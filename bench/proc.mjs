// What the bench reads from /proc about the Chromium it launched (a child of this process) and the machine.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {}

/** pid → { ppid, cpuTicks } of every process, where cpuTicks = utime + stime + cutime + cstime. */
function processTable() {
  const table = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based in proc(5).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(d), { ppid: Number(f[1]), cpuTicks: +f[11] + +f[12] + +f[13] + +f[14] });
    } catch {}
  }
  return table;
}

const cmdlines = new Map();
function cmdline(pid) {
  if (!cmdlines.has(pid)) {
    try {
      cmdlines.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return '';
    }
  }
  return cmdlines.get(pid);
}

/** Chromium processes below this Node process (the bench launches one browser at a time). */
function chromiumPids(table) {
  const kids = new Map();
  for (const [pid, { ppid }] of table) {
    if (!kids.has(ppid)) kids.set(ppid, []);
    kids.get(ppid).push(pid);
  }
  const out = [];
  const stack = [process.pid];
  while (stack.length) {
    for (const c of kids.get(stack.pop()) ?? []) {
      stack.push(c);
      if (cmdline(c).includes('chrom')) out.push(c);
    }
  }
  return out;
}

/**
 * CPU time (user + system, ms) of the whole Chromium process tree: browser, renderers, GPU/utility
 * processes and every worker thread in them. A child that exited and was reaped counts in its parent's
 * cutime/cstime, so the difference of two readings is the tree's CPU time in between.
 */
export function browserCpuMs() {
  const table = processTable();
  return (chromiumPids(table).reduce((n, p) => n + table.get(p).cpuTicks, 0) * 1000) / ticksPerSecond;
}

/** Resident memory (bytes) of the launched Chromium's renderer processes (workers and wasm included). */
export function rendererRssBytes() {
  let total = 0;
  for (const p of chromiumPids(processTable())) {
    if (!cmdline(p).includes('--type=renderer')) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {}
  }
  return total;
}

/** /proc/loadavg: run-queue averages over 1, 5 and 15 minutes. */
export function loadavg() {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return { one, five, fifteen };
}
