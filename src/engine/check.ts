/**
 * The ARRS engine: roster rows + PCN settings + rule set → per-row monthly claims, findings, and
 * PCN totals. Pure: no I/O, no clock (the financial year is an input), nothing thrown for bad rows.
 *
 * Order of work: each row on its own (validity, days in post, rate, cost, eligibility), then the caps
 * across rows of a role, then people on several rows, then the PCN's totals and entitlement.
 */
import { formatUkDate, addYears, parseFinancialYear, type FinancialYear, type IsoDate } from "../common/dates";
import { formatMoney, formatWholePounds, formatWte } from "../common/money";
import { describeSource, RuleSet } from "../rules/ruleset";
import type { EligibilityCondition, Finding, MaxAmount, Region, RoleDefinition } from "../rules/types";
import { GP_YEARS_AFTER_CCT } from "../rules/data/eligibility";
import type { RosterRow } from "../roster/types";
import { annualCostForMonth, onCostRatesForMonth, type AnnualCost, type OnCostRates } from "./costs";
import { bySeverity, ENGINE_SOURCE, finding, statusOf } from "./findings";
import { monthsInPost } from "./months";
import { applyCaps } from "./caps";
import { findDuplicatePeople } from "./duplicates";
import { summariseByRole, pcnTotals } from "./totals";
import type { CheckResult, MonthClaim, MonthLimit, PcnSettings, StaffResult } from "./types";

export class InvalidSettingsError extends Error {}

/** What the engine works on for one row while the caps and duplicates are still to be applied. */
export interface RowDraft {
  row: RosterRow;
  role: RoleDefinition | null;
  /** Valid enough to claim: role known, WTE, start and salary usable, dates in order. */
  usable: boolean;
  months: MonthClaim[];
  findings: Finding[];
  costs: (AnnualCost | null)[];
}

/** What the rules say for one role in one month: looked up once per run, not once per row. */
interface RoleMonth {
  claimable: boolean;
  conditions: EligibilityCondition[];
  rate: MaxAmount | null;
  share: number;
}

interface Context {
  year: FinancialYear;
  settings: PcnSettings;
  rules: RuleSet;
  roleMonths: Map<string, RoleMonth>;
  /** On-cost rates for each month of the year, April first. */
  onCostRates: OnCostRates[];
}

export function checkRoster(input: { rows: readonly RosterRow[]; settings: PcnSettings; rules?: RuleSet }): CheckResult {
  const rules = input.rules ?? new RuleSet();
  const year = parseFinancialYear(input.settings.financialYear);
  if (!year) throw new InvalidSettingsError(`"${input.settings.financialYear}" is not a financial year; write it as 2025/26.`);
  const settings: PcnSettings = { ...input.settings, financialYear: year.label };
  const context: Context = { year, settings, rules, roleMonths: new Map(), onCostRates: sharedWhereEqual(year.months.map((m) => onCostRatesForMonth(m, rules))) };

  const drafts = input.rows.map((row) => assessRow(row, context));
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
  return row.findings.some((f) => f.field === field);
}

/** Required values and their sanity, for rows that did not come through the roster reader too. */
function validateRow(row: RosterRow, findings: Finding[]): boolean {
  const at = { rowNumber: row.rowNumber };
  let usable = !row.findings.some((f) => f.severity === "error" && ["wte", "start", "end", "annualSalary", "fullTimeSalary", "hoursPerWeek", "sessionsPerWeek", "employerNi", "employerPension"].includes(f.field ?? ""));
  const missing = (field: string, what: string, fix: string) => {
    if (hasFinding(row, field)) return;
    findings.push(finding("MISSING_VALUE", `${what} is blank: ${fix}`, ENGINE_SOURCE.requiredValues, { ...at, field }));
    usable = false;
  };
  if (row.roleText === null || row.roleText.trim() === "") missing("role", "The role", "enter the person's ARRS role (for example Clinical Pharmacist).");
  if (row.wte === null) missing("wte", "The WTE", "enter WTE, hours per week (37.5 = 1.0) or GP sessions (9 = 1.0).");
  if (row.start === null) missing("start", "The start date", "enter the date the person started in post (DD/MM/YYYY).");
  if (row.annualSalary === null) missing("annualSalary", "The salary", "enter the annual salary actually paid at their WTE.");

  if (row.wte !== null && !hasFinding(row, "wte") && !(row.wte > 0 && row.wte <= 1)) {
    findings.push(finding("INVALID_WTE", `WTE ${row.wte} is outside 0 to 1.0: correct the WTE (37.5 hours a week = 1.0).`, ENGINE_SOURCE.claimFormula, { ...at, field: "wte" }));
    usable = false;
  }
  for (const [field, value, label] of [["annualSalary", row.annualSalary, "salary"], ["employerNi", row.employerNi, "employer NI"], ["employerPension", row.employerPension, "employer pension"]] as const) {
    if (value !== null && !hasFinding(row, field) && !(Number.isFinite(value) && value >= 0)) {
      findings.push(finding("INVALID_AMOUNT", `The ${label} ${value} is not a usable amount: enter a positive annual figure in pounds.`, ENGINE_SOURCE.claimFormula, { ...at, field }));
      usable = false;
    }
  }
  if (row.start !== null && row.end !== null && row.end < row.start) {
    findings.push(finding("END_BEFORE_START", `The end date ${formatUkDate(row.end)} is before the start date ${formatUkDate(row.start)}: correct one of them.`, ENGINE_SOURCE.claimFormula, { ...at, field: "end" }));
    usable = false;
  }
  return usable;
}

/**
 * The rules for a role in a month. A London PCN with no London figure falls back to the national one
 * (the finding LONDON_RATE_MISSING says so): it can only under-claim, never over-claim.
 */
function roleMonth(context: Context, role: RoleDefinition, month: IsoDate): RoleMonth {
  const key = `${role.id}|${month}`;
  const cached = context.roleMonths.get(key);
  if (cached) return cached;
  const { rules } = context;
  const region: Region = context.settings.region;
  const rate = rules.maxAmount(role.id, month, region) ?? (region !== "national" ? rules.maxAmount(role.id, month, "national") : null);
  const result: RoleMonth = {
    claimable: rules.isClaimable(role.id, month),
    conditions: rules.eligibilityConditions(role.id, month),
    rate,
    share: rules.fundedShare(role.id, month)?.share ?? 1,
  };
  context.roleMonths.set(key, result);
  return result;
}

/**
 * Every month claim is built here, with its fields in one order, so that all have one shape: the
 * engine makes twelve per row, and mixed shapes made it several times slower at 100,000 rows.
 */
function monthClaim(
  inPost: { month: IsoDate; daysInPost: number; daysInMonth: number }, wte: number, cost: number,
  limit: MonthLimit | null, rate: MaxAmount | null = null, maximumForMonth: number | null = null, claimable = 0,
): MonthClaim {
  return {
    month: inPost.month, daysInPost: inPost.daysInPost, daysInMonth: inPost.daysInMonth, wte, cost,
    maximumAnnual: rate ? rate.amount : null, maximumForMonth, claimable, limit, rate,
  };
}

function emptyMonth(inPost: { month: IsoDate; daysInPost: number; daysInMonth: number }, limit: MonthLimit | null): MonthClaim {
  return monthClaim(inPost, 0, 0, limit);
}

/** Why a person in a role is not claimable in a month, beyond the role itself (GP CCT, nurse 12 months). */
function personNotEligible(row: RosterRow, conditions: EligibilityCondition[]): boolean {
  for (const condition of conditions) {
    if (condition.kind === "gp-within-two-years-of-cct" && row.cctDate && row.start && row.start > addYears(row.cctDate, GP_YEARS_AFTER_CCT)) return true;
    if (condition.kind === "nurse-not-employed-in-previous-12-months" && row.employedInLast12Months === "yes") return true;
  }
  return false;
}

export function assessRow(row: RosterRow, context: Context): RowDraft {
  const { year, rules } = context;
  const findings: Finding[] = [...row.findings];
  let usable = validateRow(row, findings);
  const role = row.role ? rules.role(row.role) : null;
  if (row.roleText && !role) {
    findings.push(finding("UNKNOWN_ROLE",
      `"${truncate(row.roleText)}" is not a role the tool recognises as an ARRS role: rename it to a scheme role (for example Clinical Pharmacist, Social Prescribing Link Worker, First Contact Physiotherapist).`,
      ENGINE_SOURCE.roles, { rowNumber: row.rowNumber, field: "role" }));
    usable = false;
  }

  const inPost = row.start !== null ? monthsInPost(year, row.start, row.end) : year.months.map((m) => ({ month: m, daysInPost: 0, daysInMonth: 0 }));
  if (!usable || !role) {
    return { row, role, usable: false, findings, costs: inPost.map(() => null),
      months: inPost.map((m) => emptyMonth(m, m.daysInPost > 0 ? "invalid-row" : "not-in-post")) };
  }

  const costs: (AnnualCost | null)[] = [];
  const months = inPost.map((m, index): MonthClaim => {
    if (m.daysInPost === 0) { costs.push(null); return emptyMonth(m, "not-in-post"); }
    // Consecutive months with the same on-cost rates cost the same: one object serves them all.
    const rates = context.onCostRates[index];
    const previous = index > 0 ? costs[index - 1] : null;
    const cost = previous && rates === context.onCostRates[index - 1] ? previous : annualCostForMonth({ salary: row.annualSalary!, employerNi: row.employerNi, employerPension: row.employerPension, rates });
    costs.push(cost);
    const wte = row.wte!;
    const fraction = m.daysInPost / m.daysInMonth;
    const monthCost = (fraction * cost.total) / 12;
    const rules = roleMonth(context, role, m.month);
    if (!rules.claimable) return monthClaim(m, wte, monthCost, "role-not-claimable");
    if (personNotEligible(row, rules.conditions)) return monthClaim(m, wte, monthCost, "not-eligible");
    const rate = rules.rate;
    if (!rate) return monthClaim(m, wte, monthCost, "no-rate");
    const maximumForMonth = (fraction * rate.amount * wte) / 12;
    const claimableCost = rules.share * monthCost;
    const claimable = Math.min(claimableCost, maximumForMonth);
    return monthClaim(m, wte, monthCost, claimableCost > maximumForMonth ? "over-max" : null, rate, maximumForMonth, claimable);
  });
  return { row, role, usable: true, months, findings, costs };
}

function truncate(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function monthList(months: MonthClaim[]): string {
  if (months.length === 0) return "";
  const first = formatUkDate(months[0].month);
  if (months.length === 1) return `the month from ${first}`;
  return `${months.length} months from ${first}`;
}

/** The row's findings about roles, rates, costs and eligibility, once the monthly claims are settled. */
function finishRow(draft: RowDraft, context: Context): StaffResult {
  const { row, role, months, findings } = draft;
  const { rules, year } = context;
  const at = { rowNumber: row.rowNumber };
  const monthsInPost = months.filter((m) => m.daysInPost > 0);

  if (draft.usable && role) {
    if (monthsInPost.length === 0) {
      findings.push(finding("NOT_IN_YEAR", `Not in post during ${year.label} (${formatUkDate(row.start!)} to ${row.end ? formatUkDate(row.end) : "no end date"}): nothing to claim this year.`, ENGINE_SOURCE.claimFormula, at));
    }
    const notClaimable = monthsInPost.filter((m) => m.limit === "role-not-claimable");
    if (notClaimable.length > 0) {
      const all = notClaimable.length === monthsInPost.length;
      findings.push(finding("ROLE_NOT_ELIGIBLE",
        all ? `${role.name} was not claimable under ARRS until ${formatUkDate(role.claimableFrom)}: nothing is claimable for this time in post.`
          : `${role.name} became claimable on ${formatUkDate(role.claimableFrom)}: claimable from that date only (${notClaimable.length} earlier month(s) not claimed).`,
        describeSource(role), { ...at, field: "role", severity: all ? "error" : "warning" }));
    }
    addEligibilityFindings(draft, context);
    addRateFindings(draft, context);
    addCostFindings(draft, context);
  }

  findings.sort(bySeverity);
  const claimable = months.reduce((sum, m) => sum + m.claimable, 0);
  const overMaxGap = months.reduce((sum, m) => sum + monthOverMaxGap(m, rules, role), 0);
  const firstCost = draft.costs.find((c) => c !== null) ?? (draft.usable ? annualCostForMonth({ salary: row.annualSalary!, employerNi: row.employerNi, employerPension: row.employerPension, rates: context.onCostRates[0] }) : null);
  return {
    rowNumber: row.rowNumber, name: row.name, staffId: row.staffId, role: role?.id ?? null, roleName: role?.name ?? null,
    roleText: row.roleText, wte: row.wte, start: row.start, end: row.end, salary: row.annualSalary,
    employerNi: firstCost?.employerNi ?? row.employerNi, employerPension: firstCost?.employerPension ?? row.employerPension,
    onCostsEstimated: firstCost ? firstCost.niEstimated || firstCost.pensionEstimated : false,
    annualCost: firstCost?.total ?? null, months, claimable, overMaxGap, findings, status: statusOf(findings),
  };
}

function addEligibilityFindings(draft: RowDraft, context: Context): void {
  const { row, role, months, findings } = draft;
  if (!role) return;
  const at = { rowNumber: row.rowNumber };
  const inPostMonths = months.filter((m) => m.daysInPost > 0);
  const conditions = new Map(inPostMonths.flatMap((m) => context.rules.eligibilityConditions(role.id, m.month)).map((c) => [c.kind, c]));
  const ineligible = inPostMonths.filter((m) => m.limit === "not-eligible");

  const gp = conditions.get("gp-within-two-years-of-cct");
  if (gp) {
    if (!row.cctDate) {
      findings.push(finding("GP_ELIGIBILITY", `Confirm this GP started within ${GP_YEARS_AFTER_CCT} years of their CCT and was not previously substantively employed as a GP in general practice, and add their CCT date (a "Date of CCT" column).`, describeSource(gp), { ...at, field: "cctDate", severity: "warning" }));
    } else if (ineligible.length > 0) {
      findings.push(finding("GP_ELIGIBILITY", `Started ${formatUkDate(row.start!)}, more than ${GP_YEARS_AFTER_CCT} years after CCT on ${formatUkDate(row.cctDate)}: not claimable as an ARRS GP in ${context.year.label}. Remove the claim, or correct the CCT date.`, describeSource(gp), { ...at, field: "cctDate", severity: "error" }));
    }
  }
  const nurse = conditions.get("nurse-not-employed-in-previous-12-months");
  if (nurse) {
    if (row.employedInLast12Months === "yes") {
      findings.push(finding("NURSE_12_MONTH_RULE", `Employed by the PCN or a member practice in the previous 12 months, so not claimable as ${role.name}. If they were recruited to a more senior or specialist nursing role, write "Promoted" in that column.`, describeSource(nurse), { ...at, field: "employedInLast12Months", severity: "error" }));
    } else if (row.employedInLast12Months === null) {
      findings.push(finding("NURSE_12_MONTH_RULE", `Confirm this person was not employed by the PCN or a member practice in the 12 months before starting (add a column "Employed in PCN in last 12 months" with Yes, No or Promoted).`, describeSource(nurse), { ...at, field: "employedInLast12Months", severity: "warning" }));
    } else if (row.employedInLast12Months === "promoted") {
      findings.push(finding("NURSE_12_MONTH_RULE", `Claimed on the basis that they were recruited to a more senior or specialist nursing role: keep the evidence with the claim.`, describeSource(nurse), { ...at, field: "employedInLast12Months", severity: "info" }));
    }
  }
}

function addRateFindings(draft: RowDraft, context: Context): void {
  const { row, role, months, findings } = draft;
  if (!role) return;
  const at = { rowNumber: row.rowNumber };
  const region = context.settings.region;
  const noRate = months.filter((m) => m.limit === "no-rate");
  if (noRate.length > 0) {
    findings.push(finding("NO_RATE",
      `No maximum amount is on record for ${role.name} (${region === "national" ? "national rate" : region.replace("-", " ")}) for ${monthList(noRate)}: 0 is claimed for ${noRate.length === 1 ? "it" : "them"}. Add the figure from Table 2 of the DES to an "ARRS max reimb" sheet.`,
      ENGINE_SOURCE.claimFormula, { ...at, field: "role" }));
  }
  const used = uniqueRates(months);
  const fallbacks = months.filter((m) => m.rate && m.rate.region !== region);
  if (fallbacks.length > 0) {
    findings.push(finding("LONDON_RATE_MISSING",
      `No ${region.replace("-", " ")} maximum is on record for ${role.name}: the national maximum (${formatWholePounds(fallbacks[0].rate!.amount)}) was used, which may under-claim. Add the London figure to an "ARRS max reimb" sheet.`,
      describeSource(fallbacks[0].rate!), at));
  }
  const unconfirmed = used.filter((r) => r.confidence === "inferred" || r.confidence === "third-party");
  if (unconfirmed.length > 0) {
    const r = unconfirmed[0];
    findings.push(finding("RATE_UNCONFIRMED",
      `The maximum used, ${formatWholePounds(r.amount)} from ${formatUkDate(r.from)}, is ${r.confidence === "inferred" ? "inferred" : "a third-party figure"}, not confirmed against the DES${r.note ? ` (${firstSentence(r.note)})` : ""}. Check it against Table 2, or give your own figure in an "ARRS max reimb" sheet.`,
      describeSource(r), { ...at, details: { amount: r.amount, from: r.from, confidence: r.confidence, reasoning: r.note ?? null } }));
  }
  const own = used.filter((r) => r.confidence === "user");
  if (own.length > 0) {
    findings.push(finding("USER_RATE_USED", `Maximum ${formatWholePounds(own[0].amount)} taken from this workbook's ${own[0].source.title.replace(" in this workbook", "")} (${own[0].source.section}).`, describeSource(own[0]), at));
  }
  const overMax = months.filter((m) => m.limit === "over-max");
  if (overMax.length > 0 && row.wte !== null) {
    const m = overMax[0];
    const annualCost = draft.costs[months.indexOf(m)]!.total;
    const gap = overMax.reduce((sum, x) => sum + monthOverMaxGap(x, context.rules, role), 0);
    findings.push(finding("OVER_MAX",
      `Costs ${formatMoney(annualCost)} a year, above the maximum ${formatWholePounds(m.maximumAnnual!)} × ${formatWte(row.wte)} WTE = ${formatMoney(m.maximumAnnual! * row.wte)}: the claim is limited to the maximum and the PCN funds the gap (${formatMoney(gap)} this year).`,
      describeSource(m.rate!), { ...at, details: { annualCost, maximum: m.maximumAnnual, wte: row.wte } }));
  }
  const shares = months.filter((m) => m.daysInPost > 0 && m.rate).map((m) => context.rules.fundedShare(role.id, m.month)).filter((s) => s !== null);
  if (shares.length > 0) {
    findings.push(finding("PART_FUNDED", `Only ${Math.round(shares[0].share * 100)}% of the cost of a ${role.name} is reimbursable in this period${shares[0].note ? `: ${shares[0].note}` : "."}`, describeSource(shares[0]), at));
  }
}

/** Cost above the month's maximum (on the reimbursable share of cost), funded by the PCN. */
export function monthOverMaxGap(month: MonthClaim, rules: RuleSet, role: RoleDefinition | null): number {
  if (month.maximumForMonth === null || !role || month.daysInPost === 0) return 0;
  const share = rules.fundedShare(role.id, month.month)?.share ?? 1;
  return Math.max(0, share * month.cost - month.maximumForMonth);
}

function uniqueRates(months: MonthClaim[]): MaxAmount[] {
  const seen = new Set<MaxAmount>();
  for (const m of months) if (m.rate && m.daysInPost > 0) seen.add(m.rate);
  return [...seen];
}

function addCostFindings(draft: RowDraft, context: Context): void {
  const { row, findings } = draft;
  const used = draft.costs.filter((c): c is AnnualCost => c !== null);
  if (used.length === 0) return;
  const at = { rowNumber: row.rowNumber };
  const estimated = [used.some((c) => c.niEstimated) && "employer NI", used.some((c) => c.pensionEstimated) && "employer pension"].filter(Boolean);
  if (estimated.length > 0) {
    findings.push(finding("ONCOSTS_ESTIMATED",
      `${capitalise(estimated.join(" and "))} ${estimated.length > 1 ? "were" : "was"} blank and ${estimated.length > 1 ? "have" : "has"} been estimated (${formatMoney(used[0].employerNi)} NI, ${formatMoney(used[0].employerPension)} pension a year): enter the actual figures from payroll.`,
      ENGINE_SOURCE.onCosts, { ...at, field: estimated.length > 1 ? "employerNi" : estimated[0] === "employer NI" ? "employerNi" : "employerPension" }));
  }
  if (used.some((c) => c.onCostUnknown)) {
    findings.push(finding("MISSING_VALUE", `An on-cost is blank and no statutory rate is on record to estimate it for some months of ${context.year.label}; it was counted as £0, which may under-claim. Enter employer NI and pension.`, ENGINE_SOURCE.onCosts, { ...at, severity: "warning", field: "employerNi" }));
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
  let uplifted: MonthClaim | undefined;
  for (const person of staff) {
    uplifted = person.months.find((m) => m.rate && m.rate.confidence !== "user" && context.rules.unpublishedUplift(m.month));
    if (uplifted) break;
  }
  if (uplifted) {
    const uplift = context.rules.unpublishedUplift(uplifted.month)!;
    pcnFindings.push(finding("RATE_BEFORE_UPLIFT",
      `Built-in maximum amounts for ${context.year.label} are those published before ${uplift.description}. Claims limited by a maximum may be under-stated: put the uplifted figures in an "ARRS max reimb" sheet when you have them.`,
      describeSource(uplifted.rate!)));
  }
}
