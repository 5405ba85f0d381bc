import {
  BAD_DEPTS,
  DEPT_SPECS,
  DEPT_SYSTEMS,
  type Dept,
  ITEM_TYPE,
  REGION_CODE,
  type SpecOpts,
  type TypeLetter,
  type Who,
} from './county.ts';
import { label, type Row, yesNo } from './encode.ts';
import { CATALOGUE } from './item-catalogue.ts';
import { pad, type Rng } from './random.ts';

/** Service items (事项清单): limits, online depth and trips drawn per item of the catalogue. */

export type Limit =
  | { unit: 'wd'; n: number }
  | { unit: 'cd'; n: number }
  | { unit: 'instant' }
  | { unit: 'none' };

export function limitText(l: Limit): string {
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

export const wd = (n: number): Limit => ({ unit: 'wd', n });

/** Inverse of limitText, so limit tables can be written the way exports spell them. */
export function parseLimit(text: string): Limit {
  if (text === '即办') return INSTANT;
  if (text === '无期限') return NO_LIMIT;
  const m = /^(\d+)个(工作日|自然日)$/.exec(text);
  if (!m) throw new Error(`bad limit ${text}`);
  return { unit: m[2] === '工作日' ? 'wd' : 'cd', n: Number(m[1]) };
}
export const INSTANT: Limit = { unit: 'instant' };
export const NO_LIMIT: Limit = { unit: 'none' };

export type Depth = 'I' | 'II' | 'III' | 'IV';

export interface Item {
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
export function statutoryLimit(rng: Rng, type: TypeLetter, opts: SpecOpts): Limit {
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
export function promisedLimit(rng: Rng, type: TypeLetter, statutory: Limit): Limit {
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
export function onlineDepth(rng: Rng, dept: Dept, opts: SpecOpts): Depth {
  if (opts.offline) return 'I';
  if (opts.onsite) return 'II';
  if (dept.bad) return rng.choose<Depth>({ IV: 12, III: 38, II: 38, I: 12 });
  if (dept.online < 0.45) return rng.choose<Depth>({ IV: 30, III: 40, II: 22, I: 8 });
  return rng.choose<Depth>({ IV: 47, III: 30, II: 15, I: 8 });
}

export function tripsRequired(rng: Rng, depth: Depth): number {
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
export function creditCode(rng: Rng): string {
  const check = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return `11${REGION_CODE}MB${rng.digits(7)}${rng.pick(check.split(''))}`;
}

export function buildDepts(rng: Rng): Dept[] {
  return DEPT_SPECS.map((spec) => ({
    ...spec,
    code: creditCode(rng),
    bad: BAD_DEPTS.has(spec.name),
    system: DEPT_SYSTEMS[spec.name],
  }));
}

export function buildItems(rng: Rng, depts: Dept[]): Item[] {
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

export function itemRows(items: readonly Item[]): Row[] {
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
