import { DEPT_SPECS } from './county.ts';

/** 主动公开 domains and their document templates (titles, genres, publishers, weights, publishing months). */

export type FiveOpen = 'decision' | 'execution' | 'management' | 'service' | 'result';

export interface DiscTemplate {
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

export interface DomainSpec {
  code: string;
  w: number;
  tpls: DiscTemplate[];
}

export const ALL_DEPTS = DEPT_SPECS.map((d) => d.name);

export const tpl = (
  title: string,
  genre: string,
  open: FiveOpen,
  pubs: string[],
  w: number,
  extra: Pick<DiscTemplate, 'doc' | 'd7' | 'interp' | 'months'> = {},
): DiscTemplate => ({ title, genre, open, pubs, w, ...extra });

export const DISCLOSURE_DOMAINS: DomainSpec[] = [
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
