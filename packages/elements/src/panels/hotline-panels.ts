import { groupBarPanel } from './group-bar-panel.ts';
import { monthRatePanel } from './month-rate-panel.ts';

/** 12345 hotline: tickets with closure and on-time rates per 承办单位, tickets per channel, on time by month. */
export const hotlineDeptPanel = groupBarPanel({
  name: 'hotline-dept',
  section: 'hotline',
  need: 'hotline-groups',
  dataset: 'hotline',
  group: 'hotline.dept',
  column: 'lead_dept',
  // 办结率's denominator: the tickets received that are not void.
  count: { key: 'hot.closure_rate', part: 'denominator' },
  rates: ['hot.closure_rate', 'hot.on_time_rate'],
  title: (t) => t.datasetPanels.hotlineByDept,
  valueHeader: (t) => t.datasetPanels.tickets,
  categoryHeader: (t) => t.datasetPanels.leadDept,
});

export const hotlineChannelPanel = groupBarPanel({
  name: 'hotline-channel',
  section: 'hotline',
  need: 'hotline-groups',
  dataset: 'hotline',
  group: 'hotline.channel',
  column: 'channel',
  count: { key: 'hot.closure_rate', part: 'denominator' },
  rates: ['hot.closure_rate'],
  title: (t) => t.datasetPanels.hotlineByChannel,
  valueHeader: (t) => t.datasetPanels.tickets,
  categoryHeader: (t) => t.datasetPanels.channel,
});

export const hotlineTrendPanel = monthRatePanel({
  name: 'hotline-trend',
  section: 'hotline',
  need: 'hotline-groups',
  dataset: 'hotline',
  group: 'hotline.month',
  key: 'hot.on_time_rate',
});
