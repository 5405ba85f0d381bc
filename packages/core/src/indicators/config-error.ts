/** A configuration, model or shared link that cannot be applied; its message says which part and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
