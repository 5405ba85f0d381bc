import type { ImportMapping, PeriodUnit, Selection } from '@assessment-dashboard/core';
import type { Input } from '../dashboard/load-state.ts';
import type { Lang } from '../i18n/messages.ts';
import type { DatasetGroupKey } from './dataset-groups.ts';
import type { SessionNeed } from './follow-ups.ts';
import type { EngineSource, JsonSetting } from './sources.ts';

/** What a load uses, read afresh at each load (the element's attributes and properties). */
export interface SessionSettings {
  inputs: readonly Input[];
  engines: EngineSource;
  /** absolute URL of a snapshot to paint first (undefined when local files replace the sources) */
  snapshot?: string | undefined;
  asOf?: string | undefined;
  config?: JsonSetting<unknown> | undefined;
  mapping?: JsonSetting<ImportMapping> | undefined;
  /** rank departments per period in the scorecard */
  period?: PeriodUnit | undefined;
  wants(need: SessionNeed): boolean;
  /** the grouped dataset queries to run (those of folded panels are not; unfolding reruns the selection) */
  wantsGroup?(name: DatasetGroupKey): boolean;
  lang: Lang;
  /** the selection to apply once loaded (the page URL's) */
  initialSelection?(): Selection[];
  /** a name for this session's databases (the shared DuckDB-WASM holds one per element) */
  id: string;
}
