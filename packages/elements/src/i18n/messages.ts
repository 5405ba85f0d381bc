/** UI strings. zh-CN is the default; every key must exist in both catalogues (the type enforces it). */
const zh = {
  title: '政务服务与政务公开评估',
  dataAsOf: '数据截至',
  noSource: '未指定数据文件。请在标签上设置 src 属性，例如 <assessment-dashboard src="/data/cases.csv">。',
  emptyFile: (file: string) => `文件 ${file} 中没有可用的数据行。`,
  loadFailed: (file: string) => `无法加载 ${file}`,
  engineFailed: '分析引擎启动失败',
  importFailed: (file: string) => `无法导入 ${file}`,
  retry: '重试',
  fetching: (file: string) => `正在下载 ${file}`,
  startingEngine: '正在启动分析引擎（DuckDB-WASM）',
  importing: (file: string) => `正在导入 ${file}`,
  computing: '正在计算指标',
  rowsSummary: (read: string, loaded: string, rejected: string) =>
    `读取 ${read} 行，载入 ${loaded} 行，拒收 ${rejected} 行`,
  target: '目标',
  targetAtLeast: (v: string) => `目标 ≥ ${v}`,
  targetAtMost: (v: string) => `目标 ≤ ${v}`,
  status: { green: '达标', amber: '接近目标', red: '未达标', insufficient: '样本过少', none: '' },
  interval: (lo: string, hi: string) => `95% 置信区间 ${lo}–${hi}`,
  disclosuresByDomain: '主动公开数量（按领域）',
  chartSummary: (n: number, top: string, topValue: string, total: string) =>
    `共 ${total} 条主动公开信息，分布在 ${n} 个领域，最多的是“${top}”（${topValue} 条）。`,
  showTable: '查看数据表',
  domain: '领域',
  count: '条数',
  noDisclosures: '未提供主动公开数据（disclosures 属性）。',
  of: '/',
};

export type Messages = typeof zh;

const en: Messages = {
  title: 'Government service and disclosure assessment',
  dataAsOf: 'Data as of',
  noSource: 'No data file given. Set the src attribute, e.g. <assessment-dashboard src="/data/cases.csv">.',
  emptyFile: (file) => `${file} has no usable data rows.`,
  loadFailed: (file) => `Could not load ${file}`,
  engineFailed: 'The analysis engine failed to start',
  importFailed: (file) => `Could not import ${file}`,
  retry: 'Retry',
  fetching: (file) => `Downloading ${file}`,
  startingEngine: 'Starting the analysis engine (DuckDB-WASM)',
  importing: (file) => `Importing ${file}`,
  computing: 'Computing indicators',
  rowsSummary: (read, loaded, rejected) => `${read} rows read, ${loaded} loaded, ${rejected} rejected`,
  target: 'Target',
  targetAtLeast: (v) => `Target ≥ ${v}`,
  targetAtMost: (v) => `Target ≤ ${v}`,
  status: {
    green: 'On target',
    amber: 'Near target',
    red: 'Off target',
    insufficient: 'Too few cases',
    none: '',
  },
  interval: (lo, hi) => `95% interval ${lo}–${hi}`,
  disclosuresByDomain: 'Proactive disclosures by domain',
  chartSummary: (n, top, topValue, total) =>
    `${total} proactive disclosures across ${n} domains; the largest is "${top}" (${topValue}).`,
  showTable: 'Show data table',
  domain: 'Domain',
  count: 'Items',
  noDisclosures: 'No proactive-disclosure data given (disclosures attribute).',
  of: '/',
};

export type Lang = 'zh' | 'en';

/** 'en', 'en-GB' → English; anything else (including unset) → Chinese. */
export const resolveLang = (tag: string | null | undefined): Lang =>
  tag?.toLowerCase().startsWith('en') ? 'en' : 'zh';

export const messages = (lang: Lang): Messages => (lang === 'en' ? en : zh);
