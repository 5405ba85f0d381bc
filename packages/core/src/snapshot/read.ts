import { tableFromIPC } from '@uwdata/flechette';
import type { ImportSummary } from '../import/ledger.ts';
import { INDICATORS } from '../indicators/catalogue/index.ts';
import type { IndicatorResult, Status } from '../indicators/types.ts';
import type { ScorecardModel } from '../scorecard/model.ts';
import { scorecardFromGrouped } from '../scorecard/score.ts';
import type { Filters } from '../sql/filters.ts';
import { changeKey, deriveCi, deriveValue, FLAG, periodNeighbours } from './derive.ts';
import {
  COLUMNS,
  type IndicatorMeta,
  META,
  SNAPSHOT_VERSION,
  type Snapshot,
  SnapshotError,
  type SnapshotSection,
  sectionName,
} from './format.ts';

/** Arrow IPC file magic: a snapshot file starts and ends with it, so a cut-off file is recognised as such. */
const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
const hasMagic = (bytes: Uint8Array, at: number) => MAGIC.every((b, i) => bytes[at + i] === b);

/**
 * Reads a snapshot file (buildSnapshot, CLI `snapshot`) into the objects the live computations return.
 * Uses a small Arrow reader (flechette), so a page showing a snapshot needs neither apache-arrow nor
 * DuckDB-WASM.
 */
export function readSnapshot(bytes: Uint8Array): Snapshot {
  if (hasMagic(bytes, 0) && !hasMagic(bytes, bytes.length - MAGIC.length))
    throw new SnapshotError(
      `the snapshot file is cut off (${bytes.length} bytes, without the end of an Arrow file): download or copy it again`,
    );
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new SnapshotError(`not an Arrow IPC snapshot file (${e instanceof Error ? e.message : String(e)})`);
  }
  const meta = table.schema.metadata ?? new Map<string, string>();
  const version = Number(meta.get(META.version));
  if (!version)
    throw new SnapshotError('not an assessment-dashboard snapshot (no format version in its metadata)');
  if (version > SNAPSHOT_VERSION)
    throw new SnapshotError(`snapshot format ${version} is newer than this reader (${SNAPSHOT_VERSION})`);
  const json = <T>(key: string, fallback: T): T => {
    const s = meta.get(key);
    return s ? (JSON.parse(s) as T) : fallback;
  };
  const user = json<IndicatorMeta[]>(META.indicators, []);
  const defs = new Map<string, IndicatorMeta>([
    ...INDICATORS.map((d): [string, IndicatorMeta] => [d.key, d]),
    ...user.map((d): [string, IndicatorMeta] => [d.key, d]),
  ]);
  const col = (name: string) => {
    const c = table.getChild(name);
    if (!c) throw new SnapshotError(`snapshot: column "${name}" is missing`);
    return c;
  };
  // The file's own column lists (format.ts), in order: text, then JSON, then numbers.
  const [section, key, status, asOf, filters, groupBy, groupValue, groupPeriod] = COLUMNS.text.map(col);
  const [breakdown, disclosure] = COLUMNS.json.map(col);
  const [numerator, denominator, target, median, value, ciLow, ciHigh, previous, yearAgo] =
    COLUMNS.number.map(col);
  const flagsColumn = col('flags');
  const [missing] = COLUMNS.optionalJson.map((name) => table.getChild(name));

  const str = (c: typeof section, i: number): string | undefined => (c?.at(i) as string | null) ?? undefined;
  const num = (c: typeof value, i: number): number | null => (c?.at(i) as number | null) ?? null;
  const rows: { section: string; result: IndicatorResult; flags: number }[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const k = String(key?.at(i));
    const def = defs.get(k);
    if (!def)
      throw new SnapshotError(`snapshot: indicator "${k}" is neither in the catalogue nor in the file`);
    const flags = Number(flagsColumn.at(i));
    const n = num(numerator, i);
    const d = num(denominator, i);
    const low = num(ciLow, i);
    const high = num(ciHigh, i);
    const result: IndicatorResult = {
      key: k,
      label: def.label,
      kind: def.kind,
      unit: def.unit,
      direction: def.direction,
      value: flags & FLAG.value ? num(value, i) : (deriveValue(def.kind, n, d) ?? null),
      numerator: n,
      denominator: d,
      ci: flags & FLAG.ci ? (low === null || high === null ? null : [low, high]) : deriveCi(def.kind, n, d),
      target: num(target, i),
      status: String(status?.at(i)) as Status,
      asOf: String(asOf?.at(i)),
      filters: JSON.parse(String(filters?.at(i))) as Filters,
      formula: def.formula,
      source: def.source,
    };
    if (flags & FLAG.hasMedian) result.median = num(median, i);
    if (flags & FLAG.hasGroup)
      result.group = { by: str(groupBy, i), value: str(groupValue, i), period: str(groupPeriod, i) };
    // 环比 / 同比 not stored are filled in below, once every value of the section is known.
    if (flags & FLAG.hasChange)
      result.change = {
        previous: flags & FLAG.previous ? num(previous, i) : null,
        yearAgo: flags & FLAG.yearAgo ? num(yearAgo, i) : null,
      };
    const cells = str(breakdown, i);
    if (cells !== undefined) {
      result.breakdown = (JSON.parse(cells) as [string, number | null, boolean | null][]).map(([k, v, s]) =>
        s ? { key: k, value: v ?? Number.NaN, suppressed: s } : { key: k, value: v ?? Number.NaN },
      );
    }
    const lacks = str(missing ?? undefined, i);
    if (lacks !== undefined)
      result.missing = (JSON.parse(lacks) as [string, string][]).map(([column, header]) => ({
        column,
        header,
      }));
    const dc = str(disclosure, i);
    if (dc !== undefined) result.disclosure = dc as IndicatorResult['disclosure'];
    rows.push({ section: String(section?.at(i)), result, flags });
  }
  const grouped = new Map<string, typeof rows>();
  for (const row of rows) grouped.set(row.section, [...(grouped.get(row.section) ?? []), row]);
  const bySection = new Map<string, IndicatorResult[]>();
  for (const [name, list] of grouped) {
    const at = (r: IndicatorResult, period: string) =>
      index.get(changeKey(r.key, r.group?.value, period)) ?? null;
    const index = new Map(
      list.map(({ result: r }) => [changeKey(r.key, r.group?.value, r.group?.period ?? ''), r.value]),
    );
    for (const { result: r, flags } of list) {
      const nb = r.change && periodNeighbours(r.group?.period ?? '');
      if (!r.change || !nb) continue;
      if (!(flags & FLAG.previous)) r.change.previous = at(r, nb.previous);
      if (!(flags & FLAG.yearAgo)) r.change.yearAgo = at(r, nb.yearAgo);
    }
    bySection.set(
      name,
      list.map((x) => x.result),
    );
  }

  const sections = json<SnapshotSection[]>(
    META.sections,
    [...bySection.keys()].map((name) => ({ name })),
  );
  const model = json<ScorecardModel | undefined>(META.model, undefined);
  const scorecardPeriod = meta.get(META.scorecardPeriod) || undefined;
  const asOfOption = meta.get(META.asOfOption) || undefined;
  return {
    version,
    generator: meta.get(META.generator) ?? '',
    asOf: meta.get(META.asOf) ?? '',
    created: meta.get(META.created),
    results: bySection.get('overall') ?? [],
    sections,
    imports: json<ImportSummary[]>(META.imports, []),
    model,
    grouped({ by, period, keys }) {
      const name = sectionName(by, period);
      const stored = sections.find((x) => x.name === name);
      if (!stored || (stored.keys && (!keys || keys.some((k) => !stored.keys?.includes(k)))))
        return undefined;
      return bySection
        .get(name)
        ?.filter((r) => !keys || keys.includes(r.key))
        .map(copy);
    },
    scorecard(period) {
      if (!model) return undefined;
      if (period) {
        const rows = period === scorecardPeriod ? bySection.get(sectionName('dept', period)) : undefined;
        return rows && scorecardFromGrouped(model, rows, { period: true, asOf: asOfOption });
      }
      const rows = bySection.get(sectionName('dept', undefined));
      return rows && scorecardFromGrouped(model, rows, { asOf: asOfOption });
    },
  };
}

/** Callers may change what they get (addChanges does): hand out copies. */
const copy = (r: IndicatorResult): IndicatorResult => ({ ...r });
