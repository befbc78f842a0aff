/**
 * The forecast step of the pipeline (docs/forecast.md): the planned posts the roster reader found on
 * every roster sheet, the role the unspent sum is measured in (asked for, else stored in ARRS Settings,
 * else a band 5 role), and the engine's forecast at the as-of date.
 */
import type { IsoDate } from "../common/dates";
import { SETTINGS_LABELS } from "../common/settings-keys";
import { OWNED_SHEETS } from "../common/owned";
import { DEFAULT_UNSPENT_ROLE, forecastYear } from "../engine/forecast";
import type { Forecast, PlannedPost } from "../engine/forecast-types";
import type { CheckResult } from "../engine/types";
import { RuleSet } from "../rules/ruleset";
import type { Finding, RoleId } from "../rules/types";
import type { RosterReadResult } from "../roster/types";
import { SettingsError } from "./settings";

/** A role named by its id ("pharmacy-technician") or as a roster would write it ("Pharmacy Technician"). */
export function unspentRoleOf(text: string, rules: RuleSet): RoleId | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const byId = rules.roles.find((role) => role.id === trimmed.toLowerCase());
  if (byId) return byId.id;
  try {
    return rules.resolveRole(trimmed)?.id ?? null;
  } catch {
    return null;
  }
}

/** What to write for a role the tool does not know. */
export function unknownUnspentRole(text: string, where: string): string {
  return `${where} "${text}" is not an ARRS role the tool knows: write a role's name, for example Pharmacy Technician or Clinical Pharmacist (or its id, such as ${DEFAULT_UNSPENT_ROLE}).`;
}

/** Every planned post on the roster sheets, each with its sheet (and practice, as for people's rows). */
export function plannedPostsOf(rosters: readonly RosterReadResult[]): PlannedPost[] {
  const several = rosters.length > 1;
  return rosters.flatMap((roster) => (roster.plannedPosts ?? []).flatMap(({ post }) => (post
    ? [{ ...post, sheet: roster.sheetName, practice: post.practice ?? (several ? roster.sheetName : null) }]
    : [])));
}

export interface ForecastStep {
  forecast: Forecast;
  /** A stored role that could not be used (the default was used instead). */
  findings: Finding[];
}

/**
 * The forecast for a checked roster. The role asked for has been checked by the door (a role it does
 * not know is the user's mistake to correct there); a stored one the tool does not know is a warning.
 */
export function forecastStep(options: {
  result: CheckResult; rosters: readonly RosterReadResult[]; rules: RuleSet; asOf: IsoDate;
  requestedRole?: RoleId; storedRole?: string;
}): ForecastStep {
  const findings: Finding[] = [];
  let role = options.requestedRole ?? null;
  if (role === null && options.storedRole) {
    role = unspentRoleOf(options.storedRole, options.rules);
    if (role === null) {
      findings.push({
        code: "MISSING_VALUE",
        severity: "warning",
        message: `${unknownUnspentRole(options.storedRole, `The "${SETTINGS_LABELS.unspentAs}" setting in the ${OWNED_SHEETS.settings} sheet is`)} A band 5 role was used.`,
        source: `The "${OWNED_SHEETS.settings}" sheet in this workbook`,
        field: "unspentAs",
      });
    }
  }
  const forecast = forecastYear({ result: options.result, planned: plannedPostsOf(options.rosters), rules: options.rules, asOf: options.asOf, unspentAs: role });
  return { forecast, findings };
}

/** The role a door was asked to measure the unspent sum in, or a SettingsError saying what to write. */
export function requestedUnspentRole(text: string, where: string): RoleId {
  const role = unspentRoleOf(text, new RuleSet());
  if (role === null) throw new SettingsError(unknownUnspentRole(text, where));
  return role;
}
