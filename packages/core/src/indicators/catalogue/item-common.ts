/**
 * SQL shared by the item-level (事项清单, DOMAIN §7.a0) indicators. The catalogue's 到办事现场次数 wins; an
 * item without one but at 网办深度 Ⅳ级 counts as 0 trips ("全程网办（Ⅳ级）到现场办事次数应为0次", DOMAIN §4.2).
 */
export const ZERO_TRIPS = "coalesce(trips_required = 0, online_depth = 'IV')";
export const AT_MOST_ONE_TRIP = "coalesce(trips_required <= 1, online_depth = 'IV')";

/**
 * A stored limit (`<key>_value` + `<key>_unit`) in working days, NULL when it has no finite length
 * (无期限, missing or unparsed). Months × 22 and years × 250 as in the national assessment (DOMAIN §4.2);
 * calendar days and hours on the same basis, a year of 365 days being 250 working days.
 */
export function limitInWorkingDays(key: 'statutory_limit' | 'promised_limit'): string {
  const v = `CAST(${key}_value AS DOUBLE)`;
  return `CASE ${key}_unit WHEN 'wd' THEN ${v} WHEN 'instant' THEN 0 WHEN 'm' THEN ${v} * 22
    WHEN 'y' THEN ${v} * 250 WHEN 'cd' THEN ${v} * 250 / 365 WHEN 'h' THEN ${v} / 24 * 250 / 365 END`;
}
