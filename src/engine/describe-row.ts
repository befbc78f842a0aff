/**
 * Step 4 of a check: each row's months are settled (caps applied, people matched), so the row is
 * described: its figures for the year, and the findings that explain them (nothing claimable, who is
 * eligible, which maximum was used and how sure it is, cost above the maximum, estimated on-costs).
 */
import { financialYearOf, formatUkDate } from "../common/dates";
import { formatMoney, formatWholePounds, formatWte } from "../common/money";
import { GP_YEARS_AFTER_CCT } from "../rules/data/eligibility";
import { describeSource } from "../rules/ruleset";
import { REGION_WORDS, type MaxAmount } from "../rules/types";
import type { AssessedRow } from "./assess-row";
import { annualCostWith, employerNiFor, employerPensionFor } from "./costs";
import { bySeverity, ENGINE_SOURCE, finding, statusOf, type FindingOptions } from "./findings";
import { bandOf, MENTAL_HEALTH_PRACTITIONER, MHP_TABLES_FROM } from "./mhp";
import { summariseMonths, type MonthsSummary } from "./months-summary";
import { roundMonthsToPence, sumPounds } from "./pence";
import type { StaffResult } from "./types";
import type { YearRules } from "./year-rules";

export function describeRow(assessedRow: AssessedRow, year: YearRules): StaffResult {
  // Caps and people are settled: the months become pounds and pence, and everything below sums those.
  roundMonthsToPence(assessedRow.months);
  const assessed = assessedRow;
  const { input: row, role, usable, months } = assessed;
  // The assessed row is this step's to finish: its findings list becomes the result's.
  const { findings } = assessed;
  let claimable = 0;
  let overMaxGap = 0;
  let onEarlierMaximum = 0;
  let backdatedUplift = 0;
  // A row that cannot be claimed keeps its on-costs as given, and has no annual cost.
  let employerNi = row.employerNi;
  let employerPension = row.employerPension;
  let annualCost: number | null = null;
  if (usable && role) {
    const key = assessed.mhp ? { band: assessed.mhp.band, mhpTable: assessed.mhp.table } : {};
    const summary = summariseMonths({ assessed, roleMonths: year.roleMonths(role, key), year });
    ({ claimable, overMaxGap, onEarlierMaximum, backdatedUplift } = summary);
    const say: Say = (f) => findings.push(finding(f));
    describeClaimable(assessed, summary, year, say);
    describeEligibility(assessed, summary, year, say);
    describeRates(assessed, summary, year, say);
    describeFloor(assessed, summary, year, say);
    describeMhp(assessed, say);
    if (isSupplied(row)) {
      // A supplier's fee is the whole cost: no on-costs are added or estimated.
      annualCost = row.supplierFee!;
    } else {
      // The annual on-costs shown are those of the first month in post (April's when not in post this year).
      const rates = year.onCostRates[Math.max(0, summary.firstInPost)];
      employerNi = employerNiFor(row.annualSalary!, row.employerNi, rates);
      employerPension = employerPensionFor(row.annualSalary!, row.employerPension, rates);
      annualCost = row.annualSalary! + employerNi + employerPension;
      if (summary.firstInPost >= 0) describeOnCosts(assessed, summary, year, say);
    }
  }
  if (findings.length > 1) findings.sort(bySeverity);
  return {
    rowNumber: row.rowNumber, sheet: row.sheet ?? null, practice: row.practice ?? null,
    name: row.name, staffId: row.staffId, role: role?.id ?? null, roleName: role?.name ?? null,
    roleText: row.roleText, band: row.band, wte: row.wte, start: row.start, end: row.end, salary: row.annualSalary, supplierFee: row.supplierFee ?? null,
    employerNi, employerPension, onCostsEstimated: usable && !isSupplied(row) && (row.employerNi === null || row.employerPension === null),
    annualCost, months, claimable, onEarlierMaximum, backdatedUplift, overMaxGap, findings, status: statusOf(findings),
  };
}

/** Adds a finding about this row. */
type Say = (f: FindingOptions) => void;

/** Staff engaged through a supplier: the fee is the cost. */
function isSupplied(row: AssessedRow["input"]): boolean {
  return row.supplierFee !== null && row.supplierFee !== undefined;
}

/** NOT_IN_YEAR and ROLE_NOT_ELIGIBLE: time in post with nothing to claim. */
function describeClaimable({ input: row, role }: AssessedRow, summary: MonthsSummary, year: YearRules, say: Say): void {
  const { inPost, notClaimable } = summary;
  if (inPost === 0) {
    say({
      rowNumber: row.rowNumber, code: "NOT_IN_YEAR", source: ENGINE_SOURCE.claimFormula,
      message: `Not in post during ${year.year.label} (${formatUkDate(row.start!)} to ${row.end ? formatUkDate(row.end) : "no end date"}): nothing to claim this year.`,
    });
  }
  if (notClaimable > 0) {
    const all = notClaimable === inPost;
    say({
      rowNumber: row.rowNumber, code: "ROLE_NOT_ELIGIBLE", source: describeSource(role!), field: "role", severity: all ? "error" : "warning",
      message: all
        ? `${role!.name} was not claimable under ARRS until ${formatUkDate(role!.claimableFrom)}: nothing is claimable for this time in post.`
        : `${role!.name} became claimable on ${formatUkDate(role!.claimableFrom)}: claimable from that date only (${notClaimable} earlier month(s) not claimed).`,
    });
  }
}

/** GP_ELIGIBILITY and NURSE_12_MONTH_RULE: who may be claimed for in the role. */
function describeEligibility({ input: row, role }: AssessedRow, summary: MonthsSummary, year: YearRules, say: Say): void {
  const { gpCondition: gp, nurseCondition: nurse } = summary;
  if (gp && !row.cctDate) {
    say({
      rowNumber: row.rowNumber, code: "GP_ELIGIBILITY", source: describeSource(gp), field: "cctDate", severity: "warning",
      message: `Confirm this GP started within ${GP_YEARS_AFTER_CCT} years of their CCT and was not previously substantively employed as a GP in general practice, and add their CCT date (a "Date of CCT" column).`,
    });
  } else if (gp && summary.notEligible > 0) {
    say({
      rowNumber: row.rowNumber, code: "GP_ELIGIBILITY", source: describeSource(gp), field: "cctDate", severity: "error",
      message: `Started ${formatUkDate(row.start!)}, more than ${GP_YEARS_AFTER_CCT} years after CCT on ${formatUkDate(row.cctDate!)}: not claimable as an ARRS GP in ${year.year.label}. Remove the claim, or correct the CCT date.`,
    });
  }
  if (!nurse) return;
  const nurseFinding = { code: "NURSE_12_MONTH_RULE", source: describeSource(nurse), field: "employedInLast12Months", rowNumber: row.rowNumber } as const;
  if (row.employedInLast12Months === "yes") {
    say({
      ...nurseFinding, severity: "error",
      message: `Employed by the PCN or a member practice in the previous 12 months, so not claimable as ${role!.name}. If they were recruited to a more senior or specialist nursing role, write "Promoted" in that column.`,
    });
  } else if (row.employedInLast12Months === null) {
    say({
      ...nurseFinding, severity: "warning",
      message: `Confirm this person was not employed by the PCN or a member practice in the 12 months before starting (add a column "Employed in PCN in last 12 months" with Yes, No or Promoted).`,
    });
  } else if (row.employedInLast12Months === "promoted") {
    say({
      ...nurseFinding, severity: "info",
      message: `Claimed on the basis that they were recruited to a more senior or specialist nursing role: keep the evidence with the claim.`,
    });
  }
}


function monthList(count: number, firstMonth: string): string {
  return count === 1 ? `the month from ${formatUkDate(firstMonth)}` : `${count} months from ${formatUkDate(firstMonth)}`;
}

/** A note's first sentence, without its full stop, to stand in brackets. */
function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  return (end === -1 ? text : text.slice(0, end)).replace(/\.$/, "");
}

/** NO_RATE, LONDON_RATE_MISSING, RATE_UNCONFIRMED, USER_RATE_USED, OVER_MAX and PART_FUNDED: the maximums used. */
function describeRates(assessed: AssessedRow, summary: MonthsSummary, year: YearRules, say: Say): void {
  const { input: row, role, months } = assessed;
  const { region } = year;
  const { noRate, firstNoRate, fallback, unconfirmed, own, overMax, firstOverMax, share } = summary;
  if (noRate > 0 && needsBand(assessed, year)) {
    say({
      rowNumber: row.rowNumber, code: "NO_RATE", source: ENGINE_SOURCE.mhpTables, field: "band",
      message: `Mental health practitioners are claimed by Agenda for Change band from 2025/26 (DES Tables 3a and 3b), and this row has no band: 0 is claimed for ${monthList(noRate, months[firstNoRate].month)}. Add the person's band (a "Band" column).`,
    });
  } else if (noRate > 0) {
    say({
      rowNumber: row.rowNumber, code: "NO_RATE", source: ENGINE_SOURCE.claimFormula, field: "role",
      message: `No maximum amount is on record for ${role!.name} (${region === "national" ? "national rate" : REGION_WORDS[region]}) for ${monthList(noRate, months[firstNoRate].month)}: 0 is claimed for ${noRate === 1 ? "it" : "them"}. Add the figure from Table 2 of the DES to an "ARRS max reimb" sheet.`,
    });
  }
  if (fallback) {
    say({
      rowNumber: row.rowNumber, code: "LONDON_RATE_MISSING", source: describeSource(fallback),
      message: summary.heldToNational > 0
        ? `No ${REGION_WORDS[region]} maximum is on record for ${role!.name}: the claim is held to the national maximum (${formatWholePounds(fallback.amount)}), and the cost above it (${formatMoney(summary.aboveNational)} this year) is not claimed. That is a missing figure, not a cost the PCN funds: add the London figure to an "ARRS max reimb" sheet to claim it.`
        : `No ${REGION_WORDS[region]} maximum is on record for ${role!.name}: the national maximum (${formatWholePounds(fallback.amount)}) was used, which may under-claim. Add the London figure to an "ARRS max reimb" sheet.`,
    });
  }
  if (unconfirmed) say({ ...unconfirmedRate(unconfirmed), rowNumber: row.rowNumber });
  if (own) {
    say({
      rowNumber: row.rowNumber, code: "USER_RATE_USED", source: describeSource(own),
      message: `Maximum ${formatWholePounds(own.amount)} taken from your ${own.source.title} (${own.source.section}).`,
    });
  }
  if (overMax > 0 && row.wte !== null) {
    const rate = months[firstOverMax].rate!;
    const annualCost = isSupplied(row) ? row.supplierFee! : annualCostWith(row.annualSalary!, row, year.onCostRates[firstOverMax]);
    say({
      rowNumber: row.rowNumber, code: "OVER_MAX", source: describeSource(rate), details: { annualCost, maximum: rate.amount, wte: row.wte },
      message: `Costs ${formatMoney(annualCost)} a year, above the maximum ${formatWholePounds(rate.amount)} × ${formatWte(row.wte)} WTE = ${formatMoney(rate.amount * row.wte)}: the claim is limited to the maximum and the PCN funds the gap (${formatMoney(summary.overMaxMonthsGap)} this year).`,
    });
  }
  if (share) {
    say({
      rowNumber: row.rowNumber, code: "PART_FUNDED", source: describeSource(share),
      message: `Only ${Math.round(share.share * 100)}% of the cost of a ${role!.name} is reimbursable in this period${share.note ? `: ${share.note}` : "."}`,
    });
  }
}

/**
 * RATE_UNCONFIRMED: the maximum used is inferred or a third party's, not confirmed against the DES.
 * The same words for every row that used the maximum: made once, and shared (findings are not changed).
 */
const unconfirmedRateWords = new WeakMap<MaxAmount, Omit<FindingOptions, "rowNumber">>();

function unconfirmedRate(rate: MaxAmount): Omit<FindingOptions, "rowNumber"> {
  let words = unconfirmedRateWords.get(rate);
  if (!words) {
    words = unconfirmedRateWordsFor(rate);
    unconfirmedRateWords.set(rate, words);
  }
  return words;
}

function unconfirmedRateWordsFor(rate: MaxAmount): Omit<FindingOptions, "rowNumber"> {
  return {
    code: "RATE_UNCONFIRMED", source: describeSource(rate),
    details: { amount: rate.amount, from: rate.from, confidence: rate.confidence, reasoning: rate.note ?? null },
    message: `The maximum used, ${formatWholePounds(rate.amount)} from ${formatUkDate(rate.from)}, is ${rate.confidence === "inferred" ? "inferred" : "a third-party figure"}, not confirmed against the DES${rate.note ? ` (${firstSentence(rate.note)})` : ""}. Check it against the DES${rate.source.section ? ` (${rate.source.section})` : ""}, or give your own figure in an "ARRS max reimb" sheet.`,
  };
}

/** A mental health practitioner from 2025/26 with no band: their amount depends on it. */
function needsBand({ input: row }: AssessedRow, year: YearRules): boolean {
  return row.role === MENTAL_HEALTH_PRACTITIONER && year.year.end >= MHP_TABLES_FROM && bandOf(row.band) === null;
}

/**
 * RATE_FLOOR: the month's maximum is not on record, so the claim rests on an earlier period's, which
 * the new one cannot be below (amounts have only ever risen): at cost when the cost is within it,
 * else up to it.
 */
function describeFloor({ input: row, role, months, mhp }: AssessedRow, summary: MonthsSummary, year: YearRules, say: Say): void {
  if (summary.floorMonths === 0) return;
  const floor = months[summary.firstFloor].rate!;
  const what = mhp ? `${role!.name} (band ${mhp.band}, ${mhp.table === "first-in-band" ? "first in band, 50% table" : "with written agreement, 100% table"})` : role!.name;
  const where = floor.region === "national" ? "" : ` ${REGION_WORDS[floor.region]}`;
  const earlierYear = financialYearOf(floor.from).label;
  const earlier = earlierYear === year.year.label ? `one in force from ${formatUkDate(floor.from)}` : `${earlierYear} one`;
  const perYear = row.wte === 1 ? formatWholePounds(floor.amount) : `${formatWholePounds(floor.amount)} × ${formatWte(row.wte!)} WTE`;
  const which = summary.floorMonths === 12 ? "" : ` (${monthList(summary.floorMonths, months[summary.firstFloor].month)})`;
  say({
    rowNumber: row.rowNumber, code: "RATE_FLOOR", source: describeSource(floor), field: "role",
    details: { floor: floor.amount, floorFrom: floor.from, months: summary.floorMonths },
    message: `The ${year.year.label}${where} maximum for ${what} is not on record${which}. It cannot be lower than the ${earlier} (${formatWholePounds(floor.amount)}), ${summary.heldToFloor
      ? `so ${perYear} a year is claimed; add the ${year.year.label} figure to claim the rest.`
      : "which this cost is within, so the claim is at cost."}`,
  });
}

/** MHP_AGREEMENT_UNKNOWN: a further MHP in a band, claimed at 50% because the roster does not say whether a written agreement is in place. */
function describeMhp({ input: row, mhp }: AssessedRow, say: Say): void {
  if (!mhp || mhp.place === 1 || (row.mhpAgreement !== null && row.mhpAgreement !== undefined)) return;
  say({
    rowNumber: row.rowNumber, code: "MHP_AGREEMENT_UNKNOWN", source: ENGINE_SOURCE.mhpTables, field: "mhpAgreement",
    details: { band: mhp.band, place: mhp.place, firstRow: mhp.firstRow },
    message: `This is mental health practitioner number ${mhp.place} at band ${mhp.band} (the first is on row ${mhp.firstRow}), claimed on the 50% table. With a written agreement with the mental health provider it can be claimed up to 100% (DES Table 3b): add a "Written agreement" column with Yes or No.`,
  });
}

/** Which on-costs were blank, as ONCOSTS_ESTIMATED words it, and the field it names. */
function estimatedOnCosts(row: AssessedRow["input"]): { words: string; field: string } | null {
  if (row.employerNi === null && row.employerPension === null) return { words: "Employer NI and employer pension were blank and have been estimated", field: "employerNi" };
  if (row.employerNi === null) return { words: "Employer NI was blank and has been estimated", field: "employerNi" };
  if (row.employerPension === null) return { words: "Employer pension was blank and has been estimated", field: "employerPension" };
  return null;
}

/**
 * ONCOSTS_ESTIMATED, and on-costs that could not be estimated, for a row in post this year. The
 * estimate given is the sum of the months in post, as each month's claim line has it.
 */
function describeOnCosts({ input: row, months }: AssessedRow, summary: MonthsSummary, year: YearRules, say: Say): void {
  const estimated = estimatedOnCosts(row);
  if (estimated) {
    const employerNi = sumPounds(months.map((m) => m.parts?.employerNi ?? 0));
    const employerPension = sumPounds(months.map((m) => m.parts?.employerPension ?? 0));
    say({
      rowNumber: row.rowNumber, code: "ONCOSTS_ESTIMATED", source: ENGINE_SOURCE.onCosts, field: estimated.field,
      message: `${estimated.words} (${formatMoney(employerNi)} NI, ${formatMoney(employerPension)} pension this year, month by month): enter the actual figures from payroll.`,
    });
  }
  if (summary.onCostUnknown) {
    say({
      rowNumber: row.rowNumber, code: "MISSING_VALUE", source: ENGINE_SOURCE.onCosts, field: "employerNi", severity: "warning",
      message: `An on-cost is blank and no statutory rate is on record to estimate it for some months of ${year.year.label}; it was counted as £0, which may under-claim. Enter employer NI and pension.`,
    });
  }
}
