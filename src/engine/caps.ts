/**
 * Step 2 of a check: caps on numbers by PCN list size (docs/rules.md). A cap counts the
 * WTE in post at the same time, month by month. Places under the cap go in order of start date (row
 * order breaks ties), so the rows beyond it are those that started latest; a row only partly beyond
 * it keeps the part within it, since the cap is in WTE.
 */
import { formatUkDate, type FinancialYear, type IsoDate } from "../common/dates";
import { formatMoney, formatWte } from "../common/money";
import { LARGE_PCN_LIST_SIZE } from "../rules/data/caps";
import { describeSource, RuleSet } from "../rules/ruleset";
import type { CapRule, Finding, RoleId } from "../rules/types";
import type { AssessedRow } from "./assess-row";
import { ENGINE_SOURCE, finding } from "./findings";
import type { MonthClaim, MonthLimit } from "./types";

/** A cap in force in a month, and its limit in WTE for this PCN. */
export interface CapInForce { rule: CapRule; limit: number }

/** The cap in force for a role in each month of the year, April first (null: none, or no limit for this PCN). */
export function capsInForce(options: { rules: RuleSet; role: RoleId; year: FinancialYear; listSize: number | null }): (CapInForce | null)[] {
  const { rules, role, year, listSize } = options;
  return year.months.map((month) => {
    const rule = rules.cap(role, month);
    // Without a list size the lower cap applies (and a PCN finding says so).
    const limit = rule ? RuleSet.capFor(rule, listSize ?? 0) : null;
    return rule && limit !== null ? { rule, limit } : null;
  });
}

const COUNTS_TOWARDS_CAP: ReadonlySet<MonthLimit> = new Set<MonthLimit>(["over-max", "no-rate", "beyond-cap", "london-rate-missing", "earlier-maximum"]);

/** A month that takes up a place under a cap: in post, in a claimable role, the person eligible. */
export function countsTowardsCap(month: MonthClaim): boolean {
  return month.daysInPost > 0 && (month.limit === null || COUNTS_TOWARDS_CAP.has(month.limit));
}

/** What a row lost to a cap over the year, for its CAP_EXCEEDED finding. */
interface LostToCap {
  months: number;
  firstMonth: IsoDate;
  amount: number;
  rule: CapRule;
  limit: number;
  /** The most WTE of the role in post in a month the row lost to the cap. */
  inPost: number;
}

/** Earlier start first; row order breaks ties. */
function byStartThenRow(a: AssessedRow, b: AssessedRow): number {
  const [startA, startB] = [a.input.start!, b.input.start!];
  return startA < startB ? -1 : startA > startB ? 1 : a.input.rowNumber - b.input.rowNumber;
}

/**
 * Holds rows beyond a cap down to what is left of it, month by month, with a CAP_EXCEEDED finding on
 * each such row. Returns the PCN-level findings (the list size was not given, so the lower cap was used).
 */
export function applyCaps(rows: AssessedRow[], options: { rules: RuleSet; listSize: number | null; year: FinancialYear }): Finding[] {
  const { rules, listSize, year } = options;
  // The caps of each role on a claimable row; most years have none, and then no row is looked at.
  const caps = new Map<RoleId, (CapInForce | null)[]>();
  for (const row of rows) {
    if (!row.usable || !row.role || caps.has(row.role.id)) continue;
    const months = capsInForce({ rules, role: row.role.id, year, listSize });
    if (months.some((m) => m !== null)) caps.set(row.role.id, months);
  }
  const candidates = rows.filter((row) => row.usable && row.role && caps.has(row.role.id));
  if (candidates.length === 0) return [];
  const byStart = [...candidates].sort(byStartThenRow);

  const lost = new Map<AssessedRow, LostToCap>();
  const rolesCapped = new Set<RoleId>();
  year.months.forEach((month, index) => {
    const counts = (row: AssessedRow) => caps.get(row.role!.id)![index] !== null && countsTowardsCap(row.months[index]);
    // The roles in row order (the order the PCN's finding names them), each with its rows by start date.
    const groups = new Map<RoleId, AssessedRow[]>();
    for (const row of candidates) if (counts(row) && !groups.has(row.role!.id)) groups.set(row.role!.id, []);
    for (const row of byStart) if (counts(row)) groups.get(row.role!.id)!.push(row);

    for (const [role, group] of groups) {
      const { rule, limit } = caps.get(role)![index]!;
      rolesCapped.add(role);
      const inPost = group.reduce((sum, row) => sum + row.input.wte!, 0);
      let used = 0;
      for (const row of group) {
        const wte = row.input.wte!;
        const allowed = Math.max(0, Math.min(wte, limit - used));
        used += wte;
        if (allowed >= wte - 1e-9) continue;
        const before = row.months[index];
        const claimable = (before.claimable * allowed) / wte;
        // A month with no rate keeps that as its reason: the missing rate is the first thing to fix.
        row.months[index] = {
          ...before, wte: allowed, claimable, upliftOverBuiltIn: (before.upliftOverBuiltIn * allowed) / wte,
          limit: before.limit === "no-rate" ? "no-rate" : "beyond-cap",
        };
        const entry = lost.get(row) ?? { months: 0, firstMonth: month, amount: 0, rule, limit, inPost: 0 };
        entry.months += 1;
        entry.amount += before.claimable - claimable;
        entry.inPost = Math.max(entry.inPost, inPost);
        lost.set(row, entry);
      }
    }
  });

  const size = listSize === null ? "(list size not given, so the lower cap)" : listSize >= LARGE_PCN_LIST_SIZE ? "for a PCN of 100,000 patients or more" : "for a PCN of 99,999 patients or fewer";
  for (const [row, entry] of lost) {
    const cost = entry.amount > 0 ? `: ${formatMoney(entry.amount)} is not claimable` : "";
    row.findings.push(finding({
      code: "CAP_EXCEEDED",
      message: `The PCN has up to ${formatWte(entry.inPost)} WTE of ${row.role!.name}s in post, above the cap of ${formatWte(entry.limit)} WTE ${size}. This row started later, so it is beyond the cap for ${entry.months} month(s) from ${formatUkDate(entry.firstMonth)}${cost}.`,
      source: describeSource(entry.rule), rowNumber: row.input.rowNumber, details: { cap: entry.limit, wteInPost: entry.inPost },
    }));
  }
  if (listSize !== null || rolesCapped.size === 0) return [];
  return [finding({
    code: "MISSING_VALUE",
    message: `The PCN's list size is not given, so the lower cap (for PCNs of 99,999 patients or fewer) was applied to ${[...rolesCapped].map((r) => rules.role(r).name).join(", ")}. Enter the list size to apply the right cap.`,
    source: ENGINE_SOURCE.caps, severity: "warning", field: "listSize",
  })];
}
