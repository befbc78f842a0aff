/**
 * The ARRS engine: roster rows + PCN settings + rule set → each row's monthly claims and findings,
 * and the PCN's totals. Pure: no I/O, no clock (the financial year is an input), nothing thrown for
 * a bad row (a bad row gets findings).
 *
 * It works as the scheme reads:
 *   1. each row on its own: valid?, which role, and each month's claim (assess-row.ts), mental health
 *      practitioners on the table their place in their band gives (mhp.ts);
 *   2. caps on numbers across the rows of a role (caps.ts);
 *   3. people on several rows (people.ts);
 *   4. each row described: its figures for the year and the findings that explain them (describe-row.ts);
 *   5. the totals per role and for the PCN, and its ARRS sum (totals.ts).
 */
import { parseFinancialYear, type IsoDate } from "../common/dates";
import { describeSource, RuleSet } from "../rules/ruleset";
import type { Finding, MaxAmount } from "../rules/types";
import { assessRow } from "./assess-row";
import { applyCaps } from "./caps";
import { describeRow } from "./describe-row";
import { bySeverity, finding } from "./findings";
import { mhpPlaces } from "./mhp";
import { findPeopleOnSeveralRows } from "./people";
import { pcnTotals, roleSummaries } from "./totals";
import type { CheckResult, PcnSettings, StaffInput, StaffResult } from "./types";
import { yearRules } from "./year-rules";

export class InvalidSettingsError extends Error {}

export function checkRoster(input: { rows: readonly StaffInput[]; settings: PcnSettings; rules?: RuleSet }): CheckResult {
  const rules = input.rules ?? new RuleSet();
  const year = parseFinancialYear(input.settings.financialYear);
  if (!year) throw new InvalidSettingsError(`"${input.settings.financialYear}" is not a financial year; write it as 2025/26.`);
  const settings: PcnSettings = { ...input.settings, financialYear: year.label };
  const context = yearRules({ year, region: settings.region, rules, rateFloor: settings.rateFloor !== false });

  const mhp = mhpPlaces(input.rows, year);
  const assessed = input.rows.map((row) => assessRow(row, context, mhp.get(row) ?? null));
  const capFindings = applyCaps(assessed, { rules, listSize: settings.listSize, year });
  findPeopleOnSeveralRows(assessed);
  const staff = assessed.map((row) => describeRow(row, context));
  const byRole = roleSummaries(staff, { rules, listSize: settings.listSize, year });
  const { totals, entitlement, findings: totalFindings } = pcnTotals(staff, { settings, year, rules });

  const findings = [...capFindings, ...totalFindings, ...upliftFindings(staff, { rules, yearLabel: year.label })].sort(bySeverity);
  return { financialYear: year, settings, staff, byRole, totals, entitlement, findings };
}

/**
 * RATE_BEFORE_UPLIFT: a built-in maximum was used in a month whose amounts were uplifted after they
 * were published, with the uplifted figures not on record (2025/26: the August 2025 uplift, backdated
 * to April). Claims held to such a maximum may be under-stated.
 */
function upliftFindings(staff: readonly StaffResult[], options: { rules: RuleSet; yearLabel: string }): Finding[] {
  const { rules, yearLabel } = options;
  // Most years have no such uplift, and then no row is looked at.
  const uplifted = new Set(staff[0]?.months.map((m) => m.month).filter((month) => rules.unpublishedUplift(month)) ?? []);
  if (uplifted.size === 0) return [];
  let first: { month: IsoDate; rate: MaxAmount } | undefined;
  for (const person of staff) {
    const month = person.months.find((m) => m.rate && m.rate.confidence !== "user" && uplifted.has(m.month));
    if (month) {
      first = { month: month.month, rate: month.rate! };
      break;
    }
  }
  if (!first) return [];
  const uplift = rules.unpublishedUplift(first.month)!;
  return [finding({
    code: "RATE_BEFORE_UPLIFT", source: describeSource(first.rate),
    message: `Built-in maximum amounts for ${yearLabel} are those published before ${uplift.description}. Claims limited by a maximum may be under-stated: put the uplifted figures in an "ARRS max reimb" sheet when you have them.`,
  })];
}
