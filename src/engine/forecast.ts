/**
 * The year ahead (docs/forecast.md): a checked year split at an as-of date into the months claimed
 * to date and the months still to come, what planned posts would add after the as-of month, and what
 * of the ARRS sum would be left unspent at 31 March. Pure: the as-of date is an input, never a clock.
 *
 * The people in post need no forecast of their own: each row's months already run to its end date or
 * the year's end (check.ts), so the months after the as-of month are what they will bring in at this
 * rate. Planned posts are worked out month by month as a person is (assess-row.ts): days in post /
 * days in month × min(share × cost, maximum × WTE) / 12, where a post with no expected cost costs the
 * maximum. They are forecast only: never claims, claim lines, caps or totals.
 */
import { dayNumber, formatUkDate, type IsoDate } from "../common/dates";
import type { RuleSet } from "../rules/ruleset";
import type { RoleDefinition, RoleId } from "../rules/types";
import { monthMaximum } from "./assess-row";
import { annualCostWith, monthCostParts, partsTotal } from "./costs";
import type { Forecast, ForecastMonth, PlannedPost, PlannedPostForecast, UnspentAs } from "./forecast-types";
import { bandOf, MENTAL_HEALTH_PRACTITIONER } from "./mhp";
import { daysInPostIn } from "./months";
import { pennies, toPenceCount } from "./pence";
import type { CheckResult } from "./types";
import { yearRules, type RoleMonth, type YearRules } from "./year-rules";

/**
 * The role the unspent sum is measured in when the user has chosen none: Pharmacy Technician, a band 5
 * role claimable since 2020/21 whose maximum is published in every year's DES (the same maximum as the
 * band 5 Social Prescribing Link Worker and Health and Wellbeing Coach, whose figures are inferred).
 */
export const DEFAULT_UNSPENT_ROLE: RoleId = "pharmacy-technician";

export interface ForecastOptions {
  result: CheckResult;
  planned: readonly PlannedPost[];
  rules: RuleSet;
  asOf: IsoDate;
  /** The role to measure the unspent sum in; DEFAULT_UNSPENT_ROLE when not given. */
  unspentAs?: RoleId | null;
}

/** Months of the year whose 1st is on or before the as-of date: 0 before April, 12 from 1 March on. */
export function monthsToDateOf(months: readonly IsoDate[], asOf: IsoDate): number {
  return months.filter((month) => month <= asOf).length;
}

export function forecastYear(options: ForecastOptions): Forecast {
  const { result, rules, asOf } = options;
  const year = result.financialYear;
  const context = yearRules({ year, region: result.settings.region, rules, rateFloor: result.settings.rateFloor !== false });
  const monthsToDate = monthsToDateOf(year.months, asOf);
  const planned = options.planned.map((post) => forecastPost(post, { context, monthsToDate }));

  // Whole pence throughout, so that toDate + restOfYear is totals.claimable exactly.
  const claimablePence = result.totals.months.map(pennies);
  const plannedPence = year.months.map((_, i) => planned.reduce((total, post) => total + pennies(post.months[i]), 0));
  const toDatePence = claimablePence.slice(0, monthsToDate).reduce((a, b) => a + b, 0);
  const restPence = claimablePence.slice(monthsToDate).reduce((a, b) => a + b, 0);
  const plannedTotalPence = plannedPence.reduce((a, b) => a + b, 0);
  const entitlement = result.totals.entitlement;

  let runningClaimable = 0;
  let running = 0;
  const months: ForecastMonth[] = year.months.map((month, i) => {
    runningClaimable += claimablePence[i];
    running += claimablePence[i] + plannedPence[i];
    return {
      month,
      claimable: claimablePence[i] / 100,
      toDate: i < monthsToDate,
      planned: plannedPence[i] / 100,
      cumulativeClaimable: runningClaimable / 100,
      cumulative: running / 100,
    };
  });

  return {
    asOf,
    yearEnd: year.end,
    monthsToDate,
    toDate: toDatePence / 100,
    restOfYear: restPence / 100,
    plannedPosts: plannedTotalPence / 100,
    entitlement,
    // As headroom is: the ARRS sum as worked out, less amounts in whole pence.
    unspent: entitlement === null ? null : entitlement - (toDatePence + restPence + plannedTotalPence) / 100,
    months,
    planned,
    unspentAs: unspentAsOf(options.unspentAs ?? null, { context, monthsToDate }),
  };
}

/** What the rules allow a planned post in each month: the maximum table a post of its band would use. */
function roleMonthsOf(role: RoleDefinition, post: PlannedPost, context: YearRules): RoleMonth[] {
  // A mental health practitioner's place in the band is not known until someone is appointed: the 50%
  // table (first in band) is the one every MHP may be claimed on.
  const key = role.id === MENTAL_HEALTH_PRACTITIONER ? { band: bandOf(post.band), mhpTable: "first-in-band" as const } : {};
  return context.roleMonths(role, key);
}

function forecastPost(post: PlannedPost, options: { context: YearRules; monthsToDate: number }): PlannedPostForecast {
  const { context, monthsToDate } = options;
  const { year, spans } = context;
  const nothing = (note: string | null, extra: Partial<PlannedPostForecast> = {}): PlannedPostForecast => ({
    ...post, roleName: null, annualCost: null, amount: 0, months: year.months.map(() => 0), note, ...extra,
  });
  const role = post.role ? context.rules.role(post.role) : null;
  if (!role) return nothing(`The role${post.roleText ? ` "${post.roleText}"` : ""} is not recognised, so the post adds nothing to the forecast.`);
  const roleName = role.name;
  const firstLeft = monthsToDate < 12 ? year.months[monthsToDate] : null;
  const onCosts = context.onCostRates[Math.min(monthsToDate, 11)];
  const annualCost = post.supplierFee != null ? post.supplierFee
    : post.annualSalary === null ? null : annualCostWith(post.annualSalary, post, onCosts);
  const known = { roleName, annualCost };
  if (firstLeft === null) return nothing(`The year ended on ${formatUkDate(year.end)}: nothing is left to forecast.`, known);
  if (post.start !== null && post.start > year.end) return nothing(`It starts after ${formatUkDate(year.end)}, the end of the year.`, known);
  if (post.end !== null && post.end < firstLeft) return nothing(`It ends before ${formatUkDate(firstLeft)}, the first month forecast.`, known);

  // From the later of its start and the month after the as-of month, to its end or 31 March.
  const from = dayNumber(post.start !== null && post.start > firstLeft ? post.start : firstLeft);
  const to = post.end === null ? Number.POSITIVE_INFINITY : dayNumber(post.end);
  const roleMonths = roleMonthsOf(role, post, context);
  let noMaximum = false;
  let running = 0;
  let shown = 0;
  const months = spans.map((span, i) => {
    const daysInPost = i < monthsToDate ? 0 : daysInPostIn(span, from, to);
    const rules = roleMonths[i];
    const rate = rules.rate ?? rules.floor;
    if (daysInPost === 0 || !rules.claimable) return 0;
    if (!rate) {
      noMaximum = true;
      return 0;
    }
    const maximum = monthMaximum(daysInPost, span.days, rate.amount, post.wte);
    const share = rules.fundedShare?.share ?? 1;
    const cost = annualCost === null ? null
      : partsTotal(monthCostParts({ row: post, daysInPost, daysInMonth: span.days, rates: context.onCostRates[i] }));
    // Rounded as a person's months are: the running total to whole pence, so the months add up to the year.
    running += cost === null ? maximum : Math.min(share * cost, maximum);
    const pence = toPenceCount(running) - shown;
    shown += pence;
    return pence / 100;
  });
  const amount = shown / 100;
  const note = amount > 0 ? null
    : noMaximum ? `No maximum amount for ${roleName} is on record for the months forecast, so the post adds nothing.`
      : `${roleName} cannot be claimed in the months forecast, so the post adds nothing.`;
  return { ...post, ...known, amount, months, note };
}

/** The maximum for 1.0 WTE of the role over the months left after the as-of month (see UnspentAs). */
function unspentAsOf(chosen: RoleId | null, options: { context: YearRules; monthsToDate: number }): UnspentAs | null {
  const { context, monthsToDate } = options;
  const id = chosen ?? DEFAULT_UNSPENT_ROLE;
  let role: RoleDefinition;
  try {
    role = context.rules.role(id);
  } catch {
    return null;
  }
  let maximum = 0;
  let known = false;
  context.roleMonths(role).forEach((month, i) => {
    const rate = month.rate ?? month.floor;
    if (i < monthsToDate || !month.claimable || !rate) return;
    maximum += rate.amount / 12;
    known = true;
  });
  return {
    role: role.id,
    roleName: role.name,
    isDefault: role.id === DEFAULT_UNSPENT_ROLE,
    maximumForMonthsLeft: known ? maximum : null,
    from: monthsToDate < 12 ? context.year.months[monthsToDate] : null,
  };
}
