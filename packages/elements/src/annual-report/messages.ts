import type { Lang } from '../i18n/messages.ts';

/**
 * UI strings of <assessment-annual-report>. The table labels themselves are the official form's and stay
 * Chinese in both languages (they come from core's annual-report labels).
 */
const zh = {
  heading: (agency: string | null, year: number) =>
    `${agency ? `${agency} ` : ''}${year}年度政府信息公开工作年度报告（表二至表四）`,
  layout: (layout: string) => `${layout}年格式`,
  computing: '正在生成年度报表…',
  failed: '年度报表生成失败',
  downloadXlsx: '下载 XLSX',
  print: '打印',
  checksPassed: '校验全部通过。',
  checksFailed: (n: number) => `校验未通过 ${n} 项：`,
  notAvailable: '无数据',
  notesHeading: '“—”为导出数据中没有的数据，需手工填写：',
  noRequests: '未载入依申请公开数据（requests），表三、表四无法生成。',
  fileName: (year: number) => `${year}年度政府信息公开工作年度报告.xlsx`,
};

const en: typeof zh = {
  heading: (agency, year) =>
    `${agency ? `${agency} ` : ''}Government information disclosure annual report ${year} (tables 二–四)`,
  layout: (layout) => `${layout} format`,
  computing: 'Building the annual report tables…',
  failed: 'The annual report tables could not be built',
  downloadXlsx: 'Download XLSX',
  print: 'Print',
  checksPassed: 'All checks passed.',
  checksFailed: (n) => `${n} check${n === 1 ? '' : 's'} failed:`,
  notAvailable: 'not available',
  notesHeading: '“—” marks figures the exports do not hold; fill them in by hand:',
  noRequests: 'No on-request export (requests) loaded, so tables 三 and 四 cannot be built.',
  fileName: (year) => `annual-report-${year}.xlsx`,
};

export const annualMessages = (lang: Lang) => (lang === 'en' ? en : zh);
