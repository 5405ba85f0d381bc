import type { Engine } from '../engine/types.ts';
import { loadedTables } from '../indicators/compute.ts';
import { checkAnnualReport, type Violation } from './checks.ts';
import { annualTable2, type Table2 } from './table2.ts';
import { type AnnualOptions, annualTable3, type Table3 } from './table3.ts';
import { annualTable4, type Table4 } from './table4.ts';

/** Tables 二, 三 and 四 of one year's 政府信息公开工作年度报告 with the result of every applicable check. */
export interface AnnualReport {
  year: number;
  layout: AnnualOptions['layout'];
  agency: string | null;
  /** Always present; cells whose data was not loaded are empty with a reason. */
  table2: Table2;
  /** Null when no on-request export (`requests`) is loaded. */
  table3: Table3 | null;
  table4: Table4 | null;
  /** Failed checks of shared/DOMAIN.md §1.7 and the table 二 checks; empty when all hold. */
  violations: Violation[];
}

/** Computes the three tables of a year from whatever datasets are loaded and runs the checks. */
export async function computeAnnualReport(engine: Engine, opts: AnnualOptions): Promise<AnnualReport> {
  const tables = await loadedTables(engine);
  const table2 = await annualTable2(engine, opts);
  const hasRequests = tables.has('requests');
  const table3 = hasRequests ? await annualTable3(engine, opts) : null;
  const table4 = hasRequests ? await annualTable4(engine, opts) : null;
  return {
    year: opts.year,
    layout: opts.layout,
    agency: opts.agency ?? null,
    table2,
    table3,
    table4,
    violations: checkAnnualReport({ table2, table3: table3 ?? undefined, table4: table4 ?? undefined }),
  };
}
