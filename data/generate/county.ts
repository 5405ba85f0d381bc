/** The county and its departments; the items per department are in item-catalogue.ts. */

export const REGION_CODE = '341722';
export const REGION_NAME = '示范县';
export const PLATFORM = '一体化政务服务平台';

export interface DeptSpec {
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

export interface Dept extends DeptSpec {
  /** 统一社会信用代码 of the department. */
  code: string;
  /** Clearly worse department: lower online depth, worse ratings, more stalled cases. */
  bad: boolean;
  /** Vertical business system that pushes part of the department's cases. */
  system?: string;
}

/** The planted laggards: low online depth and share, many overdue cases, worse ratings. */
export const BAD_DEPTS = new Set(['县自然资源局', '县住房和城乡建设局']);

/** Departments whose cases partly come from their own vertical systems (数据来源). */
export const DEPT_SYSTEMS: Record<string, string> = {
  县人力资源和社会保障局: '人社一体化信息系统',
  县公安局: '公安政务服务平台',
  县税务局: '电子税务局',
  县医疗保障局: '医疗保障信息平台',
  县公积金管理中心: '住房公积金综合服务平台',
  县不动产登记中心: '不动产登记系统',
};

/** name, 文号 prefix, case theme, volume, target online share, overdue probability. */
export const deptSpec = (
  name: string,
  short: string,
  theme: string,
  volume: number,
  online: number,
  overdue: number,
): DeptSpec => ({ name, short, theme, volume, online, overdue });

export const DEPT_SPECS: DeptSpec[] = [
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
export const GOV_OFFICE: DeptSpec = {
  name: '县人民政府办公室',
  short: '示政办',
  theme: '综合',
  volume: 0,
  online: 0,
  overdue: 0,
};

/** Type letters of the catalogue below → ITEM_TYPES codes, plus the 2-digit code used in 基本编码. */
export const ITEM_TYPE = {
  L: { code: 'licensing', num: '01' },
  P: { code: 'payment', num: '05' },
  C: { code: 'confirmation', num: '07' },
  A: { code: 'award', num: '08' },
  J: { code: 'adjudication', num: '09' },
  O: { code: 'other_power', num: '10' },
  F: { code: 'filing', num: '11' },
  S: { code: 'public_service', num: '20' },
} as const;
export type TypeLetter = keyof typeof ITEM_TYPE;

/** Typical applicant: P person, E enterprise/organisation, M mixed. */
export type Who = 'P' | 'E' | 'M';

export interface SpecOpts {
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
export type Spec = [name: string, type: TypeLetter, who: Who, opts?: SpecOpts];

export const NEW_CHANGE_RENEW_CANCEL = ['新办', '变更', '延续', '注销'];

/** ~10 typical county-level items per department, in DEPT_SPECS order. */
