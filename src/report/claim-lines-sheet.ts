/**
 * "ARRS Claim Lines": one row per person per month in post, month by month as claims are made.
 * A plain table under one frozen header row, with no totals or gaps inside it, so Excel's filter and
 * sort work on it (the summary sheet holds the totals).
 */
import { OWNED_SHEETS } from "../common/owned";
import type { CheckResult, MonthClaim, StaffResult } from "../engine/types";
import { blank, integer, money, month, text, wte } from "./cells";
import type { OutputCell, OwnedSheet } from "./types";
import { claimLineNote } from "./words";

export const CLAIM_LINE_HEADERS = [
  "Month",
  "Roster row",
  "Name",
  "Role",
  "WTE",
  "Salary",
  "Employer NI",
  "Employer pension",
  "Total cost",
  "Maximum for the month",
  "Claimable",
  "Note",
] as const;

export const CLAIM_LINE_WIDTHS = [11, 11, 26, 30, 8, 13, 13, 16, 13, 22, 13, 60];

export function buildClaimLinesSheet(result: CheckResult): OwnedSheet {
  const staff = [...result.staff].sort((a, b) => a.rowNumber - b.rowNumber);
  const lines: OutputCell[][] = [];
  // Month first, then roster order: a claim is made for a month, for everyone in post that month.
  result.financialYear.months.forEach((_, monthIndex) => {
    for (const person of staff) {
      const claim = person.months[monthIndex];
      if (claim && claim.daysInPost > 0) lines.push(claimLine(person, claim));
    }
  });
  return {
    name: OWNED_SHEETS.claimLines,
    rows: [CLAIM_LINE_HEADERS.map((h) => text(h, "header")), ...lines],
    columnWidths: CLAIM_LINE_WIDTHS,
    freezeRows: 1,
    autoFilter: { top: 1, left: 1, bottom: lines.length + 1, right: CLAIM_LINE_HEADERS.length },
  };
}

function claimLine(person: StaffResult, claim: MonthClaim): OutputCell[] {
  const parts = costParts(person, claim.cost);
  return [
    month(claim.month),
    integer(person.rowNumber),
    person.name === null ? blank() : text(person.name),
    text(person.roleName ?? person.roleText ?? ""),
    wte(claim.wte),
    money(parts?.salary ?? null),
    money(parts?.employerNi ?? null),
    money(parts?.employerPension ?? null),
    money(claim.cost),
    money(claim.maximumForMonth),
    money(claim.claimable),
    text(claimLineNote(claim, person.onCostsEstimated)),
  ];
}

/**
 * The month's cost split in the proportions of the person's annual salary, NI and pension, so the
 * three parts always add up to the month's total cost the engine used (even where an estimated NI
 * rate changed during the year). Null when the parts are not known.
 */
export function costParts(person: Pick<StaffResult, "salary" | "employerNi" | "employerPension">, monthCost: number): { salary: number; employerNi: number; employerPension: number } | null {
  const { salary, employerNi, employerPension } = person;
  if (salary === null || employerNi === null || employerPension === null) return null;
  const annual = salary + employerNi + employerPension;
  if (!(annual > 0)) return { salary: 0, employerNi: 0, employerPension: 0 };
  const share = monthCost / annual;
  return { salary: salary * share, employerNi: employerNi * share, employerPension: employerPension * share };
}
