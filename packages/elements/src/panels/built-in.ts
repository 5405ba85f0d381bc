import { channelPanel, deptPanel } from './count-panels.ts';
import { dailyPanel } from './daily-panel.ts';
import { disclosureMonthPanel, disclosureTimelyPanel } from './disclosure-panels.ts';
import { domainPanel } from './domain-panel.ts';
import { drillPanel } from './drill-panel.ts';
import { hotlineChannelPanel, hotlineDeptPanel, hotlineTrendPanel } from './hotline-panels.ts';
import type { DashboardPanel } from './panel.ts';
import { registerPanel } from './registry.ts';
import { requestDeptPanel, requestSummaryPanel } from './request-panels.ts';
import { scorecardPanel } from './scorecard-panel.ts';
import { supervisionPanel } from './supervision-panel.ts';
import { tilesPanel } from './tiles-panel.ts';
import { trendPanel } from './trend-panel.ts';
import { watchPanel } from './watch-panel.ts';

/** The dashboard's own panels, in the order they show. */
export const BUILT_IN_PANELS: readonly DashboardPanel[] = [
  tilesPanel,
  scorecardPanel,
  watchPanel,
  supervisionPanel,
  trendPanel,
  deptPanel,
  channelPanel,
  dailyPanel,
  drillPanel,
  domainPanel,
  disclosureMonthPanel,
  disclosureTimelyPanel,
  requestSummaryPanel,
  requestDeptPanel,
  hotlineDeptPanel,
  hotlineChannelPanel,
  hotlineTrendPanel,
];

for (const panel of BUILT_IN_PANELS) registerPanel(panel);
