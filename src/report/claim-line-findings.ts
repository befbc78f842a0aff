/**
 * Which of a row's findings affect one month's claim line: those about the money of that month, as
 * codes ("OVER_MAX, ONCOSTS_ESTIMATED"). A finding about the row's cells, or about months the line is
 * not for, is on the row (the ARRS findings column) and not on the line.
 */
import type { MonthClaim, StaffResult } from "../engine/types";
import type { FindingCode, Region } from "../rules/types";

/** Whether a finding the row carries concerns this month's money. */
type Affects = (line: { person: StaffResult; claim: MonthClaim; region: Region; sharedWith: boolean }) => boolean;

const UNCONFIRMED = new Set(["inferred", "third-party"]);

/**
 * The codes a claim line can carry, in the order it shows them, and when each concerns the month.
 * Codes whose finding holds for the whole row (estimated on-costs, a funded share, eligibility that
 * puts the claim at risk) concern every month the row claims.
 */
const LINE_CODES: readonly [FindingCode, Affects][] = [
  ["OVER_MAX", ({ claim }) => claim.limit === "over-max"],
  ["CAP_EXCEEDED", ({ person, claim }) => claim.limit === "beyond-cap" || (person.wte !== null && claim.wte < person.wte - 1e-9)],
  ["DUPLICATE_PERSON", ({ sharedWith }) => sharedWith],
  ["RATE_FLOOR", ({ claim }) => claim.floor],
  ["RATE_UNCONFIRMED", ({ claim }) => claim.rate !== null && UNCONFIRMED.has(claim.rate.confidence)],
  ["LONDON_RATE_MISSING", ({ claim, region }) => claim.limit === "london-rate-missing" || (region !== "national" && claim.rate?.region === "national")],
  ["USER_RATE_USED", ({ claim }) => claim.rate?.confidence === "user"],
  ["PART_FUNDED", () => true],
  ["MHP_AGREEMENT_UNKNOWN", () => true],
  ["ONCOSTS_ESTIMATED", () => true],
  ["ROLE_NOT_ELIGIBLE", () => true],
  ["GP_ELIGIBILITY", () => true],
  ["NURSE_12_MONTH_RULE", () => true],
  ["MISSING_VALUE", () => true],
];

/** A person as the engine matches people on several rows: the staff ID, or with none the name. */
function personKey(person: StaffResult): string | null {
  const id = person.staffId?.trim().toLowerCase();
  if (id) return `id:${id}`;
  const name = person.name?.trim().toLowerCase().replace(/\s+/g, " ");
  return name ? `name:${name}` : null;
}

/**
 * The codes for each line of a result, worked out once: `codesFor(person, monthIndex)`. A person on
 * several rows (DUPLICATE_PERSON) is shown on the lines of the months another of their rows is also in
 * post, where their WTE adds up.
 */
export function lineFindings(staff: readonly StaffResult[], region: Region): (person: StaffResult, monthIndex: number) => string[] {
  const rowsOf = new Map<string, StaffResult[]>();
  for (const person of staff) {
    const key = personKey(person);
    if (key === null) continue;
    const rows = rowsOf.get(key);
    if (rows) rows.push(person);
    else rowsOf.set(key, [person]);
  }
  return (person, monthIndex) => {
    const claim = person.months[monthIndex];
    const carried = new Set(person.findings.map((f) => f.code));
    if (!claim || carried.size === 0) return [];
    const key = personKey(person);
    const sharedWith = key !== null && (rowsOf.get(key) ?? []).some((other) => other !== person && (other.months[monthIndex]?.daysInPost ?? 0) > 0);
    const line = { person, claim, region, sharedWith };
    return LINE_CODES.filter(([code, affects]) => carried.has(code) && affects(line)).map(([code]) => code);
  };
}
