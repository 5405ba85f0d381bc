import type { ImportSummary } from './import/ledger.ts';
import type { ComputedIndicator } from './indicators/compute.ts';
import type { IndicatorResult } from './indicators/types.ts';

/** The shape `assessment-dashboard indicators --json` prints. */
export interface RunSummary {
  import: { read: number; loaded: number; rejected: number; warnings: number; files: ImportSummary[] };
  asOf: string | null;
  indicators: IndicatorResult[];
}

export function summarise(imports: ImportSummary[], computed: ComputedIndicator[]): RunSummary {
  const sum = (k: 'read' | 'loaded' | 'rejected' | 'warnings') => imports.reduce((s, i) => s + i[k], 0);
  return {
    import: {
      read: sum('read'),
      loaded: sum('loaded'),
      rejected: sum('rejected'),
      warnings: sum('warnings'),
      files: imports,
    },
    asOf: computed[0]?.result.asOf ?? null,
    indicators: computed.map((c) => c.result),
  };
}
