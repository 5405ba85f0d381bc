/**
 * Deterministic generator of a synthetic county-level government export set for 示范县 (341722),
 * 2024-01-01 .. 2025-12-31: 事项清单, 办件, 主动公开, 依申请公开 and 12345 热线工单.
 *
 * Run `npx tsx data/generate.ts` (or `npm run data`) from the repository root. The same seed always
 * gives byte-identical CSVs: all randomness comes from the seeded PRNG below, all dates from a fixed
 * calendar (no Math.random, no clock).
 *
 * Headers and enum labels are taken from the canonical schema so the files round-trip through the
 * importers without any alias mapping.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// chinese-days is CommonJS: under Node ESM only its default export is importable.
import chineseDays from 'chinese-days';
import { DATASETS } from '../packages/core/src/schema/datasets.ts';
import type { DatasetKey } from '../packages/core/src/schema/types.ts';

// ---------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------

/** Array access that fails loudly instead of yielding `undefined` (noUncheckedIndexedAccess). */
function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`index ${i} out of range (length ${arr.length})`);
  return v;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Seeded PRNG (mulberry32) with the handful of draws the generator needs. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(arr: readonly T[]): T {
    return at(arr, Math.floor(this.next() * arr.length));
  }

  /** Weighted choice among list entries. */
  pickBy<T>(list: readonly T[], weight: (v: T) => number): T {
    let r = this.next() * list.reduce((s, v) => s + weight(v), 0);
    for (const v of list) {
      r -= weight(v);
      if (r < 0) return v;
    }
    return at(list, list.length - 1);
  }

  /** Weighted choice among the keys of a `{ key: weight }` table. */
  choose<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    return this.pickBy(keys, (k) => weights[k]);
  }

  /** Standard normal draw (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Independent stream per dataset, so tuning one dataset does not reshuffle the others. */
const subRng = (seed: number, stream: number): Rng =>
  new Rng((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);

/** Fast repeated weighted sampling over a fixed list (binary search on the cumulative sums). */
class Sampler<T> {
  private readonly cum: number[] = [];
  private readonly total: number;

  constructor(
    private readonly values: readonly T[],
    weights: readonly number[],
  ) {
    let acc = 0;
    for (const w of weights) {
      acc += w;
      this.cum.push(acc);
    }
    this.total = acc;
  }

  draw(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(this.cum, mid) > r) hi = mid;
      else lo = mid + 1;
    }
    return at(this.values, lo);
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar: days are integers counted from 2023-12-01, timestamps are seconds from that midnight
// (naive Beijing local time, so no time-zone arithmetic is ever needed).
// ---------------------------------------------------------------------------------------------

const DAY = 86_400;
const HOUR = 3_600;
const MIN = 60;
const CAL_FIRST_MS = Date.UTC(2023, 11, 1);
const CAL_LEN = Math.round((Date.UTC(2027, 0, 1) - CAL_FIRST_MS) / (DAY * 1000));

const dayOfIso = (iso: string): number =>
  Math.round((Date.parse(`${iso}T00:00:00Z`) - CAL_FIRST_MS) / (DAY * 1000));

class Calendar {
  private readonly isoDates: string[] = [];
  private readonly working: boolean[] = [];
  private readonly holidays: boolean[] = [];
  /** Number of working days strictly before each day: O(1) working-day arithmetic. */
  private readonly ord: number[] = [];
  private readonly workList: number[] = [];

  constructor() {
    for (let d = 0; d < CAL_LEN; d++) {
      const iso = new Date(CAL_FIRST_MS + d * DAY * 1000).toISOString().slice(0, 10);
      const detail = chineseDays.getDayDetail(iso);
      this.isoDates.push(iso);
      this.working.push(detail.work);
      // chinese-days names plain weekends "Saturday"/"Sunday"; statutory holidays carry "名,中文,天数".
      this.holidays.push(!detail.work && detail.name.includes(','));
      this.ord.push(this.workList.length);
      if (detail.work) this.workList.push(d);
    }
  }

  iso(d: number): string {
    return at(this.isoDates, d);
  }
  isWork(d: number): boolean {
    return at(this.working, d);
  }
  isHoliday(d: number): boolean {
    return at(this.holidays, d);
  }
  /** 0 = Sunday … 6 = Saturday. */
  dow(d: number): number {
    return new Date(CAL_FIRST_MS + d * DAY * 1000).getUTCDay();
  }
  year(d: number): number {
    return Number(this.iso(d).slice(0, 4));
  }
  month(d: number): number {
    return Number(this.iso(d).slice(5, 7));
  }
  /** A 调休 make-up working day (Saturday or Sunday that is a working day). */
  isMakeup(d: number): boolean {
    const w = this.dow(d);
    return this.isWork(d) && (w === 0 || w === 6);
  }

  /** The n-th working day after d (n = 0: d itself if working, else the next working day). */
  addWd(d: number, n: number): number {
    const base = at(this.ord, d);
    if (n === 0) return at(this.workList, base);
    return at(this.workList, this.isWork(d) ? base + n : base + n - 1);
  }

  /** The working day n working days before working day d. */
  subWd(d: number, n: number): number {
    return at(this.workList, Math.max(0, at(this.ord, d) - n));
  }

  /** Working days in [a, b). */
  wdBetween(a: number, b: number): number {
    return at(this.ord, b) - at(this.ord, a);
  }
}

const cal = new Calendar();
const FIRST_DAY = dayOfIso('2024-01-01');
const LAST_DAY = dayOfIso('2025-12-31');
/** Export snapshot: nothing after this instant is known. */
const CUTOFF = LAST_DAY * DAY + DAY - 1;

const dayOf = (t: number): number => Math.floor(t / DAY);
const secOf = (t: number): number => t - dayOf(t) * DAY;
const endOfDay = (d: number): number => d * DAY + DAY - 1;

function fmtDateTime(t: number): string {
  const s = secOf(t);
  const hh = Math.floor(s / HOUR);
  const mm = Math.floor((s % HOUR) / MIN);
  return `${cal.iso(dayOf(t))} ${pad(hh)}:${pad(mm)}:${pad(s % MIN)}`;
}
const fmtDate = (d: number): string => cal.iso(d);
const compactDate = (d: number): string => cal.iso(d).replaceAll('-', '');

/** A random instant inside office hours [from, to) of day d. */
const officeTime = (rng: Rng, d: number, from = 8.5 * HOUR, to = 18 * HOUR): number =>
  d * DAY + rng.int(from, to - 1);

/** People rate and call back while awake: a night-time instant moves to the next morning. */
function awake(rng: Rng, t: number): number {
  const s = secOf(t);
  if (s >= 7 * HOUR && s < 23 * HOUR) return t;
  const d = s < 7 * HOUR ? dayOf(t) : dayOf(t) + 1;
  return d * DAY + rng.int(7 * HOUR, 10 * HOUR);
}

/** Linear position of a day inside the 24-month period, 0 … 1 (for trends). */
const trendPos = (d: number): number => (d - FIRST_DAY) / (LAST_DAY - FIRST_DAY);

// ---------------------------------------------------------------------------------------------
// Schema-driven encoding
// ---------------------------------------------------------------------------------------------

type Row = Record<string, string>;

const labelIndex = new Map<string, Map<string, string>>();

/** First Chinese label of an enum code, looked up in the canonical schema (throws on typos). */
function label(ds: DatasetKey, field: string, code: string): string {
  const key = `${ds}.${field}`;
  let map = labelIndex.get(key);
  if (!map) {
    const def = DATASETS[ds].fields.find((f) => f.key === field);
    if (!def?.enum) throw new Error(`${key} is not an enum field`);
    map = new Map(def.enum.map((e) => [e.code, at(e.zh, 0)]));
    labelIndex.set(key, map);
  }
  const zh = map.get(code);
  if (zh === undefined) throw new Error(`unknown code ${code} for ${key}`);
  return zh;
}

const yesNo = (b: boolean): string => (b ? '是' : '否');

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Serialise rows in schema column order; unknown keys are a bug in this generator. */
function toCsv(ds: DatasetKey, rows: readonly Row[]): string {
  const fields = DATASETS[ds].fields;
  const known = new Set(fields.map((f) => f.key));
  const lines = [fields.map((f) => csvField(f.zh)).join(',')];
  for (const row of rows) {
    for (const k of Object.keys(row)) if (!known.has(k)) throw new Error(`${ds}: unknown key ${k}`);
    lines.push(fields.map((f) => csvField(row[f.key] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// County, departments and the service-item catalogue
// ---------------------------------------------------------------------------------------------

const REGION_CODE = '341722';
const REGION_NAME = '示范县';
const PLATFORM = '一体化政务服务平台';

interface DeptSpec {
  name: string;
  /** 文号 prefix, e.g. 示市监〔2024〕12号. */
  short: string;
  /** 所属领域 written on cases. */
  theme: string;
  /** Relative case volume. */
  volume: number;
  /** Target 上网办理率 (share of online submissions). */
  online: number;
  /** Probability that a closed case misses its promised deadline. */
  overdue: number;
}

interface Dept extends DeptSpec {
  /** 统一社会信用代码 of the department. */
  code: string;
  /** Clearly worse department: lower online depth, worse ratings, more stalled cases. */
  bad: boolean;
  /** Vertical business system that pushes part of the department's cases. */
  system?: string;
}

/** The planted laggards: low online depth and share, many overdue cases, worse ratings. */
const BAD_DEPTS = new Set(['县自然资源局', '县住房和城乡建设局']);

/** Departments whose cases partly come from their own vertical systems (数据来源). */
const DEPT_SYSTEMS: Record<string, string> = {
  县人力资源和社会保障局: '人社一体化信息系统',
  县公安局: '公安政务服务平台',
  县税务局: '电子税务局',
  县医疗保障局: '医疗保障信息平台',
  县公积金管理中心: '住房公积金综合服务平台',
  县不动产登记中心: '不动产登记系统',
};

/** name, 文号 prefix, case theme, volume, target online share, overdue probability. */
const deptSpec = (
  name: string,
  short: string,
  theme: string,
  volume: number,
  online: number,
  overdue: number,
): DeptSpec => ({ name, short, theme, volume, online, overdue });

const DEPT_SPECS: DeptSpec[] = [
  deptSpec('县市场监督管理局', '示市监', '市场监管', 3.0, 0.74, 0.015),
  deptSpec('县自然资源局', '示自然资', '自然资源', 1.3, 0.25, 0.12),
  deptSpec('县住房和城乡建设局', '示建', '住房城乡建设', 1.4, 0.3, 0.11),
  deptSpec('县交通运输局', '示交', '交通运输', 1.0, 0.4, 0.07),
  deptSpec('县卫生健康委员会', '示卫健', '卫生健康', 1.2, 0.6, 0.02),
  deptSpec('县教育体育局', '示教体', '教育', 0.9, 0.62, 0.015),
  deptSpec('县民政局', '示民', '民政', 1.2, 0.5, 0.02),
  deptSpec('县人力资源和社会保障局', '示人社', '人力资源社会保障', 2.6, 0.7, 0.012),
  deptSpec('县公安局', '示公', '公安', 2.6, 0.5, 0.01),
  deptSpec('县税务局', '示税', '税务', 1.6, 0.85, 0.006),
  deptSpec('县生态环境分局', '示环', '生态环境', 0.4, 0.6, 0.03),
  deptSpec('县农业农村局', '示农', '农业农村', 0.8, 0.52, 0.02),
  deptSpec('县水利局', '示水', '水利', 0.3, 0.55, 0.03),
  deptSpec('县文化旅游局', '示文旅', '文化旅游', 0.4, 0.6, 0.015),
  deptSpec('县应急管理局', '示应急', '应急管理', 0.3, 0.58, 0.02),
  deptSpec('县医疗保障局', '示医保', '医疗保障', 2.0, 0.72, 0.01),
  deptSpec('县退役军人事务局', '示退役', '退役军人', 0.3, 0.45, 0.02),
  deptSpec('县商务局', '示商', '商务', 0.2, 0.7, 0.015),
  deptSpec('县林业局', '示林', '林业', 0.3, 0.5, 0.03),
  deptSpec('县城市管理局', '示城管', '城市管理', 0.5, 0.5, 0.03),
  deptSpec('县司法局', '示司', '司法行政', 0.4, 0.5, 0.015),
  deptSpec('县财政局', '示财', '财政', 0.3, 0.7, 0.01),
  deptSpec('县发展和改革委员会', '示发改', '发展改革', 0.3, 0.72, 0.02),
  deptSpec('县行政审批服务局', '示审批', '行政审批', 1.3, 0.66, 0.012),
  deptSpec('县残疾人联合会', '示残联', '残疾人服务', 0.3, 0.4, 0.02),
  deptSpec('县消防救援大队', '示消', '消防', 0.2, 0.55, 0.02),
  deptSpec('县烟草专卖局', '示烟', '烟草专卖', 0.3, 0.65, 0.01),
  deptSpec('县气象局', '示气', '气象', 0.05, 0.6, 0.02),
  deptSpec('县公积金管理中心', '示公积金', '住房公积金', 1.6, 0.8, 0.008),
  deptSpec('县不动产登记中心', '示不动产', '不动产登记', 2.1, 0.5, 0.015),
];

/** Publisher of county-level documents that belong to no single department. */
const GOV_OFFICE: DeptSpec = {
  name: '县人民政府办公室',
  short: '示政办',
  theme: '综合',
  volume: 0,
  online: 0,
  overdue: 0,
};

/** Type letters of the catalogue below → ITEM_TYPES codes, plus the 2-digit code used in 基本编码. */
const ITEM_TYPE = {
  L: { code: 'licensing', num: '01' },
  P: { code: 'payment', num: '05' },
  C: { code: 'confirmation', num: '07' },
  A: { code: 'award', num: '08' },
  J: { code: 'adjudication', num: '09' },
  O: { code: 'other_power', num: '10' },
  F: { code: 'filing', num: '11' },
  S: { code: 'public_service', num: '20' },
} as const;
type TypeLetter = keyof typeof ITEM_TYPE;

/** Typical applicant: P person, E enterprise/organisation, M mixed. */
type Who = 'P' | 'E' | 'M';

interface SpecOpts {
  /** Variants published as separate items, e.g. 新办/变更/延续/注销. */
  v?: string[];
  /** Relative popularity (default 1). */
  w?: number;
  /** Fee in yuan per case. */
  fee?: number;
  /** Applicant must appear in person (photo, fingerprints, vows …): 不宜跑零次. */
  onsite?: boolean;
  /** Not suitable for online handling at all: 不适宜开展网上办事. */
  offline?: boolean;
  /** Statutory limit in natural days instead of working days. */
  cd?: number;
}
type Spec = [name: string, type: TypeLetter, who: Who, opts?: SpecOpts];

const NEW_CHANGE_RENEW_CANCEL = ['新办', '变更', '延续', '注销'];

/** ~10 typical county-level items per department, in DEPT_SPECS order. */
const CATALOGUE: Record<string, Spec[]> = {
  县市场监督管理局: [
    ['食品经营许可证核发', 'L', 'E', { v: NEW_CHANGE_RENEW_CANCEL, w: 2 }],
    ['个体工商户设立登记', 'L', 'P', { w: 4 }],
    ['个体工商户变更登记', 'L', 'P', { w: 1.5 }],
    ['个体工商户注销登记', 'L', 'P', { w: 1.5 }],
    ['有限责任公司设立登记', 'L', 'E', { w: 2 }],
    ['有限责任公司变更登记', 'L', 'E', { w: 1.5 }],
    ['企业注销登记', 'L', 'E'],
    ['食品小作坊登记', 'L', 'E'],
    ['特种设备使用登记', 'L', 'E'],
    ['药品零售企业许可', 'L', 'E', { v: ['新办', '变更', '延续'] }],
    ['第二类医疗器械经营备案', 'F', 'E'],
  ],
  县自然资源局: [
    ['建设项目用地预审与选址意见书核发', 'L', 'E'],
    ['建设用地规划许可证核发', 'L', 'E'],
    ['建设工程规划许可证核发', 'L', 'E', { w: 1.5 }],
    ['乡村建设规划许可证核发', 'L', 'P', { w: 2 }],
    ['临时用地审批', 'L', 'E'],
    ['国有建设用地使用权出让后土地使用权分割转让批准', 'L', 'E'],
    ['农村村民宅基地审批', 'L', 'P', { w: 2 }],
    ['建设工程规划条件核实', 'C', 'E'],
    ['土地复垦方案审查', 'O', 'E'],
    ['地质灾害危险性评估报告备案', 'F', 'E'],
    ['建设项目压覆重要矿产资源审批', 'L', 'E', { w: 0.5 }],
  ],
  县住房和城乡建设局: [
    ['建筑工程施工许可证核发', 'L', 'E', { w: 2 }],
    ['商品房预售许可', 'L', 'E'],
    ['城镇污水排入排水管网许可', 'L', 'E'],
    ['建设工程竣工验收备案', 'F', 'E', { w: 1.5 }],
    ['房屋建筑工程质量监督登记', 'O', 'E'],
    ['燃气经营许可证核发', 'L', 'E', { w: 0.5 }],
    ['特殊建设工程消防设计审查', 'L', 'E'],
    ['建设工程消防验收', 'L', 'E'],
    ['公共租赁住房保障资格审核', 'C', 'P', { w: 2 }],
    ['城镇住房保障家庭租赁补贴申请', 'P', 'P', { w: 1.5 }],
    ['建筑业企业资质核准（施工总承包三级）', 'L', 'E', { w: 0.5 }],
  ],
  县交通运输局: [
    ['道路货物运输经营许可', 'L', 'E', { v: ['新办', '变更', '延续'] }],
    ['道路旅客运输经营许可', 'L', 'E', { w: 0.5 }],
    ['道路运输车辆营运证核发', 'L', 'E', { v: ['新办', '变更', '注销'], w: 2 }],
    ['道路运输从业人员从业资格证核发', 'L', 'P', { w: 1.5 }],
    ['网络预约出租汽车运输证核发', 'L', 'P'],
    ['出租汽车驾驶员从业资格证核发', 'L', 'P'],
    ['公路超限运输许可', 'L', 'E'],
    ['涉路施工许可', 'L', 'E', { w: 0.5 }],
    ['机动车维修经营备案', 'F', 'E'],
  ],
  县卫生健康委员会: [
    ['医疗机构执业登记', 'L', 'E'],
    ['医师执业注册', 'L', 'P', { v: ['首次注册', '变更注册'] }],
    ['护士执业注册', 'L', 'P', { v: ['首次注册', '延续注册'] }],
    ['公共场所卫生许可证核发', 'L', 'E', { v: ['新办', '延续'], w: 2 }],
    ['饮用水供水单位卫生许可', 'L', 'E', { w: 0.5 }],
    ['出生医学证明补发', 'S', 'P', { onsite: true }],
    ['计划生育家庭特别扶助金给付', 'P', 'P'],
    ['农村部分计划生育家庭奖励扶助金给付', 'P', 'P', { w: 1.5 }],
    ['生育登记服务', 'S', 'P', { w: 3 }],
    ['放射诊疗许可', 'L', 'E', { w: 0.3 }],
  ],
  县教育体育局: [
    ['民办学校办学许可（幼儿园）', 'L', 'E', { w: 0.5 }],
    ['教师资格认定', 'C', 'P', { w: 3 }],
    ['中小学教师资格证补发', 'S', 'P'],
    ['家庭经济困难学生认定', 'C', 'P', { w: 2 }],
    ['义务教育阶段转学办理', 'S', 'P', { w: 2 }],
    ['校外培训机构设立审批', 'L', 'E', { w: 0.5 }],
    ['高危险性体育项目经营许可', 'L', 'E', { w: 0.3 }],
    ['普通话水平测试等级证书补办', 'S', 'P'],
    ['中等职业学校国家助学金发放', 'P', 'P'],
    ['社会体育指导员技术等级称号授予', 'A', 'P', { w: 0.3 }],
  ],
  县民政局: [
    ['最低生活保障对象认定', 'C', 'P', { w: 3 }],
    ['特困人员认定', 'C', 'P'],
    ['临时救助对象认定', 'C', 'P', { w: 2 }],
    [
      '内地居民婚姻登记',
      'C',
      'P',
      { v: ['结婚登记', '离婚登记', '补领婚姻登记证'], w: 3, offline: true, onsite: true },
    ],
    ['社会团体成立登记', 'L', 'E', { w: 0.3 }],
    ['民办非企业单位成立登记', 'L', 'E', { w: 0.3 }],
    ['困难残疾人生活补贴和重度残疾人护理补贴发放', 'P', 'P', { w: 2 }],
    ['高龄津贴发放', 'P', 'P', { w: 2 }],
    ['养老机构备案', 'F', 'E', { w: 0.2 }],
    ['惠民殡葬补贴发放', 'P', 'P'],
  ],
  县人力资源和社会保障局: [
    ['城乡居民基本养老保险参保登记', 'S', 'P', { w: 3 }],
    ['城乡居民养老保险待遇申领', 'P', 'P', { w: 2 }],
    ['企业职工基本养老保险参保登记', 'S', 'E', { w: 2 }],
    ['失业保险金申领', 'P', 'P', { w: 2 }],
    ['就业创业证申领', 'S', 'P', { w: 2 }],
    ['社会保障卡申领', 'S', 'P', { v: ['首次申领', '补领换领'], w: 4 }],
    ['工伤认定', 'C', 'P', { w: 0.5 }],
    ['劳务派遣经营许可', 'L', 'E', { w: 0.2 }],
    ['人力资源服务许可', 'L', 'E', { w: 0.2 }],
    ['创业担保贷款申请', 'S', 'P'],
    ['一次性创业补贴申领', 'P', 'P'],
    ['灵活就业人员社会保险补贴申领', 'P', 'P', { w: 1.5 }],
  ],
  县公安局: [
    ['机动车驾驶证补领', 'S', 'P', { w: 2, fee: 10 }],
    ['机动车登记', 'L', 'P', { v: ['注册登记', '转让登记', '注销登记'], w: 2 }],
    ['居民身份证申领', 'L', 'P', { v: ['首次申领', '换领', '补领'], w: 3, onsite: true }],
    ['户口迁移', 'C', 'P', { v: ['迁入', '迁出'], w: 1.5 }],
    ['出生登记', 'C', 'P', { w: 1.5 }],
    ['居住证核发', 'L', 'P'],
    ['无犯罪记录证明开具', 'S', 'P', { w: 2 }],
    ['剧毒化学品购买许可', 'L', 'E', { w: 0.1 }],
    ['烟花爆竹道路运输许可', 'L', 'E', { w: 0.2 }],
    ['旅馆业特种行业许可证核发', 'L', 'E', { w: 0.3 }],
    ['临时身份证明开具', 'S', 'P', { onsite: true }],
  ],
  县税务局: [
    ['发票领用', 'S', 'E', { w: 3 }],
    ['增值税专用发票最高开票限额审批', 'L', 'E'],
    ['纳税人信息确认', 'S', 'E', { w: 2 }],
    ['完税证明开具', 'S', 'P', { w: 2 }],
    ['个人所得税综合所得汇算清缴', 'S', 'P', { w: 2 }],
    ['车辆购置税申报', 'S', 'P', { w: 1.5 }],
    ['契税申报', 'S', 'P', { w: 1.5 }],
    ['税收减免核准', 'L', 'E', { w: 0.5 }],
    ['跨区域涉税事项报告', 'F', 'E'],
    ['城乡居民社会保险费缴纳', 'S', 'P', { w: 2 }],
  ],
  县生态环境分局: [
    ['建设项目环境影响报告书审批', 'L', 'E', { w: 0.3 }],
    ['建设项目环境影响报告表审批', 'L', 'E', { w: 1.5 }],
    ['排污许可证核发', 'L', 'E', { v: ['首次申请', '变更', '延续'] }],
    ['一般工业固体废物贮存场所备案', 'F', 'E'],
    ['突发环境事件应急预案备案', 'F', 'E'],
    ['建设项目环境影响登记表备案', 'F', 'E', { w: 2 }],
    ['防治污染设施拆除或闲置审批', 'L', 'E', { w: 0.3 }],
    ['夜间建筑施工作业审批', 'L', 'E', { w: 0.5 }],
  ],
  县农业农村局: [
    ['农药经营许可证核发', 'L', 'E'],
    ['兽药经营许可证核发', 'L', 'E'],
    ['农作物种子生产经营许可证核发', 'L', 'E'],
    ['动物防疫条件合格证核发', 'L', 'E'],
    ['拖拉机和联合收割机驾驶证核发', 'L', 'P', { onsite: true }],
    ['拖拉机和联合收割机登记', 'L', 'P'],
    ['耕地地力保护补贴发放', 'P', 'P', { w: 3 }],
    ['农机购置与应用补贴', 'P', 'P', { w: 2 }],
    ['生鲜乳收购站许可', 'L', 'E', { w: 0.2 }],
    ['农民专业合作社示范社认定', 'A', 'E', { w: 0.3 }],
  ],
  县水利局: [
    ['取水许可', 'L', 'E'],
    ['河道管理范围内建设项目工程建设方案审批', 'L', 'E'],
    ['生产建设项目水土保持方案审批', 'L', 'E', { w: 1.5 }],
    ['水利基建项目初步设计文件审批', 'L', 'E'],
    ['农村集体经济组织修建水库审批', 'L', 'E', { w: 0.2 }],
    ['洪水影响评价类审批', 'L', 'E'],
    ['河道采砂许可', 'L', 'E', { w: 0.3 }],
    ['占用农业灌溉水源、灌排工程设施审批', 'L', 'E', { w: 0.3 }],
  ],
  县文化旅游局: [
    ['娱乐场所经营许可', 'L', 'E'],
    ['互联网上网服务营业场所经营单位设立审批', 'L', 'E'],
    ['营业性演出审批', 'L', 'E', { w: 1.5 }],
    ['旅行社设立许可', 'L', 'E', { w: 0.3 }],
    ['文物保护单位建设控制地带内建设工程设计方案审核', 'L', 'E', { w: 0.3 }],
    ['出版物零售业务经营许可', 'L', 'E'],
    ['公共图书馆读者证办理', 'S', 'P', { w: 2 }],
    ['文化馆公益培训报名', 'S', 'P', { w: 2 }],
  ],
  县应急管理局: [
    ['危险化学品经营许可证核发', 'L', 'E', { v: ['新办', '变更', '延续'] }],
    ['烟花爆竹经营（零售）许可证核发', 'L', 'E', { w: 2 }],
    ['生产安全事故应急预案备案', 'F', 'E', { w: 1.5 }],
    ['金属冶炼建设项目安全设施设计审查', 'L', 'E', { w: 0.2 }],
    ['安全生产标准化三级企业评审确认', 'C', 'E', { w: 0.5 }],
    ['受灾人员冬春生活救助', 'P', 'P'],
  ],
  县医疗保障局: [
    ['基本医疗保险参保登记', 'S', 'P', { w: 2 }],
    ['城乡居民基本医疗保险参保缴费', 'S', 'P', { w: 3 }],
    ['异地就医备案', 'S', 'P', { w: 4 }],
    ['门诊慢特病待遇认定', 'C', 'P', { w: 2 }],
    ['医疗费用手工（零星）报销', 'P', 'P', { w: 2 }],
    ['生育保险待遇核定与支付', 'P', 'P'],
    ['医疗救助', 'P', 'P'],
    ['基本医疗保险关系转移接续', 'S', 'P', { w: 1.5 }],
    ['定点医药机构申请受理', 'S', 'E', { w: 0.2 }],
    ['参保人员信息变更', 'S', 'P', { w: 1.5 }],
  ],
  县退役军人事务局: [
    ['退役士兵自主就业一次性经济补助金给付', 'P', 'P'],
    ['优抚对象抚恤补助金给付', 'P', 'P'],
    ['伤残抚恤关系接收', 'S', 'P', { w: 0.3 }],
    ['退役军人优待证申领', 'S', 'P', { w: 3 }],
    ['光荣牌悬挂', 'S', 'P'],
    ['退役军人信息采集', 'S', 'P', { w: 1.5 }],
    ['义务兵家庭优待金给付', 'P', 'P'],
    ['困难退役军人帮扶援助', 'P', 'P', { w: 0.5 }],
  ],
  县商务局: [
    ['对外贸易经营者备案登记', 'F', 'E', { w: 1.5 }],
    ['成品油零售经营资格审批', 'L', 'E', { w: 0.2 }],
    ['单用途商业预付卡备案', 'F', 'E'],
    ['报废机动车回收拆解企业资质认定', 'L', 'E', { w: 0.1 }],
    ['再生资源回收经营者备案', 'F', 'E'],
    ['酒类流通备案', 'F', 'E', { w: 1.5 }],
    ['外商投资企业信息报告', 'S', 'E', { w: 0.3 }],
  ],
  县林业局: [
    ['林木采伐许可证核发', 'L', 'M', { w: 3 }],
    ['建设项目使用林地审核审批', 'L', 'E', { cd: 60 }],
    ['林草种子生产经营许可证核发', 'L', 'E', { w: 0.5 }],
    ['植物检疫证书核发', 'L', 'M', { w: 2 }],
    ['森林经营单位修筑林业生产设施占用林地审批', 'L', 'E', { cd: 60, w: 0.3 }],
    ['森林防火期内野外用火审批', 'L', 'P'],
    ['古树名木移植审批', 'L', 'M', { w: 0.2 }],
    ['生态公益林补偿资金发放', 'P', 'P', { w: 2 }],
  ],
  县城市管理局: [
    ['城市建筑垃圾处置核准', 'L', 'E', { w: 1.5 }],
    ['临时占用城市道路审批', 'L', 'M', { w: 1.5 }],
    ['挖掘城市道路审批', 'L', 'E'],
    ['设置大型户外广告审批', 'L', 'E'],
    ['城市树木砍伐审批', 'L', 'M', { w: 0.5 }],
    ['市政设施建设类审批', 'L', 'E'],
    ['城市生活垃圾经营性清扫收集运输服务审批', 'L', 'E', { w: 0.2 }],
    ['户外招牌设置备案', 'F', 'E', { w: 2 }],
  ],
  县司法局: [
    ['法律援助申请', 'S', 'P', { w: 3 }],
    ['基层法律服务工作者执业核准', 'L', 'P', { w: 0.3 }],
    ['人民调解申请', 'S', 'P', { w: 2 }],
    ['法律职业资格证书申领', 'S', 'P', { w: 0.5 }],
    ['社区矫正对象外出审批', 'L', 'P', { offline: true }],
    ['律师执业许可初审', 'O', 'P', { w: 0.3 }],
  ],
  县财政局: [
    ['代理记账机构执业审批', 'L', 'E'],
    ['政府采购投诉处理', 'J', 'E', { w: 0.3, cd: 30 }],
    ['非税收入票据领购', 'S', 'E', { w: 2 }],
    ['政府采购进口产品审核', 'L', 'E', { w: 0.2 }],
    ['惠民惠农财政补贴资金查询', 'S', 'P', { w: 2 }],
  ],
  县发展和改革委员会: [
    ['企业投资项目核准', 'L', 'E', { w: 0.5 }],
    ['企业投资项目备案', 'F', 'E', { w: 3 }],
    ['政府投资项目可行性研究报告审批', 'L', 'E'],
    ['固定资产投资项目节能审查', 'L', 'E'],
    ['价格认定', 'C', 'E', { w: 0.5 }],
    ['粮食收购资格备案', 'F', 'E', { w: 0.5 }],
    ['政府定价成本监审', 'O', 'E', { w: 0.2 }],
  ],
  县行政审批服务局: [
    ['企业开办一件事', 'S', 'E', { w: 3 }],
    ['新生儿出生一件事', 'S', 'P', { w: 2 }],
    ['退休一件事', 'S', 'P', { w: 1.5 }],
    ['开办餐饮店一件事', 'S', 'E'],
    ['水电气网联合报装', 'S', 'M', { w: 1.5 }],
    ['身后一件事', 'S', 'P'],
    ['证照分离改革事项告知承诺办理', 'L', 'E'],
    ['中介服务网上超市项目登记', 'S', 'E', { w: 0.5 }],
    ['帮办代办服务申请', 'S', 'M'],
  ],
  县残疾人联合会: [
    ['残疾人证核发', 'C', 'P', { v: ['新办', '换领', '迁移'], w: 2, onsite: true }],
    ['残疾人辅助器具适配', 'S', 'P'],
    ['残疾人就业援助', 'S', 'P'],
    ['残疾儿童康复救助', 'P', 'P'],
    ['残疾人家庭无障碍改造', 'S', 'P', { w: 0.5 }],
    ['残疾人职业技能培训报名', 'S', 'P'],
  ],
  县消防救援大队: [
    ['公众聚集场所投入使用、营业前消防安全检查', 'L', 'E', { w: 2 }],
    ['消防安全重点单位备案', 'F', 'E'],
    ['大型群众性活动消防安全检查', 'O', 'E', { w: 0.5 }],
    ['火灾事故认定', 'C', 'M', { offline: true, onsite: true, w: 0.3 }],
    ['消防安全技术咨询', 'S', 'M'],
  ],
  县烟草专卖局: [
    ['烟草专卖零售许可证核发', 'L', 'P', { v: ['新办', '延续', '变更', '停业', '歇业'], w: 2 }],
    ['烟草专卖品准运证核发', 'L', 'E', { w: 0.3 }],
  ],
  县气象局: [
    ['雷电防护装置设计审核', 'L', 'E'],
    ['雷电防护装置竣工验收', 'L', 'E'],
    ['升放无人驾驶自由气球或者系留气球活动审批', 'L', 'E', { w: 0.3 }],
    ['气象灾害证明出具', 'S', 'M'],
  ],
  县公积金管理中心: [
    ['住房公积金个人缴存登记', 'S', 'P', { w: 2 }],
    ['住房公积金单位缴存登记', 'S', 'E', { w: 0.5 }],
    ['住房公积金提取', 'P', 'P', { v: ['购房提取', '租房提取', '离职提取', '退休提取'], w: 4 }],
    ['住房公积金个人住房贷款', 'S', 'P', { w: 1.5 }],
    ['住房公积金缴存证明开具', 'S', 'P', { w: 1.5 }],
    ['住房公积金贷款结清证明开具', 'S', 'P'],
  ],
  县不动产登记中心: [
    ['国有建设用地使用权及房屋所有权首次登记', 'C', 'E', { fee: 80 }],
    ['国有建设用地使用权及房屋所有权转移登记', 'C', 'P', { w: 4, fee: 80 }],
    ['抵押权首次登记', 'C', 'M', { w: 3, fee: 80 }],
    ['抵押权注销登记', 'C', 'M', { w: 2 }],
    ['预告登记', 'C', 'P', { w: 1.5, fee: 80 }],
    ['不动产更正登记', 'C', 'M', { w: 0.5 }],
    ['不动产登记资料查询', 'S', 'M', { w: 2 }],
    ['不动产权证书补发', 'C', 'P', { w: 0.5, fee: 10 }],
    ['不动产变更登记', 'C', 'M'],
    ['宅基地使用权及房屋所有权首次登记', 'C', 'P', { w: 1.5 }],
  ],
};

type Limit = { unit: 'wd'; n: number } | { unit: 'cd'; n: number } | { unit: 'instant' } | { unit: 'none' };

function limitText(l: Limit): string {
  switch (l.unit) {
    case 'wd':
      return `${l.n}个工作日`;
    case 'cd':
      return `${l.n}个自然日`;
    case 'instant':
      return '即办';
    case 'none':
      return '无期限';
  }
}

const wd = (n: number): Limit => ({ unit: 'wd', n });

/** Inverse of limitText, so limit tables can be written the way exports spell them. */
function parseLimit(text: string): Limit {
  if (text === '即办') return INSTANT;
  if (text === '无期限') return NO_LIMIT;
  const m = /^(\d+)个(工作日|自然日)$/.exec(text);
  if (!m) throw new Error(`bad limit ${text}`);
  return { unit: m[2] === '工作日' ? 'wd' : 'cd', n: Number(m[1]) };
}
const INSTANT: Limit = { unit: 'instant' };
const NO_LIMIT: Limit = { unit: 'none' };

type Depth = 'I' | 'II' | 'III' | 'IV';

interface Item {
  code: string;
  catalog: string;
  name: string;
  type: TypeLetter;
  who: Who;
  dept: Dept;
  statutory: Limit;
  promised: Limit;
  caseType: 'instant' | 'promised' | 'other';
  trips: number;
  isOnline: boolean;
  depth: Depth;
  notOnline: boolean;
  notZeroTrip: boolean;
  express: boolean;
  inHall: boolean;
  fee: number;
  /** Share of the county's case volume. */
  weight: number;
}

/** Statutory limits by item type: mostly 20 working days, public services often open-ended. */
function statutoryLimit(rng: Rng, type: TypeLetter, opts: SpecOpts): Limit {
  if (opts.cd) return { unit: 'cd', n: opts.cd };
  const table: Record<TypeLetter, Record<string, number>> = {
    L: {
      '20个工作日': 70,
      '15个工作日': 6,
      '10个工作日': 8,
      '30个工作日': 6,
      '60个自然日': 3,
      '5个工作日': 5,
      即办: 2,
    },
    C: { '20个工作日': 40, '30个工作日': 15, '10个工作日': 15, '5个工作日': 10, 即办: 15, '60个自然日': 5 },
    P: { '20个工作日': 35, '30个工作日': 30, '15个工作日': 10, '10个工作日': 15, 即办: 10 },
    S: { 无期限: 30, 即办: 30, '5个工作日': 10, '10个工作日': 15, '20个工作日': 15 },
    F: { 即办: 30, '5个工作日': 30, '10个工作日': 20, '20个工作日': 20 },
    O: { '20个工作日': 60, '30个工作日': 30, '60个自然日': 10 },
    A: { '20个工作日': 50, '30个工作日': 50 },
    J: { '20个工作日': 50, '30个工作日': 50 },
  };
  return parseLimit(rng.choose(table[type]));
}

/** Promised limits are the compressed ones counties advertise (承诺时限压缩): ~25 % 即办. */
function promisedLimit(rng: Rng, type: TypeLetter, statutory: Limit): Limit {
  if (statutory.unit === 'instant') return INSTANT;
  const instantShare: Record<TypeLetter, number> = {
    L: 0.08,
    C: 0.25,
    P: 0.1,
    S: 0.42,
    F: 0.4,
    O: 0.05,
    A: 0,
    J: 0,
  };
  if (rng.chance(instantShare[type])) return INSTANT;
  if (statutory.unit === 'none') return rng.chance(0.25) ? NO_LIMIT : wd(rng.pick([3, 5, 10]));
  // 自然日 limits are compared as roughly 5/7 working days.
  const cap = statutory.unit === 'cd' ? Math.floor((statutory.n * 5) / 7) : statutory.n;
  const n = Number(rng.choose({ '1': 5, '2': 8, '3': 22, '5': 30, '7': 12, '10': 15, '15': 5, '20': 3 }));
  return wd(Math.min(n, cap));
}

/** Online depth: the bad departments still run many items at Ⅱ/Ⅲ (upload only, on-site check). */
function onlineDepth(rng: Rng, dept: Dept, opts: SpecOpts): Depth {
  if (opts.offline) return 'I';
  if (opts.onsite) return 'II';
  if (dept.bad) return rng.choose<Depth>({ IV: 12, III: 38, II: 38, I: 12 });
  if (dept.online < 0.45) return rng.choose<Depth>({ IV: 30, III: 40, II: 22, I: 8 });
  return rng.choose<Depth>({ IV: 47, III: 30, II: 15, I: 8 });
}

function tripsRequired(rng: Rng, depth: Depth): number {
  switch (depth) {
    case 'IV':
      return 0;
    case 'III':
      return rng.chance(0.4) ? 0 : 1;
    case 'II':
      return rng.chance(0.85) ? 1 : 2;
    case 'I':
      return rng.chance(0.7) ? 1 : 2;
  }
}

/** 统一社会信用代码 of a county organ: 11 + region + 9-char organisation code + check char. */
function creditCode(rng: Rng): string {
  const check = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return `11${REGION_CODE}MB${rng.digits(7)}${rng.pick(check.split(''))}`;
}

function buildDepts(rng: Rng): Dept[] {
  return DEPT_SPECS.map((spec) => ({
    ...spec,
    code: creditCode(rng),
    bad: BAD_DEPTS.has(spec.name),
    system: DEPT_SYSTEMS[spec.name],
  }));
}

function buildItems(rng: Rng, depts: Dept[]): Item[] {
  const items: Item[] = [];
  const usedMain = new Set<string>();
  for (const dept of depts) {
    const specs = CATALOGUE[dept.name];
    if (!specs) throw new Error(`no catalogue for ${dept.name}`);
    const deptItems: Item[] = [];
    for (const [baseName, type, who, opts = {}] of specs) {
      // 5-digit main-item number of the 基本编码, unique county-wide.
      let main = rng.digits(5);
      while (usedMain.has(main)) main = rng.digits(5);
      usedMain.add(main);
      const variants = opts.v ?? [''];
      // Popularity is log-normal around the hand-set weight, so volumes look organic.
      const base = (opts.w ?? 1) * Math.exp(0.45 * rng.normal());
      variants.forEach((variant, vi) => {
        const catalog = `${ITEM_TYPE[type].num}${main}${pad(opts.v ? vi + 1 : 0, 3)}`;
        const statutory = statutoryLimit(rng, type, opts);
        const promised = promisedLimit(rng, type, statutory);
        const depth = onlineDepth(rng, dept, opts);
        const trips = opts.onsite ? 1 : tripsRequired(rng, depth);
        deptItems.push({
          code: `${dept.code}${catalog}`,
          catalog,
          name: variant ? `${baseName}（${variant}）` : baseName,
          type,
          who,
          dept,
          statutory,
          promised,
          caseType: promised.unit === 'instant' ? 'instant' : promised.unit === 'none' ? 'other' : 'promised',
          trips,
          isOnline: depth !== 'I',
          depth,
          notOnline: opts.offline === true,
          notZeroTrip: opts.onsite === true || (trips > 0 && rng.chance(0.05)),
          express: trips === 0 || rng.chance(0.55),
          inHall: rng.chance(dept.system ? 0.8 : 0.93),
          fee: opts.fee ?? 0,
          weight: base / (vi + 1),
        });
      });
    }
    // Scale item weights so each department carries its configured share of volume.
    const sum = deptItems.reduce((s, it) => s + it.weight, 0);
    for (const it of deptItems) it.weight = (it.weight / sum) * dept.volume;
    items.push(...deptItems);
  }
  return items;
}

function itemRows(items: readonly Item[]): Row[] {
  const L = (field: string, code: string) => label('items', field, code);
  return items.map((it) => ({
    item_code: it.code,
    catalog_code: it.catalog,
    item_name: it.name,
    item_type: L('item_type', ITEM_TYPE[it.type].code),
    dept_name: it.dept.name,
    statutory_limit: limitText(it.statutory),
    promised_limit: limitText(it.promised),
    case_type: L('case_type', it.caseType),
    trips_required: String(it.trips),
    is_online: yesNo(it.isOnline),
    online_depth: L('online_depth', it.depth),
    not_suitable_online: yesNo(it.notOnline),
    not_suitable_zero_trip: yesNo(it.notZeroTrip),
    is_express: yesNo(it.express),
    in_hall: yesNo(it.inHall),
  }));
}

// ---------------------------------------------------------------------------------------------
// Cases (办件)
// ---------------------------------------------------------------------------------------------

const N_CASES = 50_000;

/** Monthly seasonality of applications: 春节 (Feb) and 国庆 (Oct) dips, spring and year-end peaks. */
const CASE_MONTH_FACTOR = [1.0, 0.72, 1.15, 1.05, 1.0, 1.05, 1.0, 0.95, 1.05, 0.85, 1.0, 1.1];

const DEPTH_FACTOR: Record<Depth, number> = { IV: 1.25, III: 1.0, II: 0.6, I: 0 };

function monthFactor(table: readonly number[], d: number): number {
  return at(table, cal.month(d) - 1);
}

/** Relative volume of a working day: Monday queues, quiet Fridays and make-up weekend days. */
function workdayFactor(d: number): number {
  if (cal.isMakeup(d)) return 0.75;
  const byDow = [1, 1.15, 1.05, 1.0, 1.0, 0.92, 1];
  // The first working day after a long holiday gets the backlog.
  const afterHoliday = cal.isHoliday(d - 1) && cal.isHoliday(d - 2) ? 1.35 : 1;
  return at(byDow, cal.dow(d)) * afterHoliday;
}

/**
 * Day samplers for submissions: counter channels only on working days and slowly declining,
 * online channels every day (much less on weekends and holidays) and growing.
 */
function caseDaySamplers(): { offline: Sampler<number>; online: Sampler<number> } {
  const days: number[] = [];
  const off: number[] = [];
  const on: number[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    const season = monthFactor(CASE_MONTH_FACTOR, d);
    const t = trendPos(d);
    days.push(d);
    off.push(cal.isWork(d) ? season * workdayFactor(d) * (1.06 - 0.12 * t) : 0);
    const dayShare = cal.isWork(d) ? workdayFactor(d) : cal.isHoliday(d) ? 0.08 : 0.22;
    on.push(season * dayShare * (0.86 + 0.3 * t));
  }
  return { offline: new Sampler(days, off), online: new Sampler(days, on) };
}

/** Hour-of-day weights of online submissions: office hours plus an evening peak. */
const ONLINE_HOURS = [
  0.15, 0.08, 0.04, 0.03, 0.04, 0.1, 0.35, 0.9, 2.2, 3.2, 3.4, 3.0, 1.9, 1.9, 2.7, 3.0, 2.8, 2.3, 1.5, 1.4,
  1.8, 1.8, 1.1, 0.5,
];
const onlineHourSampler = new Sampler(
  ONLINE_HOURS.map((_, h) => h),
  ONLINE_HOURS,
);

/** Counter hours 9:00–17:30 with a morning peak and a lunch-time trough. */
const COUNTER_HOURS = { morning: [9, 11.5], lunch: [11.5, 14], afternoon: [14, 17.5] } as const;

function submitTime(rng: Rng, d: number, online: boolean): number {
  if (online) return d * DAY + onlineHourSampler.draw(rng) * HOUR + rng.int(0, HOUR - 1);
  const [from, to] = COUNTER_HOURS[rng.choose({ morning: 55, lunch: 8, afternoon: 37 })];
  return d * DAY + rng.int(from * HOUR, to * HOUR - 1);
}

/** Counter cases are accepted on the spot, online ones the same afternoon or next working day. */
function acceptTime(rng: Rng, submitted: number, online: boolean): number {
  const d = dayOf(submitted);
  const s = secOf(submitted);
  if (!online) return submitted + rng.int(2 * MIN, 30 * MIN);
  if (cal.isWork(d) && s < 16 * HOUR && rng.chance(0.65)) {
    return Math.min(submitted + rng.int(10 * MIN, 3 * HOUR), d * DAY + 17.8 * HOUR);
  }
  const next = cal.addWd(d + 1, 0);
  return officeTime(rng, next, 8.5 * HOUR, 11.5 * HOUR);
}

function dueTime(accepted: number, limit: Limit): number | null {
  const d = dayOf(accepted);
  switch (limit.unit) {
    case 'instant':
      return endOfDay(d);
    case 'wd':
      return endOfDay(cal.addWd(d, limit.n));
    case 'cd':
      return endOfDay(d + limit.n);
    case 'none':
      return null;
  }
}

/** Limit length in working days (自然日 converted at 5/7), for processing-time draws. */
function limitWd(limit: Limit): number {
  switch (limit.unit) {
    case 'wd':
      return limit.n;
    case 'cd':
      return Math.floor((limit.n * 5) / 7);
    case 'instant':
      return 0;
    case 'none':
      return 5;
  }
}

/** Working days of processing: usually well inside the promise, occasionally beyond it. */
function processingWd(rng: Rng, limit: Limit, overdue: boolean): number {
  const n = limitWd(limit);
  if (overdue) return n + rng.int(1, Math.max(2, Math.ceil(n * 0.6)));
  if (limit.unit === 'instant') return 0;
  return Math.min(n, Math.floor((n + 1) * rng.next() ** 1.3));
}

/** Closing instant on working day `d`, never before `after`. */
function closeTimeOn(rng: Rng, d: number, after: number): number {
  if (dayOf(after) === d) {
    const latest = Math.max(after + 10 * MIN, d * DAY + 18 * HOUR);
    return Math.min(endOfDay(d), after + rng.int(5 * MIN, Math.max(6 * MIN, latest - after)));
  }
  // A few officials close cases in the evening.
  return rng.chance(0.04) ? officeTime(rng, d, 18 * HOUR, 21 * HOUR) : officeTime(rng, d);
}

/** Dept-level online scale so the item mix hits the department's target online share. */
function onlineScales(items: readonly Item[]): Map<Dept, number> {
  const scales = new Map<Dept, number>();
  const byDept = new Map<Dept, Item[]>();
  for (const it of items) byDept.set(it.dept, [...(byDept.get(it.dept) ?? []), it]);
  for (const [dept, list] of byDept) {
    const total = list.reduce((s, it) => s + it.weight, 0);
    const share = (scale: number) =>
      list.reduce((s, it) => s + it.weight * Math.min(0.97, scale * DEPTH_FACTOR[it.depth]), 0) / total;
    let lo = 0;
    let hi = 5;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (share(mid) < dept.online) lo = mid;
      else hi = mid;
    }
    scales.set(dept, lo);
  }
  return scales;
}

function applicantType(rng: Rng, who: Who): string {
  const mix: Record<Who, Record<string, number>> = {
    P: { natural_person: 97, legal_person: 2, other_org: 1 },
    E: { legal_person: 88, other_org: 6, natural_person: 6 },
    M: { natural_person: 55, legal_person: 38, other_org: 7 },
  };
  return rng.choose(mix[who]);
}

function offlineChannel(rng: Rng): string {
  return rng.choose({ window: 86, agent: 7, self_service: 4, mail: 2, other: 1 });
}

function deliveryMode(rng: Rng, item: Item, online: boolean): string {
  if ((item.type === 'S' || item.type === 'F') && rng.chance(0.4)) return 'none';
  if (online && item.depth === 'IV') return rng.choose({ electronic: 55, mail: 30, window: 15 });
  if (online) return rng.choose({ window: 50, mail: 35, electronic: 15 });
  return rng.choose({ window: 72, mail: 18, electronic: 10 });
}

function caseResult(rng: Rng, item: Item): string {
  if (item.type === 'S' || item.type === 'F') {
    return rng.choose({ approved: 990, terminated: 5, other: 5 });
  }
  const deny = item.dept.bad ? 50 : 15;
  return rng.choose({ approved: 1000 - deny - 9, denied: deny, forwarded: 4, terminated: 3, other: 2 });
}

function ratingScore(rng: Rng, worse: boolean): number {
  return worse
    ? Number(rng.choose({ '5': 62, '4': 22, '3': 8, '2': 5, '1': 3 }))
    : Number(rng.choose({ '5': 80, '4': 15, '3': 3, '2': 1.2, '1': 0.8 }));
}

/** 非税收入缴款书编号: region + year + 12 digits. */
const paymentRef = (rng: Rng, d: number): string =>
  `${REGION_CODE}${String(cal.year(d)).slice(2)}${rng.digits(12)}`;

interface CaseRec {
  submitted: number;
  row: Row;
}

function generateCases(rng: Rng, items: readonly Item[]): Row[] {
  const L = (field: string, code: string) => label('cases', field, code);
  const itemSampler = new Sampler(
    items,
    items.map((it) => it.weight),
  );
  const days = caseDaySamplers();
  const scales = onlineScales(items);
  const recs: CaseRec[] = [];

  for (let i = 0; i < N_CASES; i++) {
    const item = itemSampler.draw(rng);
    const dept = item.dept;
    const pOnline = item.isOnline ? Math.min(0.97, (scales.get(dept) ?? 0) * DEPTH_FACTOR[item.depth]) : 0;
    const online = rng.chance(pOnline);
    const day = (online ? days.online : days.offline).draw(rng);
    // Mobile overtakes PC during the period.
    const pcShare = 0.52 - 0.2 * trendPos(day);
    const channel = online ? (rng.chance(pcShare) ? 'online_pc' : 'online_mobile') : offlineChannel(rng);
    const submitted = submitTime(rng, day, online);

    const row: Row = {
      region_code: REGION_CODE,
      region_name: REGION_NAME,
      item_code: item.code,
      catalog_code: item.catalog,
      item_name: item.name,
      item_type: L('item_type', ITEM_TYPE[item.type].code),
      dept_code: dept.code,
      dept_name: dept.name,
      domain: dept.theme,
      applicant_type: L('applicant_type', applicantType(rng, item.who)),
      case_type: L('case_type', item.caseType),
      apply_channel: L('apply_channel', channel),
      online_depth: L('online_depth', item.depth),
      submitted_at: fmtDateTime(submitted),
      statutory_limit: limitText(item.statutory),
      promised_limit: limitText(item.promised),
      trips_required: String(item.trips),
      fee_amount: '0',
      source_system: dept.system && rng.chance(0.7) ? dept.system : PLATFORM,
    };
    fillCaseOutcome(rng, row, item, online, submitted);
    recs.push({ submitted, row });
  }

  // Chronological order; 办件编号 = SF + application date + daily sequence.
  recs.sort((a, b) => a.submitted - b.submitted);
  let lastDay = -1;
  let seq = 0;
  return recs.map(({ submitted, row }) => {
    const d = dayOf(submitted);
    seq = d === lastDay ? seq + 1 : 1;
    lastDay = d;
    return { case_id: `SF${compactDate(d)}${pad(seq, 5)}`, ...row };
  });
}

/** Everything after submission: intake, processing, closure, rating. Mutates `row`. */
function fillCaseOutcome(rng: Rng, row: Row, item: Item, online: boolean, submitted: number): void {
  const L = (field: string, code: string) => label('cases', field, code);
  const dept = item.dept;
  const tripsSoFar = online ? 0 : 1;

  // Online applications are rejected at intake more often (incomplete uploads).
  if (rng.chance(online ? 0.028 : 0.01)) {
    row.status = L('status', 'rejected_intake');
    row.closed_online = yesNo(false);
    row.is_full_online = yesNo(false);
    row.trips_actual = String(tripsSoFar);
    return;
  }

  const accepted = acceptTime(rng, submitted, online);
  if (accepted > CUTOFF) {
    // Submitted online on New Year's Eve: not yet accepted at export time.
    row.status = L('status', 'submitted');
    row.closed_online = yesNo(false);
    row.is_full_online = yesNo(false);
    row.trips_actual = String(tripsSoFar);
    return;
  }
  row.accepted_at = fmtDateTime(accepted);
  const delivery = deliveryMode(rng, item, online);
  row.result_delivery = L('result_delivery', delivery);
  const due = dueTime(accepted, item.promised);
  if (due !== null) row.promised_due_at = fmtDateTime(due);

  if (rng.chance(0.01)) {
    row.status = L('status', 'withdrawn');
    row.closed_online = yesNo(false);
    row.is_full_online = yesNo(false);
    row.trips_actual = String(tripsSoFar);
    return;
  }

  // Fees are paid once the case is under way.
  if (item.fee > 0) {
    // Non-residential transfers pay the 550 yuan tariff.
    const fee = item.fee === 80 && item.who !== 'P' && rng.chance(0.3) ? 550 : item.fee;
    row.fee_amount = String(fee);
    row.payment_ref = paymentRef(rng, dayOf(accepted));
  }

  // 特别程序 (expert review, hearing, on-site survey) suspends the clock for longer approvals.
  const paused =
    'LCO'.includes(item.type) && limitWd(item.statutory) >= 15 && rng.chance(0.008) ? rng.int(5, 30) : 0;
  if (paused) row.paused_wd = String(paused);
  const overdue = rng.chance(dept.overdue);
  const acceptDay = dayOf(accepted);
  const closeDay = cal.addWd(acceptDay, processingWd(rng, item.promised, overdue) + paused);
  const closed = closeTimeOn(rng, closeDay, accepted);

  // Cases still open at export: natural ones (close after the cutoff) plus a tail of stalled ones
  // that thins out over the last weeks of the year, on the scale of the item's own time limit.
  // Bad departments stall more.
  const ageWd = cal.wdBetween(acceptDay, LAST_DAY);
  const stallBase = (dept.bad ? 0.95 : 0.7) * (item.promised.unit === 'instant' ? 0.3 : 1);
  const stall = rng.chance(stallBase * Math.exp(-ageWd / (2 * limitWd(item.promised) + 10)));
  if (closed > CUTOFF || stall) {
    const recent = ageWd <= 1;
    const status = paused
      ? 'suspended'
      : rng.chance(0.06)
        ? 'returned'
        : recent && rng.chance(0.5)
          ? 'accepted'
          : 'in_progress';
    row.status = L('status', status);
    row.closed_online = yesNo(false);
    row.is_full_online = yesNo(false);
    row.trips_actual = String(tripsSoFar);
    return;
  }

  row.status = L('status', 'closed');
  row.closed_at = fmtDateTime(closed);
  row.result = L('result', caseResult(rng, item));
  if ('LCPOJA'.includes(item.type)) {
    // The decision is signed shortly before the result is issued, sometimes the working day before.
    const decided =
      closeDay > acceptDay && rng.chance(0.4)
        ? officeTime(rng, cal.subWd(closeDay, 1))
        : closed - rng.int(5 * MIN, 2 * HOUR);
    row.decided_at = fmtDateTime(Math.min(closed, Math.max(accepted + MIN, decided)));
  }
  const closedOnline =
    online && (item.depth === 'IV' ? rng.chance(0.93) : item.depth === 'III' && rng.chance(0.75));
  const fullOnline = closedOnline && item.depth === 'IV' && delivery !== 'window';
  row.closed_online = yesNo(closedOnline);
  row.is_full_online = yesNo(fullOnline);
  const extraTripShare = dept.bad ? 0.25 : 0.1;
  row.trips_actual = String(fullOnline ? 0 : rng.chance(extraTripShare) ? 2 : 1);

  // ~85 % rate the service; overdue and bad-department cases rate worse.
  if (!rng.chance(online ? 0.9 : 0.8)) return;
  const rated = awake(
    rng,
    closed + (!online && rng.chance(0.75) ? rng.int(30, 10 * MIN) : rng.int(5 * MIN, 2 * DAY)),
  );
  if (rated > CUTOFF) return;
  const score = ratingScore(rng, dept.bad || overdue);
  row.rating = String(score);
  row.rated_at = fmtDateTime(rated);
  if (score <= 2 && rng.chance(0.85)) {
    const fixed = officeTime(rng, cal.addWd(dayOf(rated), rng.int(1, 5)));
    if (fixed <= CUTOFF) row.bad_review_rectified_at = fmtDateTime(fixed);
  }
}

// ---------------------------------------------------------------------------------------------
// Proactive disclosures (主动公开)
// ---------------------------------------------------------------------------------------------

const N_DISCLOSURES = 6_000;

const TOWNS = '城关镇 东关镇 西湖镇 南塘镇 北坡镇 青山乡 石桥镇 柳河镇 杨集乡 双庙镇 白沙乡 龙山镇'.split(
  ' ',
);
const PROJECTS = [
  '城区污水管网改造工程',
  '县人民医院新院区建设项目',
  '第二实验小学扩建工程',
  '龙山路道路改造工程',
  '高标准农田建设项目',
  '农村供水保障工程',
  '老旧小区改造项目',
  '城东产业园标准化厂房项目',
  '柳河综合治理工程',
  '县城集中供热管网工程',
  '城南安置小区建设项目',
  '乡镇卫生院能力提升项目',
];
const FIRMS = '恒泰 鑫源 华美 宏达 顺发 金穗 永盛 瑞丰 德润 新天地 佳和 安康'.split(' ');
const FIRM_KINDS = '商贸有限公司 建筑工程有限公司 食品有限公司 超市 农业科技有限公司 餐饮店 药房'.split(' ');
const QUARTERS = ['一', '二', '三', '四'];

type FiveOpen = 'decision' | 'execution' | 'management' | 'service' | 'result';

interface DiscTemplate {
  /** Placeholders: {Y} year, {Y1} previous year, {M} month, {Q} quarter, {T} town, {P} project, {C} firm, {D} publisher, {B} batch. */
  title: string;
  genre: string;
  open: FiveOpen;
  /** Publishing departments ('GOV' = 县人民政府办公室). */
  pubs: string[];
  w: number;
  /** Probability that the document carries a 文号. */
  doc?: number;
  /** 行政许可/处罚 决定公示: 7 working days. */
  d7?: boolean;
  /** Probability of an accompanying 政策解读. */
  interp?: number;
  /** Publishing months (budgets in spring, final accounts in summer). */
  months?: number[];
}

interface DomainSpec {
  code: string;
  w: number;
  tpls: DiscTemplate[];
}

const ALL_DEPTS = DEPT_SPECS.map((d) => d.name);

const tpl = (
  title: string,
  genre: string,
  open: FiveOpen,
  pubs: string[],
  w: number,
  extra: Pick<DiscTemplate, 'doc' | 'd7' | 'interp' | 'months'> = {},
): DiscTemplate => ({ title, genre, open, pubs, w, ...extra });

const DISCLOSURE_DOMAINS: DomainSpec[] = [
  {
    code: 'budget',
    w: 11,
    tpls: [
      tpl('{D}{Y}年部门预算公开', '报告', 'management', ALL_DEPTS, 5, { months: [1, 2, 3] }),
      tpl('{D}{Y1}年部门决算公开', '报告', 'result', ALL_DEPTS, 5, { months: [7, 8, 9] }),
      tpl('示范县{Y}年财政预算执行情况（{Q}季度）', '报告', 'result', ['县财政局'], 1),
      tpl(
        '关于示范县{Y1}年全县和县级预算执行情况与{Y}年预算草案的报告',
        '报告',
        'decision',
        ['县财政局'],
        0.3,
        { months: [1, 2] },
      ),
      tpl('示范县{Y}年政府债务限额及余额情况', '报告', 'management', ['县财政局'], 0.3),
      tpl('{D}{Y1}年度“三公”经费决算说明', '报告', 'result', ALL_DEPTS, 1, { months: [7, 8, 9] }),
    ],
  },
  {
    code: 'social_assistance',
    w: 9,
    tpls: [
      tpl('{Y}年{M}月城乡最低生活保障资金发放情况公示', '公示', 'result', ['县民政局'], 4),
      tpl('{Y}年{M}月特困人员救助供养资金发放情况', '公示', 'result', ['县民政局'], 3),
      tpl('{T}{Y}年{M}月临时救助对象名单公示', '公示', 'result', ['县民政局'], 3),
      tpl('关于进一步做好{Y}年困难群众救助工作的通知', '通知', 'execution', ['县民政局', 'GOV'], 0.5, {
        doc: 0.8,
      }),
      tpl('示范县社会救助服务指南', '其他', 'service', ['县民政局'], 0.4),
    ],
  },
  {
    code: 'compulsory_education',
    w: 7,
    tpls: [
      tpl('关于做好{Y}年义务教育阶段学校招生入学工作的通知', '通知', 'execution', ['县教育体育局'], 1, {
        doc: 0.8,
        months: [4, 5, 6, 7],
      }),
      tpl('示范县{Y}年城区义务教育学校学区划分公告', '公告', 'service', ['县教育体育局'], 0.6, {
        months: [5, 6, 7],
      }),
      tpl('{Y}年义务教育阶段家庭经济困难学生生活补助名单公示', '公示', 'result', ['县教育体育局'], 1.5),
      tpl('{T}中心学校{Y}年春季学期营养改善计划实施情况', '报告', 'result', ['县教育体育局'], 1),
      tpl('关于公开招聘{Y}年义务教育阶段教师的公告', '公告', 'execution', ['县教育体育局'], 0.6),
      tpl('示范县中小学校校外培训机构白名单（第{B}批）', '公告', 'service', ['县教育体育局'], 0.5),
      tpl('关于{Y}年秋季学期义务教育阶段收费项目的公示', '公示', 'management', ['县教育体育局'], 0.5),
    ],
  },
  {
    code: 'health',
    w: 7,
    tpls: [
      tpl('示范县{Y}年{M}月法定传染病疫情概况', '报告', 'result', ['县卫生健康委员会'], 2),
      tpl('关于开展{Y}年基本公共卫生服务项目绩效评价的通知', '通知', 'execution', ['县卫生健康委员会'], 1, {
        doc: 0.7,
      }),
      tpl('{T}卫生院家庭医生签约服务公示', '公示', 'service', ['县卫生健康委员会'], 1.2),
      tpl('示范县医疗机构校验结果公告（第{B}批）', '公告', 'result', ['县卫生健康委员会'], 1),
      tpl(
        '关于印发示范县紧密型县域医共体建设实施方案的通知',
        '方案',
        'decision',
        ['GOV', '县卫生健康委员会'],
        0.3,
        { doc: 1, interp: 0.6 },
      ),
      tpl('{Y}年计划生育家庭奖励扶助对象公示', '公示', 'result', ['县卫生健康委员会'], 0.8),
    ],
  },
  {
    code: 'general',
    w: 8,
    tpls: [
      tpl('示范县人民政府{Y}年政府工作报告', '报告', 'decision', ['GOV'], 0.1, { months: [1, 2] }),
      tpl('{D}{Y1}年政府信息公开工作年度报告', '报告', 'result', [...ALL_DEPTS, 'GOV'], 2, {
        months: [1, 2, 3],
      }),
      tpl('关于调整县政府领导工作分工的通知', '通知', 'management', ['GOV'], 0.2, { doc: 1 }),
      tpl('示范县人民政府关于{P}有关事项的批复', '决定', 'decision', ['GOV'], 1, { doc: 1 }),
      tpl('县政府第{B}次常务会议纪要', '其他', 'decision', ['GOV'], 1),
      tpl('{D}{Y}年{M}月行政许可决定公示', '公示', 'result', ['县行政审批服务局'], 2, { d7: true }),
      tpl('{D}机构职能及内设机构', '其他', 'management', ALL_DEPTS, 0.5),
      tpl('关于印发示范县优化营商环境若干措施的通知', '通知', 'decision', ['GOV'], 0.2, {
        doc: 1,
        interp: 0.8,
      }),
    ],
  },
  {
    code: 'major_projects',
    w: 4,
    tpls: [
      tpl('{P}批准结果信息公开', '公示', 'result', ['县发展和改革委员会'], 2),
      tpl('示范县{Y}年重点项目投资计划', '方案', 'decision', ['县发展和改革委员会', 'GOV'], 0.5, {
        doc: 0.8,
        months: [1, 2, 3],
      }),
      tpl(
        '{P}施工进度情况',
        '其他',
        'execution',
        ['县发展和改革委员会', '县住房和城乡建设局', '县交通运输局', '县水利局'],
        2,
      ),
      tpl('{P}竣工验收情况公示', '公示', 'result', ['县住房和城乡建设局', '县交通运输局', '县水利局'], 0.8),
    ],
  },
  {
    code: 'public_resource_trading',
    w: 5,
    tpls: [
      tpl('{P}招标公告', '公告', 'execution', ['县财政局', '县发展和改革委员会'], 3),
      tpl('{P}中标候选人公示', '公示', 'result', ['县财政局', '县发展和改革委员会'], 3),
      tpl('示范县{T}国有建设用地使用权挂牌出让公告', '公告', 'execution', ['县自然资源局'], 1.2),
      tpl('{Y}年政府采购意向公开（{Q}季度）', '公告', 'execution', ALL_DEPTS, 1.5),
    ],
  },
  {
    code: 'work_safety',
    w: 3.5,
    tpls: [
      tpl('关于做好{Y}年汛期安全生产工作的通知', '通知', 'execution', ['县应急管理局', 'GOV'], 1, {
        doc: 0.8,
        months: [4, 5, 6],
      }),
      tpl('{D}行政处罚决定公示（{C}）', '公示', 'result', ['县应急管理局'], 2, { d7: true }),
      tpl('示范县{Y}年安全生产执法检查计划', '方案', 'management', ['县应急管理局'], 0.4, {
        doc: 0.6,
        months: [1, 2, 3],
      }),
      tpl('{T}{Y}年{M}月安全生产大检查情况通报', '通知', 'result', ['县应急管理局'], 1),
    ],
  },
  {
    code: 'tax',
    w: 1.5,
    tpls: [
      tpl('关于{Y}年{M}月纳税申报期限的通知', '通知', 'service', ['县税务局'], 2),
      tpl('{Y}年度个人所得税综合所得汇算清缴办税指引', '其他', 'service', ['县税务局'], 0.5, {
        months: [2, 3],
      }),
      tpl('示范县欠税公告（{Y}年第{B}期）', '公告', 'result', ['县税务局'], 1),
    ],
  },
  {
    code: 'land_compensation',
    w: 3,
    tpls: [
      tpl('{T}{Y}年第{B}批次城镇建设用地征收土地预公告', '公告', 'decision', ['县自然资源局'], 2),
      tpl('{T}征地补偿安置方案公告', '公告', 'execution', ['县自然资源局', 'GOV'], 2, { doc: 0.5 }),
      tpl('{T}征地补偿款发放情况公示', '公示', 'result', ['县自然资源局'], 1.5),
    ],
  },
  {
    code: 'housing_expropriation',
    w: 1,
    tpls: [
      tpl('关于{P}国有土地上房屋征收决定的公告', '决定', 'decision', ['GOV'], 1, { doc: 1 }),
      tpl('{P}房屋征收补偿方案（征求意见稿）', '方案', 'decision', ['县住房和城乡建设局'], 1),
      tpl('{P}房屋征收分户补偿情况公示', '公示', 'result', ['县住房和城乡建设局'], 1),
    ],
  },
  {
    code: 'environment',
    w: 4,
    tpls: [
      tpl('{D}行政处罚决定公示（{C}）', '公示', 'result', ['县生态环境分局'], 2, { d7: true }),
      tpl('{P}环境影响报告表审批前公示', '公示', 'decision', ['县生态环境分局'], 1.5),
      tpl('{P}环境影响报告表批复', '决定', 'result', ['县生态环境分局'], 1.5, { doc: 1, d7: true }),
      tpl('示范县{Y}年{M}月环境空气质量状况', '报告', 'result', ['县生态环境分局'], 1.5),
      tpl('{Y}年示范县重点排污单位名录', '公告', 'management', ['县生态环境分局'], 0.3, { months: [3, 4] }),
    ],
  },
  {
    code: 'public_culture',
    w: 2.5,
    tpls: [
      tpl('{Y}年“送戏进万村”{T}演出安排', '公告', 'service', ['县文化旅游局'], 2),
      tpl('县图书馆{Y}年{M}月公益活动预告', '公告', 'service', ['县文化旅游局'], 2),
      tpl('示范县公共文化服务设施免费开放目录', '其他', 'service', ['县文化旅游局'], 0.3),
    ],
  },
  {
    code: 'public_legal',
    w: 2,
    tpls: [
      tpl('示范县法律援助服务指南', '其他', 'service', ['县司法局'], 0.5),
      tpl('{T}公共法律服务工作站值班律师安排（{Y}年{M}月）', '公告', 'service', ['县司法局'], 2),
      tpl('关于{Y}年度人民调解员培训的通知', '通知', 'execution', ['县司法局'], 0.5, { doc: 0.6 }),
    ],
  },
  {
    code: 'rural_revitalisation',
    w: 4.5,
    tpls: [
      tpl('示范县{Y}年衔接推进乡村振兴补助资金项目计划', '方案', 'decision', ['县农业农村局', 'GOV'], 1, {
        doc: 0.7,
      }),
      tpl('{T}{Y}年乡村振兴项目库公示', '公示', 'execution', ['县农业农村局'], 2),
      tpl('{Y}年衔接资金项目实施进度（{Q}季度）', '报告', 'execution', ['县农业农村局'], 1),
      tpl('{T}脱贫人口小额信贷贴息公示', '公示', 'result', ['县农业农村局'], 1),
    ],
  },
  {
    code: 'disaster_relief',
    w: 1,
    tpls: [
      tpl('{Y}年冬春受灾群众生活救助资金分配公示', '公示', 'result', ['县应急管理局'], 1, {
        months: [11, 12, 1],
      }),
      tpl('关于做好{Y}年防汛抗旱工作的通知', '通知', 'execution', ['GOV', '县水利局'], 1, {
        doc: 1,
        months: [4, 5],
      }),
    ],
  },
  {
    code: 'elderly_care',
    w: 2,
    tpls: [
      tpl('{Y}年{M}月高龄津贴发放名单公示', '公示', 'result', ['县民政局'], 2),
      tpl('示范县养老机构名录（{Y}年）', '其他', 'service', ['县民政局'], 0.3),
      tpl('{T}农村互助养老服务站建设情况', '报告', 'execution', ['县民政局'], 0.7),
    ],
  },
  {
    code: 'household_registration',
    w: 0.6,
    tpls: [
      tpl('示范县户口迁移办理指南', '其他', 'service', ['县公安局'], 1),
      tpl('关于调整{T}派出所户籍窗口办公时间的公告', '公告', 'service', ['县公安局'], 1),
    ],
  },
  {
    code: 'farm_subsidies',
    w: 3,
    tpls: [
      tpl('{T}{Y}年耕地地力保护补贴发放公示', '公示', 'result', ['县农业农村局', '县财政局'], 2, {
        months: [4, 5, 6],
      }),
      tpl('{Y}年农机购置与应用补贴资金兑付情况公示（第{B}批）', '公示', 'result', ['县农业农村局'], 1.5),
      tpl('示范县{Y}年惠民惠农财政补贴政策清单', '其他', 'service', ['县财政局'], 0.5, { months: [1, 2, 3] }),
    ],
  },
  {
    code: 'planning',
    w: 3,
    tpls: [
      tpl('{P}建设工程规划许可批前公示', '公示', 'decision', ['县自然资源局'], 1.5),
      tpl('{D}行政许可决定公示（{P}建设工程规划许可证）', '公示', 'result', ['县自然资源局'], 1.5, {
        d7: true,
      }),
      tpl('示范县{T}国土空间规划（{Y}—2035年）草案公示', '规划', 'decision', ['县自然资源局'], 0.3, {
        interp: 0.5,
      }),
    ],
  },
  {
    code: 'food_drug',
    w: 4,
    tpls: [
      tpl('{D}行政处罚决定公示（{C}）', '公示', 'result', ['县市场监督管理局'], 3, { d7: true }),
      tpl('{D}{Y}年{M}月食品经营许可决定公示', '公示', 'result', ['县市场监督管理局'], 2, { d7: true }),
      tpl('示范县{Y}年第{B}期食品安全监督抽检信息公告', '公告', 'result', ['县市场监督管理局'], 1.5),
      tpl('关于开展{Y}年校园食品安全专项检查的通知', '通知', 'execution', ['县市场监督管理局'], 0.5, {
        doc: 0.7,
      }),
    ],
  },
  {
    code: 'urban_enforcement',
    w: 3,
    tpls: [
      tpl('{D}行政处罚决定公示（{C}）', '公示', 'result', ['县城市管理局'], 2, { d7: true }),
      tpl('关于开展城区占道经营专项整治的通告', '公告', 'execution', ['县城市管理局'], 0.5, { doc: 0.6 }),
      tpl('{Y}年城市管理领域行政执法统计年报', '报告', 'result', ['县城市管理局'], 0.2, { months: [1, 2] }),
    ],
  },
  {
    code: 'employment',
    w: 3,
    tpls: [
      tpl('示范县{Y}年{M}月就业岗位信息', '公告', 'service', ['县人力资源和社会保障局'], 2),
      tpl('{Y}年一次性创业补贴发放名单公示（第{B}批）', '公示', 'result', ['县人力资源和社会保障局'], 1),
      tpl('关于组织开展{Y}年春风行动专场招聘会的通知', '通知', 'execution', ['县人力资源和社会保障局'], 0.3, {
        months: [1, 2, 3],
      }),
    ],
  },
  {
    code: 'social_insurance',
    w: 3,
    tpls: [
      tpl(
        '关于{Y}年度城乡居民基本医疗保险集中参保缴费的通告',
        '公告',
        'service',
        ['县医疗保障局', '县税务局'],
        0.6,
        { months: [9, 10, 11, 12] },
      ),
      tpl(
        '{Y}年城乡居民基本养老保险待遇领取人员公示（{M}月）',
        '公示',
        'result',
        ['县人力资源和社会保障局'],
        1.5,
      ),
      tpl('{Y}年{M}月医保基金支付情况', '报告', 'result', ['县医疗保障局'], 1.5),
      tpl('示范县基本医疗保险门诊慢特病病种及待遇标准', '其他', 'service', ['县医疗保障局'], 0.3, {
        interp: 0.5,
      }),
    ],
  },
  {
    code: 'rural_housing',
    w: 1,
    tpls: [
      tpl('{T}{Y}年农村危房改造对象公示', '公示', 'result', ['县住房和城乡建设局'], 2),
      tpl(
        '示范县{Y}年农村低收入群体等重点对象住房安全保障实施方案',
        '方案',
        'decision',
        ['县住房和城乡建设局'],
        0.3,
        { doc: 1 },
      ),
    ],
  },
  {
    code: 'municipal_services',
    w: 2,
    tpls: [
      tpl('关于{T}{Y}年{M}月计划停水的公告', '公告', 'service', ['县住房和城乡建设局', '县城市管理局'], 2),
      tpl('示范县城区{Y}—{Y}年度供暖工作安排', '通知', 'service', ['县住房和城乡建设局'], 0.2, {
        months: [10, 11],
      }),
      tpl('城区公共停车场收费标准公示', '公示', 'management', ['县城市管理局', '县发展和改革委员会'], 0.3),
    ],
  },
  {
    code: 'affordable_housing',
    w: 1.5,
    tpls: [
      tpl('示范县{Y}年第{B}批公共租赁住房保障对象审核结果公示', '公示', 'result', ['县住房和城乡建设局'], 2),
      tpl('示范县{Y}年公租房配租结果公告', '公告', 'result', ['县住房和城乡建设局'], 0.7),
    ],
  },
];

function fillTitle(rng: Rng, tpl: string, publisher: string, pubDay: number): string {
  const year = cal.year(pubDay);
  return tpl
    .replaceAll('{Y1}', String(year - 1))
    .replaceAll('{Y}', String(year))
    .replaceAll('{M}', String(cal.month(pubDay)))
    .replaceAll('{Q}', at(QUARTERS, Math.floor((cal.month(pubDay) - 1) / 3)))
    .replaceAll('{T}', rng.pick(TOWNS))
    .replaceAll('{P}', rng.pick(PROJECTS))
    .replaceAll('{C}', `示范县${rng.pick(FIRMS)}${rng.pick(FIRM_KINDS)}`)
    .replaceAll('{D}', publisher)
    .replaceAll('{B}', String(rng.int(1, 12)));
}

/** Working days between formation and publication: mostly prompt, ~4 % beyond the deadline. */
function publishDelayWd(rng: Rng, deadline: number): number {
  // Keys are inclusive working-day ranges "lo-hi".
  const range =
    deadline === 7
      ? rng.choose({ '0-0': 20, '1-3': 50, '4-7': 24, '8-15': 6 })
      : rng.choose({ '0-0': 12, '1-3': 45, '4-10': 28, '11-20': 11, '21-40': 4 });
  const [lo = 0, hi = 0] = range.split('-').map(Number);
  return rng.int(lo, hi);
}

interface DisclosureRec {
  published: number;
  formedDay: number;
  pub: Dept;
  docPrefix: string | null;
  row: Row;
}

function generateDisclosures(rng: Rng, depts: readonly Dept[]): Row[] {
  const L = (field: string, code: string) => label('disclosures', field, code);
  const gov: Dept = { ...GOV_OFFICE, code: creditCode(rng), bad: false };
  const byName = new Map<string, Dept>([...depts.map((d): [string, Dept] => [d.name, d]), ['GOV', gov]]);

  // Publication days: working days (slightly busier at year end), rarely on weekends.
  const pubDays: number[] = [];
  const pubWeights: number[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    pubDays.push(d);
    pubWeights.push(cal.isWork(d) ? (cal.month(d) === 12 ? 1.3 : 1) : 0.04);
  }
  const daySampler = new Sampler(pubDays, pubWeights);
  const domainSampler = new Sampler(
    DISCLOSURE_DOMAINS,
    DISCLOSURE_DOMAINS.map((s) => s.w),
  );

  const recs: DisclosureRec[] = [];
  for (let i = 0; i < N_DISCLOSURES; i++) {
    const domain = domainSampler.draw(rng);
    const tpl = rng.pickBy(domain.tpls, (t) => t.w);
    let pubDay = daySampler.draw(rng);
    for (let tries = 0; tpl.months && !tpl.months.includes(cal.month(pubDay)) && tries < 200; tries++) {
      pubDay = daySampler.draw(rng);
    }
    const pubName = rng.pick(tpl.pubs);
    const pub = byName.get(pubName);
    if (!pub) throw new Error(`unknown publisher ${pubName}`);
    const deadline = tpl.d7 ? 7 : 20;
    const formedDay = cal.subWd(
      cal.isWork(pubDay) ? pubDay : cal.subWd(cal.addWd(pubDay, 0), 1),
      publishDelayWd(rng, deadline),
    );
    const published = rng.chance(0.06)
      ? officeTime(rng, pubDay, 18 * HOUR, 22 * HOUR)
      : officeTime(rng, pubDay);
    const hasDoc = rng.chance(tpl.doc ?? 0);
    recs.push({
      published,
      formedDay,
      pub,
      docPrefix: hasDoc ? (pub === gov && rng.chance(0.4) ? '示政' : pub.short) : null,
      row: {
        title: fillTitle(rng, tpl.title, pub.name, pubDay),
        publisher: pub.name,
        region_code: REGION_CODE,
        // A few documents are filed under the catch-all domain by the publishing office.
        domain: L('domain', rng.chance(0.03) ? 'general' : domain.code),
        five_open: L('five_open', tpl.open),
        genre: tpl.genre,
        formed_at: fmtDate(formedDay),
        published_at: fmtDateTime(published),
        legal_deadline_wd: String(deadline),
        has_interpretation: yesNo(rng.chance(tpl.interp ?? 0.01)),
      },
    });
  }

  // 文号 numbered per issuing prefix and year in order of formation.
  const docSeq = new Map<string, number>();
  for (const rec of [...recs].sort((a, b) => a.formedDay - b.formedDay || a.published - b.published)) {
    if (!rec.docPrefix) continue;
    const year = cal.year(rec.formedDay);
    const key = `${rec.docPrefix}${year}`;
    const n = (docSeq.get(key) ?? 0) + 1;
    docSeq.set(key, n);
    rec.row.doc_no = `${rec.docPrefix}〔${year}〕${n}号`;
  }

  // 索引号 = publisher credit code / publication year - sequence.
  recs.sort((a, b) => a.published - b.published);
  const idxSeq = new Map<string, number>();
  return recs.map((rec) => {
    const year = cal.year(dayOf(rec.published));
    const key = `${rec.pub.code}${year}`;
    const n = (idxSeq.get(key) ?? 0) + 1;
    idxSeq.set(key, n);
    return { info_id: `${rec.pub.code}/${year}-${pad(n, 5)}`, ...rec.row };
  });
}

// ---------------------------------------------------------------------------------------------
// On-request applications (依申请公开)
// ---------------------------------------------------------------------------------------------

const N_REQUESTS = 400;

const REQUEST_AGENCIES: Record<string, number> = {
  县自然资源局: 22,
  县住房和城乡建设局: 15,
  县人民政府办公室: 12,
  县农业农村局: 6,
  县公安局: 6,
  县人力资源和社会保障局: 6,
  县财政局: 5,
  县市场监督管理局: 5,
  县生态环境分局: 4,
  县交通运输局: 4,
  县城市管理局: 3,
  县民政局: 3,
  县教育体育局: 3,
  县卫生健康委员会: 2,
  县发展和改革委员会: 2,
  县水利局: 2,
};

const REQUEST_OUTCOME_MIX: Record<string, number> = {
  granted: 35,
  partial_grant: 10,
  unable_not_held: 22,
  unable_needs_creation: 4,
  not_processed_petition_complaint: 5,
  not_processed_repeat: 3,
  denied_admin_query: 3,
  denied_process_info: 3,
  denied_third_party: 2,
  denied_internal_affairs: 2,
  unable_unclear_after_correction: 3,
  other_no_correction: 3,
  other_other: 2,
  denied_state_secret: 0.5,
  denied_law_forbidden: 0.5,
  denied_safety_stability: 0.5,
  denied_enforcement_file: 1,
  not_processed_publication: 0.5,
  not_processed_excessive: 1,
  not_processed_confirm_reissue: 1,
  other_fee_unpaid: 0.3,
};

function generateRequests(rng: Rng): Row[] {
  const L = (field: string, code: string) => label('requests', field, code);
  // Requests grow ~20 % from 2024 to 2025 and arrive on working days only.
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    days.push(d);
    weights.push(cal.isWork(d) ? 0.9 + 0.2 * trendPos(d) : 0);
  }
  const daySampler = new Sampler(days, weights);

  const recs: { received: number; row: Row }[] = [];
  for (let i = 0; i < N_REQUESTS; i++) {
    const received = daySampler.draw(rng);
    const extension = rng.chance(0.1) ? rng.pick([5, 10, 15, 20, 20]) : 0;
    const dueDay = cal.addWd(received, 20 + extension);
    const late = rng.chance(0.04);
    const replyDay = late
      ? cal.addWd(dueDay, rng.int(1, 10))
      : extension
        ? cal.addWd(received, rng.int(18, 20 + extension))
        : cal.addWd(received, rng.int(3, 20));
    const row: Row = {
      agency: rng.choose(REQUEST_AGENCIES),
      applicant_type: L(
        'applicant_type',
        rng.choose({
          natural_person: 85,
          commercial: 6,
          legal_service: 4,
          public_welfare: 1,
          research: 1,
          other_org: 3,
        }),
      ),
      channel: L(
        'channel',
        rng.choose({
          online: 45,
          registered_mail: 30,
          in_person: 15,
          email: 5,
          ordinary_mail: 3,
          fax: 1,
          other: 1,
        }),
      ),
      received_at: fmtDate(received),
      extension_wd: String(extension),
      due_at: fmtDate(dueDay),
    };
    if (replyDay <= LAST_DAY) {
      row.replied_at = fmtDate(replyDay);
      row.outcome = L('outcome', rng.choose(REQUEST_OUTCOME_MIX));
    }
    recs.push({ received, row });
  }
  recs.sort((a, b) => a.received - b.received);
  const seq = new Map<number, number>();
  return recs.map(({ received, row }) => {
    const year = cal.year(received);
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    return { request_id: `YSQ${year}${pad(n, 4)}`, ...row };
  });
}

// ---------------------------------------------------------------------------------------------
// 12345 hotline tickets
// ---------------------------------------------------------------------------------------------

const N_TICKETS = 12_000;

/** Summer (air-conditioning, noise, water) and winter-heating peaks. */
const HOTLINE_MONTH_FACTOR = [1.1, 0.9, 1.0, 1.0, 1.0, 1.1, 1.25, 1.25, 1.05, 0.9, 0.95, 1.05];

const PHONE_HOURS = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3.5, 4.0, 3.8, 3.0, 2.2, 2.5, 3.3, 3.5, 3.2, 2.6, 2.0, 2.0, 1.8,
  1.4, 0.9, 0.5,
];
const phoneHourSampler = new Sampler(
  PHONE_HOURS.map((_, h) => h),
  PHONE_HOURS,
);

/** 诉求分类(一级) with the departments tickets of that class are dispatched to. */
interface HotlineCategory {
  name: string;
  w: number;
  /** Departments tickets of this class are dispatched to, with weights. */
  depts: Record<string, number>;
}

const HOTLINE_CATEGORIES: HotlineCategory[] = [
  { name: '城乡建设', w: 14, depts: { 县住房和城乡建设局: 50, 县城市管理局: 35, 县自然资源局: 15 } },
  { name: '市场监管', w: 14, depts: { 县市场监督管理局: 100 } },
  { name: '劳动保障', w: 11, depts: { 县人力资源和社会保障局: 100 } },
  { name: '交通运输', w: 8, depts: { 县交通运输局: 60, 县公安局: 40 } },
  { name: '环境保护', w: 8, depts: { 县生态环境分局: 80, 县城市管理局: 20 } },
  { name: '教育', w: 7, depts: { 县教育体育局: 100 } },
  { name: '医疗卫生', w: 7, depts: { 县卫生健康委员会: 70, 县医疗保障局: 30 } },
  { name: '水电气暖', w: 7, depts: { 县住房和城乡建设局: 60, 县城市管理局: 20, 县水利局: 20 } },
  { name: '城市管理', w: 6, depts: { 县城市管理局: 100 } },
  { name: '民政事务', w: 5, depts: { 县民政局: 80, 县残疾人联合会: 10, 县退役军人事务局: 10 } },
  { name: '公共安全', w: 5, depts: { 县公安局: 100 } },
  { name: '农业农村', w: 5, depts: { 县农业农村局: 70, 县水利局: 15, 县林业局: 15 } },
  { name: '住房保障', w: 4, depts: { 县住房和城乡建设局: 60, 县公积金管理中心: 40 } },
  { name: '政务服务', w: 3, depts: { 县行政审批服务局: 60, 县不动产登记中心: 20, 县医疗保障局: 20 } },
  { name: '自然资源', w: 3, depts: { 县自然资源局: 80, 县不动产登记中心: 20 } },
  { name: '文化旅游', w: 2, depts: { 县文化旅游局: 100 } },
  { name: '税务', w: 2, depts: { 县税务局: 100 } },
  { name: '安全生产', w: 2, depts: { 县应急管理局: 70, 县消防救援大队: 30 } },
  { name: '其他', w: 3, depts: Object.fromEntries(ALL_DEPTS.map((n) => [n, 1])) },
];

/** Departments that answer late and leave callers unhappy more often. */
const SLOW_HOTLINE_DEPTS = new Set(['县住房和城乡建设局', '县城市管理局', '县自然资源局']);

type Sla = 'urgent' | 'timely' | 'normal' | 'complex';

function hotlineDue(received: number, sla: Sla): number {
  const d = dayOf(received);
  switch (sla) {
    case 'urgent':
      return received + 2 * HOUR;
    case 'timely':
      return received + 24 * HOUR;
    case 'normal':
      return cal.addWd(d, 5) * DAY + secOf(received);
    case 'complex':
      return cal.addWd(d, 15) * DAY + secOf(received);
  }
}

/** Department reply: usually well before the due time, sometimes after it. */
function hotlineReply(rng: Rng, received: number, due: number, sla: Sla, late: boolean): number {
  if (late) {
    if (sla === 'urgent') return due + rng.int(10 * MIN, 3 * HOUR);
    if (sla === 'timely') return due + rng.int(HOUR, DAY);
    return officeTime(rng, cal.addWd(dayOf(due), rng.int(1, 4)));
  }
  if (sla === 'urgent') return received + rng.int(20 * MIN, 110 * MIN);
  if (sla === 'timely') {
    // Only urgent tickets are worked through the night; a timely one waits for the morning if it can.
    const reply = awake(rng, received + rng.int(HOUR, 23 * HOUR));
    return reply < due ? reply : due - rng.int(10 * MIN, HOUR);
  }
  const n = sla === 'normal' ? 5 : 15;
  const k = Math.floor((n + 1) * rng.next() ** 1.2);
  // Same-day answers only while departments are reachable; otherwise the k-th working day.
  const sameDay = received + rng.int(30 * MIN, 4 * HOUR);
  const reachable =
    dayOf(sameDay) === dayOf(received) && secOf(sameDay) >= 8 * HOUR && secOf(sameDay) < 21 * HOUR;
  const reply = k === 0 && reachable ? sameDay : officeTime(rng, cal.addWd(dayOf(received), Math.max(1, k)));
  // A reply drawn on the due day but after the due time moves to the working day before.
  return reply < due ? reply : officeTime(rng, cal.subWd(dayOf(due), 1));
}

/** Callbacks happen in daytime (8:30–20:30); an evening result is called back next morning. */
function callbackAfter(rng: Rng, t: number): number {
  const c = t + rng.int(HOUR, 36 * HOUR);
  const s = secOf(c);
  if (s >= 8.5 * HOUR && s < 20.5 * HOUR) return c;
  const d = s < 8.5 * HOUR ? dayOf(c) : dayOf(c) + 1;
  return d * DAY + rng.int(8.5 * HOUR, 11 * HOUR);
}

function callbackResult(rng: Rng, direct: boolean, unhappy: boolean): string {
  if (direct) {
    return rng.choose({ very_satisfied: 40, satisfied: 48, basically: 5, dissatisfied: 2, unreachable: 5 });
  }
  return unhappy
    ? rng.choose({
        very_satisfied: 18,
        satisfied: 42,
        basically: 14,
        dissatisfied: 12,
        very_dissatisfied: 4,
        unreachable: 8,
        declined: 2,
      })
    : rng.choose({
        very_satisfied: 32,
        satisfied: 49,
        basically: 7.5,
        dissatisfied: 3,
        very_dissatisfied: 0.8,
        unreachable: 6.5,
        declined: 1.2,
      });
}

function resolvedFor(rng: Rng, requestType: string, callback: string | null): string {
  if (requestType === 'consult' || requestType === 'praise') return 'resolved';
  if (callback === 'very_satisfied' || callback === 'satisfied')
    return rng.chance(0.97) ? 'resolved' : 'partially';
  if (callback === 'basically') return rng.chance(0.6) ? 'partially' : 'resolved';
  if (callback === 'dissatisfied' || callback === 'very_dissatisfied') {
    return rng.chance(0.6) ? 'unresolved' : 'partially';
  }
  return rng.choose({ resolved: 85, partially: 10, unresolved: 5 });
}

function generateHotline(rng: Rng): Row[] {
  const L = (field: string, code: string) => label('hotline', field, code);
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    days.push(d);
    const dayKind = cal.isHoliday(d) ? 0.65 : cal.isWork(d) ? 1 : 0.75;
    weights.push(monthFactor(HOTLINE_MONTH_FACTOR, d) * dayKind * (0.95 + 0.1 * trendPos(d)));
  }
  const daySampler = new Sampler(days, weights);
  const categorySampler = new Sampler(
    HOTLINE_CATEGORIES,
    HOTLINE_CATEGORIES.map((c) => c.w),
  );

  const recs: { received: number; row: Row }[] = [];
  for (let i = 0; i < N_TICKETS; i++) {
    const d = daySampler.draw(rng);
    const channel = rng.choose({
      phone: 72,
      wechat: 10,
      web: 6,
      app: 6,
      leader_mailbox: 2,
      sms: 1,
      mailbox: 1,
      letter: 0.5,
      media: 0.5,
      other: 1,
    });
    // Written channels arrive around the clock, phone calls follow the call-centre curve.
    const hour = channel === 'phone' ? phoneHourSampler.draw(rng) : onlineHourSampler.draw(rng);
    const received = d * DAY + hour * HOUR + rng.int(0, HOUR - 1);
    const requestType = rng.choose({
      consult: 38,
      help: 18,
      complaint: 28,
      report: 7,
      suggestion: 5,
      praise: 2,
      other: 2,
    });
    const urgentish = requestType === 'help' || requestType === 'report';
    const sla = rng.choose<Sla>({ urgent: urgentish ? 6 : 1, timely: 15, normal: 70, complex: 13 });
    const category = categorySampler.draw(rng);
    const direct = rng.chance(requestType === 'consult' ? 0.36 : requestType === 'praise' ? 0.3 : 0.015);
    const due = hotlineDue(received, sla);
    const row: Row = {
      received_at: fmtDateTime(received),
      channel: L('channel', channel),
      request_type: L('request_type', requestType),
      category_l1: category.name,
      sla_class: L('sla_class', sla),
      answered_directly: yesNo(direct),
      due_at: fmtDateTime(due),
    };
    fillTicketOutcome(rng, row, { received, due, sla, direct, requestType, category });
    recs.push({ received, row });
  }

  recs.sort((a, b) => a.received - b.received);
  let lastDay = -1;
  let seq = 0;
  return recs.map(({ received, row }) => {
    const d = dayOf(received);
    seq = d === lastDay ? seq + 1 : 1;
    lastDay = d;
    return { ticket_id: `GD${compactDate(d)}${pad(seq, 4)}`, ...row };
  });
}

interface TicketCtx {
  received: number;
  due: number;
  sla: Sla;
  direct: boolean;
  requestType: string;
  category: HotlineCategory;
}

/** Dispatch, reply, callback and closure of one ticket. Mutates `row`. */
function fillTicketOutcome(rng: Rng, row: Row, ctx: TicketCtx): void {
  const L = (field: string, code: string) => label('hotline', field, code);
  const { received, due, sla, direct, requestType } = ctx;

  if (direct) {
    // Answered by the call-taker from the knowledge base, closed within minutes.
    const closed = received + rng.int(2 * MIN, 20 * MIN);
    if (closed > CUTOFF) {
      row.status = L('status', 'in_progress');
      return;
    }
    row.replied_at = fmtDateTime(closed);
    row.closed_at = fmtDateTime(closed);
    row.status = L('status', 'closed');
    let callback: string | null = null;
    if (rng.chance(0.3)) {
      const cbAt = callbackAfter(rng, closed);
      if (cbAt <= CUTOFF) {
        callback = callbackResult(rng, true, false);
        row.callback_at = fmtDateTime(cbAt);
        row.callback_result = L('callback_result', callback);
      }
    }
    row.resolved = L('resolved', resolvedFor(rng, requestType, callback));
    return;
  }

  const dept = rng.choose(ctx.category.depts);
  row.lead_dept = dept;
  const slow = SLOW_HOTLINE_DEPTS.has(dept);
  const late = rng.chance(slow ? 0.12 : 0.04);
  const replied = hotlineReply(rng, received, due, sla, late);
  const withCallback = rng.chance(0.9);
  const callbackAt = withCallback ? callbackAfter(rng, replied) : null;
  const closed = (callbackAt ?? replied) + rng.int(5 * MIN, callbackAt ? 4 * HOUR : 20 * HOUR);

  // Besides tickets whose work runs past the cutoff, a thin tail of December tickets is stuck.
  const ageDays = LAST_DAY - dayOf(received);
  const stuck = rng.chance((slow ? 0.9 : 0.6) * Math.exp(-ageDays / 25));
  if (closed > CUTOFF || stuck) {
    const repliedKnown = replied <= CUTOFF && !stuck;
    if (repliedKnown) row.replied_at = fmtDateTime(replied);
    row.status = L('status', repliedKnown ? 'replied' : 'in_progress');
    return;
  }
  row.replied_at = fmtDateTime(replied);
  row.closed_at = fmtDateTime(closed);
  row.status = L('status', 'closed');
  let callback: string | null = null;
  if (callbackAt !== null) {
    callback = callbackResult(rng, false, slow || late);
    row.callback_at = fmtDateTime(callbackAt);
    row.callback_result = L('callback_result', callback);
  }
  row.resolved = L('resolved', resolvedFor(rng, requestType, callback));
}

// ---------------------------------------------------------------------------------------------
// Electronic supervision: process steps (办件过程) and treasury receipts (缴款到账记录)
// ---------------------------------------------------------------------------------------------

const parseTs = (s: string): number =>
  dayOfIso(s.slice(0, 10)) * DAY +
  Number(s.slice(11, 13)) * HOUR +
  Number(s.slice(14, 16)) * MIN +
  Number(s.slice(17, 19));

/**
 * Steps of the licensing cases closed in 2025 Q4 that took at least a day. Most are plausible; a few,
 * mostly in the two weak departments, are back-filled the ways the seeds describe: a 现场勘验 of a minute
 * or two, a decision typed in weeks later, or every step entered in one sitting at the end.
 */
function generateSteps(rng: Rng, cases: readonly Row[]): Row[] {
  const licensing = label('cases', 'item_type', 'licensing');
  const from = dayOfIso('2025-10-01');
  const out: Row[] = [];
  const id = () =>
    `${rng.pick(['张', '王', '李', '赵', '刘', '陈', '杨', '黄'])}${rng.pick(['伟', '芳', '敏', '静', '磊', '洋', '勇', '军'])}`;
  for (const c of cases) {
    if (c.item_type !== licensing || !c.accepted_at || !c.decided_at || !c.closed_at) continue;
    const accepted = parseTs(c.accepted_at);
    const decided = parseTs(c.decided_at);
    const closed = parseTs(c.closed_at);
    if (dayOf(accepted) < from || closed - accepted < DAY || decided - accepted < 6 * HOUR) continue;
    const steps: { name: string; start: number; end: number }[] = [];
    const intake = accepted + rng.int(5 * MIN, 25 * MIN);
    steps.push({ name: '受理', start: accepted, end: intake });
    const reviewEnd = Math.min(decided - HOUR, intake + rng.int(HOUR, 4 * HOUR));
    steps.push({ name: '审查', start: intake, end: Math.max(intake + 10 * MIN, reviewEnd) });
    if (rng.chance(0.4)) {
      const survey = Math.max(reviewEnd, officeTime(rng, dayOf(reviewEnd + (decided - reviewEnd) / 2)));
      if (survey + 3 * HOUR < decided)
        steps.push({ name: '现场勘验', start: survey, end: survey + rng.int(45 * MIN, 3 * HOUR) });
    }
    steps.push({
      name: '决定',
      start: Math.max(decided - rng.int(20 * MIN, HOUR), at(steps, steps.length - 1).end),
      end: decided,
    });
    steps.push({ name: '送达', start: closed, end: closed });
    const bad = BAD_DEPTS.has(c.dept_name ?? '');
    const anomaly = rng.chance(bad ? 0.06 : 0.004)
      ? rng.pick(['too_short', 'recorded_late', 'batch'] as const)
      : null;
    const survey = steps.find((x) => x.name === '现场勘验');
    if (anomaly === 'too_short' && survey) survey.end = survey.start + rng.int(40, 150);
    const batchAt = closed + rng.int(10 * MIN, 2 * HOUR);
    steps.forEach((step, i) => {
      let recorded = step.end + rng.int(0, 20 * MIN);
      if (anomaly === 'batch') recorded = batchAt + i * rng.int(20, 50);
      if (anomaly === 'recorded_late' && step.name === '决定')
        recorded = step.end + rng.int(6 * DAY, 25 * DAY);
      out.push({
        case_id: c.case_id ?? '',
        step_seq: String(i + 1),
        step_name: step.name,
        step_started_at: fmtDateTime(step.start),
        step_ended_at: fmtDateTime(step.end),
        handler_hash: id(),
        recorded_at: fmtDateTime(recorded),
      });
    });
  }
  return out;
}

/**
 * One receipt per fee-charging case, paid within days. Planted, as in the seeds' 网下运行 finding: about
 * 1.3 million yuan of fines received by the two weak departments with no case online, a few fees that
 * never arrived and a few short payments.
 */
function generateReceipts(rng: Rng, cases: readonly Row[]): Row[] {
  const out: Row[] = [];
  for (const c of cases) {
    const fee = Number(c.fee_amount ?? 0);
    if (!(fee > 0) || !c.payment_ref || !c.accepted_at) continue;
    const bad = BAD_DEPTS.has(c.dept_name ?? '');
    if (rng.chance(bad ? 0.01 : 0.001)) continue;
    const short = rng.chance(bad ? 0.01 : 0.001) ? Math.min(rng.pick([10, 50, 100]), fee / 2) : 0;
    const paid = parseTs(c.accepted_at) + rng.int(HOUR, 3 * DAY);
    out.push({
      payment_ref: c.payment_ref,
      amount: String(fee - short),
      paid_at: fmtDateTime(Math.min(paid, CUTOFF)),
      dept_name: c.dept_name ?? '',
      receipt_no: rng.digits(10),
    });
  }
  let offline = 0;
  while (offline < 1_300_000) {
    const amount = rng.int(20, 120) * 1000;
    offline += amount;
    const day = rng.int(dayOfIso('2025-01-06'), dayOfIso('2025-12-20'));
    out.push({
      payment_ref: `FS${cal.iso(day).replaceAll('-', '')}${rng.digits(6)}`,
      amount: String(amount),
      paid_at: fmtDateTime(officeTime(rng, day)),
      dept_name: rng.pick([...BAD_DEPTS]),
      receipt_no: rng.digits(10),
    });
  }
  return out.sort((a, b) => (a.paid_at ?? '').localeCompare(b.paid_at ?? ''));
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/** All seven CSV files, keyed by file name. Deterministic for a given seed. */
export function generateAll(seed = 20260101): Record<string, string> {
  const base = new Rng(seed);
  const depts = buildDepts(base);
  const items = buildItems(subRng(seed, 1), depts);
  const cases = generateCases(subRng(seed, 2), items);
  return {
    'items.csv': toCsv('items', itemRows(items)),
    'cases.csv': toCsv('cases', cases),
    'steps.csv': toCsv('steps', generateSteps(subRng(seed, 6), cases)),
    'receipts.csv': toCsv('receipts', generateReceipts(subRng(seed, 7), cases)),
    'disclosures.csv': toCsv('disclosures', generateDisclosures(subRng(seed, 3), depts)),
    'requests.csv': toCsv('requests', generateRequests(subRng(seed, 4))),
    'hotline.csv': toCsv('hotline', generateHotline(subRng(seed, 5))),
  };
}

/** Writes the files next to this script (used by `npx tsx data/generate.ts` and `npm run data`). */
export function writeAll(dir = dirname(fileURLToPath(import.meta.url)), seed?: number): void {
  for (const [name, text] of Object.entries(generateAll(seed))) {
    writeFileSync(join(dir, name), text, 'utf8');
    const rows = text.split('\n').length - 2;
    const kib = (Buffer.byteLength(text, 'utf8') / 1024).toFixed(0);
    console.log(`${name.padEnd(16)} ${String(rows).padStart(6)} rows ${kib.padStart(7)} KiB`);
  }
}

if (process.argv[1]?.endsWith('generate.ts')) writeAll();
