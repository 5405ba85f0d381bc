const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months of 'YYYY-MM' or 'YYYY-MM..YYYY-MM' (either order), or [] when it is not that. */
export function monthsOf(value: string): string[] {
  const [a = '', b = a] = value.split('..');
  const ma = MONTH.exec(a);
  const mb = MONTH.exec(b);
  if (!ma || !mb) return [];
  let from = Number(ma[1]) * 12 + Number(ma[2]) - 1;
  let to = Number(mb[1]) * 12 + Number(mb[2]) - 1;
  if (from > to) [from, to] = [to, from];
  // A brush over more than 50 years is not a reporting period; refuse rather than list it.
  if (to - from > 600) return [];
  const out: string[] = [];
  for (let m = from; m <= to; m++) out.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  return out;
}
