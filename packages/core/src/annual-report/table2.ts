import type { Engine } from '../engine/types.ts';
import { loadedTables } from '../indicators/compute.ts';
import { ITEM_TYPES } from '../schema/enums.ts';
import {
  type AnnualLayout,
  TABLE2_TITLE,
  type Table2BlockDef,
  type Table2ColumnDef,
  type Table2RowDef,
  table2Blocks,
} from './labels.ts';
import type { AnnualOptions } from './table3.ts';

/** Why a table 二 cell is empty: its data is not in the loaded exports (it is never guessed). */
export interface Table2Missing {
  reason: 'no_dataset' | 'no_column' | 'no_records' | 'undated_items' | 'not_in_exports';
  zh: string;
  en: string;
}

export interface Table2Cell {
  /** The number to print (万元 for 本年收费金额), or null when the exports do not hold it. */
  value: number | null;
  missing?: Table2Missing;
}

export interface Table2Row extends Table2RowDef {
  /** One cell per value column of the block, in `columns` order. */
  cells: Table2Cell[];
}

export interface Table2Block extends Omit<Table2BlockDef, 'rows'> {
  rows: Table2Row[];
}

/** Records the rules had to leave out; publishable tables have zeros here. */
export interface Table2Quality {
  /** 有效性 废止/失效 without 废止日期 (regulations and normative documents): in no 本年废止 count, not in force. */
  abolishedWithoutDate: number;
}

export interface Table2 {
  kind: 'table2';
  year: number;
  layout: AnnualLayout;
  agency: string | null;
  title: string;
  blocks: Table2Block[];
  quality: Table2Quality;
}

const DATASET_NAMES = {
  disclosures: { zh: '主动公开信息导出', en: 'disclosure' },
  cases: { zh: '办件导出', en: 'case' },
  items: { zh: '事项清单', en: 'item catalogue' },
} as const;
type Source = keyof typeof DATASET_NAMES;

const noDataset = (s: Source): Table2Missing => ({
  reason: 'no_dataset',
  zh: `未载入${DATASET_NAMES[s].zh}`,
  en: `No ${DATASET_NAMES[s].en} export loaded`,
});
const noColumn = (s: Source, column: string): Table2Missing => ({
  reason: 'no_column',
  zh: `${DATASET_NAMES[s].zh}中没有“${column}”数据`,
  en: `The ${DATASET_NAMES[s].en} export has no “${column}” values`,
});
const noRecords = (s: Source, what: string): Table2Missing => ({
  reason: 'no_records',
  zh: `${DATASET_NAMES[s].zh}中没有任何年份的${what}记录，无法区分“0”与“未导出”`,
  en: `The ${DATASET_NAMES[s].en} export holds no ${what} records in any year, so 0 cannot be told from “not exported”`,
});
const undatedItems = (n: number, what: string): Table2Missing => ({
  reason: 'undated_items',
  zh: `事项清单中有 ${n} 个${what}事项没有“计划生效日期”`,
  en: `${n} ${what} items in the catalogue have no “计划生效日期” (valid_from)`,
});
const notInExports = (zh: string, en: string): Table2Missing => ({
  reason: 'not_in_exports',
  zh: `${zh}不在任何导出数据中，请手工填写`,
  en: `${en} are in none of the exports; fill in by hand`,
});

/** `items` / `cases` item_type codes counted in each table 二 row (DOMAIN §1.3–1.4). */
const SERVICE_TYPES: Record<string, readonly string[]> = {
  licensing: ['licensing'],
  punishment: ['punishment'],
  enforcement: ['enforcement'],
  // 2019 其他对外管理服务事项: every other catalogue type (确认、给付、裁决、奖励、备案、征收、其他权力、公共服务).
  other_services: ITEM_TYPES.map((t) => t.code).filter(
    (c) => c !== 'licensing' && c !== 'punishment' && c !== 'enforcement',
  ),
};

const P = `p AS (
    SELECT make_date(CAST(? AS INTEGER), 1, 1) AS y0, make_date(CAST(? AS INTEGER) + 1, 1, 1) AS y1,
      CAST(? AS VARCHAR) AS ag
  )`;

/**
 * Regulations (是否规章) and normative documents (是否行政规范性文件), per flag:
 * - issued (2021 本年制发 / 2019 本年新制作): 成文日期 in the year (发布日期 when 成文日期 is empty);
 * - published (2019 本年新公开): 发布日期 in the year; published_total (对外公开总数量): 发布日期 up to 31 Dec
 *   (everything in the export: an export that starts later than the first publication counts fewer);
 * - abolished (本年废止): 废止日期 in the year (有效性 废止 or 失效);
 * - in_force (现行有效, at 31 Dec): issued by 31 Dec, no 废止日期 by 31 Dec, and not 有效性 废止/失效 without a
 *   date (已修改 counts as in force); undated 废止/失效 rows are counted in `quality.abolishedWithoutDate`.
 * `known` = rows where the flag is recorded at all; `validity_known` = rows with 有效性 or 废止日期.
 */
const DISCLOSURES_SQL = `WITH ${P},
  d AS (
    SELECT t.*, p.y0, p.y1, coalesce(t.formed_at, CAST(t.published_at AS DATE)) AS issued_on,
      CAST(t.published_at AS DATE) AS published_on,
      coalesce(t.validity IN ('abolished', 'expired') AND t.abolished_at IS NULL, false) AS gone_undated,
      (t.validity IS NOT NULL OR t.abolished_at IS NOT NULL) AS has_validity
    FROM disclosures t, p WHERE p.ag IS NULL OR t.publisher = p.ag
  ),
  u AS (
    SELECT 'regulation' AS k, is_regulation AS flag, * FROM d
    UNION ALL BY NAME
    SELECT 'normative_doc' AS k, is_normative_doc AS flag, * FROM d
  )
  SELECT k, count(flag)::INTEGER AS known, count(*) FILTER (has_validity)::INTEGER AS validity_known,
    count(*) FILTER (flag AND issued_on >= y0 AND issued_on < y1)::INTEGER AS issued,
    count(*) FILTER (flag AND published_on >= y0 AND published_on < y1)::INTEGER AS published,
    count(*) FILTER (flag AND published_on < y1)::INTEGER AS published_total,
    count(*) FILTER (flag AND abolished_at >= y0 AND abolished_at < y1)::INTEGER AS abolished,
    count(*) FILTER (flag AND issued_on < y1 AND NOT coalesce(abolished_at < y1, false)
      AND NOT gone_undated)::INTEGER AS in_force,
    count(*) FILTER (flag AND gone_undated)::INTEGER AS gone_undated
  FROM u GROUP BY k`;

/**
 * Cases per item_type. A 处理决定 in the year = 决定时间 (else 办结时间) in the year, status not 撤回/作废 and
 * result not 转报/终止 (those end without a decision of this authority). Fees (行政事业性收费, 元) = sum of
 * 收费金额 of cases whose 决定时间 (else 办结时间) is in the year and that are not 撤回/作废.
 */
const CASES_SQL = `WITH ${P},
  c AS (
    SELECT t.item_type, t.fee_amount, CAST(coalesce(t.decided_at, t.closed_at) AS DATE) AS decided_on,
      coalesce(t.status NOT IN ('withdrawn', 'void'), true) AS live,
      coalesce(t.result NOT IN ('forwarded', 'terminated'), true) AS decided_here, p.y0, p.y1
    FROM cases t, p WHERE p.ag IS NULL OR t.dept_name = p.ag
  )
  SELECT item_type AS k, count(*)::INTEGER AS n,
    count(*) FILTER (live AND decided_here AND decided_on >= y0 AND decided_on < y1)::INTEGER AS decisions,
    count(fee_amount)::INTEGER AS fee_known,
    coalesce(sum(fee_amount) FILTER (live AND decided_on >= y0 AND decided_on < y1), 0)::DOUBLE AS fee
  FROM c GROUP BY ALL`;

/**
 * Catalogue items per item_type in force when the year starts (prev = 上一年项目数量) and when the next one
 * starts (cur; 本年增/减 = cur − prev): 计划生效日期 before that 1 January and 计划取消日期 empty or on/after it.
 * An item without 计划生效日期 cannot be placed, so a row with any such item is left empty.
 */
const ITEMS_SQL = `WITH ${P}
  SELECT t.item_type AS k, count(*)::INTEGER AS n,
    count(*) FILTER (t.valid_from IS NULL)::INTEGER AS undated,
    count(*) FILTER (t.valid_from < p.y0 AND (t.valid_to IS NULL OR t.valid_to >= p.y0))::INTEGER AS prev,
    count(*) FILTER (t.valid_from < p.y1 AND (t.valid_to IS NULL OR t.valid_to >= p.y1))::INTEGER AS cur
  FROM items t, p WHERE p.ag IS NULL OR t.dept_name = p.ag GROUP BY ALL`;

type Rec = Record<string, number>;
const toRecs = (t: Awaited<ReturnType<Engine['query']>>): Map<string, Rec> => {
  const out = new Map<string, Rec>();
  for (const r of t) {
    const o = r.toJSON() as Record<string, unknown>;
    const rec: Rec = {};
    for (const [k, v] of Object.entries(o)) if (k !== 'k') rec[k] = Number(v ?? 0);
    out.set(o.k === null || o.k === undefined ? '' : String(o.k), rec);
  }
  return out;
};
const total = (recs: Map<string, Rec>, keys: readonly string[] | null, field: string): number => {
  let n = 0;
  for (const [k, r] of recs) if (keys === null || keys.includes(k)) n += r[field] ?? 0;
  return n;
};

const ROW_NAMES: Record<string, { zh: string; en: string }> = {
  licensing: { zh: '行政许可', en: 'licensing' },
  other_services: { zh: '其他对外管理服务', en: 'other service' },
  punishment: { zh: '行政处罚', en: 'penalty' },
  enforcement: { zh: '行政强制', en: 'enforcement' },
};

const has = (tables: Map<string, string[]>, table: string, ...cols: string[]) =>
  cols.every((c) => tables.get(table)?.includes(c));

/**
 * Builds table 二 (主动公开政府信息情况) for one year in the 2021 or 2019 layout from the loaded
 * `disclosures`, `cases` and `items` tables. A cell whose data is in none of them is null with the reason
 * in `missing`; nothing is estimated.
 */
export async function annualTable2(engine: Engine, opts: AnnualOptions): Promise<Table2> {
  if (!Number.isInteger(opts.year))
    throw new Error(`annualTable2: year must be an integer, got ${opts.year}`);
  const params = [opts.year, opts.year, opts.agency ?? null];
  const tables = await loadedTables(engine);
  const disc = has(tables, 'disclosures', 'is_regulation', 'is_normative_doc', 'validity', 'abolished_at')
    ? toRecs(await engine.query(DISCLOSURES_SQL, params))
    : null;
  const cases = has(tables, 'cases', 'item_type', 'fee_amount')
    ? toRecs(await engine.query(CASES_SQL, params))
    : null;
  const items = has(tables, 'items', 'item_type', 'valid_from', 'valid_to')
    ? toRecs(await engine.query(ITEMS_SQL, params))
    : null;
  const quality: Table2Quality = {
    abolishedWithoutDate: disc ? total(disc, null, 'gone_undated') : 0,
  };

  const disclosureCell = (row: Table2RowDef, col: Table2ColumnDef): Table2Cell => {
    if (!tables.has('disclosures')) return { value: null, missing: noDataset('disclosures') };
    const flagName = row.key === 'regulation' ? '是否规章' : '是否行政规范性文件';
    const rec = disc?.get(row.key);
    if (!rec?.known) return { value: null, missing: noColumn('disclosures', flagName) };
    if ((col.key === 'abolished' || col.key === 'in_force') && !rec.validity_known)
      return { value: null, missing: noColumn('disclosures', '有效性/废止日期') };
    // 2019 本年新制作数量 is the same count as 2021 本年制发件数.
    return { value: rec[col.key === 'formed' ? 'issued' : col.key] ?? 0 };
  };

  const serviceCell = (row: Table2RowDef, col: Table2ColumnDef): Table2Cell => {
    const types = SERVICE_TYPES[row.key] ?? [];
    const name = ROW_NAMES[row.key] ?? { zh: row.label, en: row.key };
    if (col.key === 'decisions') {
      if (!tables.has('cases')) return { value: null, missing: noDataset('cases') };
      if (!cases || total(cases, null, 'n') === total(cases, [''], 'n'))
        return { value: null, missing: noColumn('cases', '事项类型') };
      if (total(cases, types, 'n') === 0) return { value: null, missing: noRecords('cases', name.zh) };
      return { value: total(cases, types, 'decisions') };
    }
    if (!tables.has('items')) return { value: null, missing: noDataset('items') };
    const catalogued = items ? total(items, null, 'n') : 0;
    if (!items || (catalogued > 0 && catalogued === total(items, null, 'undated')))
      return { value: null, missing: noColumn('items', '计划生效日期') };
    if (total(items, types, 'n') === 0) return { value: null, missing: noRecords('items', name.zh) };
    const undated = total(items, types, 'undated');
    if (undated > 0) return { value: null, missing: undatedItems(undated, name.zh) };
    const prev = total(items, types, 'prev');
    return { value: col.key === 'items_previous' ? prev : total(items, types, 'cur') - prev };
  };

  const cell = (row: Table2RowDef, col: Table2ColumnDef): Table2Cell => {
    switch (row.key) {
      case 'regulation':
      case 'normative_doc':
        return disclosureCell(row, col);
      case 'fees':
        if (col.key !== 'fee_wan')
          return { value: null, missing: notInExports('收费项目数量', 'Fee item counts (收费目录清单)') };
        if (!tables.has('cases')) return { value: null, missing: noDataset('cases') };
        if (!cases || total(cases, null, 'fee_known') === 0)
          return { value: null, missing: noColumn('cases', '收费金额(元)') };
        // 元 → 万元, kept to the fen (分).
        return { value: Math.round(total(cases, null, 'fee') * 100) / 1e6 };
      case 'procurement':
        return { value: null, missing: notInExports('政府集中采购数据', 'Central procurement figures') };
      default:
        return serviceCell(row, col);
    }
  };

  return {
    kind: 'table2',
    year: opts.year,
    layout: opts.layout,
    agency: opts.agency ?? null,
    title: TABLE2_TITLE,
    blocks: table2Blocks(opts.layout).map((b) => ({
      ...b,
      rows: b.rows.map((r) => ({ ...r, cells: b.columns.map((c) => cell(r, c)) })),
    })),
    quality,
  };
}

/** One cell of table 二 by row and column key (undefined when the layout has no such cell). */
export function table2Cell(t: Table2, rowKey: string, colKey: string): Table2Cell | undefined {
  for (const b of t.blocks) {
    const col = b.columns.findIndex((c) => c.key === colKey);
    const row = b.rows.find((r) => r.key === rowKey);
    if (row && col >= 0) return row.cells[col];
  }
  return undefined;
}

/** One line per empty cell: `<row>｜<column>：<reason>` (zh) and the English equivalent. */
export function table2Notes(t: Table2): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  for (const b of t.blocks) {
    for (const r of b.rows) {
      r.cells.forEach((cell, i) => {
        if (!cell.missing) return;
        const where = `${b.caption} ${r.label}｜${b.columns[i]?.label ?? ''}`;
        out.push({ zh: `${where}：${cell.missing.zh}`, en: `${where}: ${cell.missing.en}` });
      });
    }
  }
  return out;
}
