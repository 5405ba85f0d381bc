import {
  ConfigError,
  DATASETS,
  type DatasetKey,
  dict,
  type Filters,
  isDatasetKey,
  MappingError,
  monthsOf,
} from '@assessment-dashboard/core';

/** `--dataset NAME`: one of the dataset keys (own keys only, so `constructor` is refused). */
export function parseDataset(name: string): DatasetKey {
  if (isDatasetKey(name)) return name;
  throw new MappingError(`--dataset: "${name}" is not one of ${Object.keys(DATASETS).join(', ')}`);
}

/** `--filter [dataset.]column=value` (repeatable) and `--month` as indicator options; bad forms are usage errors. */
export function parseSelection(filters: readonly string[], month: string | undefined) {
  const datasetFilters: Partial<Record<DatasetKey, Filters>> = {};
  const shared: Filters = dict();
  for (const f of filters) {
    const m = /^(?:(\w+)\.)?(\w+)=(.*)$/su.exec(f);
    if (!m) throw new ConfigError(`--filter "${f}" is not [dataset.]column=value`);
    const [, dataset, column = '', value = ''] = m;
    if (dataset && !isDatasetKey(dataset)) {
      throw new ConfigError(
        `--filter "${f}": unknown dataset "${dataset}" (${Object.keys(DATASETS).join(', ')})`,
      );
    }
    const key = dataset as DatasetKey | undefined;
    const target = key ? dict(Object.entries(datasetFilters[key] ?? {})) : shared;
    target[column] = [...(target[column] ?? []), value];
    if (key) datasetFilters[key] = target;
  }
  const months = month === undefined ? undefined : monthsOf(month);
  if (months && !months.length)
    throw new ConfigError(`--month "${month}" is not YYYY-MM or YYYY-MM..YYYY-MM`);
  return { filters: shared, datasetFilters, ...(months ? { months } : {}) };
}
