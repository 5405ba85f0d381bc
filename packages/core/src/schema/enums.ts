import type { EnumValue } from './types.ts';

/** Enum code lists of shared/DOMAIN.md §7, with the Chinese labels exports carry. */

const e = (code: string, zh: string | string[], en: string): EnumValue => ({
  code,
  zh: Array.isArray(zh) ? zh : [zh],
  en,
});

export const ITEM_TYPES = [
  e('licensing', '行政许可', 'Administrative licensing'),
  e('confirmation', '行政确认', 'Administrative confirmation'),
  e('payment', '行政给付', 'Administrative payment'),
  e('adjudication', '行政裁决', 'Administrative adjudication'),
  e('award', '行政奖励', 'Administrative award'),
  e('filing', '行政备案', 'Administrative filing'),
  e('other_power', '其他行政权力', 'Other administrative power'),
  e('public_service', '公共服务', 'Public service'),
  e('punishment', '行政处罚', 'Administrative penalty'),
  e('enforcement', '行政强制', 'Administrative enforcement'),
  e('levy', '行政征收', 'Administrative levy'),
];

/** 有效性 of a disclosed document (§7.b). */
export const VALIDITY = [
  e('valid', ['有效', '现行有效'], 'Valid'),
  e('abolished', '废止', 'Abolished'),
  e('expired', ['失效', '已失效'], 'Expired'),
  e('amended', ['已修改', '已修订'], 'Amended'),
];

export const APPLICANT_TYPES = [
  e('natural_person', '自然人', 'Natural person'),
  e('legal_person', ['法人', '企业法人'], 'Legal person'),
  e('other_org', '其他组织', 'Other organisation'),
];

export const CASE_TYPES = [
  e('instant', '即办件', 'Instant'),
  e('promised', '承诺件', 'Promised'),
  e('other', '其他', 'Other'),
];

export const APPLY_CHANNELS = [
  e('online_pc', ['网上(PC)', '网上', '政务服务网', 'PC端'], 'Online (PC)'),
  e('online_mobile', ['移动端', '手机端', 'APP', '小程序'], 'Online (mobile)'),
  e('window', ['窗口', '窗口受理', '大厅'], 'Service window'),
  e('self_service', ['自助终端', '一体机'], 'Self-service terminal'),
  e('mail', '邮寄', 'Mail'),
  e('agent', ['代办/帮办', '代办', '帮办'], 'Agent'),
  e('other', '其他', 'Other'),
];

export const ONLINE_DEPTHS = [
  e('I', ['Ⅰ级', 'I级', '一级'], 'Level I'),
  e('II', ['Ⅱ级', 'II级', '二级'], 'Level II'),
  e('III', ['Ⅲ级', 'III级', '三级'], 'Level III'),
  e('IV', ['Ⅳ级', 'IV级', '四级', '全程网办（Ⅳ级）', '全程网办'], 'Level IV (fully online)'),
];

export const CASE_STATUSES = [
  e('submitted', '已申报', 'Submitted'),
  e('accepted', '已受理', 'Accepted'),
  e('in_progress', ['办理中', '在办'], 'In progress'),
  e('suspended', ['特别程序中', '挂起'], 'Suspended'),
  e('closed', ['已办结', '办结'], 'Closed'),
  e('rejected_intake', '不予受理', 'Not accepted'),
  e('returned', ['退件/补正', '退件', '补正'], 'Returned'),
  e('withdrawn', '撤回', 'Withdrawn'),
  e('void', '作废', 'Void'),
];

export const CASE_RESULTS = [
  e('approved', ['准予/批准', '准予', '批准', '准予许可'], 'Approved'),
  e('denied', ['不予批准', '不予许可'], 'Denied'),
  e('forwarded', '转报', 'Forwarded'),
  e('terminated', '终止', 'Terminated'),
  e('other', '其他', 'Other'),
];

export const RESULT_DELIVERY = [
  e('window', '窗口领取', 'Collected at window'),
  e('mail', '邮寄', 'Mail'),
  e('electronic', ['电子证照/电子送达', '电子证照', '电子送达'], 'Electronic'),
  e('none', '无', 'None'),
];

/** 26 基层政务公开 pilot domains (§7.b) plus `general`. */
export const DOMAINS = [
  e('major_projects', '重大建设项目', 'Major construction projects'),
  e('public_resource_trading', '公共资源交易', 'Public resource trading'),
  e('budget', '财政预决算', 'Budgets and final accounts'),
  e('work_safety', '安全生产', 'Work safety'),
  e('tax', '税收管理', 'Tax administration'),
  e('land_compensation', '征地补偿', 'Land requisition compensation'),
  e('housing_expropriation', '国有土地上房屋征收与补偿', 'Housing expropriation'),
  e('environment', '环境保护', 'Environmental protection'),
  e('public_culture', '公共文化服务', 'Public cultural services'),
  e('public_legal', '公共法律服务', 'Public legal services'),
  e('rural_revitalisation', ['乡村振兴', '扶贫'], 'Rural revitalisation'),
  e('disaster_relief', '救灾', 'Disaster relief'),
  e('social_assistance', '社会救助', 'Social assistance'),
  e('elderly_care', '养老服务', 'Elderly care'),
  e('household_registration', '户籍管理', 'Household registration'),
  e('farm_subsidies', '涉农补贴', 'Agricultural subsidies'),
  e('compulsory_education', '义务教育', 'Compulsory education'),
  e('health', '卫生健康', 'Health'),
  e('planning', '城乡规划', 'Urban and rural planning'),
  e('food_drug', '食品药品监管', 'Food and drug supervision'),
  e('urban_enforcement', '城市综合执法', 'Urban law enforcement'),
  e('employment', '就业', 'Employment'),
  e('social_insurance', '社会保险', 'Social insurance'),
  e('rural_housing', '农村危房改造', 'Rural dilapidated housing'),
  e('municipal_services', '市政服务', 'Municipal services'),
  e('affordable_housing', '保障性住房', 'Affordable housing'),
  e('general', ['其他', '综合', '一般'], 'General'),
];

export const FIVE_OPEN = [
  e('decision', '决策公开', 'Decision-making'),
  e('execution', '执行公开', 'Implementation'),
  e('management', '管理公开', 'Management'),
  e('service', '服务公开', 'Services'),
  e('result', '结果公开', 'Results'),
];

export const REQUEST_APPLICANT_TYPES = [
  e('natural_person', '自然人', 'Natural person'),
  e('commercial', '商业企业', 'Commercial enterprise'),
  e('research', '科研机构', 'Research institution'),
  e('public_welfare', '社会公益组织', 'Public-interest organisation'),
  e('legal_service', '法律服务机构', 'Legal service provider'),
  e('other_org', '其他', 'Other'),
];

export const REQUEST_CHANNELS = [
  e('in_person', '当面', 'In person'),
  e('registered_mail', ['邮寄', '邮寄(签收)'], 'Registered mail'),
  e('ordinary_mail', '平常信函', 'Ordinary mail'),
  e('online', ['互联网', '在线申请', '网上申请'], 'Online'),
  e('fax', '传真', 'Fax'),
  e('email', '电子邮件', 'Email'),
  e('other', '其他', 'Other'),
];

/**
 * Outcome keys of annual-report table 三 (§1.9), with the row texts as printed (§1.5) and variants seen in
 * real reports (§1.8); numbering, brackets, dashes and quotes are taken care of by normalise-label.ts.
 */
export const REQUEST_OUTCOMES = [
  e('granted', '予以公开', 'Granted'),
  e('partial_grant', '部分公开', 'Partially granted'),
  e('denied_state_secret', '属于国家秘密', 'Denied: state secret'),
  e('denied_law_forbidden', '其他法律行政法规禁止公开', 'Denied: forbidden by law'),
  e('denied_safety_stability', '危及“三安全一稳定”', 'Denied: security and stability'),
  e('denied_third_party', '保护第三方合法权益', 'Denied: third-party rights'),
  e('denied_internal_affairs', ['属于三类内部事务信息', '属于三类内容事务信息'], 'Denied: internal affairs'),
  e('denied_process_info', '属于四类过程性信息', 'Denied: process information'),
  e('denied_enforcement_file', '属于行政执法案卷', 'Denied: enforcement file'),
  e('denied_admin_query', '属于行政查询事项', 'Denied: administrative query'),
  e('unable_not_held', '本机关不掌握相关政府信息', 'Unable: not held'),
  e('unable_needs_creation', '没有现成信息需要另行制作', 'Unable: would need creating'),
  e('unable_unclear_after_correction', '补正后申请内容仍不明确', 'Unable: unclear after correction'),
  e('not_processed_petition_complaint', '信访举报投诉类申请', 'Not processed: petition or complaint'),
  e('not_processed_repeat', '重复申请', 'Not processed: repeat'),
  e('not_processed_publication', '要求提供公开出版物', 'Not processed: publication'),
  e('not_processed_excessive', '无正当理由大量反复申请', 'Not processed: excessive'),
  e(
    'not_processed_confirm_reissue',
    '要求行政机关确认或重新出具已获取信息',
    'Not processed: confirm or reissue',
  ),
  e(
    'other_no_correction',
    ['申请人无正当理由逾期不补正', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    'Other: no correction',
  ),
  e(
    'other_fee_unpaid',
    [
      '申请人逾期未按收费通知要求缴纳费用',
      '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ],
    'Other: fee unpaid',
  ),
  e('other_other', '其他', 'Other'),
];

export const HOTLINE_CHANNELS = [
  e('phone', ['电话', '热线电话'], 'Phone'),
  e('web', ['网站', '网页'], 'Website'),
  e('wechat', '微信', 'WeChat'),
  e('app', ['移动端', 'APP'], 'Mobile app'),
  e('sms', '短信', 'SMS'),
  e('mailbox', '信箱', 'Mailbox'),
  e('letter', '信件', 'Letter'),
  e('leader_mailbox', '领导信箱', "Leader's mailbox"),
  e('media', '媒体', 'Media'),
  e('other', '其他', 'Other'),
];

export const HOTLINE_REQUEST_TYPES = [
  e('consult', '咨询', 'Enquiry'),
  e('help', '求助', 'Request for help'),
  e('complaint', '投诉', 'Complaint'),
  e('report', '举报', 'Report'),
  e('suggestion', '建议', 'Suggestion'),
  e('praise', '表扬', 'Praise'),
  e('other', '其他', 'Other'),
];

export const SLA_CLASSES = [
  e('urgent', '紧急', 'Urgent'),
  e('timely', '及时性', 'Timely'),
  e('normal', '一般', 'Normal'),
  e('complex', '复杂', 'Complex'),
];

export const HOTLINE_STATUSES = [
  e('open', '待派', 'Open'),
  e('dispatched', '已派', 'Dispatched'),
  e('signed', '已签收', 'Signed'),
  e('in_progress', '办理中', 'In progress'),
  e('replied', '已答复', 'Replied'),
  e('closed', ['已办结', '办结', '已归档'], 'Closed'),
  e('returned', '退单', 'Returned'),
  e('void', ['无效', '作废'], 'Void'),
];

export const CALLBACK_RESULTS = [
  e('very_satisfied', '非常满意', 'Very satisfied'),
  e('satisfied', '满意', 'Satisfied'),
  e('basically', '基本满意', 'Basically satisfied'),
  e('dissatisfied', '不满意', 'Dissatisfied'),
  e('very_dissatisfied', '非常不满意', 'Very dissatisfied'),
  e('unreachable', '未接通', 'Unreachable'),
  e('declined', '拒评', 'Declined'),
];

export const RESOLVED = [
  e('resolved', '已解决', 'Resolved'),
  e('partially', '部分解决', 'Partially resolved'),
  e('unresolved', '未解决', 'Unresolved'),
];

/** Results of administrative review and litigation (annual-report table 四). */
export const REVIEW_RESULTS = [
  e('maintained', ['结果维持', '维持'], 'Upheld'),
  e('corrected', ['结果纠正', '纠正'], 'Corrected'),
  e('other', ['其他结果', '其他'], 'Other result'),
  e('pending', ['尚未审结', '未审结'], 'Pending'),
];

export const LITIGATION_TYPES = [
  e('direct', '未经复议直接起诉', 'Sued without prior review'),
  e('after_review', '复议后起诉', 'Sued after review'),
];

/** 预警等级 of a case when the system exports it (§7.a; derived otherwise). */
export const WARNING_LEVELS = [
  e('none', ['无', '正常', '绿牌'], 'None'),
  e('yellow', ['黄牌', '黄灯'], 'Yellow card'),
  e('red', ['红牌', '红灯'], 'Red card'),
];

/** 评价渠道 of a 好差评 rating (§7.a). */
export const RATING_CHANNELS = [
  e('pc', ['PC端', '网页', 'PC'], 'PC'),
  e('mobile', ['移动端', '手机端', 'APP'], 'Mobile'),
  e('qr', ['二维码', '扫码'], 'QR code'),
  e('pad', ['大厅评价器', '评价器', '评价pad'], 'Hall rating pad'),
  e('terminal', '自助终端', 'Self-service terminal'),
  e('phone', '电话', 'Phone'),
  e('sms', '短信', 'SMS'),
  e('other', '其他', 'Other'),
];

/** 公开属性 of a disclosed item (§7.b). */
export const DISCLOSURE_ATTRS = [
  e('proactive', '主动公开', 'Proactive'),
  e('on_request', '依申请公开', 'On request'),
  e('not_public', '不予公开', 'Not public'),
];

/** 公开对象 (§7.b). */
export const AUDIENCES = [
  e('public', '全社会', 'General public'),
  e('specific', '特定群众', 'Specific groups'),
];

/** 公开层级 (§7.b). */
export const DISCLOSURE_LEVELS = [
  e('county', ['县级', '县'], 'County'),
  e('township', ['乡级', '乡镇', '乡'], 'Township'),
  e('village', ['村级', '村'], 'Village'),
];

/** 提供方式 of an on-request reply (§7.c). */
export const REPLY_FORMS = [
  e('paper', '纸质', 'Paper'),
  e('email', '电子邮件', 'Email'),
  e('electronic_media', ['电子数据', '光盘', '电子介质'], 'Electronic media'),
  e('onsite', '当场阅览', 'Read on site'),
  e('other', '其他', 'Other'),
];
