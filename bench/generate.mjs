// Seeded synthetic 办件 exports for the benchmark, cached under bench/.data/.
//
// Headers are the canonical Chinese headers of data/cases.csv (a subset of 13 of its 36 columns, the ones the
// case indicators read, so a row is ~150 bytes as in shared/BENCH-NOTES.md); item / department / domain /
// promised limit / channel / closed-online come together from a randomly drawn row of data/cases.csv, so the
// vocabulary and its joint distribution are the sample's. Timestamps, status, trips and rating are drawn from
// a seeded PRNG: the same size always gives the same bytes.
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const HEADERS = [
  '办件编号',
  '事项名称',
  '受理部门',
  '所属领域',
  '申报渠道',
  '是否网上办结',
  '申请时间',
  '受理时间',
  '办结时间',
  '承诺办结时限',
  '办理状态',
  '实际跑动次数',
  '评价等级',
];
const FROM_SAMPLE = ['事项名称', '受理部门', '所属领域', '承诺办结时限', '申报渠道', '是否网上办结'];

export const SIZES = {
  '100k': 100_000,
  '1m': 1_000_000,
  '3m': 3_000_000,
  '10m': 10_000_000,
  '30m': 30_000_000,
};

// A copy of packages/core/src/seeded-random.ts (the one home of the seeded RNG): this module is plain Node ESM,
// imported by bench/run.mjs, load.mjs and clickhouse.mjs before any TS loader is registered, and Node 20 cannot
// import .ts itself. Keep the two equal (the bench data would change otherwise).
function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function vocabulary(root) {
  const text = await readFile(join(root, 'data/cases.csv'), 'utf8');
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const header = lines[0].split(',');
  const idx = FROM_SAMPLE.map((h) => header.indexOf(h));
  if (idx.some((i) => i < 0)) throw new Error('data/cases.csv lacks an expected header');
  // The sample has no quoted fields in these columns (checked: no field contains a comma).
  return lines.slice(1).map((l) => {
    const c = l.split(',');
    return idx.map((i) => c[i] ?? '');
  });
}

const pad = (n) => (n < 10 ? `0${n}` : String(n));
const fmt = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Path of the CSV for a size key, generating it when missing. */
export async function ensureData(root, sizeKey, log = console.log) {
  const rows = SIZES[sizeKey];
  if (!rows) throw new Error(`unknown size ${sizeKey} (use ${Object.keys(SIZES).join(', ')})`);
  const dir = join(root, 'bench/.data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `cases-${sizeKey}.csv`);
  if (existsSync(file)) return { file, bytes: statSync(file).size, rows };
  const t0 = Date.now();
  const vocab = await vocabulary(root);
  const rnd = mulberry32(20261122 + rows);
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  out.write(`${HEADERS.join(',')}\n`);
  let buf = '';
  const perDay = new Map();
  for (let i = 0; i < rows; i++) {
    const [item, dept, domain, limit, channel, closedOnline] = vocab[Math.floor(rnd() * vocab.length)];
    const submitted = start + Math.floor(rnd() * span);
    const day = fmt(submitted).slice(0, 10).replaceAll('-', '');
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const accepted = submitted + Math.floor(rnd() * 36 * 3600_000);
    const wd = Number.parseInt(limit, 10);
    const days = Number.isFinite(wd) ? wd : limit === '即办' ? 0 : 30;
    const open = rnd() < 0.08;
    // ~7 % of closed cases finish after their (calendar-day) promise.
    const late = rnd() < 0.07;
    const closed = open
      ? undefined
      : accepted + Math.floor((late ? 1 + rnd() * 0.6 : rnd()) * Math.max(days * 1.4, 0.3) * 86_400_000);
    const rating =
      rnd() < 0.6
        ? String(1 + Math.floor(rnd() * 5) === 1 && rnd() < 0.5 ? 1 : 3 + Math.floor(rnd() * 3))
        : '';
    buf += `SB${day}${String(seq).padStart(6, '0')},${item},${dept},${domain},${channel},${closedOnline},${fmt(submitted)},${fmt(accepted)},${
      closed === undefined ? '' : fmt(closed)
    },${limit},${open ? '办理中' : '已办结'},${Math.floor(rnd() * rnd() * 3)},${rating}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((ok) => out.once('drain', ok));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((ok, ko) => out.end((e) => (e ? ko(e) : ok())));
  renameSync(tmp, file);
  const bytes = statSync(file).size;
  log(
    `generated ${file}: ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { file, bytes, rows };
}

export { createReadStream };
