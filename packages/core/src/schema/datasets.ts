import { dict } from '../own-keys.ts';
import * as E from './enums.ts';
import type { DatasetDef, DatasetKey, FieldDef } from './types.ts';

/** Canonical datasets of shared/DOMAIN.md §7 with their Chinese headers and aliases. */

const f = (
  key: string,
  zh: string,
  type: FieldDef['type'],
  aliases: string[] = [],
  extra: Partial<FieldDef> = {},
): FieldDef => ({ key, zh, type, aliases, ...extra });

const cases: DatasetDef = {
  key: 'cases',
  table: 'cases',
  label: { zh: '办件', en: 'Service cases' },
  fields: [
    f(
      'case_id',
      '办件编号',
      'string',
      ['办件号', '申报号', '受理编号', '业务流水号', '申办流水号', 'projid', 'project_no'],
      { required: true, primaryKey: true },
    ),
    f('region_code', '行政区划代码', 'string', ['区划代码', 'areacode']),
    f('region_name', '所属区域', 'string', ['行政区划', '地区', '区县']),
    f('item_code', '实施编码', 'string', ['事项编码', '事项实施编码', 'task_code']),
    f('catalog_code', '基本编码', 'string', ['事项基本编码', 'catalog_code']),
    f('handle_item_code', '业务办理项编码', 'string', ['办理项编码']),
    f('item_name', '事项名称', 'string', ['服务事项', '审批事项', 'task_name']),
    f('item_type', '事项类型', 'enum', ['权力类型', '审批类别', 'shenpilb'], { enum: E.ITEM_TYPES }),
    f('dept_code', '受理部门编码', 'string', ['实施主体编码', '统一社会信用代码', 'org_code']),
    f('dept_name', '受理部门', 'string', ['实施主体', '承办部门', '办理部门', '窗口单位']),
    f('domain', '所属领域', 'string', ['主题分类', '领域']),
    f('applicant_type', '申请人类型', 'enum', ['服务对象', '申请人性质', 'userProp'], {
      enum: E.APPLICANT_TYPES,
    }),
    f('applicant_hash', '申请人标识(脱敏)', 'string', ['证件号码散列']),
    f('case_type', '办件类型', 'enum', ['即办件/承诺件', 'project_type'], { enum: E.CASE_TYPES }),
    f('apply_channel', '申报渠道', 'enum', ['申请方式', '受理渠道', '来源', 'applyfrom'], {
      enum: E.APPLY_CHANNELS,
    }),
    f('online_depth', '网上办理深度', 'enum', ['网办深度', 'wangbanshendu'], {
      enum: E.ONLINE_DEPTHS,
    }),
    f('is_full_online', '是否全程网办', 'bool', ['全流程网办']),
    f('closed_online', '是否网上办结', 'bool', ['网上办结']),
    f('result_delivery', '结果送达方式', 'enum', ['送达方式', '领取方式'], {
      enum: E.RESULT_DELIVERY,
    }),
    // Clock start is 受理时间 or 申请时间 (role `clock_start`): without a 申请时间 column (or cell) the case
    // counts as applied when accepted; without a 受理时间 column as accepted when applied, unless its status
    // says it never was.
    f(
      'submitted_at',
      '申请时间',
      'datetime',
      ['申报时间', '收件时间', '提交时间', 'apply_date', 'receive_time'],
      { fillFrom: { field: 'accepted_at', cells: true } },
    ),
    f('prejudged_at', '预审时间', 'datetime', ['初审时间']),
    f('accepted_at', '受理时间', 'datetime', ['accept_date', 'accept_time'], {
      fillFrom: {
        field: 'submitted_at',
        when: "coalesce(status, '') NOT IN ('submitted', 'rejected_intake')",
      },
    }),
    f('decided_at', '决定时间', 'datetime', ['审批时间', '审结时间']),
    f('closed_at', '办结时间', 'datetime', ['办理完成时间', 'result_date', 'transact_time', 'banjiedate']),
    f('delivered_at', '送达时间', 'datetime', ['发证时间', '领证时间']),
    f('statutory_limit', '法定办结时限', 'limit', ['法定期限', 'anticipate_day']),
    f('promised_limit', '承诺办结时限', 'limit', ['承诺期限', '承诺时限', 'promise_day']),
    f('promised_due_at', '承诺办结时间', 'datetime', [
      '承诺日期',
      '应办结时间',
      'promise_date',
      'promiseenddate',
    ]),
    f('extension_wd', '延长时限(工作日)', 'int', ['延期天数']),
    f('paused_wd', '特别程序时长(工作日)', 'int', ['暂停计时天数', '挂起天数']),
    f('status', '办理状态', 'enum', ['办件状态', 'handlestate', 'prostatus'], {
      enum: E.CASE_STATUSES,
    }),
    f('result', '办结结果', 'enum', ['办理结果', '审批结果', 'result_type'], {
      enum: E.CASE_RESULTS,
    }),
    f('certificate_no', '结果证照编号', 'string', ['证照编号', '批文号']),
    f('trips_required', '到办事现场次数', 'int', ['跑动次数(标准)', 'limit_scene_num']),
    f('trips_actual', '实际跑动次数', 'int', ['现场次数']),
    f('fee_amount', '收费金额(元)', 'decimal', ['缴费金额', '收费金额']),
    f('fine_amount', '罚没金额(元)', 'decimal', ['罚没金额', '罚款金额']),
    f('payment_ref', '缴款书编号', 'string', ['非税缴款码', '缴款码']),
    f('warning_level', '预警等级', 'enum', ['红黄牌', '效能监察状态'], { enum: E.WARNING_LEVELS }),
    f('is_overdue', '是否超期', 'bool', ['超期标志']),
    f('rating', '评价等级', 'int', ['满意度', '整体满意度', 'satisfaction']),
    f('rating_channel', '评价渠道', 'enum', ['pf'], { enum: E.RATING_CHANNELS }),
    f('rated_at', '评价时间', 'datetime', ['assessTime']),
    f('rating_detail', '评价详情', 'string', ['差评标签', 'evalDetail']),
    f('bad_review_rectified_at', '差评整改时间', 'datetime', ['整改完成时间']),
    f('bad_review_callback_at', '差评回访时间', 'datetime', ['回访时间']),
    f('handler_hash', '经办人(脱敏)', 'string', ['受理人员']),
    f('source_system', '数据来源', 'string', ['data_source']),
    f('updated_at', '更新时间', 'datetime'),
  ],
  roles: [
    {
      key: 'clock_start',
      label: { zh: '受理时间或申请时间', en: 'acceptance or application time' },
      fields: ['accepted_at', 'submitted_at'],
    },
  ],
  checks: [
    {
      reason: 'closed_before_accepted',
      column: 'closed_at',
      failsWhen: 'closed_at IS NOT NULL AND accepted_at IS NOT NULL AND closed_at < accepted_at',
    },
    {
      reason: 'accepted_before_submitted',
      column: 'accepted_at',
      failsWhen:
        'accepted_at IS NOT NULL AND submitted_at IS NOT NULL AND CAST(accepted_at AS DATE) < CAST(submitted_at AS DATE)',
    },
  ],
};

const items: DatasetDef = {
  key: 'items',
  table: 'items',
  label: { zh: '事项清单', en: 'Service-item catalogue' },
  fields: [
    f('item_code', '实施编码', 'string', ['事项编码', '事项实施编码', 'task_code'], {
      required: true,
      primaryKey: true,
    }),
    f('catalog_code', '基本编码', 'string', ['事项基本编码']),
    f('handle_item_code', '业务办理项编码', 'string', ['办理项编码']),
    f('item_name', '事项名称', 'string', ['服务事项', 'task_name'], { required: true }),
    f('item_type', '事项类型', 'enum', ['权力类型'], { enum: E.ITEM_TYPES }),
    f('dept_code', '实施主体编码', 'string', ['受理部门编码', '统一社会信用代码']),
    f('dept_name', '实施主体', 'string', ['受理部门', '实施部门']),
    f('region_code', '行政区划代码', 'string', ['区划代码']),
    f('use_level', '行使层级', 'string'),
    f('statutory_limit', '法定办结时限', 'limit', ['法定期限']),
    f('promised_limit', '承诺办结时限', 'limit', ['承诺期限', '承诺时限']),
    f('case_type', '办件类型', 'enum', [], { enum: E.CASE_TYPES }),
    f('trips_required', '到办事现场次数', 'int', ['跑动次数']),
    f('is_online', '是否网办', 'bool', ['是否网上可办']),
    f('online_depth', '网上办理深度', 'enum', ['网办深度'], { enum: E.ONLINE_DEPTHS }),
    f('online_url', '网办地址', 'string'),
    f('mobile_url', '移动端办理地址', 'string'),
    f('not_suitable_online', '不适宜开展网上办事', 'bool', []),
    f('not_suitable_zero_trip', '不宜跑零次', 'bool', []),
    f('must_onsite_reason', '必须现场办理原因', 'string'),
    f('is_express', '是否支持物流快递', 'bool', []),
    f('is_pay_online', '是否支持网上支付', 'bool'),
    f('in_hall', '是否进驻政务大厅', 'bool', []),
    f('handle_area', '通办范围', 'string'),
    f('status', '事项状态', 'string'),
    f('valid_from', '计划生效日期', 'date', ['生效日期']),
    f('valid_to', '计划取消日期', 'date', ['取消日期']),
  ],
};

const disclosures: DatasetDef = {
  key: 'disclosures',
  table: 'disclosures',
  label: { zh: '主动公开信息', en: 'Proactive disclosures' },
  fields: [
    f('info_id', '索引号', 'string', ['信息索引号'], { required: true, primaryKey: true }),
    f('title', '信息名称', 'string', ['标题', '名称', '文件名称'], { required: true }),
    f('doc_no', '文号', 'string', ['发文字号', '发布文号']),
    f('publisher', '发布机构', 'string', ['发文机关', '信息来源']),
    f('dept_code', '发布机构编码', 'string', ['组织机构代码', '统一社会信用代码']),
    f('region_code', '行政区划代码', 'string', []),
    // §7.b also lists 组配分类 as an alias of 公开领域; it is catalog_class's own header, which wins.
    f('domain', '公开领域', 'enum', ['重点领域', '试点领域'], { enum: E.DOMAINS }),
    f('five_open', '五公开类别', 'enum', ['公开类别'], { enum: E.FIVE_OPEN }),
    f('topic_class', '主题分类', 'string', ['主题导航']),
    f('genre', '体裁分类', 'string', ['文种']),
    f('catalog_class', '组配分类', 'string', ['目录分类', '栏目']),
    f('art20_item', '条例第二十条项', 'string'),
    f('disclosure_attr', '公开属性', 'enum', ['公开方式'], { enum: E.DISCLOSURE_ATTRS }),
    f('formed_at', '成文日期', 'date', ['生成日期', '产生日期', '形成日期', '发文日期']),
    // 变更日期 restarts the Art.26 clock (foi.proactive_timely).
    f('changed_at', '变更日期', 'date', ['修订日期']),
    f('published_at', '发布日期', 'datetime', ['公开日期', '发布时间'], { required: true }),
    f('legal_deadline_wd', '公开时限(工作日)', 'int', ['公开时限']),
    f('channels', '公开渠道和载体', 'string', ['发布渠道']),
    f('audience', '公开对象', 'enum', [], { enum: E.AUDIENCES }),
    f('level', '公开层级', 'enum', [], { enum: E.DISCLOSURE_LEVELS }),
    f('is_regulation', '是否规章', 'bool', []),
    f('is_normative_doc', '是否行政规范性文件', 'bool', ['规范性文件', '是否规范性文件']),
    f('validity', '有效性', 'enum', ['时效'], { enum: E.VALIDITY }),
    f('abolished_at', '废止日期', 'date', []),
    f('has_interpretation', '是否有政策解读', 'bool', ['解读']),
    f('url', '链接', 'string', ['网址']),
    f('catalog_item_l1', '一级事项', 'string', ['公开事项']),
    f('catalog_item_l2', '二级事项', 'string'),
  ],
  checks: [
    {
      reason: 'published_before_formed',
      column: 'published_at',
      failsWhen:
        'published_at IS NOT NULL AND formed_at IS NOT NULL AND CAST(published_at AS DATE) < formed_at',
    },
  ],
};

const requests: DatasetDef = {
  key: 'requests',
  table: 'requests',
  label: { zh: '依申请公开', en: 'On-request applications' },
  roles: [
    {
      key: 'clock_start',
      label: { zh: '收到申请日期或提交时间', en: 'receipt or submission date' },
      fields: ['received_at', 'submitted_at'],
    },
  ],
  fields: [
    f('request_id', '申请编号', 'string', ['受理编号', '登记号'], {
      required: true,
      primaryKey: true,
    }),
    f('agency', '承办机关', 'string', ['被申请机关', '答复机关']),
    f('dept_code', '机关编码', 'string'),
    f('region_code', '行政区划代码', 'string'),
    f('applicant_type', '申请人类型', 'enum', ['申请人情况'], {
      enum: E.REQUEST_APPLICANT_TYPES,
    }),
    f('channel', '申请方式', 'enum', ['申请渠道', '提交方式'], { enum: E.REQUEST_CHANNELS }),
    f('submitted_at', '提交时间', 'datetime', ['申请时间']),
    // Clock start is 收到申请日期 or, without that column, the day the application was submitted.
    f('received_at', '收到申请日期', 'date', ['受理日期', '登记日期'], {
      fillFrom: { field: 'submitted_at' },
    }),
    f('subject', '申请内容', 'string', ['申请公开的政府信息']),
    f('correction_notice_at', '补正告知日期', 'date', ['补正通知日期']),
    f('correction_received_at', '补正收到日期', 'date', ['补正日期']),
    f('correction_failed', '逾期未补正', 'bool'),
    // Several consultations: `a|b` in both cells, the n-th start paired with the n-th end (§7.c).
    f('consult_start_at', '征求意见开始日期', 'dates', ['征求第三方意见开始日期', '征求第三方意见']),
    f('consult_end_at', '征求意见结束日期', 'dates', ['征求第三方意见结束日期']),
    f('extension_approved', '是否延期答复', 'bool', ['延期']),
    f('extension_wd', '延期工作日数', 'int', []),
    f('fee_notice_at', '收费通知日期', 'date'),
    f('fee_amount', '信息处理费金额', 'decimal'),
    f('fee_paid_at', '缴费日期', 'date'),
    f('due_at', '答复期限', 'date', ['法定答复日期']),
    f('replied_at', '答复日期', 'date', ['办结日期', '答复时间']),
    f('outcome', '办理结果', 'enum', ['答复类型', '处理结果'], { enum: E.REQUEST_OUTCOMES }),
    // The outcome as the file wrote it, so a reader can check the recoding (the 办理结果 cell without a
    // 办理结果(原文) column).
    f('outcome_label', '办理结果(原文)', 'string', [], { fillFrom: { field: 'outcome' } }),
    f('reply_form', '提供方式', 'enum', ['获取方式'], { enum: E.REPLY_FORMS }),
    f('carried_over', '上年结转', 'bool', ['是否上年结转']),
    f('review_filed', '行政复议', 'bool', ['是否行政复议']),
    f('review_result', '复议结果', 'enum', ['行政复议结果'], { enum: E.REVIEW_RESULTS }),
    f('litigation_type', '行政诉讼类型', 'enum', ['诉讼类型'], { enum: E.LITIGATION_TYPES }),
    f('litigation_result', '诉讼结果', 'enum', ['行政诉讼结果'], { enum: E.REVIEW_RESULTS }),
  ],
  checks: [
    {
      reason: 'replied_before_received',
      column: 'replied_at',
      failsWhen: 'replied_at IS NOT NULL AND received_at IS NOT NULL AND replied_at < received_at',
    },
  ],
};

const hotline: DatasetDef = {
  key: 'hotline',
  table: 'hotline',
  label: { zh: '12345热线工单', en: '12345 hotline tickets' },
  fields: [
    f('ticket_id', '工单编号', 'string', ['工单号', '受理编号', '流水号'], {
      required: true,
      primaryKey: true,
    }),
    f('parent_ticket_id', '并单主工单编号', 'string', ['主工单']),
    f('received_at', '受理时间', 'datetime', ['来电时间', '登记时间', '诉求时间'], {
      required: true,
    }),
    f('channel', '诉求渠道', 'enum', ['来源渠道', '受理渠道'], { enum: E.HOTLINE_CHANNELS }),
    f('request_type', '诉求类型', 'enum', ['工单类型', '来电类型'], {
      enum: E.HOTLINE_REQUEST_TYPES,
    }),
    f('category_l1', '诉求分类(一级)', 'string', ['问题分类', '事项分类']),
    f('category_l2', '诉求分类(二级)', 'string'),
    f('category_l3', '诉求分类(三级)', 'string'),
    f('region_code', '所属区域', 'string', ['区县']),
    f('address', '事发地址', 'string', ['街道']),
    f('urgency', '紧急程度', 'enum', [], { enum: E.SLA_CLASSES }),
    f('sla_class', '办理时限类别', 'enum', [], { enum: E.SLA_CLASSES }),
    f('answered_directly', '是否直接答复', 'bool', ['直接办结', '一次办结']),
    f('dispatched_at', '派单时间', 'datetime', ['转办时间']),
    f('lead_dept', '承办单位', 'string', ['主办单位', '责任单位']),
    f('co_depts', '协办单位', 'string'),
    f('signed_at', '签收时间', 'datetime'),
    f('due_at', '办理时限', 'datetime', ['要求办结时间', '截止时间']),
    f('returned_count', '退单次数', 'int', ['回退次数']),
    f('extension_approved', '是否延期', 'bool', ['延期申请']),
    f('replied_at', '答复时间', 'datetime', ['反馈时间', '回复时间']),
    f('closed_at', '办结时间', 'datetime', ['归档时间']),
    f('status', '工单状态', 'enum', ['办理状态'], { enum: E.HOTLINE_STATUSES }),
    f('callback_at', '回访时间', 'datetime', []),
    // 满意度 is the callback's verdict in hotline exports (§7.d).
    f('callback_result', '回访结果', 'enum', ['满意度'], { enum: E.CALLBACK_RESULTS }),
    f('resolved', '是否解决', 'enum', ['解决情况'], { enum: E.RESOLVED }),
    f('is_repeat', '是否重复诉求', 'bool', ['重复件']),
    f('is_overdue', '是否超期', 'bool', ['超时']),
    f('citizen_hash', '诉求人(脱敏)', 'string', ['来电号码散列']),
  ],
  checks: [
    {
      reason: 'closed_before_received',
      column: 'closed_at',
      failsWhen: 'closed_at IS NOT NULL AND received_at IS NOT NULL AND closed_at < received_at',
    },
  ],
};

/** 办件过程信息 (DOMAIN §7.a-steps): one row per step, what 事后补录 detection reads. */
const steps: DatasetDef = {
  key: 'steps',
  table: 'steps',
  label: { zh: '办件过程', en: 'Case process steps' },
  fields: [
    f('case_id', '办件编号', 'string', ['办件号', '申报号', '受理编号', '业务流水号', 'projid'], {
      required: true,
    }),
    f('step_seq', '环节序号', 'int', ['序号', '步骤序号']),
    f('step_name', '办理环节名称', 'string', ['环节名称', '办理环节', 'node_name'], { required: true }),
    f('action', '业务动作', 'string', ['办理动作']),
    f('step_started_at', '环节开始时间', 'datetime', ['开始时间', '环节受理时间']),
    f('step_ended_at', '环节结束时间', 'datetime', ['结束时间', '环节办结时间', '办理时间'], {
      required: true,
    }),
    f('handler_hash', '办理人', 'string', ['经办人', '办理人员']),
    f('opinion', '办理意见', 'string', ['审批意见']),
    f('recorded_at', '录入时间', 'datetime', ['记录时间', '入库时间', '数据录入时间']),
  ],
};

/** Receipts from the treasury or non-tax revenue system: reconciled against fees and fines on cases (网下运行). */
const receipts: DatasetDef = {
  key: 'receipts',
  table: 'receipts',
  label: { zh: '缴款到账记录', en: 'Treasury receipts' },
  fields: [
    f('payment_ref', '缴款书编号', 'string', ['非税缴款码', '缴款码', '缴款书号'], { required: true }),
    f('amount', '缴款金额(元)', 'decimal', ['实缴金额', '到账金额', '入库金额'], { required: true }),
    f('paid_at', '缴款日期', 'datetime', ['到账日期', '入库日期', '缴款时间']),
    f('dept_name', '执收单位', 'string', ['执收部门', '征收单位']),
    f('receipt_no', '票据号', 'string', ['票据号码', '收据号']),
  ],
};

/** Without a prototype: `name in DATASETS` and `DATASETS[name]` are false/undefined for `constructor`. */
export const DATASETS: Record<DatasetKey, DatasetDef> = Object.freeze(
  dict(Object.entries({ cases, items, disclosures, requests, hotline, steps, receipts })),
) as Record<DatasetKey, DatasetDef>;

export function datasetDef(key: DatasetKey): DatasetDef {
  return DATASETS[key];
}

/** Whether a user-given name (CLI, mapping, configuration, URL) is one of the datasets. */
export const isDatasetKey = (name: unknown): name is DatasetKey =>
  typeof name === 'string' && Object.hasOwn(DATASETS, name);
