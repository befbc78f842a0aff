/**
 * The look-up worksheet functions (CAP, MAXREIMB, SOURCE, ELIGIBLE, ROLE, ROLES): thin wrappers over
 * RuleSet look-ups, and the context every function takes. The functions that run the engine (CLAIM,
 * MONTHLY, ENTITLEMENT) are in claims.ts, so that Excel loads the engine only when one is used;
 * arrs.ts gathers all nine. See arrs.ts for the conventions.
 */
import { financialYearOf, formatUkDate, type FinancialYear, type IsoDate } from "../common/dates";
import { MENTAL_HEALTH_PRACTITIONER, MHP_TABLES_FROM } from "../engine/mhp";
import { describeSource, RuleSet } from "../rules/ruleset";
import type { MaxAmount, Region, RoleDefinition } from "../rules/types";
import {
  BLANK, broadcast, dateReader, isCellError, mapCells, naError, numberReader, REGION_WORDS, regionReader, roleReader,
  valueError, type Cell, type CellError, type Result,
} from "./arguments";

/** The rule set to use for a financial year: built-in figures, with the workbook's own where it has them. */
export type RulesForYear = (year: FinancialYear) => RuleSet;

export interface FunctionContext {
  /** What a missing date means. */
  today: IsoDate;
  /** Built-in rules when not given. A function of the year when the workbook has rate sheets (see WorkbookRates). */
  rules?: RuleSet | RulesForYear;
}

const BUILT_IN = new RuleSet();

export function rulesFor(context: FunctionContext, year: FinancialYear): RuleSet {
  const rules = context.rules ?? BUILT_IN;
  return typeof rules === "function" ? rules(year) : rules;
}

/** Rules for resolving role names, which the workbook's rate sheets do not change. */
export function baseRules(context: FunctionContext): RuleSet {
  return rulesFor(context, financialYearOf(context.today));
}

function todayReader(context: FunctionContext, name = "date") {
  return dateReader(name, { blank: context.today }) as (value: unknown) => IsoDate | CellError;
}

/** The first of the coerced values that is an error, if any (fixed arity: called once per cell). */
export function fail(a: unknown, b: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown, g?: unknown): CellError | null {
  if (isCellError(a)) return a;
  if (isCellError(b)) return b;
  if (isCellError(c)) return c;
  if (isCellError(d)) return d;
  if (isCellError(e)) return e;
  if (isCellError(f)) return f;
  if (isCellError(g)) return g;
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Maximum amounts
// ---------------------------------------------------------------------------------------------------

interface Maximum {
  rate: MaxAmount;
  /** True when the region asked for has no figure and the national one is used, as the engine does. */
  nationalFallback: boolean;
}

export function noMaximum(role: RoleDefinition, date: IsoDate, region: Region): CellError {
  // From 2025/26 an MHP's maximum depends on the band and table, which the functions do not take.
  if (role.id === MENTAL_HEALTH_PRACTITIONER && date >= MHP_TABLES_FROM) {
    return naError(`From 2025/26 a ${role.name}'s maximum depends on the Agenda for Change band and on DES Table 3a or 3b (first in the band, or a written agreement), which the ARRS functions do not take: see the task pane or arrs check.`);
  }
  const where = region === "national" ? "national" : `${REGION_WORDS[region]}, nor national`;
  return naError(`No maximum is on record for ${role.name} on ${formatUkDate(date)} (${where}); add it to an ARRS max reimb sheet.`);
}

function notYetClaimable(role: RoleDefinition, date: IsoDate): CellError {
  return naError(`${role.name} was not claimable under ARRS on ${formatUkDate(date)}; it was from ${formatUkDate(role.claimableFrom)}.`);
}

/** The maximum the engine would use for a role on a date (engine/check.ts, roleMonth), remembered per call. */
function maximumFinder(context: FunctionContext): (role: RoleDefinition, date: IsoDate, region: Region) => Maximum | CellError {
  // Role → region → date: a column of cells repeats the same few, and each is looked up once.
  const seen = new Map<RoleDefinition, Map<Region, Map<IsoDate, Maximum | CellError>>>();
  return (role, date, region) => {
    let byRegion = seen.get(role);
    if (!byRegion) seen.set(role, byRegion = new Map());
    let byDate = byRegion.get(region);
    if (!byDate) byRegion.set(region, byDate = new Map());
    let found = byDate.get(date);
    if (found) return found;
    const rules = rulesFor(context, financialYearOf(date));
    if (!rules.isClaimable(role.id, date)) found = notYetClaimable(role, date);
    else {
      const own = rules.maxAmount(role.id, date, region);
      // A London PCN with no London figure is paid against the national one, as in the engine.
      const national = own || region === "national" ? null : rules.maxAmount(role.id, date, "national");
      found = own ? { rate: own, nationalFallback: false } : national ? { rate: national, nationalFallback: true } : noMaximum(role, date, region);
    }
    byDate.set(date, found);
    return found;
  };
}

/**
 * MAXREIMB and SOURCE read the same arguments and find the same maximum; only what they show of it
 * differs.
 */
function eachMaximum<T>(
  context: FunctionContext, role: unknown, date: unknown, region: unknown,
  show: (found: Maximum, where: Region) => T,
) {
  const readRole = roleReader(baseRules(context));
  const readDate = todayReader(context);
  const readRegion = regionReader();
  const maximum = maximumFinder(context);
  return mapCells([role, date, region], ["role", "date", "region"], ([r, d, g]) => {
    const def = readRole(r);
    if (def === BLANK) return BLANK;
    const iso = readDate(d);
    const where = readRegion(g);
    const problem = fail(def, iso, where);
    if (problem) return problem;
    const found = maximum(def as RoleDefinition, iso as IsoDate, where as Region);
    return isCellError(found) ? found : show(found, where as Region);
  });
}

/**
 * =ARRS.MAXREIMB(role, [date], [region]): the maximum reimbursable amount per 1.0 WTE a year (including
 * employer NI and pension) in force on the date, from the workbook's rate sheet where it gives one.
 */
export function maxReimb(context: FunctionContext, role: unknown, date?: unknown, region?: unknown): Result<number> {
  return eachMaximum(context, role, date, region, (found) => found.rate.amount);
}

/**
 * =ARRS.SOURCE(role, [date], [region]): where MAXREIMB's figure comes from and how sure it is, as the
 * task pane cites it: "Network Contract DES Contract specification 2025/26, Table 2 (published)".
 */
export function source(context: FunctionContext, role: unknown, date?: unknown, region?: unknown): Result<string> {
  return eachMaximum(context, role, date, region, (found, where) => {
    const cited = describeSource(found.rate);
    return found.nationalFallback ? `National maximum (no ${REGION_WORDS[where]} figure is on record): ${cited}` : cited;
  });
}

// ---------------------------------------------------------------------------------------------------
// Caps, eligibility, roles
// ---------------------------------------------------------------------------------------------------

export const NO_CAP = "no cap";

/**
 * =ARRS.CAP(role, listSize, [date]): the most WTE of the role a PCN of that list size may claim for on
 * the date, or "no cap".
 */
export function cap(context: FunctionContext, role: unknown, listSize: unknown, date?: unknown): Result<number | string> {
  const rules = baseRules(context);
  const readRole = roleReader(rules);
  const readSize = numberReader("listSize", "count", valueError("listSize is blank: give the PCN's registered list size."));
  const readDate = todayReader(context);
  return mapCells([role, listSize, date], ["role", "listSize", "date"], ([r, s, d]) => {
    const def = readRole(r);
    if (def === BLANK) return BLANK;
    const size = readSize(s);
    const iso = readDate(d);
    const problem = fail(def, size, iso);
    if (problem) return problem;
    if ((size as number) < 0) return valueError(`listSize: ${size} is not a list size.`);
    const { id } = def as RoleDefinition;
    if (!rules.isClaimable(id, iso as IsoDate)) return notYetClaimable(def as RoleDefinition, iso as IsoDate);
    const rule = rules.cap(id, iso as IsoDate);
    const limit = rule ? RuleSet.capFor(rule, size as number) : null;
    return limit ?? NO_CAP;
  });
}

/** =ARRS.ELIGIBLE(role, [date]): TRUE when the role was claimable under ARRS on the date. */
export function eligible(context: FunctionContext, role: unknown, date?: unknown): Result<boolean> {
  const rules = baseRules(context);
  const readRole = roleReader(rules);
  const readDate = todayReader(context);
  return mapCells([role, date], ["role", "date"], ([r, d]) => {
    const def = readRole(r);
    if (def === BLANK) return BLANK;
    const iso = readDate(d);
    const problem = fail(def, iso);
    if (problem) return problem;
    return rules.isClaimable((def as RoleDefinition).id, iso as IsoDate);
  });
}

/** =ARRS.ROLE(text): the scheme's name for the role free text names ("FCP physio" → First Contact Physiotherapist). */
export function role(context: FunctionContext, text: unknown): Result<string> {
  const readRole = roleReader(baseRules(context));
  return mapCells([text], ["text"], ([t]) => {
    const def = readRole(t);
    return def === BLANK || isCellError(def) ? def : def.name;
  });
}

/** =ARRS.ROLES([date]): the roles claimable on the date, one per row, in the order the scheme added them. */
export function roles(context: FunctionContext, date?: unknown): Cell<string>[][] | CellError {
  const d = Array.isArray(date) ? broadcast([date], ["date"]) : null;
  if (d && (isCellError(d) || d.rows * d.columns > 1)) {
    return isCellError(d) ? d : valueError("date: give one date; ROLES lists the roles claimable on it.");
  }
  const iso = todayReader(context)(d ? d.value(0, 0, 0) : date);
  if (isCellError(iso)) return iso;
  const list = baseRules(context).rolesClaimableOn(iso);
  if (list.length === 0) return naError(`No ARRS role was claimable on ${formatUkDate(iso)}: the scheme began on 01/07/2019.`);
  return list.map((r) => [r.name]);
}
