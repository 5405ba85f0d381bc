/**
 * 政府信息公开工作年度报告 tables 二 (from `disclosures`, `cases`, `items`), 三 and 四 (from `requests`),
 * shared/DOMAIN.md §1.3–1.7, with checks, print-ready HTML and XLSX.
 */
export {
  type CheckKey,
  checkAnnualReport,
  checkCarryOver,
  checkTable2,
  checkTable2CarryOver,
  checkTable3,
  checkTable4,
  type Violation,
} from './checks.ts';
export * from './labels.ts';
export {
  escapeHtml,
  formatTable2Value,
  formatViolation,
  type RenderOptions,
  renderAnnualReportHtml,
  renderTable2Html,
  renderTable3Html,
  renderTable4Html,
} from './render-html.ts';
export { type AnnualReport, computeAnnualReport } from './report.ts';
export {
  annualTable2,
  type Table2,
  type Table2Block,
  type Table2Cell,
  type Table2Missing,
  type Table2Quality,
  type Table2Row,
  table2Cell,
  table2Notes,
} from './table2.ts';
export {
  type AnnualOptions,
  annualTable3,
  type Table3,
  type Table3Quality,
  type Table3Row,
  table3Cell,
} from './table3.ts';
export { annualTable4, type Table4, type Table4Block, table4Cells } from './table4.ts';
export { annualReportXlsx, table2Sheet, table3Sheet, table4Sheet } from './xlsx.ts';
