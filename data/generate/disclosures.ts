import { type Dept, GOV_OFFICE, REGION_CODE } from './county.ts';
import { DISCLOSURE_DOMAINS } from './disclosure-domains.ts';
import { label, type Row, yesNo } from './encode.ts';
import { creditCode } from './items.ts';
import { at, pad, type Rng, Sampler } from './random.ts';
import { cal, dayOf, FIRST_DAY, fmtDate, fmtDateTime, HOUR, LAST_DAY, officeTime } from './time.ts';

/** Proactive disclosures (主动公开). */

export const N_DISCLOSURES = 6_000;

export const TOWNS =
  '城关镇 东关镇 西湖镇 南塘镇 北坡镇 青山乡 石桥镇 柳河镇 杨集乡 双庙镇 白沙乡 龙山镇'.split(' ');
export const PROJECTS = [
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
export const FIRMS = '恒泰 鑫源 华美 宏达 顺发 金穗 永盛 瑞丰 德润 新天地 佳和 安康'.split(' ');
export const FIRM_KINDS =
  '商贸有限公司 建筑工程有限公司 食品有限公司 超市 农业科技有限公司 餐饮店 药房'.split(' ');
export const QUARTERS = ['一', '二', '三', '四'];

export function fillTitle(rng: Rng, tpl: string, publisher: string, pubDay: number): string {
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
export function publishDelayWd(rng: Rng, deadline: number): number {
  // Keys are inclusive working-day ranges "lo-hi".
  const range =
    deadline === 7
      ? rng.choose({ '0-0': 20, '1-3': 50, '4-7': 24, '8-15': 6 })
      : rng.choose({ '0-0': 12, '1-3': 45, '4-10': 28, '11-20': 11, '21-40': 4 });
  const [lo = 0, hi = 0] = range.split('-').map(Number);
  return rng.int(lo, hi);
}

export interface DisclosureRec {
  published: number;
  formedDay: number;
  pub: Dept;
  docPrefix: string | null;
  row: Row;
}

export function generateDisclosures(rng: Rng, depts: readonly Dept[], n = N_DISCLOSURES): Row[] {
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
  for (let i = 0; i < n; i++) {
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
