#!/usr/bin/env node
// A cases export with many extra columns through `assessment-dashboard validate`, timed end to end
// (process start, import, ledger). Usage: node bench/wide-columns.mjs [columns=5000] [rows=1000] [malformed]
// `malformed`: row 4 has one cell too many and row 40 a quote left open (the ledger lists row 4; row 40 loads).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const columns = Number(process.argv[2] ?? 5000);
const rows = Number(process.argv[3] ?? 1000);
const malformed = process.argv[4] === 'malformed';
const head = ['case_id', 'dept_name', 'apply_channel', 'status'];
for (let i = 0; i < columns - 7; i++) head.push(`h${i}`);
head.push('submitted_at', 'accepted_at', 'closed_at');
const lines = [head.join(',')];
for (let r = 0; r < rows; r++) {
  const d = `2025-01-${String((r % 28) + 1).padStart(2, '0')}`;
  const cells = [`C${r}`, r % 2 ? 'A' : 'B', 'window', 'closed'];
  for (let i = 0; i < columns - 7; i++) cells.push(`v${r}_${i}`);
  cells.push(`${d} 09:00:00`, `${d} 09:10:00`, `${d} 17:00:00`);
  if (malformed && r === 4) cells.push('one too many');
  if (malformed && r === 40) cells[5] = '"unclosed';
  lines.push(cells.join(','));
}
const dir = mkdtempSync(join(tmpdir(), 'ad-wide-'));
const file = join(dir, 'wide.csv');
writeFileSync(file, `${lines.join('\n')}\n`);
const cli = new URL('../scripts/cli.mjs', import.meta.url).pathname;
const start = performance.now();
const run = spawnSync(process.execPath, [cli, 'validate', file, '--json'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const seconds = (performance.now() - start) / 1000;
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0 && !(malformed && run.status === 1))
  throw new Error(`validate exited ${run.status}: ${run.stderr}`);
const { import: summary } = JSON.parse(run.stdout);
console.log(
  `${columns} columns × ${rows} rows: read ${summary.read}, loaded ${summary.loaded}, rejected ${summary.rejected} in ${seconds.toFixed(1)} s`,
);
