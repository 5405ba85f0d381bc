import { DATASETS, type DatasetKey, isDatasetKey, MappingError } from '@assessment-dashboard/core';

/** `--dataset NAME`: one of the dataset keys (own keys only, so `constructor` is refused). */
export function parseDataset(name: string): DatasetKey {
  if (isDatasetKey(name)) return name;
  throw new MappingError(`--dataset: "${name}" is not one of ${Object.keys(DATASETS).join(', ')}`);
}
