/** 政府信息公开工作年度报告 tables 三 and 四 from the `requests` table (shared/DOMAIN.md §1.5–1.7). */
export {
  type CheckKey,
  checkAnnualReport,
  checkCarryOver,
  checkTable3,
  checkTable4,
  type Violation,
} from './checks.ts';
export * from './labels.ts';
export { escapeHtml, type RenderOptions, renderTable3Html, renderTable4Html } from './render-html.ts';
export {
  type AnnualOptions,
  annualTable3,
  type Table3,
  type Table3Quality,
  type Table3Row,
  table3Cell,
} from './table3.ts';
export { annualTable4, type Table4, type Table4Block, table4Cells } from './table4.ts';
