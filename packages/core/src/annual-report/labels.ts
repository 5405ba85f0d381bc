/**
 * Verbatim labels of the 政府信息公开工作年度报告 tables 三 and 四 (shared/DOMAIN.md §1.5–1.6), with the
 * machine keys of §1.9. 2021 format = 国办公开办函〔2021〕30号; 2019 trial format = 国办公开办函〔2019〕60号,
 * identical except that （六）其他处理 is a single data row.
 */

export type AnnualLayout = '2021' | '2019';

export const TABLE3_TITLE = '三、收到和处理政府信息公开申请情况';
export const TABLE4_TITLE = '四、政府信息公开行政复议、行政诉讼情况';
export const TABLE3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_BAND = '申请人情况';
export const ORG_BAND = '法人或其他组织';

export type Table3ColumnKey =
  | 'natural_person'
  | 'org_commercial'
  | 'org_research'
  | 'org_public_welfare'
  | 'org_legal_service'
  | 'org_other'
  | 'total';

export interface Table3Column {
  key: Table3ColumnKey;
  label: string;
  /** Canonical `requests.applicant_type` code counted in this column (none for 总计). */
  applicantType: string | null;
  /** True for the five columns under the 法人或其他组织 band. */
  underOrgBand: boolean;
}

export const TABLE3_COLUMNS: readonly Table3Column[] = [
  { key: 'natural_person', label: '自然人', applicantType: 'natural_person', underOrgBand: false },
  { key: 'org_commercial', label: '商业企业', applicantType: 'commercial', underOrgBand: true },
  { key: 'org_research', label: '科研机构', applicantType: 'research', underOrgBand: true },
  { key: 'org_public_welfare', label: '社会公益组织', applicantType: 'public_welfare', underOrgBand: true },
  { key: 'org_legal_service', label: '法律服务机构', applicantType: 'legal_service', underOrgBand: true },
  { key: 'org_other', label: '其他', applicantType: 'other_org', underOrgBand: true },
  { key: 'total', label: '总计', applicantType: null, underOrgBand: false },
];

/** One row of the table 三 skeleton. Group rows carry no numbers of their own. */
export interface Table3RowDef {
  key: string;
  label: string;
  /** 0 = 一…四, 1 = （一）…（七）, 2 = numbered sub-items. */
  level: 0 | 1 | 2;
  kind: 'data' | 'group';
  /** Key of the enclosing group row, if any. */
  parent?: string;
  /** `requests.outcome` codes summed into this row (outcome rows only). */
  outcomes?: readonly string[];
}

const d = (
  key: string,
  label: string,
  level: 0 | 1 | 2,
  parent?: string,
  outcomes?: readonly string[],
): Table3RowDef => ({
  key,
  label,
  level,
  kind: 'data',
  ...(parent ? { parent } : {}),
  ...(outcomes ? { outcomes } : {}),
});
const g = (key: string, label: string, level: 0 | 1, parent?: string): Table3RowDef => ({
  key,
  label,
  level,
  kind: 'group',
  ...(parent ? { parent } : {}),
});
const o = (key: string, label: string, parent: string): Table3RowDef =>
  d(key, label, parent === 'results' ? 1 : 2, parent, [key]);

const OTHER_2021: readonly Table3RowDef[] = [
  g('other', '（六）其他处理', 1, 'results'),
  o('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other'),
  o('other_fee_unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other'),
  o('other_other', '3.其他', 'other'),
];
const OTHER_2019: readonly Table3RowDef[] = [
  d('other_total', '（六）其他处理', 1, 'results', [
    'other_no_correction',
    'other_fee_unpaid',
    'other_other',
  ]),
];

/** Table 三 rows in print order for a layout. */
export function table3Rows(layout: AnnualLayout): readonly Table3RowDef[] {
  return [
    d('new_received', '一、本年新收政府信息公开申请数量', 0),
    d('carried_over', '二、上年结转政府信息公开申请数量', 0),
    g('results', '三、本年度办理结果', 0),
    o('granted', '（一）予以公开', 'results'),
    o('partial_grant', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'results'),
    g('denied', '（三）不予公开', 1, 'results'),
    o('denied_state_secret', '1.属于国家秘密', 'denied'),
    o('denied_law_forbidden', '2.其他法律行政法规禁止公开', 'denied'),
    o('denied_safety_stability', '3.危及“三安全一稳定”', 'denied'),
    o('denied_third_party', '4.保护第三方合法权益', 'denied'),
    o('denied_internal_affairs', '5.属于三类内部事务信息', 'denied'),
    o('denied_process_info', '6.属于四类过程性信息', 'denied'),
    o('denied_enforcement_file', '7.属于行政执法案卷', 'denied'),
    o('denied_admin_query', '8.属于行政查询事项', 'denied'),
    g('unable', '（四）无法提供', 1, 'results'),
    o('unable_not_held', '1.本机关不掌握相关政府信息', 'unable'),
    o('unable_needs_creation', '2.没有现成信息需要另行制作', 'unable'),
    o('unable_unclear_after_correction', '3.补正后申请内容仍不明确', 'unable'),
    g('not_processed', '（五）不予处理', 1, 'results'),
    o('not_processed_petition_complaint', '1.信访举报投诉类申请', 'not_processed'),
    o('not_processed_repeat', '2.重复申请', 'not_processed'),
    o('not_processed_publication', '3.要求提供公开出版物', 'not_processed'),
    o('not_processed_excessive', '4.无正当理由大量反复申请', 'not_processed'),
    o('not_processed_confirm_reissue', '5.要求行政机关确认或重新出具已获取信息', 'not_processed'),
    ...(layout === '2019' ? OTHER_2019 : OTHER_2021),
    d('total_processed', '（七）总计', 1, 'results'),
    d('carried_forward', '四、结转下年度继续办理', 0),
  ];
}

export type Table4BlockKey = 'review' | 'litigation_direct' | 'litigation_after_review';
export type Table4CellKey = 'maintained' | 'corrected' | 'other' | 'pending' | 'total';

export const TABLE4_REVIEW = '行政复议';
export const TABLE4_LITIGATION = '行政诉讼';
export const TABLE4_BLOCKS: readonly { key: Table4BlockKey; label: string }[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigation_direct', label: '未经复议直接起诉' },
  { key: 'litigation_after_review', label: '复议后起诉' },
];
export const TABLE4_CELLS: readonly { key: Table4CellKey; label: string }[] = [
  { key: 'maintained', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

export const TABLE2_TITLE = '二、主动公开政府信息情况';
/** Label of the first column of every block of table 二. */
export const TABLE2_CONTENT = '信息内容';
/** Width of table 二 in the official form (信息内容 + at most three value columns). */
export const TABLE2_WIDTH = 4;

export type Table2BlockKey = 'art20_1' | 'art20_5' | 'art20_6' | 'art20_8' | 'art20_9';

/** One value column of a table 二 block; the key says what is counted (see `annualTable2`). */
export interface Table2ColumnDef {
  key:
    | 'issued'
    | 'abolished'
    | 'in_force'
    | 'formed'
    | 'published'
    | 'published_total'
    | 'decisions'
    | 'items_previous'
    | 'items_change'
    | 'fee_wan'
    | 'procurement_count'
    | 'procurement_amount';
  label: string;
}

export interface Table2RowDef {
  key:
    | 'regulation'
    | 'normative_doc'
    | 'licensing'
    | 'other_services'
    | 'punishment'
    | 'enforcement'
    | 'fees'
    | 'procurement';
  label: string;
}

export interface Table2BlockDef {
  key: Table2BlockKey;
  /** Block caption, e.g. 第二十条第（一）项. */
  caption: string;
  columns: readonly Table2ColumnDef[];
  rows: readonly Table2RowDef[];
}

const decisionsCols2019: readonly Table2ColumnDef[] = [
  { key: 'items_previous', label: '上一年项目数量' },
  { key: 'items_change', label: '本年增/减' },
  { key: 'decisions', label: '处理决定数量' },
];

/**
 * Table 二 blocks in print order (shared/DOMAIN.md §1.3 for 2021, §1.4 for 2019). Every block prints
 * 信息内容 (`TABLE2_CONTENT`) before its value columns.
 */
export function table2Blocks(layout: AnnualLayout): readonly Table2BlockDef[] {
  if (layout === '2019') {
    return [
      {
        key: 'art20_1',
        caption: '第二十条第（一）项',
        columns: [
          { key: 'formed', label: '本年新制作数量' },
          { key: 'published', label: '本年新公开数量' },
          { key: 'published_total', label: '对外公开总数量' },
        ],
        rows: [
          { key: 'regulation', label: '规章' },
          { key: 'normative_doc', label: '规范性文件' },
        ],
      },
      {
        key: 'art20_5',
        caption: '第二十条第（五）项',
        columns: decisionsCols2019,
        rows: [
          { key: 'licensing', label: '行政许可' },
          { key: 'other_services', label: '其他对外管理服务事项' },
        ],
      },
      {
        key: 'art20_6',
        caption: '第二十条第（六）项',
        columns: decisionsCols2019,
        rows: [
          { key: 'punishment', label: '行政处罚' },
          { key: 'enforcement', label: '行政强制' },
        ],
      },
      {
        key: 'art20_8',
        caption: '第二十条第（八）项',
        columns: decisionsCols2019.slice(0, 2),
        rows: [{ key: 'fees', label: '行政事业性收费' }],
      },
      {
        key: 'art20_9',
        caption: '第二十条第（九）项',
        columns: [
          { key: 'procurement_count', label: '采购项目数量' },
          { key: 'procurement_amount', label: '采购总金额' },
        ],
        rows: [{ key: 'procurement', label: '政府集中采购' }],
      },
    ];
  }
  const decisions: readonly Table2ColumnDef[] = [{ key: 'decisions', label: '本年处理决定数量' }];
  return [
    {
      key: 'art20_1',
      caption: '第二十条第（一）项',
      columns: [
        { key: 'issued', label: '本年制发件数' },
        { key: 'abolished', label: '本年废止件数' },
        { key: 'in_force', label: '现行有效件数' },
      ],
      rows: [
        { key: 'regulation', label: '规章' },
        { key: 'normative_doc', label: '行政规范性文件' },
      ],
    },
    {
      key: 'art20_5',
      caption: '第二十条第（五）项',
      columns: decisions,
      rows: [{ key: 'licensing', label: '行政许可' }],
    },
    {
      key: 'art20_6',
      caption: '第二十条第（六）项',
      columns: decisions,
      rows: [
        { key: 'punishment', label: '行政处罚' },
        { key: 'enforcement', label: '行政强制' },
      ],
    },
    {
      key: 'art20_8',
      caption: '第二十条第（八）项',
      columns: [{ key: 'fee_wan', label: '本年收费金额（单位：万元）' }],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
  ];
}
