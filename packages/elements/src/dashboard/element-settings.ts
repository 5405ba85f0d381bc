import type { PeriodUnit, Selection } from '@assessment-dashboard/core';
import { defaultAssetBase } from '../duckdb/asset-base.ts';
import type { Lang } from '../i18n/messages.ts';
import { pickPanels } from '../panels/registry.ts';
import { wantedGroups } from '../session/dataset-groups.ts';
import type { SessionSettings } from '../session/session-settings.ts';
import type { DashboardProperties } from './dashboard-properties.ts';
import { browserEngines } from './engine-source.ts';
import { fileInput, SOURCE_ATTRIBUTES, type SourceAttribute, urlInput } from './inputs.ts';
import type { Input } from './load-state.ts';

/** The query server's absolute URL (the `engine` attribute), if any. */
export const remoteUrl = (el: DashboardProperties) =>
  el.engineUrl ? new URL(el.engineUrl, location.href).href : undefined;

/** Where the DuckDB-WASM files are: the `asset-base` attribute, else `duckdb/` beside the script. */
export const assetBaseOf = (el: DashboardProperties) => el.assetBase || defaultAssetBase();

/** The scorecard's ranking period when `period` names one, else undefined (the whole data). */
export function periodOf(el: DashboardProperties): PeriodUnit | undefined {
  const p = el.period?.trim();
  return p === 'month' || p === 'quarter' || p === 'year' ? p : undefined;
}

/** The files to load: those the user dropped, else the source attributes' URLs with their datasets. */
export function elementInputs(
  el: DashboardProperties,
  localFiles: readonly File[],
  maxBytes: number,
): Input[] {
  if (localFiles.length) return localFiles.map((f) => fileInput(f, maxBytes));
  return (
    Object.entries(SOURCE_ATTRIBUTES) as [SourceAttribute, (typeof SOURCE_ATTRIBUTES)[SourceAttribute]][]
  )
    .filter(([attribute]) => el[attribute])
    .map(([attribute, dataset]) => urlInput(el[attribute] ?? '', dataset, maxBytes, assetBaseOf(el)));
}

/** The element's attributes and properties as the dashboard session reads them at each load. */
export function sessionSettings(
  el: DashboardProperties,
  o: {
    inputs: Input[];
    localFiles: boolean;
    id: string;
    lang: Lang;
    initialSelection(): Selection[];
    /** names of the folded panels */
    folded: ReadonlySet<string>;
  },
): SessionSettings {
  const shown = pickPanels(el.panels);
  return {
    inputs: o.inputs,
    engines: browserEngines({ remote: remoteUrl(el), dialect: el.engineDialect, assetBase: assetBaseOf(el) }),
    // Dropped files replace the sources, the snapshot too.
    snapshot: el.snapshot && !o.localFiles ? new URL(el.snapshot, location.href).href : undefined,
    asOf: el.asOf || undefined,
    config: { value: el.configuration, url: el.config },
    mapping: { value: el.importMapping, url: el.mapping },
    period: periodOf(el),
    // Follow-up queries run only for panels that are shown; the one redone at each selection (the daily
    // counts) not for folded panels either (unfolding asks for it). The others run once per load, so that
    // unfolding shows them at once.
    wants: (need) => shown.some((p) => p.needs.includes(need) && !(need === 'daily' && o.folded.has(p.name))),
    // The grouped dataset queries, redone at each selection too, not for folded panels either.
    wantsGroup: wantedGroups(shown, o.folded),
    lang: o.lang,
    initialSelection: o.initialSelection,
    id: o.id,
  };
}
