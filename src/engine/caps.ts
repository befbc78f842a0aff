/**
 * Caps on numbers by PCN list size (ARRS reference, section 4). Caps count the WTE in post at the
 * same time, month by month. Rows beyond the cap are taken latest start first (row order breaks
 * ties): a row only partly beyond it keeps the part within it, since the cap is in WTE.
 */
import { formatUkDate, type FinancialYear } from "../common/dates";
import { formatMoney, formatWte } from "../common/money";
import { describeSource, RuleSet } from "../rules/ruleset";
import { LARGE_PCN_LIST_SIZE } from "../rules/data/caps";
import type { CapRule, Finding, RoleId } from "../rules/types";
import type { StaffRow } from "./staff-row";
import { ENGINE_SOURCE, finding, flat, rowFinding } from "./findings";
import { LIMIT_CODES, type MonthTable } from "./month-table";

const OVER_MAX = LIMIT_CODES["over-max"];
const NO_RATE = LIMIT_CODES["no-rate"];
const BEYOND_CAP = LIMIT_CODES["beyond-cap"];

/**
 * Months that take up a place under the cap: in post, in a claimable role, person eligible. A slot of
 * the check's MonthTable (StaffRow.firstSlot + month), read from its columns directly, as the engine's
 * loops over every row do.
 */
export function countsTowardsCap(table: MonthTable, slot: number): boolean {
  if (table.daysInPost[slot] <= 0) return false;
  const limit = table.limit[slot];
  return limit === 0 || limit === OVER_MAX || limit === NO_RATE || limit === BEYOND_CAP;
}

export function capLimit(rule: CapRule, listSize: number | null): number | null {
  return RuleSet.capFor(rule, listSize ?? 0);
}

/** A cap in force in a month, and its limit in WTE for this PCN. */
export type CapInForce = { rule: CapRule; limit: number };
type CapsByRole = Map<RoleId, (CapInForce | null)[]>;

/** The cap in force for a role in each month of the year, April first (null: none, or no limit for this PCN). */
export function capsInForce(rules: RuleSet, role: RoleId, year: FinancialYear, listSize: number | null): (CapInForce | null)[] {
  return year.months.map((month) => {
    const rule = rules.cap(role, month);
    const limit = rule ? capLimit(rule, listSize) : null;
    return rule && limit !== null ? { rule, limit } : null;
  });
}

/** A usable row in a capped role, with that role's caps month by month. */
interface Candidate {
  draft: StaffRow;
  caps: (CapInForce | null)[];
}

/**
 * The caps in force in each month for a usable row's role, noted the first time the role is seen. (A
 * function called row by row, which V8 optimises as soon as it is hot; see totals.ts.)
 */
function noteRoleCaps(capped: CapsByRole, draft: StaffRow, rules: RuleSet, listSize: number | null, year: FinancialYear): void {
  if (!draft.usable || !draft.roleDefinition || capped.has(draft.roleDefinition.id)) return;
  capped.set(draft.roleDefinition.id, capsInForce(rules, draft.roleDefinition.id, year, listSize));
}

/** What a row lost to a cap over the year, for its CAP_EXCEEDED finding. */
interface LostToCap {
  months: number;
  firstMonth: string;
  amount: number;
  rule: CapRule;
  limit: number;
  inPost: number;
}

/** Each usable row in a capped role, with that role's caps: looked up once rather than once a month. */
function capCandidates(drafts: StaffRow[], capped: CapsByRole): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i];
    const caps = draft.usable && draft.roleDefinition ? capped.get(draft.roleDefinition.id) : undefined;
    if (caps) candidates.push({ draft, caps });
  }
  return candidates;
}

function countsInMonth(c: Candidate, index: number): boolean {
  return c.caps[index] !== null && countsTowardsCap(c.draft.table, c.draft.firstSlot + index);
}

/**
 * One month of the caps: per capped role, the rows in post by start date, and those beyond the cap
 * held down to what is left of it. A function of its own, not a callback made for each month, so that
 * V8 optimises its loops.
 */
function capMonth(
  index: number, month: string, candidates: Candidate[], byStart: Candidate[], capped: CapsByRole,
  lost: Map<StaffRow, LostToCap>, rolesCapped: Set<RoleId>,
): void {
  // The roles in row order (the order the PCN's finding names them), each with its rows by start date.
  const byRole = new Map<RoleId, StaffRow[]>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (countsInMonth(c, index) && !byRole.has(c.draft.roleDefinition!.id)) byRole.set(c.draft.roleDefinition!.id, []);
  }
  for (let i = 0; i < byStart.length; i++) {
    const c = byStart[i];
    if (countsInMonth(c, index)) byRole.get(c.draft.roleDefinition!.id)!.push(c.draft);
  }
  for (const [role, group] of byRole) {
    const { rule, limit } = capped.get(role)![index]!;
    rolesCapped.add(role);
    let inPost = 0;
    for (let i = 0; i < group.length; i++) inPost += group[i].row.wte!;
    let used = 0;
    for (let i = 0; i < group.length; i++) {
      const draft = group[i];
      const wte = draft.row.wte!;
      const allowed = Math.max(0, Math.min(wte, limit - used));
      used += wte;
      if (allowed >= wte - 1e-9) continue;
      const slot = draft.firstSlot + index;
      const claimable = draft.table.claimable[slot];
      const reduced = (claimable * allowed) / wte;
      const entry = lost.get(draft) ?? { months: 0, firstMonth: month, amount: 0, rule, limit, inPost: 0 };
      entry.months += 1;
      entry.amount += claimable - reduced;
      entry.inPost = Math.max(entry.inPost, inPost);
      lost.set(draft, entry);
      // A month with no rate keeps that as its reason: the missing rate is the first thing to fix.
      draft.table.setCapped(slot, allowed, reduced, draft.table.limit[slot] === NO_RATE ? "no-rate" : "beyond-cap");
    }
  }
}

/** Earlier start first; row order breaks ties. */
function byStartThenRow({ draft: a }: Candidate, { draft: b }: Candidate): number {
  return a.row.start! < b.row.start! ? -1 : a.row.start! > b.row.start! ? 1 : a.row.rowNumber - b.row.rowNumber;
}

export function applyCaps(
  drafts: StaffRow[],
  options: { rules: RuleSet; listSize: number | null; year: FinancialYear; pcnFindings: Finding[] },
): void {
  const { rules, listSize, year } = options;
  const lost = new Map<StaffRow, LostToCap>();
  const rolesCapped = new Set<RoleId>();

  // Which roles have a cap in force each month: most years have none, and then no row is looked at.
  const capped: CapsByRole = new Map();
  // Indexed, not for…of: see totals.ts.
  for (let i = 0; i < drafts.length; i++) noteRoleCaps(capped, drafts[i], rules, listSize, year);
  for (const [role, months] of capped) if (months.every((m) => m === null)) capped.delete(role);
  if (capped.size === 0) return;
  const candidates = capCandidates(drafts, capped);
  // The places under a cap go in order of start date (row order breaking ties), so the rows beyond it
  // are those that started latest. Sorted once here rather than once a month.
  const byStart = [...candidates].sort(byStartThenRow);
  for (let index = 0; index < year.months.length; index++) capMonth(index, year.months[index], candidates, byStart, capped, lost, rolesCapped);

  for (const [draft, entry] of lost) {
    const size = listSize === null ? "(list size not given, so the lower cap)" : listSize >= LARGE_PCN_LIST_SIZE ? "for a PCN of 100,000 patients or more" : "for a PCN of 99,999 patients or fewer";
    const cost = entry.amount > 0 ? `: ${formatMoney(entry.amount)} is not claimable` : "";
    draft.addFinding(rowFinding("CAP_EXCEEDED",
      flat`The PCN has up to ${formatWte(entry.inPost)} WTE of ${draft.roleDefinition!.name}s in post, above the cap of ${formatWte(entry.limit)} WTE ${size}. This row started later, so it is beyond the cap for ${entry.months} month(s) from ${formatUkDate(entry.firstMonth)}${cost}.`,
      describeSource(entry.rule), draft.row.rowNumber, undefined, undefined, { cap: entry.limit, wteInPost: entry.inPost }));
  }
  if (listSize === null && rolesCapped.size > 0) {
    options.pcnFindings.push(finding("MISSING_VALUE",
      `The PCN's list size is not given, so the lower cap (for PCNs of 99,999 patients or fewer) was applied to ${[...rolesCapped].map((r) => rules.role(r).name).join(", ")}. Enter the list size to apply the right cap.`,
      ENGINE_SOURCE.caps, { severity: "warning", field: "listSize" }));
  }
}
