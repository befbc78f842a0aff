/**
 * Which roles on a checked roster have no maximum amount on record for the year: the people whose
 * rows carry RATE_FLOOR (claimed up to an earlier year's maximum) or NO_RATE (nothing to claim up
 * to). A door uses it to offer the year's rates sheet ("ARRS max reimb 26-27"), and what the money
 * rests on: the part claimed on earlier maximums, the backdated uplift, an unconfirmed ARRS sum.
 */
import type { CheckResult } from "../engine/types";

export interface MissingMaximums {
  /** The year checked, "2026/27". */
  financialYear: string;
  /** Distinct roles, by name, in roster order. */
  roles: string[];
  /** Of those, roles with at least one person claimed on an earlier year's maximum. */
  onFloor: string[];
  /** Of those, roles with at least one person who claims nothing for want of a maximum. */
  withNothing: string[];
}

/** Null when every eligible person's role has a maximum on record for the year. */
export function missingMaximums(result: CheckResult): MissingMaximums | null {
  const roles: string[] = [];
  const onFloor = new Set<string>();
  const withNothing = new Set<string>();
  for (const person of result.staff) {
    // A mental health practitioner with no band (NO_RATE on the band) needs the band, not a figure.
    const codes = new Set(person.findings.filter((f) => !(f.code === "NO_RATE" && f.field === "band")).map((f) => f.code));
    if (!codes.has("RATE_FLOOR") && !codes.has("NO_RATE")) continue;
    const role = person.roleName ?? person.role ?? person.roleText ?? "";
    if (!roles.includes(role)) roles.push(role);
    if (codes.has("RATE_FLOOR")) onFloor.add(role);
    if (codes.has("NO_RATE")) withNothing.add(role);
  }
  if (roles.length === 0) return null;
  return {
    financialYear: result.financialYear.label,
    roles,
    onFloor: roles.filter((r) => onFloor.has(r)),
    withNothing: roles.filter((r) => withNothing.has(r)),
  };
}

/** True when the ARRS sum rests on a rate per weighted patient that is not yet confirmed. */
export function entitlementUnconfirmed(result: CheckResult): boolean {
  const confidence = result.entitlement?.rate.confidence;
  return confidence === "third-party" || confidence === "inferred";
}
