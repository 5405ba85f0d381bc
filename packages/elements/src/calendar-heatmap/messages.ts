import { englishDateFormat } from '../i18n/format.ts';
import type { Lang } from '../i18n/messages.ts';

/** UI strings of <assessment-calendar-heatmap>. `unit` is the measure word after a count (件, or '' in English). */
const zh = {
  weekdays: ['一', '二', '三', '四', '五', '六', '日'],
  weekdayLong: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
  marks: { holiday: '休', workday: '班' },
  date: '日期',
  count: '数量',
  kind: '类型',
  workingDay: '工作日',
  weekend: '周末',
  holiday: '法定节假日或调休休息',
  makeup: '调休上班',
  noData: '无数据',
  less: '少',
  more: '多',
  legendHoliday: '休：法定节假日或调休休息日',
  legendWorkday: '班：调休上班的周末',
  legendNoData: '虚线框：无数据',
  amount: (n: string, unit: string) => `${n} ${unit}`.trim(),
  summary: (p: {
    from: string;
    to: string;
    total: string;
    unit: string;
    workAvg: string;
    holidayAvg: string | null;
    peakDate: string;
    peak: string;
  }) => {
    // 共 4,300 件, but 共 1.3万（12,626）件: no space after a closing bracket.
    const n = (x: string) => (x.endsWith('）') || !p.unit ? `${x}${p.unit}` : `${x} ${p.unit}`);
    return (
      `${p.from}至${p.to}共 ${n(p.total)}，工作日日均 ${n(p.workAvg)}` +
      `${p.holidayAvg === null ? '' : `，节假日日均 ${n(p.holidayAvg)}`}，最多的一天是${p.peakDate}（${n(p.peak)}）。`
    );
  },
  empty: '所选时段没有数据。',
  /** the phone strip's row and year labels */
  monthShort: (m: number) => `${m}月`,
  year: (y: string) => `${y}年`,
};

export type HeatmapMessages = typeof zh;

const en: HeatmapMessages = {
  weekdays: ['M', 'T', 'W', 'T', 'F', 'S', 'S'],
  weekdayLong: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  marks: { holiday: 'H', workday: 'W' },
  date: 'Date',
  count: 'Count',
  kind: 'Kind of day',
  workingDay: 'working day',
  weekend: 'weekend',
  holiday: 'public holiday or 调休 day off',
  makeup: 'weekend working day (调休)',
  noData: 'no data',
  less: 'Less',
  more: 'More',
  legendHoliday: 'H: public holiday or 调休 day off',
  legendWorkday: 'W: weekend working day (调休)',
  legendNoData: 'dashed: no data',
  amount: (n, unit) => `${n} ${unit}`.trim(),
  summary: (p) =>
    `From ${p.from} to ${p.to}: ${p.total}${p.unit ? ` ${p.unit}` : ''} in all, ${p.workAvg} a day on working days` +
    `${p.holidayAvg === null ? '' : ` and ${p.holidayAvg} on holidays`}; the busiest day was ${p.peakDate} (${p.peak}).`,
  empty: 'No data in this period.',
  monthShort: (m) => englishDateFormat({ month: 'short' }).format(new Date(Date.UTC(2000, m - 1, 1))),
  year: (y) => y,
};

export const heatmapMessages = (lang: Lang): HeatmapMessages => (lang === 'en' ? en : zh);
