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
