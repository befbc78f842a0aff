/**
 * The monthly claims of every row of a check, held as columns of numbers (one slot per row per month)
 * rather than as one object per month. At 100,000 rows one object per month was 1.2 million objects,
 * and making and then collecting them took most of the engine's time and memory.
 *
 * A month's WTE, cost and maximum are not kept month by month: each follows from the row's WTE and
 * annual cost, the month's days and the maximum used, by the same sums the engine does (check.ts),
 * and so are worked out again, exactly, when read. Kept as three columns of doubles they were 29 MB
 * at 100,000 rows, two thirds of the table, and every page of it new memory for the system to hand
 * over. Months written one by one with `set` (made by hand, in tests) keep the figures given.
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

/**
 * A month's cost: its share of the annual cost (salary + employer NI + pension) for the days in post
 * (ARRS reference, section 5). The engine's sum when it writes a month (check.ts) and the table's when
 * it reads one back, so the two agree to the last bit.
 */
export function monthCost(daysInPost: number, daysInMonth: number, annualCost: number): number {
  return ((daysInPost / daysInMonth) * annualCost) / 12;
}

/** A month's maximum: days-in-post fraction × the annual maximum per WTE × WTE / 12 (see monthCost). */
export function monthMaximum(daysInPost: number, daysInMonth: number, maximumAnnual: number, wte: number): number {
  return ((daysInPost / daysInMonth) * maximumAnnual * wte) / 12;
}

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
  /** Per row: its WTE, in the months it is in post; 0 for a row that cannot be claimed. */
  readonly rowWte: Float64Array;
  /**
   * Per row and set of on-cost rates: its annual cost (salary + employer NI + pension) with those
   * rates; 0 for a row that cannot be claimed. Slot `row × costSets + costSetOf[month]`.
   */
  readonly annualCost: Float64Array;
  /**
   * Per row: its cost for the year, the sum of its months' costs from 0, April first, added up by
   * the engine as it works each month out (check.ts) rather than again for the totals.
   */
  readonly yearCost: Float64Array;
  /**
   * Per row, once check.ts has finished it (StaffRow.finish): its claim for the year and its cost above
   * the maximum; and, for a row that can be claimed, its employer NI and pension as used and its annual
   * cost. Here rather than in each row's result object, where every figure was a box of its own for
   * the garbage collector to copy (staff-row.ts).
   */
  readonly rowClaimable: Float64Array;
  readonly rowOverMaxGap: Float64Array;
  readonly rowEmployerNi: Float64Array;
  readonly rowEmployerPension: Float64Array;
  readonly rowAnnualCost: Float64Array;
  /** For each month, which of a row's annual costs its cost is a share of. */
  readonly costSetOf: readonly number[];
  readonly costSets: number;
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
  /** The WTE counted in months a cap held down (setCapped), by slot: a few rows' months at most. */
  private readonly cappedWte = new Map<number, number>();
  /** The WTE, cost and maximum of months written with `set`, as given (null until the first). */
  private given: { wte: Float64Array; cost: Float64Array; maximumForMonth: Float64Array } | null = null;

  /**
   * `costSetOf` says, for each month, which set of on-cost rates its cost uses (numbered from 0); a
   * table without it has one set for the whole year.
   */
  constructor(rows: number, months: readonly IsoDate[], costSetOf: readonly number[] = months.map(() => 0)) {
    const slots = rows * months.length;
    this.months = months;
    this.daysInPost = new Uint8Array(slots);
    this.daysInMonth = new Uint8Array(slots);
    this.rowWte = new Float64Array(rows);
    this.costSetOf = costSetOf;
    this.costSets = costSetOf.length === 0 ? 1 : Math.max(...costSetOf) + 1;
    this.annualCost = new Float64Array(rows * this.costSets);
    this.yearCost = new Float64Array(rows);
    this.rowClaimable = new Float64Array(rows);
    this.rowOverMaxGap = new Float64Array(rows);
    this.rowEmployerNi = new Float64Array(rows);
    this.rowEmployerPension = new Float64Array(rows);
    this.rowAnnualCost = new Float64Array(rows);
    this.claimable = new Float64Array(slots);
    this.limit = new Uint8Array(slots);
    this.rateNumber = new Uint16Array(slots);
  }

  /** The maximum in force in a slot (null: none; its number is 0). */
  rateAt(slot: number): MaxAmount | null {
    return this.rates[this.rateNumber[slot]];
  }

  /** WTE counted in a slot: the row's, in a month in post, unless a cap held it down. */
  wteAt(slot: number): number {
    if (this.given !== null) return this.given.wte[slot];
    if (this.cappedWte.size > 0) {
      const capped = this.cappedWte.get(slot);
      if (capped !== undefined) return capped;
    }
    return this.daysInPost[slot] === 0 ? 0 : this.rowWte[this.rowOf(slot)];
  }

  /** Cost in a slot (monthCost), with the annual cost for the month's on-cost rates. */
  costAt(slot: number): number {
    if (this.given !== null) return this.given.cost[slot];
    const daysInPost = this.daysInPost[slot];
    if (daysInPost === 0) return 0;
    const row = this.rowOf(slot);
    const month = slot - this.firstSlotOf(row);
    return monthCost(daysInPost, this.daysInMonth[slot], this.annualCost[row * this.costSets + this.costSetOf[month]]);
  }

  /**
   * The month's maximum in a slot (monthMaximum), with the row's WTE; NaN where no maximum was used
   * (maximumForMonth() gives null for it). The engine records a maximum only for a month it is the
   * limit of, so the maximum and the figure go together.
   */
  maximumAt(slot: number): number {
    if (this.given !== null) return this.given.maximumForMonth[slot];
    const rate = this.rates[this.rateNumber[slot]];
    if (rate === null) return Number.NaN;
    return monthMaximum(this.daysInPost[slot], this.daysInMonth[slot], rate.amount, this.rowWte[this.rowOf(slot)]);
  }

  /** A row's cost for the year (yearCost), or its months' costs summed, April first, where they were given. */
  yearCostOf(row: number): number {
    if (this.given === null) return this.yearCost[row];
    let cost = 0;
    for (let i = 0, slot = this.firstSlotOf(row); i < this.months.length; i++, slot++) cost += this.costAt(slot);
    return cost;
  }

  /** A row's first slot (its April): slot `row × months + month`. */
  firstSlotOf(row: number): number {
    return row * this.months.length;
  }

  /** The row a slot belongs to. */
  private rowOf(slot: number): number {
    return Math.floor(slot / this.months.length);
  }

  /** A month held down by a cap: less WTE counted, less claimed, and the limit that says why. */
  setCapped(slot: number, wte: number, claimable: number, limit: MonthLimit): void {
    if (this.given !== null) this.given.wte[slot] = wte;
    else this.cappedWte.set(slot, wte);
    this.claimable[slot] = claimable;
    this.limit[slot] = limitCode(limit);
  }

  /** Writes one month whole, with its WTE, cost and maximum as given (see StaffMonths.set). */
  setGiven(slot: number, wte: number, cost: number, maximumForMonth: number | null): void {
    if (this.given === null) {
      // From now on every month reads as given; those written before keep what they read as.
      const slots = this.daysInPost.length;
      const given = { wte: new Float64Array(slots), cost: new Float64Array(slots), maximumForMonth: new Float64Array(slots) };
      for (let s = 0; s < slots; s++) {
        given.wte[s] = this.wteAt(s);
        given.cost[s] = this.costAt(s);
        given.maximumForMonth[s] = this.maximumAt(s);
      }
      this.given = given;
    }
    this.given.wte[slot] = wte;
    this.given.cost[slot] = cost;
    this.given.maximumForMonth[slot] = maximumForMonth === null ? Number.NaN : maximumForMonth;
  }

  setRate(slot: number, rate: MaxAmount | null): void {
    this.rateNumber[slot] = this.numberOfRate(rate);
  }

  /**
   * A maximum's number in `rateNumber`, given it on first use (0 for none). The engine numbers each
   * role's maximums once a check, and writes the numbers straight into `rateNumber`.
   */
  numberOfRate(rate: MaxAmount | null): number {
    if (rate === null) return 0;
    let number = this.rateNumbers.get(rate);
    if (number === undefined) {
      number = this.rates.length;
      // A rate sheet gives a maximum per role, region and date: thousands at most, never 65,535.
      if (number > 0xffff) throw new Error("More than 65,535 different maximum amounts in one check");
      this.rates.push(rate);
      this.rateNumbers.set(rate, number);
    }
    return number;
  }

  /** The months of one row (0 for the first row). */
  row(row: number): StaffMonths {
    return new StaffMonths(this, this.firstSlotOf(row));
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
    return this.table.wteAt(this.first + i);
  }

  /** The person's cost for the month: salary + employer NI + employer pension, pro rata for days in post. */
  cost(i: number): number {
    return this.table.costAt(this.first + i);
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
    const value = this.table.maximumAt(this.first + i);
    return Number.isNaN(value) ? null : value;
  }

  claimable(i: number): number {
    return this.table.claimable[this.first + i];
  }

  /** The person's cost for the year: the months' costs summed from 0, April first. */
  yearCost(): number {
    return this.table.yearCostOf(this.first / this.table.months.length);
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
   * Writes one month whole, for months made by hand (fromClaims, tests), WTE, cost and maximum as
   * given. The engine itself writes the table's columns directly, once per month, and each row's WTE
   * and annual costs, in check.ts.
   */
  set(
    i: number, daysInPost: number, daysInMonth: number, wte: number, cost: number, limit: MonthLimit | null,
    rate: MaxAmount | null = null, maximumForMonth: number | null = null, claimable = 0,
  ): void {
    const t = this.table;
    const slot = this.first + i;
    t.daysInPost[slot] = daysInPost;
    t.daysInMonth[slot] = daysInMonth;
    t.claimable[slot] = claimable;
    t.limit[slot] = limitCode(limit);
    t.setRate(slot, rate);
    t.setGiven(slot, wte, cost, maximumForMonth);
  }

  /** A month held down by a cap: less WTE counted, less claimed, and the limit that says why. */
  setCapped(i: number, wte: number, claimable: number, limit: MonthLimit): void {
    this.table.setCapped(this.first + i, wte, claimable, limit);
  }
}

// A row of an empty table: the hidden classes of both (see keep-alive.ts).
keepHiddenClassOf(new MonthTable(0, []).row(0));
