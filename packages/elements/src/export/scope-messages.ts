import type { Lang } from '../i18n/messages.ts';

/** The words of an export's caption and of a panel's "not filtered by" note (zh-CN first). */
const zh = {
  asOf: (date: string) => `数据截至 ${date}`,
  filtered: (labels: string) => `筛选：${labels}`,
  highlighted: (labels: string) => `图中高亮：${labels}`,
  ignored: (labels: string) => `不受筛选影响：${labels}`,
  noFilter: '范围：全部数据（未筛选）',
  source: (source: string) => `来源：${source}`,
  list: '、',
  sep: '；',
};

const en: typeof zh = {
  asOf: (date) => `Data as of ${date}`,
  filtered: (labels) => `Filtered: ${labels}`,
  highlighted: (labels) => `Highlighted in the chart: ${labels}`,
  ignored: (labels) => `Not affected by the filter: ${labels}`,
  noFilter: 'Scope: all data (no filter)',
  source: (source) => `Source: ${source}`,
  list: ', ',
  sep: '; ',
};

export const scopeMessages = (lang: Lang) => (lang === 'en' ? en : zh);
