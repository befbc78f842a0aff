/**
 * The monthly claims of every row of a check, held as columns of numbers (one slot per row per month)
 * rather than as one object per month. At 100,000 rows one object per month was 1.2 million objects,
 * and making and then collecting them took most of the engine's time and memory.
 *
 * A row's twelve months are read through StaffMonths, one small object per row. Where a caller wants
 * one month whole (a claim line, a note), `claim(i)` makes a MonthClaim object for it. The engine's
 * own hottest loops (check.ts) write and read the columns directly.
 */
import type { IsoDate } from "../common/dates";
import type { MaxAmount } from "../rules/types";
import type { MonthClaim, MonthLimit } from "./types";
import { keepHiddenClassOf } from "./keep-alive";

/**
 * Each limit as a small number, so that a month's limit takes one byte; 0 is "no limit". The engine's
 * hottest loops compare these codes in `MonthTable.limit` directly.
 */
export const LIMIT_CODES: Readonly<Record<MonthLimit, number>> = {
  "not-in-post": 1,
  "role-not-claimable": 2,
  "no-rate": 3,
  "beyond-cap": 4,
  "not-eligible": 5,
  "invalid-row": 6,
  "over-max": 7,
};

/** The limit for each code: the reverse of LIMIT_CODES. */
const LIMITS: readonly (MonthLimit | null)[] = (() => {
  const limits: (MonthLimit | null)[] = [null];
  for (const [limit, code] of Object.entries(LIMIT_CODES) as [MonthLimit, number][]) limits[code] = limit;
  return limits;
})();

function limitCode(limit: MonthLimit | null): number {
  return limit === null ? 0 : LIMIT_CODES[limit];
}

/**
 * The columns. Slot `row × months + month` holds one row's month. Days fit a byte; money and WTE stay
 * full-precision doubles, exactly as they were computed. A new table's months have no days, WTE or
 * cost, no limit, no maximum and nothing claimed: the engine writes only what differs (check.ts).
 */
export class MonthTable {
  /** The 1st of each month, April first. */
  readonly months: readonly IsoDate[];
  readonly daysInPost: Uint8Array;
  /** The days in the month, or 0 for a row with no start date. */
  readonly daysInMonth: Uint8Array;
  readonly wte: Float64Array;
  readonly cost: Float64Array;
  /** The month's maximum, or NaN where there is none (maximumForMonth() gives null for it). */
  readonly maximumForMonth: Float64Array;
  readonly claimable: Float64Array;
  /** LIMIT_CODES of the month's limit, 0 for none. */
  readonly limit: Uint8Array;
  /**
   * The maximum amount used, as its number in `rates` (0 for none). A check uses a few dozen maximums,
   * shared by every row: 1.2 million references to them were a large array the garbage collector had
   * to scan, where these numbers take two bytes a month.
   */
  readonly rateNumber: Uint16Array;
  /** The maximums used so far, by number; 0 is none. */
  private readonly rates: (MaxAmount | null)[] = [null];
  private readonly rateNumbers = new Map<MaxAmount, number>();
  /** The maximum last numbered: months of a row mostly use the one before's. */
  private lastRate: MaxAmount | null = null;
  private lastRateNumber = 0;

  constructor(rows: number, months: readonly IsoDate[]) {
    const slots = rows * months.length;
    this.months = months;
    this.daysInPost = new Uint8Array(slots);
    this.daysInMonth = new Uint8Array(slots);
    this.wte = new Float64Array(slots);
    this.cost = new Float64Array(slots);
    // Until a month is written it has no maximum: NaN, not 0, which would be a maximum of £0.
    this.maximumForMonth = new Float64Array(slots).fill(Number.NaN);
    this.claimable = new Float64Array(slots);
    this.limit = new Uint8Array(slots);
    this.rateNumber = new Uint16Array(slots);
  }

  /** The maximum in force in a slot (null: none; its number is 0). */
  rateAt(slot: number): MaxAmount | null {
    return this.rates[this.rateNumber[slot]];
  }

  setRate(slot: number, rate: MaxAmount | null): void {
    if (rate !== this.lastRate) {
      let number = rate === null ? 0 : this.rateNumbers.get(rate);
      if (number === undefined) {
        number = this.rates.length;
        // A rate sheet gives a maximum per role, region and date: thousands at most, never 65,535.
        if (number > 0xffff) throw new Error("More than 65,535 different maximum amounts in one check");
        this.rates.push(rate);
        this.rateNumbers.set(rate!, number);
      }
      this.lastRate = rate;
      this.lastRateNumber = number;
    }
    this.rateNumber[slot] = this.lastRateNumber;
  }

  /** The months of one row (0 for the first row). */
  row(row: number): StaffMonths {
    return new StaffMonths(this, row * this.months.length);
  }
}

/** One row's twelve months, April first: read month by month, by its index in the year. */
export class StaffMonths {
  readonly table: MonthTable;
  /** The row's first slot in the table. */
  readonly first: number;

  constructor(table: MonthTable, first: number) {
    this.table = table;
    this.first = first;
  }

  /** A row's months from MonthClaim objects (hand-made results, tests). */
  static fromClaims(claims: readonly MonthClaim[]): StaffMonths {
    const months = new StaffMonths(new MonthTable(1, claims.map((c) => c.month)), 0);
    claims.forEach((c, i) => months.set(i, c.daysInPost, c.daysInMonth, c.wte, c.cost, c.limit, c.rate, c.maximumForMonth, c.claimable));
    return months;
  }

  /** How many months: twelve. */
  get length(): number {
    return this.table.months.length;
  }

  /** The 1st of the month. */
  month(i: number): IsoDate {
    return this.table.months[i];
  }

  daysInPost(i: number): number {
    return this.table.daysInPost[this.first + i];
  }

  daysInMonth(i: number): number {
    return this.table.daysInMonth[this.first + i];
  }

  /** WTE counted for the month (less than the row's WTE when a cap bites). */
  wte(i: number): number {
    return this.table.wte[this.first + i];
  }

  /** The person's cost for the month: salary + employer NI + employer pension, pro rata for days in post. */
  cost(i: number): number {
    return this.table.cost[this.first + i];
  }

  /** The maximum amount used for the month, or null if none applies. */
  rate(i: number): MaxAmount | null {
    return this.table.rateAt(this.first + i);
  }

  /** The annual maximum per 1.0 WTE in force on the 1st of the month, or null if none is known. */
  maximumAnnual(i: number): number | null {
    const rate = this.rate(i);
    return rate ? rate.amount : null;
  }

  /** The month's maximum: days fraction × maximum × WTE / 12 (× funded share where one applies). */
  maximumForMonth(i: number): number | null {
    const value = this.table.maximumForMonth[this.first + i];
    return Number.isNaN(value) ? null : value;
  }

  claimable(i: number): number {
    return this.table.claimable[this.first + i];
  }

  /** What held the claim below cost, if anything. */
  limit(i: number): MonthLimit | null {
    return LIMITS[this.table.limit[this.first + i]];
  }

  /** One month whole, as an object of its own (a copy: changing it changes nothing here). */
  claim(i: number): MonthClaim {
    return {
      month: this.month(i), daysInPost: this.daysInPost(i), daysInMonth: this.daysInMonth(i), wte: this.wte(i), cost: this.cost(i),
      maximumAnnual: this.maximumAnnual(i), maximumForMonth: this.maximumForMonth(i), claimable: this.claimable(i),
      limit: this.limit(i), rate: this.rate(i),
    };
  }

  /** All twelve months as objects, April first. */
  claims(): MonthClaim[] {
    const claims: MonthClaim[] = [];
    for (let i = 0; i < this.length; i++) claims.push(this.claim(i));
    return claims;
  }

  /** The claimable amount of each month, April first. */
  claimables(): number[] {
    const amounts: number[] = [];
    for (let i = 0; i < this.length; i++) amounts.push(this.claimable(i));
    return amounts;
  }

  /** In JSON, the months are written as the twelve objects they stand for, not as the shared table. */
  toJSON(): MonthClaim[] {
    return this.claims();
  }

  /**
   * Writes one month whole, for months made by hand (fromClaims, tests). The engine itself writes the
   * table's columns directly, once per month, in check.ts.
   */
  set(
    i: number, daysInPost: number, daysInMonth: number, wte: number, cost: number, limit: MonthLimit | null,
    rate: MaxAmount | null = null, maximumForMonth: number | null = null, claimable = 0,
  ): void {
    const t = this.table;
    const slot = this.first + i;
    t.daysInPost[slot] = daysInPost;
    t.daysInMonth[slot] = daysInMonth;
    t.wte[slot] = wte;
    t.cost[slot] = cost;
    t.maximumForMonth[slot] = maximumForMonth === null ? Number.NaN : maximumForMonth;
    t.claimable[slot] = claimable;
    t.limit[slot] = limitCode(limit);
    t.setRate(slot, rate);
  }

  /** A month held down by a cap: less WTE counted, less claimed, and the limit that says why. */
  setCapped(i: number, wte: number, claimable: number, limit: MonthLimit): void {
    const slot = this.first + i;
    this.table.wte[slot] = wte;
    this.table.claimable[slot] = claimable;
    this.table.limit[slot] = limitCode(limit);
  }
}

// A row of an empty table: the hidden classes of both (see keep-alive.ts).
keepHiddenClassOf(new MonthTable(0, []).row(0));
