/**
 * When one person's rows are in post together, found in time that grows with the number of rows, not
 * its square: a combined roster can hold thousands of rows under one shared name ("Locum TBC"), and
 * looking at every row on every other row's start date would take minutes and gigabytes.
 *
 * The dates that matter are the rows' start dates (the most WTE at once is reached on one of them).
 * One sweep through those dates in order keeps the rows in post: their WTE added up, how many there
 * are, the first few in row order (for the message) and how many sheets they are on.
 */
import type { IsoDate } from "../common/dates";

/** A row as this step needs it: its place in the person's rows (row order), its dates and its WTE. */
export interface DatedRow {
  start: IsoDate;
  /** null: still in post. */
  end: IsoDate | null;
  wte: number;
  sheet: string;
}

/** The rows of one person in post on one date. */
export interface Together {
  date: IsoDate;
  /** Their WTE added up. */
  total: number;
  /** How many rows. */
  count: number;
  /** The first rows in post, in row order, as indices into the person's rows (at most `named`). */
  first: number[];
  /** How many sheets the rows in post are on. */
  sheets: number;
}

/**
 * WTE is added up in whole billionths of a WTE, so that adding a row and taking it away again leaves
 * the total exactly as it was, in whatever order rows come and go (a sum of fractions in floating
 * point would not), and 0.6 + 0.8 is 1.4, not 1.4000000000000001.
 */
const WTE_UNITS = 1e9;

/** For each start date, in date order, the rows in post together on it. */
export function togetherOnStartDates(rows: readonly DatedRow[], named: number): Together[] {
  const byStart = rows.map((_, i) => i).sort((a, b) => compare(rows[a].start, rows[b].start));
  const byEnd = rows.map((_, i) => i).filter((i) => rows[i].end !== null).sort((a, b) => compare(rows[a].end!, rows[b].end!));
  const inPost = new RowSet(rows.length);
  const sheets = new Map<string, number>();
  let units = 0;
  let started = 0;
  let ended = 0;
  const result: Together[] = [];
  for (const date of [...new Set(byStart.map((i) => rows[i].start))]) {
    // A row that ended before this date started on or before it, so it is added before it is taken away.
    for (; started < byStart.length && rows[byStart[started]].start <= date; started++) {
      const i = byStart[started];
      inPost.add(i);
      units += Math.round(rows[i].wte * WTE_UNITS);
      sheets.set(rows[i].sheet, (sheets.get(rows[i].sheet) ?? 0) + 1);
    }
    for (; ended < byEnd.length && rows[byEnd[ended]].end! < date; ended++) {
      const i = byEnd[ended];
      inPost.remove(i);
      units -= Math.round(rows[i].wte * WTE_UNITS);
      const left = sheets.get(rows[i].sheet)! - 1;
      if (left === 0) sheets.delete(rows[i].sheet);
      else sheets.set(rows[i].sheet, left);
    }
    const count = inPost.size;
    const first = Array.from({ length: Math.min(named, count) }, (_, k) => inPost.nth(k));
    result.push({ date, total: units / WTE_UNITS, count, first, sheets: sheets.size });
  }
  return result;
}

/**
 * For each row, the first date in row order (of the rows' start dates) on which it is in post with
 * more than `limit` in total: the index of the row whose start date that is, or -1 when there is none.
 * This is the date a check that went through the rows in order, flagging the rows in post on each
 * start date above the limit, would flag the row on.
 */
export function firstDateAbove(rows: readonly DatedRow[], together: readonly Together[], limit: number): number[] {
  // The first row (in row order) to start on each date above the limit, by date.
  const firstToStart = new Map<IsoDate, number>();
  rows.forEach((row, i) => { if (!firstToStart.has(row.start)) firstToStart.set(row.start, i); });
  const above = together.filter((t) => t.total > limit);
  const dates = above.map((t) => t.date);
  const earliest = new RangeMinimum(above.map((t) => firstToStart.get(t.date)!));
  return rows.map((row) => {
    const from = firstAtOrAfter(dates, row.start);
    const to = row.end === null ? dates.length - 1 : firstAtOrAfter(dates, nextDay(row.end)) - 1;
    return from <= to ? earliest.min(from, to) : -1;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index of sorted `dates` at or after `date` (dates.length when none is). */
function firstAtOrAfter(dates: readonly IsoDate[], date: string): number {
  let [low, high] = [0, dates.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (dates[middle] < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A string just after the date and before the next one, as ISO dates sort: "2025-06-30" → "2025-06-30~". */
function nextDay(date: IsoDate): string {
  return `${date}~`;
}

/**
 * A set of row indices that can say how many it holds and which is the k-th smallest, each in
 * log time (a Fenwick tree of counts).
 */
class RowSet {
  private readonly counts: number[];
  size = 0;

  constructor(private readonly capacity: number) {
    this.counts = new Array<number>(capacity + 1).fill(0);
  }

  add(index: number): void { this.change(index, 1); }
  remove(index: number): void { this.change(index, -1); }

  /** The k-th smallest index in the set, counting from 0. */
  nth(k: number): number {
    let position = 0;
    let remaining = k + 1;
    for (let step = 2 ** Math.floor(Math.log2(this.capacity || 1)); step > 0; step >>= 1) {
      const next = position + step;
      if (next <= this.capacity && this.counts[next] < remaining) {
        position = next;
        remaining -= this.counts[next];
      }
    }
    return position;
  }

  private change(index: number, by: number): void {
    this.size += by;
    for (let i = index + 1; i <= this.capacity; i += i & -i) this.counts[i] += by;
  }
}

/** The smallest of a fixed list's values over any range of it, each in constant time (a sparse table). */
class RangeMinimum {
  private readonly levels: number[][];

  constructor(values: number[]) {
    this.levels = [values];
    for (let width = 2; width <= values.length; width *= 2) {
      const below = this.levels[this.levels.length - 1];
      const half = width / 2;
      this.levels.push(Array.from({ length: values.length - width + 1 }, (_, i) => Math.min(below[i], below[i + half])));
    }
  }

  /** The smallest value from index `from` to index `to`, both included. */
  min(from: number, to: number): number {
    const level = Math.floor(Math.log2(to - from + 1));
    return Math.min(this.levels[level][from], this.levels[level][to - 2 ** level + 1]);
  }
}
