import type { MissingColumn } from './types.ts';

/*
 * The words for an indicator the export cannot answer (availability.ts decides which). A module of its own,
 * without the schema, so the tiles can import it without pulling the engine side into the start-up bundle.
 */

/** Which columns are missing, e.g. 缺少「是否网上办结」列 (of alternatives, any one would do). */
export function missingText(missing: readonly MissingColumn[], lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? `缺少${missing.map((m) => `「${m.header}」`).join('、')}列`
    : `no ${missing.map((m) => `${m.header} (${m.column})`).join(', ')} column`;
}

/** Why an indicator is not in this export, for tiles, exports, the scorecard and the CLI. */
export function unavailableReason(missing: readonly MissingColumn[], lang: 'zh' | 'en'): string {
  return `${lang === 'zh' ? '本导出无此数据：' : 'Not in this export: '}${missingText(missing, lang)}`;
}
