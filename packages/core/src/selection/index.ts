export {
  monthValue,
  type ParsedSelection,
  parseCliSelection,
  parseSelection,
  serialiseSelection,
} from './parse.ts';
export {
  isMonthSelection,
  MONTH_COLUMN,
  ownClause,
  type Selection,
  selectionOptions,
} from './selection.ts';
