import type { Lang } from '../i18n/messages.ts';

/** UI strings of the loading line: a local file's bytes, then its rows, then the computing; the cancel and the
 * automatic restart. */
const zh = {
  /** "正在读取 cases.csv：12.3 / 48.0 MB" */
  readingBytes: (file: string, sizes: string) => `正在读取 ${file}：${sizes}`,
  parsing: (file: string) => `正在解析 ${file}…`,
  parsedRows: (rows: string, file: string) => `已解析 ${rows} 行（${file}），正在检查并载入…`,
  computing: '正在计算指标…',
  importCancelled: '已取消导入',
  /** the previous data is shown again */
  keptPrevious: '，仍显示原有数据。',
  dismiss: '知道了',
  /** the engine trapped and was started again on its own; the data is being loaded into it */
  restarted: '分析引擎意外停止，已自动重新启动并重新载入数据（数据仍只在本机）。',
};

const en: typeof zh = {
  readingBytes: (file, sizes) => `Reading ${file}: ${sizes}`,
  parsing: (file) => `Parsing ${file}…`,
  parsedRows: (rows, file) => `Parsed ${rows} rows of ${file}; checking and loading them…`,
  computing: 'Computing the indicators…',
  importCancelled: 'Import cancelled',
  keptPrevious: '; the data shown before is still shown.',
  dismiss: 'OK',
  restarted:
    'The analysis engine stopped unexpectedly; it was restarted and the data loaded again (it has not left this device).',
};

export const loadMessages = (lang: Lang) => (lang === 'en' ? en : zh);
