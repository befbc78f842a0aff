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
import { annualCostForMonth, annualCostTotal, onCostRatesForMonth, onCostUnknown, type AnnualCost, type OnCostRates } from "./costs";
import { bySeverity, ENGINE_SOURCE, finding, sortBySeverity, statusOf } from "./findings";
import { daysInPostIn, monthSpans, type MonthSpan } from "./months";
import { applyCaps } from "./caps";
import { findDuplicatePeople } from "./duplicates";
import { summariseByRole, pcnTotals } from "./totals";
import { MonthTable, type StaffMonths } from "./month-table";
import { NO_FINDINGS, type RowDraft } from "./draft";
import type { CheckResult, PcnSettings, StaffResult } from "./types";

export class InvalidSettingsError extends Error {}

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

  /** The findings gathered, at their exact length, and the list emptied. NO_FINDINGS for none when `shareEmpty`. */
  take(shareEmpty: boolean): Finding[] {
    if (this.count === 0 && shareEmpty) return NO_FINDINGS as Finding[];
    const taken = this.items.slice(0, this.count);
    this.count = 0;
    return taken;
  }
}

/** What the rules say for one role in one month: looked up once per run, not once per row. */
interface RoleMonth {
  claimable: boolean;
  conditions: EligibilityCondition[];
  rate: MaxAmount | null;
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
  /** Every row's months, row by row in input order. */
  table: MonthTable;
  /** Day numbers of the start and end dates seen so far: dates repeat from row to row. */
  dayNumbers: Map<IsoDate, number>;
  /** Where each row's findings are gathered (see FindingList). */
  findingList: FindingList;
}

export function checkRoster(input: { rows: readonly RosterRow[]; settings: PcnSettings; rules?: RuleSet }): CheckResult {
  const rules = input.rules ?? new RuleSet();
  const year = parseFinancialYear(input.settings.financialYear);
  if (!year) throw new InvalidSettingsError(`"${input.settings.financialYear}" is not a financial year; write it as 2025/26.`);
  const settings: PcnSettings = { ...input.settings, financialYear: year.label };
  const context: Context = {
    year, settings, rules, roleMonths: new Map(),
    onCostRates: sharedWhereEqual(year.months.map((m) => onCostRatesForMonth(m, rules))), spans: monthSpans(year),
    rateMessages: new Map(),
    noRateMessages: new Map(),
    dayNumbers: new Map(),
    table: new MonthTable(input.rows.length, year.months),
    findingList: new FindingList(),
  };

  const drafts = input.rows.map((row, index) => assessRow(row, index, context));
  const pcnFindings: Finding[] = [];
  applyCaps(drafts, { rules, listSize: settings.listSize, year, pcnFindings });
  findDuplicatePeople(drafts);

  const staff = drafts.map((draft) => finishRow(draft, context));
  const byRole = summariseByRole(staff, drafts, rules, settings.listSize, year);
  const { totals, entitlement } = pcnTotals(staff, settings, year, rules, pcnFindings);
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

function hasFinding(row: RosterRow, field: string): boolean {
  return row.findings.length > 0 && row.findings.some((f) => f.field === field);
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
  findings.push(finding("MISSING_VALUE", `${what} is blank: ${fix}`, ENGINE_SOURCE.requiredValues, { rowNumber: row.rowNumber, field }));
  return false;
}

/** INVALID_AMOUNT for a salary or on-cost that is negative or not a number. False when the row cannot be claimed because of it. */
function checkAmount(row: RosterRow, findings: FindingList, field: string, value: number | null, label: string): boolean {
  if (value === null || hasFinding(row, field) || (Number.isFinite(value) && value >= 0)) return true;
  findings.push(finding("INVALID_AMOUNT", `The ${label} ${value} is not a usable amount: enter a positive annual figure in pounds.`, ENGINE_SOURCE.claimFormula, { rowNumber: row.rowNumber, field }));
  return false;
}

/**
 * Required values and their sanity, for rows that did not come through the roster reader too. Written
 * as plain calls rather than a closure and a table of fields, which made several objects on every row.
 */
function validateRow(row: RosterRow, findings: FindingList): boolean {
  let usable = !hasUnreadableValue(row);
  if (row.roleText === null || row.roleText.trim() === "") usable = reportMissing(row, findings, "role", "The role", "enter the person's ARRS role (for example Clinical Pharmacist).") && usable;
  if (row.wte === null) usable = reportMissing(row, findings, "wte", "The WTE", "enter WTE, hours per week (37.5 = 1.0) or GP sessions (9 = 1.0).") && usable;
  if (row.start === null) usable = reportMissing(row, findings, "start", "The start date", "enter the date the person started in post (DD/MM/YYYY).") && usable;
  if (row.annualSalary === null) usable = reportMissing(row, findings, "annualSalary", "The salary", "enter the annual salary actually paid at their WTE.") && usable;

  if (row.wte !== null && !hasFinding(row, "wte") && !(row.wte > 0 && row.wte <= 1)) {
    findings.push(finding("INVALID_WTE", `WTE ${row.wte} is outside 0 to 1.0: correct the WTE (37.5 hours a week = 1.0).`, ENGINE_SOURCE.claimFormula, { rowNumber: row.rowNumber, field: "wte" }));
    usable = false;
  }
  usable = checkAmount(row, findings, "annualSalary", row.annualSalary, "salary") && usable;
  usable = checkAmount(row, findings, "employerNi", row.employerNi, "employer NI") && usable;
  usable = checkAmount(row, findings, "employerPension", row.employerPension, "employer pension") && usable;
  if (row.start !== null && row.end !== null && row.end < row.start) {
    findings.push(finding("END_BEFORE_START", `The end date ${formatUkDate(row.end)} is before the start date ${formatUkDate(row.start)}: correct one of them.`, ENGINE_SOURCE.claimFormula, { rowNumber: row.rowNumber, field: "end" }));
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
      share: fundedShare?.share ?? 1,
      fundedShare,
    };
  });
  context.roleMonths.set(role.id, result);
  return result;
}

/** Why a person in a role is not claimable in a month, beyond the role itself (GP CCT, nurse 12 months). */
function personNotEligible(row: RosterRow, conditions: EligibilityCondition[]): boolean {
  for (let i = 0; i < conditions.length; i++) {
    const condition = conditions[i];
    if (condition.kind === "gp-within-two-years-of-cct" && row.cctDate && row.start && row.start > addYears(row.cctDate, GP_YEARS_AFTER_CCT)) return true;
    if (condition.kind === "nurse-not-employed-in-previous-12-months" && row.employedInLast12Months === "yes") return true;
  }
  return false;
}

/** dayNumber, remembered for the check: working one out makes several small strings, twice a row. */
function dayNumberOf(context: Context, date: IsoDate): number {
  let day = context.dayNumbers.get(date);
  if (day === undefined) {
    day = dayNumber(date);
    context.dayNumbers.set(date, day);
  }
  return day;
}

/** The row's months and findings on its own; `index` is its place in the input (and the MonthTable). */
function assessRow(row: RosterRow, index: number, context: Context): RowDraft {
  const findings = context.findingList;
  findings.pushAll(row.findings);
  let usable = validateRow(row, findings);
  const role = row.role ? context.rules.role(row.role) : null;
  if (row.roleText && !role) {
    findings.push(finding("UNKNOWN_ROLE",
      `"${truncate(row.roleText)}" is not a role the tool recognises as an ARRS role: rename it to a scheme role (for example Clinical Pharmacist, Social Prescribing Link Worker, First Contact Physiotherapist).`,
      ENGINE_SOURCE.roles, { rowNumber: row.rowNumber, field: "role" }));
    usable = false;
  }

  // Days in post in each month (start and end both count); no start date: no days, in months of no days.
  const { spans, onCostRates } = context;
  const known = row.start !== null;
  const from = known ? dayNumberOf(context, row.start!) : 0;
  const to = !known || row.end === null ? Number.POSITIVE_INFINITY : dayNumberOf(context, row.end);
  const months = context.table.row(index);
  if (!usable || !role) {
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const daysInPost = known ? daysInPostIn(span, from, to) : 0;
      if (daysInPost > 0) months.set(i, daysInPost, span.days, 0, 0, "invalid-row");
      else months.set(i, 0, known ? span.days : 0, 0, 0, "not-in-post");
    }
    return { row, role, usable: false, months, findings: context.findingList.take(true) };
  }

  const rules = roleMonths(context, role);
  const wte = row.wte!;
  // The annual cost with the on-cost rates last used: months with the same rates cost the same.
  let costRates: OnCostRates | null = null;
  let annualCost = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const daysInPost = known ? daysInPostIn(span, from, to) : 0;
    const daysInMonth = known ? span.days : 0;
    if (daysInPost === 0) {
      months.set(i, 0, daysInMonth, 0, 0, "not-in-post");
      continue;
    }
    if (onCostRates[i] !== costRates) {
      costRates = onCostRates[i];
      annualCost = annualCostTotal(row.annualSalary!, row.employerNi, row.employerPension, costRates);
    }
    const fraction = daysInPost / daysInMonth;
    const monthCost = (fraction * annualCost) / 12;
    const monthRules = rules[i];
    if (!monthRules.claimable) { months.set(i, daysInPost, daysInMonth, wte, monthCost, "role-not-claimable"); continue; }
    if (personNotEligible(row, monthRules.conditions)) { months.set(i, daysInPost, daysInMonth, wte, monthCost, "not-eligible"); continue; }
    const rate = monthRules.rate;
    if (!rate) { months.set(i, daysInPost, daysInMonth, wte, monthCost, "no-rate"); continue; }
    const maximumForMonth = (fraction * rate.amount * wte) / 12;
    const claimableCost = monthRules.share * monthCost;
    const claimable = Math.min(claimableCost, maximumForMonth);
    months.set(i, daysInPost, daysInMonth, wte, monthCost, claimableCost > maximumForMonth ? "over-max" : null, rate, maximumForMonth, claimable);
  }
  return { row, role, usable: true, months, findings: context.findingList.take(true) };
}

/** A usable row's annual cost (salary + employer NI + employer pension) with one month's on-cost rates. */
function rowAnnualCost(row: RosterRow, rates: OnCostRates): AnnualCost {
  return annualCostForMonth({ salary: row.annualSalary!, employerNi: row.employerNi, employerPension: row.employerPension, rates });
}

/** What a usable row's on-costs were over its months in post, as its findings and its result need them. */
interface CostsInPost {
  /** The cost in force in the first month in post; null when not in post this year. */
  first: AnnualCost | null;
  /** Whether some month in post had a blank on-cost and no rate to estimate it with. */
  onCostUnknown: boolean;
}

/**
 * The costs assessRow used, looked at again rather than kept from assessRow: keeping them held an
 * array and a cost object for every row until its findings were written. Estimated on-costs are the
 * blank ones, so only the first month's cost is made whole.
 */
function costsInPost(row: RosterRow, months: StaffMonths, onCostRates: OnCostRates[]): CostsInPost {
  let firstInPost = -1;
  let unknown = false;
  for (let i = 0; i < months.length; i++) {
    if (months.daysInPost(i) === 0) continue;
    if (firstInPost < 0) firstInPost = i;
    unknown ||= onCostUnknown(row.employerNi, row.employerPension, onCostRates[i]);
  }
  return { first: firstInPost < 0 ? null : rowAnnualCost(row, onCostRates[firstInPost]), onCostUnknown: unknown };
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

/** The row's findings about roles, rates, costs and eligibility, once the monthly claims are settled. */
function finishRow(draft: RowDraft, context: Context): StaffResult {
  const { row, role, months } = draft;
  const { year } = context;
  const findings = context.findingList;
  findings.pushAll(draft.findings);

  let firstCost: AnnualCost | null = null;
  // The role's rules month by month, for the findings and for the funded share of each month's gap.
  const rules = role ? roleMonths(context, role) : null;
  if (draft.usable && role && rules) {
    let inPost = 0;
    let notClaimable = 0;
    for (let i = 0; i < months.length; i++) {
      if (months.daysInPost(i) > 0) {
        inPost += 1;
        if (months.limit(i) === "role-not-claimable") notClaimable += 1;
      }
    }
    if (inPost === 0) {
      findings.push(finding("NOT_IN_YEAR", `Not in post during ${year.label} (${formatUkDate(row.start!)} to ${row.end ? formatUkDate(row.end) : "no end date"}): nothing to claim this year.`, ENGINE_SOURCE.claimFormula, { rowNumber: row.rowNumber }));
    }
    if (notClaimable > 0) {
      const all = notClaimable === inPost;
      findings.push(finding("ROLE_NOT_ELIGIBLE",
        all ? `${role.name} was not claimable under ARRS until ${formatUkDate(role.claimableFrom)}: nothing is claimable for this time in post.`
          : `${role.name} became claimable on ${formatUkDate(role.claimableFrom)}: claimable from that date only (${notClaimable} earlier month(s) not claimed).`,
        describeSource(role), { rowNumber: row.rowNumber, field: "role", severity: all ? "error" : "warning" }));
    }
    const costs = costsInPost(row, months, context.onCostRates);
    addEligibilityFindings(draft, findings, context, rules);
    addRateFindings(draft, findings, context, rules);
    addCostFindings(row, findings, context, costs);
    firstCost = costs.first ?? rowAnnualCost(row, context.onCostRates[0]);
  }

  const rowFindings = findings.take(false);
  if (rowFindings.length > 1) sortBySeverity(rowFindings);
  // Summed month by month from 0, April first, as the totals are.
  let claimable = 0;
  let overMaxGap = 0;
  for (let i = 0; i < months.length; i++) {
    claimable += months.claimable(i);
    overMaxGap += rules ? overMaxGapAt(months, i, rules[i].share) : 0;
  }
  const status = statusOf(rowFindings);
  return {
    rowNumber: row.rowNumber, name: row.name, staffId: row.staffId, role: role?.id ?? null, roleName: role?.name ?? null,
    roleText: row.roleText, wte: row.wte, start: row.start, end: row.end, salary: row.annualSalary,
    employerNi: firstCost?.employerNi ?? row.employerNi, employerPension: firstCost?.employerPension ?? row.employerPension,
    onCostsEstimated: firstCost ? firstCost.niEstimated || firstCost.pensionEstimated : false,
    annualCost: firstCost?.total ?? null, months, claimable, overMaxGap, findings: rowFindings, status,
  };
}

function addEligibilityFindings(draft: RowDraft, findings: FindingList, context: Context, rules: RoleMonth[]): void {
  const { row, role, months } = draft;
  if (!role) return;
  // The condition of each kind in force in the last month in post that has one.
  let gp: EligibilityCondition | undefined;
  let nurse: EligibilityCondition | undefined;
  let ineligible = 0;
  for (let i = 0; i < months.length; i++) {
    if (months.daysInPost(i) <= 0) continue;
    const conditions = rules[i].conditions;
    for (let k = 0; k < conditions.length; k++) {
      const c = conditions[k];
      if (c.kind === "gp-within-two-years-of-cct") gp = c;
      else if (c.kind === "nurse-not-employed-in-previous-12-months") nurse = c;
    }
    if (months.limit(i) === "not-eligible") ineligible += 1;
  }
  if (!gp && !nurse) return;

  if (gp) {
    if (!row.cctDate) {
      findings.push(finding("GP_ELIGIBILITY", `Confirm this GP started within ${GP_YEARS_AFTER_CCT} years of their CCT and was not previously substantively employed as a GP in general practice, and add their CCT date (a "Date of CCT" column).`, describeSource(gp), { rowNumber: row.rowNumber, field: "cctDate", severity: "warning" }));
    } else if (ineligible > 0) {
      findings.push(finding("GP_ELIGIBILITY", `Started ${formatUkDate(row.start!)}, more than ${GP_YEARS_AFTER_CCT} years after CCT on ${formatUkDate(row.cctDate)}: not claimable as an ARRS GP in ${context.year.label}. Remove the claim, or correct the CCT date.`, describeSource(gp), { rowNumber: row.rowNumber, field: "cctDate", severity: "error" }));
    }
  }
  if (nurse) {
    if (row.employedInLast12Months === "yes") {
      findings.push(finding("NURSE_12_MONTH_RULE", `Employed by the PCN or a member practice in the previous 12 months, so not claimable as ${role.name}. If they were recruited to a more senior or specialist nursing role, write "Promoted" in that column.`, describeSource(nurse), { rowNumber: row.rowNumber, field: "employedInLast12Months", severity: "error" }));
    } else if (row.employedInLast12Months === null) {
      findings.push(finding("NURSE_12_MONTH_RULE", `Confirm this person was not employed by the PCN or a member practice in the 12 months before starting (add a column "Employed in PCN in last 12 months" with Yes, No or Promoted).`, describeSource(nurse), { rowNumber: row.rowNumber, field: "employedInLast12Months", severity: "warning" }));
    } else if (row.employedInLast12Months === "promoted") {
      findings.push(finding("NURSE_12_MONTH_RULE", `Claimed on the basis that they were recruited to a more senior or specialist nursing role: keep the evidence with the claim.`, describeSource(nurse), { rowNumber: row.rowNumber, field: "employedInLast12Months", severity: "info" }));
    }
  }
}

function addRateFindings(draft: RowDraft, findings: FindingList, context: Context, rules: RoleMonth[]): void {
  const { row, role, months } = draft;
  if (!role) return;
  const region = context.settings.region;
  // One pass over the months: the first of each kind (by its index in the year), and how many.
  let noRate = 0;
  let firstNoRate = -1;
  let fallback: MaxAmount | null = null;
  let unconfirmed: MaxAmount | null = null;
  let own: MaxAmount | null = null;
  let overMax = 0;
  let firstOverMax = -1;
  let gap = 0;
  let share: FundedShare | null = null;
  for (let i = 0; i < months.length; i++) {
    const limit = months.limit(i);
    if (limit === "no-rate") {
      noRate += 1;
      if (firstNoRate < 0) firstNoRate = i;
    }
    const rate = months.rate(i);
    if (rate) {
      if (!fallback && rate.region !== region) fallback = rate;
      if (months.daysInPost(i) > 0) {
        if (!unconfirmed && (rate.confidence === "inferred" || rate.confidence === "third-party")) unconfirmed = rate;
        if (!own && rate.confidence === "user") own = rate;
        if (!share && rules[i].fundedShare) share = rules[i].fundedShare;
      }
    }
    if (limit === "over-max") {
      overMax += 1;
      if (firstOverMax < 0) firstOverMax = i;
      gap += overMaxGapAt(months, i, rules[i].share);
    }
  }
  if (noRate > 0) {
    let messages = context.noRateMessages.get(role.id);
    if (messages === undefined) context.noRateMessages.set(role.id, (messages = []));
    const key = firstNoRate * 12 + noRate - 1;
    let message = messages[key];
    if (message === undefined) {
      message = `No maximum amount is on record for ${role.name} (${region === "national" ? "national rate" : region.replace("-", " ")}) for ${monthList(noRate, months.month(firstNoRate))}: 0 is claimed for ${noRate === 1 ? "it" : "them"}. Add the figure from Table 2 of the DES to an "ARRS max reimb" sheet.`;
      messages[key] = message;
    }
    findings.push(finding("NO_RATE", message, ENGINE_SOURCE.claimFormula, { rowNumber: row.rowNumber, field: "role" }));
  }
  if (fallback) {
    findings.push(finding("LONDON_RATE_MISSING",
      `No ${region.replace("-", " ")} maximum is on record for ${role.name}: the national maximum (${formatWholePounds(fallback.amount)}) was used, which may under-claim. Add the London figure to an "ARRS max reimb" sheet.`,
      describeSource(fallback), { rowNumber: row.rowNumber }));
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
    findings.push(finding("RATE_UNCONFIRMED", words.message, describeSource(r), { rowNumber: row.rowNumber, details: words.details }));
  }
  if (own) {
    findings.push(finding("USER_RATE_USED", `Maximum ${formatWholePounds(own.amount)} taken from this workbook's ${own.source.title.replace(" in this workbook", "")} (${own.source.section}).`, describeSource(own), { rowNumber: row.rowNumber }));
  }
  if (overMax > 0 && row.wte !== null) {
    const rate = months.rate(firstOverMax)!;
    const annualCost = annualCostTotal(row.annualSalary!, row.employerNi, row.employerPension, context.onCostRates[firstOverMax]);
    findings.push(finding("OVER_MAX",
      `Costs ${formatMoney(annualCost)} a year, above the maximum ${formatWholePounds(rate.amount)} × ${formatWte(row.wte)} WTE = ${formatMoney(rate.amount * row.wte)}: the claim is limited to the maximum and the PCN funds the gap (${formatMoney(gap)} this year).`,
      describeSource(rate), { rowNumber: row.rowNumber, details: { annualCost, maximum: rate.amount, wte: row.wte } }));
  }
  if (share) {
    findings.push(finding("PART_FUNDED", `Only ${Math.round(share.share * 100)}% of the cost of a ${role.name} is reimbursable in this period${share.note ? `: ${share.note}` : "."}`, describeSource(share), { rowNumber: row.rowNumber }));
  }
}

/**
 * Cost above month `i`'s maximum (on the reimbursable share of cost, looked up by the caller),
 * funded by the PCN.
 */
function overMaxGapAt(months: StaffMonths, i: number, share: number): number {
  const maximumForMonth = months.maximumForMonth(i);
  if (maximumForMonth === null || months.daysInPost(i) === 0) return 0;
  return Math.max(0, share * months.cost(i) - maximumForMonth);
}

function addCostFindings(row: RosterRow, findings: FindingList, context: Context, costs: CostsInPost): void {
  const { first, onCostUnknown } = costs;
  if (!first) return;
  const niEstimated = row.employerNi === null;
  const pensionEstimated = row.employerPension === null;
  if (niEstimated || pensionEstimated) {
    const estimated = [niEstimated && "employer NI", pensionEstimated && "employer pension"].filter(Boolean);
    findings.push(finding("ONCOSTS_ESTIMATED",
      `${capitalise(estimated.join(" and "))} ${estimated.length > 1 ? "were" : "was"} blank and ${estimated.length > 1 ? "have" : "has"} been estimated (${formatMoney(first.employerNi)} NI, ${formatMoney(first.employerPension)} pension a year): enter the actual figures from payroll.`,
      ENGINE_SOURCE.onCosts, { rowNumber: row.rowNumber, field: estimated.length > 1 ? "employerNi" : estimated[0] === "employer NI" ? "employerNi" : "employerPension" }));
  }
  if (onCostUnknown) {
    findings.push(finding("MISSING_VALUE", `An on-cost is blank and no statutory rate is on record to estimate it for some months of ${context.year.label}; it was counted as £0, which may under-claim. Enter employer NI and pension.`, ENGINE_SOURCE.onCosts, { rowNumber: row.rowNumber, severity: "warning", field: "employerNi" }));
  }
}

function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  const sentence = (end === -1 ? text : text.slice(0, end)).replace(/\.$/, "");
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** PCN-level notes about the rates used: built-in 2025/26 amounts predate the August 2025 uplift. */
function addRateFindingsForPcn(staff: StaffResult[], context: Context, pcnFindings: Finding[]): void {
  // The uplift, if any, of each month of the year: most years have none, and then nobody is looked at.
  const uplifts = new Map(context.year.months.map((month) => [month, context.rules.unpublishedUplift(month)]));
  const upliftOf = (month: IsoDate) => (uplifts.has(month) ? uplifts.get(month)! : context.rules.unpublishedUplift(month));
  // The first month, row by row, that used a built-in maximum in a month with an uplift.
  let uplifted: { month: IsoDate; rate: MaxAmount } | undefined;
  if ([...uplifts.values()].some((u) => u !== null)) {
    for (const person of staff) {
      const months = person.months;
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
