/**
 * The worksheet functions that run the engine: CLAIM and MONTHLY (checkRoster on one roster row per
 * cell) and ENTITLEMENT (entitlementFor). Kept apart from lookups.ts so that Excel loads the engine
 * only when one of them is used; arrs.ts gathers all nine. See arrs.ts for the conventions.
 */
import { financialYearOf, type FinancialYear, type IsoDate } from "../common/dates";
import { checkRoster } from "../engine/check";
import { entitlementFor } from "../engine/totals";
import type { MonthClaim, StaffInput, StaffResult } from "../engine/types";
import { RuleSet } from "../rules/ruleset";
import type { FindingCode, Region, RoleDefinition } from "../rules/types";
import {
  BLANK, broadcast, dateReader, isCellError, mapCells, naError, numberReader, regionReader, roleReader, valueError, yearReader,
  type Cell, type CellError, type Result,
} from "./arguments";
import { baseRules, fail, noMaximum, rulesFor, type FunctionContext } from "./lookups";

// ---------------------------------------------------------------------------------------------------
// Entitlement
// ---------------------------------------------------------------------------------------------------

/**
 * =ARRS.ENTITLEMENT(weightedPopulation, financialYear): the PCN's ARRS sum for the year: £ per weighted
 * patient × weighted population (with 2024/25's ring-fenced GP sum), or 2019/20's fixed sum.
 */
export function entitlement(context: FunctionContext, weightedPopulation: unknown, financialYear: unknown): Result<number> {
  const readPopulation = numberReader("weightedPopulation", "count", Number.NaN);
  const readYear = yearReader("financialYear", valueError("financialYear is blank; write it as 2025/26."));
  return mapCells([weightedPopulation, financialYear], ["weightedPopulation", "financialYear"], ([p, y]) => {
    const year = readYear(y);
    const population = readPopulation(p);
    const problem = fail(year, population);
    if (problem) return problem;
    if ((population as number) < 0) return valueError(`weightedPopulation: ${population} is not a population.`);
    const rules = rulesFor(context, year as FinancialYear);
    const settings = { financialYear: (year as FinancialYear).label, listSize: null, region: "national" as Region, weightedPopulation: Number.isNaN(population) ? null : (population as number) };
    const result = entitlementFor(settings, year as FinancialYear, rules);
    if (result.entitlement) return result.entitlement.amount;
    // No rate on record is #N/A; a missing population is the caller's to give.
    const label = (year as FinancialYear).label;
    return rules.entitlementRate(label)
      ? valueError(`weightedPopulation is blank: give the PCN Contractor Weighted Population at 1 January before ${label}.`)
      : naError(`No ARRS sum rate (£ per weighted patient) is on record for ${label}; check your ICB's confirmation of the PCN's ARRS sum.`);
  });
}

// ---------------------------------------------------------------------------------------------------
// Claims: the engine on one roster row per cell
// ---------------------------------------------------------------------------------------------------

const CLAIM_NAMES = ["role", "annualCost", "wte", "start", "end", "financialYear", "region"] as const;

/** Findings that mean the engine could not use the row: the function's input is wrong (#VALUE!). */
const INVALID_ROW: ReadonlySet<FindingCode> = new Set<FindingCode>(["UNKNOWN_ROLE", "INVALID_WTE", "INVALID_AMOUNT", "INVALID_DATE", "END_BEFORE_START", "MISSING_VALUE"]);

interface ClaimCell {
  staff: StaffResult;
  role: RoleDefinition;
  region: Region;
}

/**
 * Rules without caps, for claims. A cap limits the WTE of a role across a PCN's rows; CLAIM works on one
 * row at a time, and no cap is below 1.0 WTE, so a single row (at most 1.0 WTE) is never beyond one. The
 * rows of a range are checked in one engine run for speed; without caps they cannot affect each other.
 */
const uncapped = new WeakMap<RuleSet, RuleSet>();
function withoutCaps(rules: RuleSet): RuleSet {
  let result = uncapped.get(rules);
  if (!result) {
    result = new RuleSet({ ...rules.data, caps: [] }, rules.overrides);
    uncapped.set(rules, result);
  }
  return result;
}

/**
 * Each cell's arguments as a roster row (annualSalary = annualCost, employer NI and pension 0), run
 * through checkRoster: one run per financial year and region in the range.
 */
function runClaims(context: FunctionContext, args: readonly unknown[]): { shape: { rows: number; columns: number; matrix: boolean }; cells: (ClaimCell | CellError | typeof BLANK)[] } | CellError {
  const shape = broadcast(args, CLAIM_NAMES);
  if (isCellError(shape)) return shape;
  const readRole = roleReader(baseRules(context));
  const readCost = numberReader("annualCost", "money", valueError("annualCost is blank: give the person's annual cost (salary + employer NI + employer pension)."));
  const readWte = numberReader("wte", "wte", valueError("wte is blank: give the whole-time equivalent (37.5 hours a week = 1.0)."));
  const readStart = dateReader("start", { blank: valueError("start is blank: give the date the person started in post.") });
  const readEnd = dateReader("end", { blank: null, openEnded: true });
  const readYear = yearReader("financialYear", financialYearOf(context.today));
  const readRegion = regionReader();

  const cells: (ClaimCell | CellError | typeof BLANK)[] = [];
  const groups = new Map<string, { year: FinancialYear; region: Region; rows: StaffInput[]; cells: number[]; roles: RoleDefinition[] }>();
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.columns; c++) {
      const value = (i: number) => shape.value(i, r, c);
      const roleText = value(0);
      const def = readRole(roleText);
      if (def === BLANK) { cells.push(BLANK); continue; }
      const cost = readCost(value(1));
      const wte = readWte(value(2));
      const start = readStart(value(3));
      const end = readEnd(value(4));
      const year = readYear(value(5));
      const region = readRegion(value(6));
      const problem = fail(def, cost, wte, start, end, year, region);
      if (problem) { cells.push(problem); continue; }
      const fy = year as FinancialYear;
      const key = `${fy.label}|${region}`;
      let group = groups.get(key);
      if (!group) groups.set(key, group = { year: fy, region: region as Region, rows: [], cells: [], roles: [] });
      group.rows.push({
        rowNumber: group.rows.length + 1, name: null, staffId: null, roleText: String(roleText), role: (def as RoleDefinition).id, band: null,
        wte: wte as number, start: start as IsoDate, end: end as IsoDate | null,
        annualSalary: cost as number, employerNi: 0, employerPension: 0,
        cctDate: null, employedInLast12Months: null, findings: [],
      });
      group.cells.push(cells.length);
      group.roles.push(def as RoleDefinition);
      cells.push(BLANK);
    }
  }
  for (const group of groups.values()) {
    const rules = withoutCaps(rulesFor(context, group.year));
    // No rate floor: a cell cannot carry the warning that says a claim rests on an earlier year's figure,
    // so a month with no maximum on record is #N/A, as the function's reference says.
    const settings = { financialYear: group.year.label, listSize: null, weightedPopulation: null, region: group.region, rateFloor: false };
    // Each cell is a person of its own: no names or staff IDs, so none is matched with another, and no caps.
    const result = checkRoster({ rows: group.rows, settings, rules });
    result.staff.forEach((staff, i) => { cells[group.cells[i]] = { staff, role: group.roles[i], region: group.region }; });
  }
  return { shape, cells };
}

function invalidRow(staff: StaffResult): CellError | null {
  const problem = staff.findings.find((f) => f.severity === "error" && INVALID_ROW.has(f.code));
  return problem ? valueError(problem.message) : null;
}

/** A month in post with no maximum on record: the formula gives #N/A for it rather than a 0. */
function lacksMaximum(month: MonthClaim): boolean {
  return month.daysInPost > 0 && month.limit === "no-rate";
}

/**
 * =ARRS.CLAIM(role, annualCost, wte, start, [end], [financialYear], [region]): the amount claimable for
 * the year, as the engine works it out for one roster row: month by month, pro rata for days in post, up
 * to the maximum in force on the 1st of each month. #N/A when a month in post has no maximum on record.
 */
export function claim(
  context: FunctionContext, role: unknown, annualCost: unknown, wte: unknown, start: unknown,
  end?: unknown, financialYear?: unknown, region?: unknown,
): Result<number> {
  const run = runClaims(context, [role, annualCost, wte, start, end, financialYear, region]);
  if (isCellError(run)) return run;
  const out = run.cells.map((cell): Cell<number> => {
    if (cell === BLANK || isCellError(cell)) return cell;
    const invalid = invalidRow(cell.staff);
    if (invalid) return invalid;
    const missing = cell.staff.months.find(lacksMaximum);
    return missing ? noMaximum(cell.role, missing.month, cell.region) : cell.staff.claimable;
  });
  if (!run.shape.matrix) return out[0];
  const rows: Cell<number>[][] = [];
  for (let r = 0; r < run.shape.rows; r++) rows.push(out.slice(r * run.shape.columns, (r + 1) * run.shape.columns));
  return rows;
}

/**
 * =ARRS.MONTHLY(...CLAIM's arguments): the twelve months' claims, April first, one row per person. The
 * arguments must be single values or columns (one person per row). A month with no maximum on record is
 * #N/A; a row the engine cannot use is #VALUE! in all twelve.
 */
export function monthly(
  context: FunctionContext, role: unknown, annualCost: unknown, wte: unknown, start: unknown,
  end?: unknown, financialYear?: unknown, region?: unknown,
): Cell<number>[][] | CellError {
  const run = runClaims(context, [role, annualCost, wte, start, end, financialYear, region]);
  if (isCellError(run)) return run;
  if (run.shape.columns !== 1) {
    return valueError(`MONTHLY gives twelve months for each person, so its ranges must be one column (one person per row), not ${run.shape.columns} columns.`);
  }
  return run.cells.map((cell): Cell<number>[] => {
    if (cell === BLANK || isCellError(cell)) return new Array(12).fill(cell);
    const invalid = invalidRow(cell.staff);
    if (invalid) return new Array(12).fill(invalid);
    return cell.staff.months.map((m): Cell<number> => (lacksMaximum(m) ? noMaximum(cell.role, m.month, cell.region) : m.claimable));
  });
}

