/**
 * The ARRS engine: roster rows + PCN settings + rule set → per-row monthly claims, findings, and
 * PCN totals. Pure: no I/O, no clock (the financial year is an input), nothing thrown for bad rows.
 *
 * Order of work: each row on its own (validity, days in post, rate, cost, eligibility), then the caps
 * across rows of a role, then people on several rows, then the PCN's totals and entitlement.
 */
import { formatUkDate, addYears, dayNumber, parseFinancialYear, type FinancialYear, type IsoDate } from "../common/dates";
import { formatMoney, formatWholePounds, formatWte } from "../common/money";
import { describeSource, RuleSet } from "../rules/ruleset";
import type { EligibilityCondition, Finding, FundedShare, MaxAmount, Region, RoleDefinition, RoleId } from "../rules/types";
import { GP_YEARS_AFTER_CCT } from "../rules/data/eligibility";
import type { RosterRow } from "../roster/types";
import { annualCostTotal, employerNiFor, employerPensionFor, onCostRatesForMonth, onCostUnknown, type OnCostRates } from "./costs";
import { bySeverity, ENGINE_SOURCE, finding, flat, rowFinding, sortBySeverity, statusOf } from "./findings";
import { daysInPostIn, monthSpans, type MonthSpan } from "./months";
import { applyCaps } from "./caps";
import { findDuplicatePeople } from "./duplicates";
import { ClaimTotals, pcnTotals } from "./totals";
import { LIMIT_CODES, MonthTable, monthCost, monthMaximum } from "./month-table";
import { keepHiddenClassOf } from "./keep-alive";
import { NO_FINDINGS, StaffRow } from "./staff-row";
import type { CheckResult, PcnSettings, StaffResult } from "./types";

export class InvalidSettingsError extends Error {}

/** The month limits as the month table holds them (see LIMIT_CODES), for the loops that read and write it directly. */
const NOT_IN_POST = LIMIT_CODES["not-in-post"];
const INVALID_ROW = LIMIT_CODES["invalid-row"];
const ROLE_NOT_CLAIMABLE = LIMIT_CODES["role-not-claimable"];
const NOT_ELIGIBLE = LIMIT_CODES["not-eligible"];
const NO_RATE = LIMIT_CODES["no-rate"];
const OVER_MAX = LIMIT_CODES["over-max"];
const BEYOND_CAP = LIMIT_CODES["beyond-cap"];

/**
 * Where a row's findings are gathered, one list for the whole check, before they are copied out at
 * their exact length. A new array per row, grown by push, kept room for 16 findings: at 100,000 rows
 * that spare room was megabytes held to the end, and emptying one array by `length = 0` lets its
 * storage go too, so the list keeps a count of its own instead.
 */
class FindingList {
  private readonly items: Finding[] = [];
  private count = 0;

  push(f: Finding): void {
    this.items[this.count++] = f;
  }

  pushAll(findings: readonly Finding[]): void {
    for (let i = 0; i < findings.length; i++) this.push(findings[i]);
  }

  /**
   * The findings gathered, at their exact length, and the list emptied. NO_FINDINGS for none when
   * `shareEmpty`. One to three findings (98 rows in 100 that have any) are taken as array literals
   * rather than by `slice`: V8 tracks where a literal is made, sees that these arrays live as long as
   * the result, and makes them in its old generation from then on, where the garbage collector does
   * not copy them again; it cannot do that for arrays made by `slice`.
   */
  take(shareEmpty: boolean): Finding[] {
    const { items, count } = this;
    this.count = 0;
    if (count === 0) return shareEmpty ? (NO_FINDINGS as Finding[]) : [];
    if (count === 1) return [items[0]];
    if (count === 2) return [items[0], items[1]];
    if (count === 3) return [items[0], items[1], items[2]];
    return items.slice(0, count);
  }
}
keepHiddenClassOf(new FindingList());

/** What the rules say for one role in one month: looked up once per run, not once per row. */
interface RoleMonth {
  claimable: boolean;
  conditions: EligibilityCondition[];
  rate: MaxAmount | null;
  /** The rate's number in the check's MonthTable (MonthTable.numberOfRate). */
  rateNumber: number;
  share: number;
  fundedShare: FundedShare | null;
}

interface Context {
  year: FinancialYear;
  settings: PcnSettings;
  rules: RuleSet;
  /** Per role, the twelve months of the year's rules, April first. */
  roleMonths: Map<RoleId, RoleMonth[]>;
  /** On-cost rates for each month of the year, April first. */
  onCostRates: OnCostRates[];
  /** The months of the year as day numbers. */
  spans: MonthSpan[];
  /**
   * Words that are the same for many rows, made once per run rather than once per row: RATE_UNCONFIRMED's
   * message and details for each maximum used.
   */
  rateMessages: Map<MaxAmount, { message: string; details: Finding["details"] }>;
  /**
   * NO_RATE's message for each role and months without a maximum, made once per run too: per role, by
   * `firstMonth × 12 + months - 1`, a key made of numbers, not a string made for every row.
   */
  noRateMessages: Map<RoleId, string[]>;
  /**
   * ROLE_NOT_ELIGIBLE's message for each role, by the months in post before it was claimable (0: all
   * of them), made once per run in the same way.
   */
  notClaimableMessages: Map<RoleId, string[]>;
  /** Every row's months, row by row in input order. */
  table: MonthTable;
  /** Where each row's findings are gathered (see FindingList). */
  findingList: FindingList;
}

export function checkRoster(input: { rows: readonly RosterRow[]; settings: PcnSettings; rules?: RuleSet }): CheckResult {
  const rules = input.rules ?? new RuleSet();
  const year = parseFinancialYear(input.settings.financialYear);
  if (!year) throw new InvalidSettingsError(`"${input.settings.financialYear}" is not a financial year; write it as 2025/26.`);
  const settings: PcnSettings = { ...input.settings, financialYear: year.label };
  const onCostRates = sharedWhereEqual(year.months.map((m) => onCostRatesForMonth(m, rules)));
  const context: Context = {
    year, settings, rules, roleMonths: new Map(),
    onCostRates, spans: monthSpans(year),
    rateMessages: new Map(),
    noRateMessages: new Map(),
    notClaimableMessages: new Map(),
    table: new MonthTable(input.rows.length, year.months, costSetOfMonths(onCostRates)),
    findingList: new FindingList(),
  };

  // Plain loops, not `map` with a callback: a callback closes over `context`, and V8's optimised code
  // for it took that check's context (and through it the FindingList and MonthTable) as constants, so
  // it was thrown away when the check's objects were collected and the next check began unoptimised.
  const staff: StaffRow[] = [];
  for (let i = 0; i < input.rows.length; i++) staff.push(assessRow(input.rows[i], i, context));
  const pcnFindings: Finding[] = [];
  applyCaps(staff, { rules, listSize: settings.listSize, year, pcnFindings });
  findDuplicatePeople(staff);
  const sums = new ClaimTotals(rules, settings.listSize, year);
  for (let i = 0; i < staff.length; i++) {
    finishRow(staff[i], context);
    sums.add(staff[i]);
  }
  const byRole = sums.byRole();
  const { totals, entitlement } = pcnTotals(sums, settings, year, rules, pcnFindings);
  addRateFindingsForPcn(staff, context, pcnFindings);
  pcnFindings.sort(bySeverity);
  return { financialYear: year, settings, staff, byRole, totals, entitlement, findings: pcnFindings };
}

/** The same rates month after month become one object, so a row's cost can be reused across them. */
function sharedWhereEqual(rates: OnCostRates[]): OnCostRates[] {
  const shared: OnCostRates[] = [];
  for (const r of rates) {
    const previous = shared[shared.length - 1];
    shared.push(previous && previous.ni === r.ni && previous.pension === r.pension ? previous : r);
  }
  return shared;
}

/** For each month, the number of its on-cost rates among the year's different ones (0 for April's): MonthTable's costSetOf. */
function costSetOfMonths(rates: OnCostRates[]): number[] {
  const sets: number[] = [];
  for (let i = 0; i < rates.length; i++) sets.push(i === 0 ? 0 : rates[i] === rates[i - 1] ? sets[i - 1] : sets[i - 1] + 1);
  return sets;
}

/**
 * The reader has a finding about the field. A plain loop: a callback would capture `field`, and V8
 * makes the captured variable's context on every call, whether the callback runs or not (9 MB at
 * 100,000 rows).
 */
function hasFinding(row: RosterRow, field: string): boolean {
  const findings = row.findings;
  for (let i = 0; i < findings.length; i++) if (findings[i].field === field) return true;
  return false;
}

/**
 * Nothing but spaces, as `trim` sees them. Text that starts with a printable ASCII character is not
 * blank, and is known so without trimming it (a call per row, and a new string for text with spaces
 * at either end).
 */
function isBlankText(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim() === "";
}

/** Fields whose unreadable cell makes a row unusable. */
const VALUE_FIELDS: ReadonlySet<string> = new Set(["wte", "start", "end", "annualSalary", "fullTimeSalary", "hoursPerWeek", "sessionsPerWeek", "employerNi", "employerPension"]);

/** The reader could not read a value the claim needs (it said so in an error of its own). */
function hasUnreadableValue(row: RosterRow): boolean {
  return row.findings.length > 0 && row.findings.some((f) => f.severity === "error" && VALUE_FIELDS.has(f.field ?? ""));
}

/** MISSING_VALUE for a blank required value, unless the reader has already said why the cell is unusable. False when the row cannot be claimed because of it. */
function reportMissing(row: RosterRow, findings: FindingList, field: string, what: string, fix: string): boolean {
  if (hasFinding(row, field)) return true;
  findings.push(rowFinding("MISSING_VALUE", flat`${what} is blank: ${fix}`, ENGINE_SOURCE.requiredValues, row.rowNumber, field));
  return false;
}

/** A salary or on-cost the claim can use: blank (reported or estimated elsewhere), or a positive number. */
function usableAmount(value: number | null): boolean {
  return value === null || (Number.isFinite(value) && value >= 0);
}

/**
 * INVALID_AMOUNT for a salary or on-cost that is negative or not a number, unless the reader has said
 * why already. False when the row cannot be claimed because of it. Called only for a bad amount:
 * a call per amount on every row made a new box for each number passed (20 MB at 100,000 rows).
 */
function reportBadAmount(row: RosterRow, findings: FindingList, field: string, value: number, label: string): boolean {
  if (hasFinding(row, field)) return true;
  findings.push(rowFinding("INVALID_AMOUNT", flat`The ${label} ${value} is not a usable amount: enter a positive annual figure in pounds.`, ENGINE_SOURCE.claimFormula, row.rowNumber, field));
  return false;
}

/**
 * Required values and their sanity, for rows that did not come through the roster reader too. Written
 * as plain calls rather than a closure and a table of fields, which made several objects on every row.
 */
function validateRow(row: RosterRow, findings: FindingList): boolean {
  let usable = !hasUnreadableValue(row);
  if (row.roleText === null || isBlankText(row.roleText)) usable = reportMissing(row, findings, "role", "The role", "enter the person's ARRS role (for example Clinical Pharmacist).") && usable;
  if (row.wte === null) usable = reportMissing(row, findings, "wte", "The WTE", "enter WTE, hours per week (37.5 = 1.0) or GP sessions (9 = 1.0).") && usable;
  if (row.start === null) usable = reportMissing(row, findings, "start", "The start date", "enter the date the person started in post (DD/MM/YYYY).") && usable;
  if (row.annualSalary === null) usable = reportMissing(row, findings, "annualSalary", "The salary", "enter the annual salary actually paid at their WTE.") && usable;

  if (row.wte !== null && !hasFinding(row, "wte") && !(row.wte > 0 && row.wte <= 1)) {
    findings.push(rowFinding("INVALID_WTE", flat`WTE ${row.wte} is outside 0 to 1.0: correct the WTE (37.5 hours a week = 1.0).`, ENGINE_SOURCE.claimFormula, row.rowNumber, "wte"));
    usable = false;
  }
  if (!usableAmount(row.annualSalary)) usable = reportBadAmount(row, findings, "annualSalary", row.annualSalary!, "salary") && usable;
  if (!usableAmount(row.employerNi)) usable = reportBadAmount(row, findings, "employerNi", row.employerNi!, "employer NI") && usable;
  if (!usableAmount(row.employerPension)) usable = reportBadAmount(row, findings, "employerPension", row.employerPension!, "employer pension") && usable;
  if (row.start !== null && row.end !== null && row.end < row.start) {
    findings.push(rowFinding("END_BEFORE_START", flat`The end date ${formatUkDate(row.end)} is before the start date ${formatUkDate(row.start)}: correct one of them.`, ENGINE_SOURCE.claimFormula, row.rowNumber, "end"));
    usable = false;
  }
  return usable;
}

/**
 * The rules for a role in a month. A London PCN with no London figure falls back to the national one
 * (the finding LONDON_RATE_MISSING says so): it can only under-claim, never over-claim.
 */
function roleMonths(context: Context, role: RoleDefinition): RoleMonth[] {
  const cached = context.roleMonths.get(role.id);
  if (cached) return cached;
  const { rules } = context;
  const region: Region = context.settings.region;
  const result = context.year.months.map((month): RoleMonth => {
    const rate = rules.maxAmount(role.id, month, region) ?? (region !== "national" ? rules.maxAmount(role.id, month, "national") : null);
    const fundedShare = rules.fundedShare(role.id, month);
    return {
      claimable: rules.isClaimable(role.id, month),
      conditions: rules.eligibilityConditions(role.id, month),
      rate,
      rateNumber: context.table.numberOfRate(rate),
      share: fundedShare?.share ?? 1,
      fundedShare,
    };
  });
  context.roleMonths.set(role.id, result);
  return result;
}

/**
 * Why a person in a role is not claimable in a month, beyond the role itself (GP CCT, nurse 12
 * months). `cctLimit` is the last start date within GP_YEARS_AFTER_CCT of the row's CCT date (null
 * without one): worked out once a row, not once a month.
 */
function personNotEligible(row: RosterRow, conditions: EligibilityCondition[], cctLimit: IsoDate | null): boolean {
  for (let i = 0; i < conditions.length; i++) {
    const condition = conditions[i];
    if (condition.kind === "gp-within-two-years-of-cct" && cctLimit !== null && row.start && row.start > cctLimit) return true;
    if (condition.kind === "nurse-not-employed-in-previous-12-months" && row.employedInLast12Months === "yes") return true;
  }
  return false;
}

/** The row's months and findings on its own; `index` is its place in the input (and the MonthTable). */
function assessRow(row: RosterRow, index: number, context: Context): StaffRow {
  const findings = context.findingList;
  findings.pushAll(row.findings);
  let usable = validateRow(row, findings);
  const role = row.role ? context.rules.role(row.role) : null;
  // A blank role is MISSING_VALUE (validateRow), not also a role the tool does not know.
  if (row.roleText && !role && !isBlankText(row.roleText)) {
    findings.push(rowFinding("UNKNOWN_ROLE",
      flat`"${truncate(row.roleText)}" is not a role the tool recognises as an ARRS role: rename it to a scheme role (for example Clinical Pharmacist, Social Prescribing Link Worker, First Contact Physiotherapist).`,
      ENGINE_SOURCE.roles, row.rowNumber, "role"));
    usable = false;
  }

  // Days in post in each month (start and end both count); no start date: no days, in months of no days.
  const { spans, onCostRates } = context;
  const known = row.start !== null;
  const from = known ? dayNumber(row.start!) : 0;
  const to = !known || row.end === null ? Number.POSITIVE_INFINITY : dayNumber(row.end);
  // Each month is written once, here, straight into the table's columns (a call per month with nine
  // arguments was a fifth of this function's time). What is not written stays as a new table has it:
  // no days, no WTE, no cost, no maximum, nothing claimed.
  const table = context.table;
  const first = table.firstSlotOf(index);
  if (!usable || !role) {
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const slot = first + i;
      const daysInPost = known ? daysInPostIn(span, from, to) : 0;
      table.daysInPost[slot] = daysInPost;
      table.daysInMonth[slot] = known ? span.days : 0;
      table.limit[slot] = daysInPost > 0 ? INVALID_ROW : NOT_IN_POST;
    }
    return new StaffRow(row, role, false, table, index, context.findingList.take(true));
  }

  const rules = roleMonths(context, role);
  const wte = row.wte!;
  const cctLimit = row.cctDate ? addYears(row.cctDate, GP_YEARS_AFTER_CCT) : null;
  // The table works each month's WTE, cost and maximum out again when they are read (month-table.ts),
  // from the row's WTE and its annual cost with each set of on-cost rates, written here.
  table.rowWte[index] = wte;
  // The annual cost with the on-cost rates last used: months with the same rates cost the same.
  let costRates: OnCostRates | null = null;
  let annualCost = 0;
  let yearCost = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const slot = first + i;
    const daysInPost = known ? daysInPostIn(span, from, to) : 0;
    const daysInMonth = known ? span.days : 0;
    table.daysInMonth[slot] = daysInMonth;
    if (daysInPost === 0) {
      table.limit[slot] = NOT_IN_POST;
      continue;
    }
    if (onCostRates[i] !== costRates) {
      costRates = onCostRates[i];
      annualCost = annualCostTotal(row.annualSalary!, row.employerNi, row.employerPension, costRates);
      table.annualCost[index * table.costSets + table.costSetOf[i]] = annualCost;
    }
    // The table's own sums (month-table.ts), so that what it reads back is exactly what was claimed on.
    const cost = monthCost(daysInPost, daysInMonth, annualCost);
    yearCost += cost;
    table.daysInPost[slot] = daysInPost;
    const monthRules = rules[i];
    const rate = monthRules.rate;
    if (!monthRules.claimable) table.limit[slot] = ROLE_NOT_CLAIMABLE;
    else if (monthRules.conditions.length > 0 && personNotEligible(row, monthRules.conditions, cctLimit)) table.limit[slot] = NOT_ELIGIBLE;
    else if (!rate) table.limit[slot] = NO_RATE;
    else {
      const maximumForMonth = monthMaximum(daysInPost, daysInMonth, rate.amount, wte);
      const claimableCost = monthRules.share * cost;
      table.claimable[slot] = Math.min(claimableCost, maximumForMonth);
      table.rateNumber[slot] = monthRules.rateNumber;
      if (claimableCost > maximumForMonth) table.limit[slot] = OVER_MAX;
    }
  }
  // Months not in post cost 0, so leaving them out of the sum leaves it as the months' sum from April.
  table.yearCost[index] = yearCost;
  return new StaffRow(row, role, true, table, index, context.findingList.take(true));
}

/**
 * What a usable row's findings need to know about its twelve months, gathered in one pass over them
 * (see summariseMonths) rather than one per kind of finding.
 */
interface MonthsSummary {
  /** Months with days in post. */
  inPost: number;
  /** The first month with days in post, or -1. */
  firstInPost: number;
  /** Months in post when the role was not yet claimable. */
  notClaimable: number;
  /** Months in post when the person was not eligible (GP CCT, nurse 12 months). */
  notEligible: number;
  /** The condition of each kind in force in the last month in post that has one. */
  gpCondition: EligibilityCondition | null;
  nurseCondition: EligibilityCondition | null;
  /** Months without a maximum, and the first of them (-1: none). */
  noRate: number;
  firstNoRate: number;
  /** The first maximum used from another region (a London PCN on the national figure). */
  fallback: MaxAmount | null;
  /** The first maximum used in a month in post that is inferred or third-party, or the user's own. */
  unconfirmed: MaxAmount | null;
  own: MaxAmount | null;
  /** The first funded share in force in a month in post. */
  share: FundedShare | null;
  /** Months held to the maximum, the first of them (-1: none), and the cost above it in those months. */
  overMax: number;
  firstOverMax: number;
  overMaxMonthsGap: number;
  /** Some month in post had a blank on-cost and no statutory rate to estimate it with. */
  onCostUnknown: boolean;
  /** The year's claim and the cost above the maximum in every month, summed month by month from 0, April first, as the totals are. */
  claimable: number;
  overMaxGap: number;
}

/**
 * The summary of the row being finished, written afresh by summariseMonths for each usable row and
 * read before the next: one for the engine, not one per row (a new object for every row was a tenth
 * of all the engine allocated), nor one per check. A check's own summary died with the check, and
 * with it the hidden class that the finishing functions' optimised code was made for: V8 threw that
 * code away ("weak objects") and the next check began those functions unoptimised.
 */
const ROW_SUMMARY: MonthsSummary = {
  inPost: 0, firstInPost: -1, notClaimable: 0, notEligible: 0, gpCondition: null, nurseCondition: null, noRate: 0, firstNoRate: -1,
  fallback: null, unconfirmed: null, own: null, share: null, overMax: 0, firstOverMax: -1, overMaxMonthsGap: 0, onCostUnknown: false,
  claimable: 0, overMaxGap: 0,
};

/**
 * A usable row's months summed up, with its role's rules, into ROW_SUMMARY. It reads the month
 * table's columns directly: through StaffMonths' methods, made for readers one month at a time, this
 * loop took about 50 ms at 100,000 rows.
 */
function summariseMonths(draft: StaffRow, rules: RoleMonth[], context: Context): MonthsSummary {
  const { row, table } = draft;
  const first = draft.firstSlot;
  const region = context.settings.region;
  const onCostBlank = row.employerNi === null || row.employerPension === null;
  let inPost = 0, firstInPost = -1, notClaimable = 0, notEligible = 0;
  let noRate = 0, firstNoRate = -1, overMax = 0, firstOverMax = -1, overMaxMonthsGap = 0;
  let gpCondition: EligibilityCondition | null = null;
  let nurseCondition: EligibilityCondition | null = null;
  let fallback: MaxAmount | null = null;
  let unconfirmed: MaxAmount | null = null;
  let own: MaxAmount | null = null;
  let share: FundedShare | null = null;
  let unknownOnCost = false;
  let claimable = 0, overMaxGap = 0;
  for (let i = 0; i < rules.length; i++) {
    const slot = first + i;
    const limit = table.limit[slot];
    // Cost is above the maximum only in a month assessRow held to it (OVER_MAX), which a cap may have
    // held lower since (BEYOND_CAP): in any other month the gap is 0, and is not worked out.
    const gap = limit === OVER_MAX || limit === BEYOND_CAP ? overMaxGapIn(table, slot, rules[i].share) : 0;
    claimable += table.claimable[slot];
    overMaxGap += gap;
    if (limit === NO_RATE) {
      noRate += 1;
      if (firstNoRate < 0) firstNoRate = i;
    }
    if (limit === OVER_MAX) {
      overMax += 1;
      if (firstOverMax < 0) firstOverMax = i;
      overMaxMonthsGap += gap;
    }
    const rate = table.rateAt(slot);
    if (rate && !fallback && rate.region !== region) fallback = rate;
    if (table.daysInPost[slot] === 0) continue;

    inPost += 1;
    if (firstInPost < 0) firstInPost = i;
    if (limit === ROLE_NOT_CLAIMABLE) notClaimable += 1;
    if (limit === NOT_ELIGIBLE) notEligible += 1;
    const conditions = rules[i].conditions;
    for (let k = 0; k < conditions.length; k++) {
      const c = conditions[k];
      if (c.kind === "gp-within-two-years-of-cct") gpCondition = c;
      else if (c.kind === "nurse-not-employed-in-previous-12-months") nurseCondition = c;
    }
    if (rate) {
      if (!unconfirmed && (rate.confidence === "inferred" || rate.confidence === "third-party")) unconfirmed = rate;
      if (!own && rate.confidence === "user") own = rate;
      if (!share && rules[i].fundedShare) share = rules[i].fundedShare;
    }
    if (onCostBlank && !unknownOnCost) unknownOnCost = onCostUnknown(row.employerNi, row.employerPension, context.onCostRates[i]);
  }
  const summary = ROW_SUMMARY;
  summary.inPost = inPost; summary.firstInPost = firstInPost; summary.notClaimable = notClaimable; summary.notEligible = notEligible;
  summary.gpCondition = gpCondition; summary.nurseCondition = nurseCondition; summary.noRate = noRate; summary.firstNoRate = firstNoRate;
  summary.fallback = fallback; summary.unconfirmed = unconfirmed; summary.own = own; summary.share = share;
  summary.overMax = overMax; summary.firstOverMax = firstOverMax; summary.overMaxMonthsGap = overMaxMonthsGap; summary.onCostUnknown = unknownOnCost;
  summary.claimable = claimable; summary.overMaxGap = overMaxGap;
  return summary;
}

function truncate(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function monthList(count: number, firstMonth: IsoDate): string {
  if (count === 0) return "";
  const first = formatUkDate(firstMonth);
  if (count === 1) return `the month from ${first}`;
  return `${count} months from ${first}`;
}

/**
 * The row's findings about roles, rates, costs and eligibility, once the monthly claims are settled,
 * and its figures for the year: the row is then its StaffResult.
 */
function finishRow(draft: StaffRow, context: Context): void {
  const { row, roleDefinition: role } = draft;
  const findings = context.findingList;
  findings.pushAll(draft.findings);

  // A usable row's on-costs, given or estimated, and its annual cost, with the on-cost rates of its
  // first month in post (April's when it is not in post this year). A row that cannot be claimed
  // keeps its on-costs as given (StaffRow), and has no annual cost.
  let employerNi = 0;
  let employerPension = 0;
  let annualCost = 0;
  // A row that cannot be claimed has nothing claimed and no maximum in any month (assessRow): its
  // claim and its cost above the maximum are 0.
  let claimable = 0;
  let overMaxGap = 0;
  if (draft.usable && role) {
    // The role's rules month by month, for the findings and for the funded share of each month's gap.
    const rules = roleMonths(context, role);
    const summary = summariseMonths(draft, rules, context);
    claimable = summary.claimable;
    overMaxGap = summary.overMaxGap;
    addClaimableFindings(draft, role, findings, context, summary);
    addEligibilityFindings(draft, role, findings, context, summary);
    addRateFindings(draft, role, findings, context, summary);
    const rates = context.onCostRates[summary.firstInPost < 0 ? 0 : summary.firstInPost];
    const salary = row.annualSalary!;
    employerNi = employerNiFor(salary, row.employerNi, rates);
    employerPension = employerPensionFor(salary, row.employerPension, rates);
    annualCost = salary + employerNi + employerPension;
    if (summary.firstInPost >= 0) addCostFindings(row, findings, context, employerNi, employerPension, summary);
  }

  const rowFindings = findings.take(false);
  if (rowFindings.length > 1) sortBySeverity(rowFindings);
  draft.finish(rowFindings, statusOf(rowFindings), claimable, overMaxGap, employerNi, employerPension, annualCost);
}

/** A role's messages made so far, by their key (Context.noRateMessages, notClaimableMessages). */
function messagesOfRole(byRole: Map<RoleId, string[]>, role: RoleDefinition): string[] {
  let messages = byRole.get(role.id);
  if (messages === undefined) byRole.set(role.id, (messages = []));
  return messages;
}

/** NOT_IN_YEAR and ROLE_NOT_ELIGIBLE: time in post with nothing to claim. */
function addClaimableFindings(draft: StaffRow, role: RoleDefinition, findings: FindingList, context: Context, summary: MonthsSummary): void {
  const { row } = draft;
  const { inPost, notClaimable } = summary;
  if (inPost === 0) {
    findings.push(rowFinding("NOT_IN_YEAR", flat`Not in post during ${context.year.label} (${formatUkDate(row.start!)} to ${row.end ? formatUkDate(row.end) : "no end date"}): nothing to claim this year.`, ENGINE_SOURCE.claimFormula, row.rowNumber));
  }
  if (notClaimable > 0) {
    const all = notClaimable === inPost;
    const messages = messagesOfRole(context.notClaimableMessages, role);
    const key = all ? 0 : notClaimable;
    let message = messages[key];
    if (message === undefined) {
      message = all ? flat`${role.name} was not claimable under ARRS until ${formatUkDate(role.claimableFrom)}: nothing is claimable for this time in post.`
        : flat`${role.name} became claimable on ${formatUkDate(role.claimableFrom)}: claimable from that date only (${notClaimable} earlier month(s) not claimed).`;
      messages[key] = message;
    }
    findings.push(rowFinding("ROLE_NOT_ELIGIBLE", message, describeSource(role), row.rowNumber, "role", all ? "error" : "warning"));
  }
}

function addEligibilityFindings(draft: StaffRow, role: RoleDefinition, findings: FindingList, context: Context, summary: MonthsSummary): void {
  const { row } = draft;
  const gp = summary.gpCondition;
  const nurse = summary.nurseCondition;
  if (gp) {
    if (!row.cctDate) {
      findings.push(rowFinding("GP_ELIGIBILITY", flat`Confirm this GP started within ${GP_YEARS_AFTER_CCT} years of their CCT and was not previously substantively employed as a GP in general practice, and add their CCT date (a "Date of CCT" column).`, describeSource(gp), row.rowNumber, "cctDate", "warning"));
    } else if (summary.notEligible > 0) {
      findings.push(rowFinding("GP_ELIGIBILITY", flat`Started ${formatUkDate(row.start!)}, more than ${GP_YEARS_AFTER_CCT} years after CCT on ${formatUkDate(row.cctDate)}: not claimable as an ARRS GP in ${context.year.label}. Remove the claim, or correct the CCT date.`, describeSource(gp), row.rowNumber, "cctDate", "error"));
    }
  }
  if (nurse) {
    if (row.employedInLast12Months === "yes") {
      findings.push(rowFinding("NURSE_12_MONTH_RULE", flat`Employed by the PCN or a member practice in the previous 12 months, so not claimable as ${role.name}. If they were recruited to a more senior or specialist nursing role, write "Promoted" in that column.`, describeSource(nurse), row.rowNumber, "employedInLast12Months", "error"));
    } else if (row.employedInLast12Months === null) {
      findings.push(rowFinding("NURSE_12_MONTH_RULE", `Confirm this person was not employed by the PCN or a member practice in the 12 months before starting (add a column "Employed in PCN in last 12 months" with Yes, No or Promoted).`, describeSource(nurse), row.rowNumber, "employedInLast12Months", "warning"));
    } else if (row.employedInLast12Months === "promoted") {
      findings.push(rowFinding("NURSE_12_MONTH_RULE", `Claimed on the basis that they were recruited to a more senior or specialist nursing role: keep the evidence with the claim.`, describeSource(nurse), row.rowNumber, "employedInLast12Months", "info"));
    }
  }
}

function addRateFindings(draft: StaffRow, role: RoleDefinition, findings: FindingList, context: Context, summary: MonthsSummary): void {
  const { row, table } = draft;
  const region = context.settings.region;
  const { noRate, firstNoRate, fallback, unconfirmed, own, overMax, firstOverMax, share } = summary;
  if (noRate > 0) {
    const messages = messagesOfRole(context.noRateMessages, role);
    const key = firstNoRate * 12 + noRate - 1;
    let message = messages[key];
    if (message === undefined) {
      message = `No maximum amount is on record for ${role.name} (${region === "national" ? "national rate" : region.replace("-", " ")}) for ${monthList(noRate, table.months[firstNoRate])}: 0 is claimed for ${noRate === 1 ? "it" : "them"}. Add the figure from Table 2 of the DES to an "ARRS max reimb" sheet.`;
      messages[key] = message;
    }
    findings.push(rowFinding("NO_RATE", message, ENGINE_SOURCE.claimFormula, row.rowNumber, "role"));
  }
  if (fallback) {
    findings.push(rowFinding("LONDON_RATE_MISSING",
      flat`No ${region.replace("-", " ")} maximum is on record for ${role.name}: the national maximum (${formatWholePounds(fallback.amount)}) was used, which may under-claim. Add the London figure to an "ARRS max reimb" sheet.`,
      describeSource(fallback), row.rowNumber));
  }
  if (unconfirmed) {
    const r = unconfirmed;
    // The same words and details for every row that used this maximum: made once per run, and shared
    // (findings are never changed once made).
    let words = context.rateMessages.get(r);
    if (words === undefined) {
      words = {
        message: `The maximum used, ${formatWholePounds(r.amount)} from ${formatUkDate(r.from)}, is ${r.confidence === "inferred" ? "inferred" : "a third-party figure"}, not confirmed against the DES${r.note ? ` (${firstSentence(r.note)})` : ""}. Check it against Table 2, or give your own figure in an "ARRS max reimb" sheet.`,
        details: { amount: r.amount, from: r.from, confidence: r.confidence, reasoning: r.note ?? null },
      };
      context.rateMessages.set(r, words);
    }
    findings.push(rowFinding("RATE_UNCONFIRMED", words.message, describeSource(r), row.rowNumber, undefined, undefined, words.details));
  }
  if (own) {
    findings.push(rowFinding("USER_RATE_USED", `Maximum ${formatWholePounds(own.amount)} taken from this workbook's ${own.source.title.replace(" in this workbook", "")} (${own.source.section}).`, describeSource(own), row.rowNumber));
  }
  if (overMax > 0 && row.wte !== null) {
    const rate = table.rateAt(draft.firstSlot + firstOverMax)!;
    const annualCost = annualCostTotal(row.annualSalary!, row.employerNi, row.employerPension, context.onCostRates[firstOverMax]);
    findings.push(rowFinding("OVER_MAX",
      flat`Costs ${formatMoney(annualCost)} a year, above the maximum ${formatWholePounds(rate.amount)} × ${formatWte(row.wte)} WTE = ${formatMoney(rate.amount * row.wte)}: the claim is limited to the maximum and the PCN funds the gap (${formatMoney(summary.overMaxMonthsGap)} this year).`,
      describeSource(rate), row.rowNumber, undefined, undefined, { annualCost, maximum: rate.amount, wte: row.wte }));
  }
  if (share) {
    findings.push(rowFinding("PART_FUNDED", flat`Only ${Math.round(share.share * 100)}% of the cost of a ${role.name} is reimbursable in this period${share.note ? `: ${share.note}` : "."}`, describeSource(share), row.rowNumber));
  }
}

/**
 * Cost above the maximum in one slot of the month table (on the reimbursable share of cost, looked
 * up by the caller), funded by the PCN.
 */
function overMaxGapIn(table: MonthTable, slot: number, share: number): number {
  if (table.daysInPost[slot] === 0) return 0;
  const maximumForMonth = table.maximumAt(slot);
  if (Number.isNaN(maximumForMonth)) return 0;
  return Math.max(0, share * table.costAt(slot) - maximumForMonth);
}

/** ONCOSTS_ESTIMATED's opening words and the field it names, by which on-costs were blank. */
const ESTIMATED_ONCOSTS = {
  both: { words: "Employer NI and employer pension were blank and have been estimated", field: "employerNi" },
  ni: { words: "Employer NI was blank and has been estimated", field: "employerNi" },
  pension: { words: "Employer pension was blank and has been estimated", field: "employerPension" },
} as const;

/** ONCOSTS_ESTIMATED and unknown on-costs, for a row in post this year, with the on-costs of its first month in post. */
function addCostFindings(row: RosterRow, findings: FindingList, context: Context, employerNi: number, employerPension: number, summary: MonthsSummary): void {
  const niEstimated = row.employerNi === null;
  const pensionEstimated = row.employerPension === null;
  if (niEstimated || pensionEstimated) {
    const estimated = ESTIMATED_ONCOSTS[niEstimated && pensionEstimated ? "both" : niEstimated ? "ni" : "pension"];
    findings.push(rowFinding("ONCOSTS_ESTIMATED",
      flat`${estimated.words} (${formatMoney(employerNi)} NI, ${formatMoney(employerPension)} pension a year): enter the actual figures from payroll.`,
      ENGINE_SOURCE.onCosts, row.rowNumber, estimated.field));
  }
  if (summary.onCostUnknown) {
    findings.push(rowFinding("MISSING_VALUE", flat`An on-cost is blank and no statutory rate is on record to estimate it for some months of ${context.year.label}; it was counted as £0, which may under-claim. Enter employer NI and pension.`, ENGINE_SOURCE.onCosts, row.rowNumber, "employerNi", "warning"));
  }
}

function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  const sentence = (end === -1 ? text : text.slice(0, end)).replace(/\.$/, "");
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** PCN-level notes about the rates used: built-in 2025/26 amounts predate the August 2025 uplift. */
function addRateFindingsForPcn(staff: StaffResult[], context: Context, pcnFindings: Finding[]): void {
  // The uplift, if any, of each month of the year: most years have none, and then nobody is looked at.
  const uplifts = new Map(context.year.months.map((month) => [month, context.rules.unpublishedUplift(month)]));
  const upliftOf = (month: IsoDate) => (uplifts.has(month) ? uplifts.get(month)! : context.rules.unpublishedUplift(month));
  // The first month, row by row, that used a built-in maximum in a month with an uplift.
  let uplifted: { month: IsoDate; rate: MaxAmount } | undefined;
  if ([...uplifts.values()].some((u) => u !== null)) {
    for (let p = 0; p < staff.length; p++) {
      const months = staff[p].months;
      for (let i = 0; i < months.length && !uplifted; i++) {
        const rate = months.rate(i);
        if (rate && rate.confidence !== "user" && upliftOf(months.month(i))) uplifted = { month: months.month(i), rate };
      }
      if (uplifted) break;
    }
  }
  if (uplifted) {
    const uplift = context.rules.unpublishedUplift(uplifted.month)!;
    pcnFindings.push(finding("RATE_BEFORE_UPLIFT",
      `Built-in maximum amounts for ${context.year.label} are those published before ${uplift.description}. Claims limited by a maximum may be under-stated: put the uplifted figures in an "ARRS max reimb" sheet when you have them.`,
      describeSource(uplifted.rate)));
  }
}
