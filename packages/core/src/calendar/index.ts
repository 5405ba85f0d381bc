/** Working-day calendar: model, national data, arithmetic and the DuckDB installer (DOMAIN §2.4). */
export {
  chineseCalendar,
  isKnownYear,
  type WeekendCalendarOptions,
  type WorkCalendar,
  weekendCalendar,
  withOverrides,
  type YearCoverage,
} from './calendar.ts';
export { CalendarConfigError, type CalendarOverrides, parseCalendarOverrides } from './overrides.ts';
export { type CalendarDays, calendarDays, type DayKind, dayKind, nationalDayName } from './range.ts';
export { CALENDAR_MACROS_SQL, type CalendarRange, calendarTableSql, installCalendar } from './sql.ts';
export {
  calendarJoin,
  dueDateExpr,
  dueDateJoin,
  WORK_CALENDAR_TABLE,
  workingDaysBetweenExpr,
} from './sql-joins.ts';
export {
  addWorkingDays,
  isWorkday,
  MAX_WORKING_DAYS,
  type Pause,
  pausedWorkingDays,
  workingDaysBetween,
} from './working-days.ts';
