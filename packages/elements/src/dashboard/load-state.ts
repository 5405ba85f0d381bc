import type {
  BackfillResult,
  ComputedIndicator,
  DatasetKey,
  FilePreview,
  ImportSummary,
  IndicatorResult,
  LedgerEntry,
  ReconcileResult,
  Scorecard,
  WatchList,
} from '@assessment-dashboard/core';
import type { DatasetGroups } from '../session/dataset-groups.ts';
import type { EarlyTile } from '../session/early-tiles.ts';

/** What the dashboard is doing, as one value: the render switches on `phase`. */
export type LoadState =
  | { phase: 'idle' }
  | { phase: 'fetching'; file: string; loaded: number; total: number | undefined }
  | { phase: 'starting-engine' }
  /** asking a query server (the `engine` attribute) */
  | { phase: 'connecting'; url: string }
  /**
   * `rows`: rows loaded from the files imported before this one; `parsed`: this file's rows, once the
   * reader has split it (then they are typed and checked)
   */
  | { phase: 'importing'; file: string; rows?: number; parsed?: number }
  | {
      phase: 'computing';
      /**
       * the case tiles painted before everything else is computed: those with their numbers, then those
       * still pending (the overdue count waits for the working-day facts), each shown as pending, never 0
       */
      tiles?: EarlyTile[];
    }
  | {
      phase: 'ready';
      imports: ImportSummary[];
      /** the query server's URL when the data lives there (then `imports` is empty) */
      remote?: string | undefined;
      /** every computable indicator under the current selection (results only: no Arrow tables kept) */
      computed: Pick<ComputedIndicator, 'result'>[];
      asOf: string;
      /** the latest timestamp in the data (the default as-of day), when another as-of day is chosen */
      dataEnd?: string;
      /** first ledger entries, for the import report */
      entries: LedgerEntry[];
      /** 上网办理率 per month, for the trend panel (empty without cases) */
      trend: IndicatorResult[];
      /** the month codes ('YYYY-MM') of `trend`, in order */
      trendMonths?: string[];
      /** cases per department and per channel under the selection (less their own): after the cubes */
      byDept?: { key: string; value: number }[];
      byChannel?: { key: string; value: number }[];
      /** cases per day of application under the selection (less its months), for the calendar heatmap */
      daily?: { dates: string[]; values: number[] };
      /** department ranking: computed after the first paint, so undefined until then */
      scorecard?: Scorecard | 'computing' | undefined;
      /** 超期 / 红黄牌 watch list: computed after the first paint */
      watch?: WatchList | undefined;
      /** hotline, on-request and proactive-disclosure groups: computed after the first paint */
      datasetGroups?: DatasetGroups | undefined;
      /** electronic-supervision checks, when process steps or receipts were loaded */
      supervision?: { backfill?: BackfillResult | undefined; reconciliation?: ReconcileResult | undefined };
      /**
       * painted from a snapshot file (the `snapshot` attribute): shown, loading the full data for a
       * filter, or unable to filter because no data source was given
       */
      snapshot?: {
        url: string;
        status: 'shown' | 'loading' | 'needs-data';
        /** while loading the full data: how far (loadFraction of the load behind it) */
        fraction?: number;
      };
    }
  | { phase: 'empty'; file: string }
  /** stopped before anything was shown; `file`: the input being read or imported then */
  | { phase: 'cancelled'; file?: string | undefined }
  /** required columns were not recognised: the user maps them */
  | { phase: 'mapping'; file: string; preview: FilePreview; problem: string }
  | {
      phase: 'error';
      /** crash: the engine's worker died; retry starts a new one and loads the data again */
      kind: 'fetch' | 'engine' | 'server' | 'import' | 'too-large' | 'crash';
      file: string | undefined;
      detail: string;
    };

/** One input file: a URL from an attribute or a File the user dropped; read lazily. */
export interface Input {
  /** identifies the input in states and errors: the URL, or the local file's name */
  name: string;
  /** the file name shown to people and recorded in the ledger (a local name is used as it is) */
  label: string;
  /** the dataset the attribute implies; undefined = detect from headers */
  dataset: DatasetKey | undefined;
  read(
    onProgress: (loaded: number, total: number | undefined) => void,
    signal: AbortSignal,
  ): Promise<Uint8Array>;
}

/** The indicator results shown (none until loaded). */
export function shownResults(state: LoadState): IndicatorResult[] {
  return state.phase === 'ready' ? state.computed.map((c) => c.result) : [];
}

/**
 * How far a load is, for its bar: four steps of a quarter each (download, engine start, import, the
 * indicators; the text names the step), the download's bytes within its quarter. Never an indeterminate
 * bar: Chrome redraws one all the time it shows (measured: 35–45 ms of CPU a second with software
 * compositing, taken from a load that keeps every core busy).
 */
export function loadFraction(s: LoadState): number {
  switch (s.phase) {
    case 'fetching':
      return s.total ? 0.25 * Math.min(1, s.loaded / s.total) : 0;
    case 'starting-engine':
    case 'connecting':
      return 0.25;
    case 'importing':
      return s.parsed === undefined ? 0.5 : 0.625;
    case 'computing':
      return 0.75;
    default:
      return 0;
  }
}
