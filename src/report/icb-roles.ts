/**
 * "ICB Roles": the workforce and the claim by role across every PCN checked: how many PCNs have the
 * role, its people, WTE and claim for the year, and the cost above the maximums the PCNs fund. The
 * totals agree with the ICB Summary's staff, WTE and claim.
 */
import { integer, money, SheetRows, text, wte } from "./cells";
import { rolesAcrossPcns } from "./icb-figures";
import type { CheckedPcn, Rollup } from "./icb-types";
import type { OwnedSheet } from "./types";

export const ICB_ROLES_SHEET = "ICB Roles";

const HEADERS = ["Role", "PCNs", "Headcount", "WTE", "Claimable, whole year", "Cost above the maximums (PCNs fund)"];

export function buildIcbRolesSheet(rollup: Rollup): OwnedSheet {
  const results = rollup.pcns.filter((pcn): pcn is CheckedPcn => pcn.kind === "checked").map((pcn) => pcn.result);
  const lines = rolesAcrossPcns(results);
  const sheet = new SheetRows();
  sheet.add(text(`ARRS roles across the PCNs ${rollup.financialYear ?? ""}`.trim(), "title"));
  sheet.add(text("People in post during the year (one person on two rows is one), by role; PCNs is how many PCNs have the role.", "note"));
  sheet.gap();
  const headerRow = sheet.add(...HEADERS.map((header) => text(header, "header")));
  for (const line of lines) {
    sheet.add(text(line.role), integer(line.pcns), integer(line.headcount), wte(line.wte), money(line.claimable), money(line.overMaxGap));
  }
  const last = sheet.nextRow - 1;
  if (lines.length === 0) sheet.add(text("No staff on any roster checked.", "note"));
  const sum = (pick: (line: (typeof lines)[number]) => number) => lines.reduce((total, line) => total + pick(line), 0);
  sheet.add(text("Total", "total"), { value: null, style: "total" }, integer(sum((l) => l.headcount), "total"), wte(sum((l) => l.wte), "total"),
    // Whole pence each: summed in pence so the total is exact.
    money(Math.round(sum((l) => Math.round(l.claimable * 100))) / 100, "total"), money(sum((l) => l.overMaxGap), "total"));
  return {
    name: ICB_ROLES_SHEET,
    rows: sheet.rows,
    columnWidths: [44, 8, 11, 9, 21, 34],
    freezeRows: headerRow,
    autoFilter: { top: headerRow, left: 1, bottom: Math.max(headerRow, last), right: HEADERS.length },
    dataBars: lines.length > 0 ? [{ range: { top: headerRow + 1, left: 5, bottom: last, right: 5 } }] : [],
    print: { landscape: true, fitToWidth: 1, repeatRows: headerRow },
  };
}
