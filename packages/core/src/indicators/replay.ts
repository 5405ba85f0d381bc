import { ident, type SqlQuery } from '../sql/quote.ts';
import { CASE_FACTS } from './case-fact-names.ts';
import type { IndicatorContext } from './types.ts';

/**
 * "As of" a day, an export is replayed to what it held on that day: rows that did not exist yet are left
 * out, and every event dated after it — a closure, reply, rectification, callback, rating — had not
 * happened, so its columns (and the columns only that event fills) read NULL. Every indicator reads its
 * table through `replayed`, so none can count tomorrow's closures today.
 */
interface Replay {
  /** A row exists from the earliest of these dates (rows with none of them are kept). */
  start: readonly string[];
  /** Event date → the columns that only hold a value once it happened (itself included). */
  events: Readonly<Record<string, readonly string[]>>;
}

const CASES: Replay = {
  start: ['submitted_at', 'accepted_at'],
  events: {
    accepted_at: ['accepted_at', 'accepted_day'],
    // The exported status is the latest one: a case closed (or withdrawn) later was still open then.
    closed_at: ['closed_at', 'closed_day', 'elapsed_wd', 'closed_online', 'status', 'result'],
    rated_at: ['rated_at', 'rating'],
    bad_review_rectified_at: ['bad_review_rectified_at'],
  },
};

const REPLAYS: Readonly<Record<string, Replay>> = {
  cases: CASES,
  // The case facts carry the case columns plus the derived days (facts.ts), replayed alike.
  [CASE_FACTS]: CASES,
  requests: {
    start: ['received_at'],
    events: {
      replied_at: ['replied_at', 'outcome'],
      correction_received_at: ['correction_received_at'],
    },
  },
  hotline: {
    start: ['received_at'],
    events: {
      replied_at: ['replied_at'],
      closed_at: ['closed_at', 'status'],
      callback_at: ['callback_at', 'callback_result', 'resolved'],
    },
  },
  disclosures: { start: ['published_at'], events: { changed_at: ['changed_at'] } },
};

const PLAIN_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/;

/** Columns of the case fact table that are not case columns. */
const FACT_COLUMNS = ['accepted_day', 'closed_day', 'elapsed_wd'];

/**
 * `table` as it stood at `ctx.asOf`, as a FROM item aliased to the table's own name (so the indicator
 * SQL reads it like the table) or `alias`, with its one bound value (the as-of time).
 */
export function replayed(table: string, ctx: IndicatorContext, alias = table): SqlQuery {
  const replay = REPLAYS[table];
  const plain = { text: `${ident(table)} AS ${ident(alias)}`, params: [] };
  if (!replay) return plain;
  // Nothing happened after the as-of time (as of the data's latest event, the first paint's usual case):
  // the replay would change no row, and its per-row masks cost the first computation 5–10 % (1M, native).
  // Both are 'YYYY-MM-DD HH:MM[:SS[.ffffff]]' (a five-digit or BC year is not, and is replayed): as text
  // they order as times, a shorter one (the same time without its fraction) first, so ties replay.
  const latest = ctx.latest?.[table === CASE_FACTS ? 'cases' : table];
  if (latest !== undefined && (latest === '' || PLAIN_TIME.test(latest)) && ctx.asOf >= latest) return plain;
  const has = (c: string) => ctx.columns.includes(c) || (table === CASE_FACTS && FACT_COLUMNS.includes(c));
  const masks = new Map<string, string[]>();
  for (const [event, columns] of Object.entries(replay.events)) {
    if (!has(event)) continue;
    for (const c of columns.filter(has)) masks.set(c, [...(masks.get(c) ?? []), event]);
  }
  // A column several events fill (none today) is masked until the first of them.
  const replace = [...masks].map(([c, events]) => {
    const later = events.map((e) => `${ident(e)} > p.as_of`).join(' OR ');
    return `CASE WHEN ${later} THEN NULL ELSE ${ident(c)} END AS ${ident(c)}`;
  });
  const starts = replay.start.filter(has).map(ident);
  const exists = starts.length ? `coalesce(least(${starts.join(', ')}) <= p.as_of, true)` : 'true';
  const select = replace.length ? `* EXCLUDE (as_of) REPLACE (${replace.join(', ')})` : '* EXCLUDE (as_of)';
  return {
    text: `(SELECT ${select} FROM ${ident(table)}, (SELECT ?::TIMESTAMP AS as_of) AS p WHERE ${exists}) AS ${ident(alias)}`,
    params: [ctx.asOf],
  };
}
