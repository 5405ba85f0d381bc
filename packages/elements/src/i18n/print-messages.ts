import type { Lang } from './messages.ts';

/** Words only the printed report shows (the A4 layout of `@media print`). */
const zh = {
  /** the ranking's one-line column: where each department lost points */
  lostPoints: '失分',
  lostItem: (label: string, points: string) => `${label} −${points}`,
  noneLost: '无失分',
  separator: '；',
  watchPrinted: (shown: number, total: number) => `打印版列出最紧迫的 ${shown} 件（共 ${total} 件）。`,
};

export type PrintMessages = typeof zh;

const en: PrintMessages = {
  lostPoints: 'Points lost',
  lostItem: (label, points) => `${label} −${points}`,
  noneLost: 'none',
  separator: '; ',
  watchPrinted: (shown, total) => `Printed: the ${shown} most urgent of ${total}.`,
};

export const printMessages = (lang: Lang): PrintMessages => (lang === 'en' ? en : zh);
