/**
 * The scheme role a roster's role or job title text names. Rosters write roles their own way
 * ("Clin Pharm", "Clinical Pharmacist (Band 7-8a)"); the rule set knows the names and aliases.
 */
import type { RoleId } from "../rules/types";
import type { RuleSet } from "../rules/ruleset";

/** Longest role text handed to the rule set: a real role name is far shorter, a pasted note may not be. */
const ROLE_TEXT_LIMIT = 500;

/**
 * The scheme role a roster's text names. Tries the text as written, then without anything in
 * brackets or after "band" ("Clinical Pharmacist (Band 7-8a)"), since the band is its own column.
 */
export function resolveRoleText(rules: RuleSet, text: string | null, band: string | null): RoleId | null {
  if (!text) return null;
  const attempts = [text, text.replace(/\([^)]*\)|\[[^\]]*\]/g, " "), text.replace(/\bband\b.*$/i, " ")];
  for (const attempt of attempts) {
    if (!attempt.trim()) continue;
    try {
      const role = rules.resolveRole(attempt.slice(0, ROLE_TEXT_LIMIT), band);
      if (role) return role.id;
    } catch {
      return null;
    }
  }
  return null;
}

/** Gives the role of a role text and band, as resolveRoleText does. */
export type RoleResolver = (text: string | null, band: string | null) => RoleId | null;

/**
 * resolveRoleText for one read of a roster. A roster names a few dozen roles many times over, so
 * each role text and band is resolved once and remembered.
 */
export function rolesResolvedOnce(rules: RuleSet): RoleResolver {
  const known = new Map<string, RoleId | null>();
  return (text, band) => {
    if (text === null) return null;
    const key = `${band ?? ""}\u0000${text}`;
    let role = known.get(key);
    if (role === undefined) {
      role = resolveRoleText(rules, text, band);
      known.set(key, role);
    }
    return role;
  };
}
