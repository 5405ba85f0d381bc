import type { Lang } from '../i18n/messages.ts';
import type { PanelSection } from '../panels/panel.ts';

/** UI strings of the ready view's layout: sections, navigation, the scope bar and pending states. */
const zh = {
  sections: {
    cases: '办件',
    alerts: '预警与监察',
    disclosure: '政务公开',
    hotline: '12345 热线',
    detail: '明细',
  } satisfies Record<PanelSection, string>,
  overview: '概览',
  sectionNav: '仪表板各部分',
  skipToSections: '跳到各部分',
  importDetails: (summary: string) => `数据来源与导出：${summary}`,
  scopeBar: '当前范围',
  period: (unit: string) => `排名周期：${{ month: '月', quarter: '季度', year: '年' }[unit] ?? unit}`,
  noFilter: '全部数据（未筛选）',
  updating: '更新中…',
  collapse: (title: string) => `${title}（已收起，点击展开）`,
  topDept: (dept: string, score: string) => `排名第一：${dept}（${score} 分）`,
  bottomDept: (dept: string, score: string) => `排名末位：${dept}（${score} 分）`,
  topRate: (dept: string, rate: string, value: string) => `${rate}最高：${dept}（${value}）`,
  bottomRate: (dept: string, rate: string, value: string) => `${rate}最低：${dept}（${value}）`,
  trend: '按月趋势',
};

const en: typeof zh = {
  sections: {
    cases: 'Cases',
    alerts: 'Alerts and supervision',
    disclosure: 'Disclosure',
    hotline: '12345 hotline',
    detail: 'Detail',
  },
  overview: 'Overview',
  sectionNav: 'Dashboard sections',
  skipToSections: 'Skip to the sections',
  importDetails: (summary) => `Data source and exports: ${summary}`,
  scopeBar: 'Current scope',
  period: (unit) => `Ranked per ${unit}`,
  noFilter: 'All data (no filter)',
  updating: 'Updating…',
  collapse: (title) => `${title} (collapsed, select to expand)`,
  topDept: (dept, score) => `Top: ${dept} (${score} points)`,
  bottomDept: (dept, score) => `Bottom: ${dept} (${score} points)`,
  topRate: (dept, rate, value) => `Highest ${rate}: ${dept} (${value})`,
  bottomRate: (dept, rate, value) => `Lowest ${rate}: ${dept} (${value})`,
  trend: 'Trend by month',
};

export const layoutMessages = (lang: Lang) => (lang === 'en' ? en : zh);
