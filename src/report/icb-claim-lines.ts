/**
 * "ICB Claim Lines": every PCN's claim lines in one table, each with its PCN, ODS code and file, then
 * the columns of the PCN's own ARRS Claim Lines sheet (claim-lines-sheet.ts), built by the same
 * code, so a line here is the line the PCN claims. No totals or gaps inside the table, so that
 * Excel's filter and sort work on it (a pivot table by PCN and month is one step away).
 */
import { OWNED_SHEETS } from "../common/owned";
import { text } from "./cells";
import { CLAIM_LINE_COLUMNS, CLAIM_LINES_SHEET_LIMIT, claimLineCell, claimLines, countClaimLines } from "./claim-lines-sheet";
import { pcnIdentity } from "./icb-figures";
import { identityCells } from "./icb-summary";
import type { CheckedPcn, Rollup } from "./icb-types";
import type { OutputCell, OwnedSheet } from "./types";

export const ICB_CLAIM_LINES_SHEET = "ICB Claim Lines";

const LEADING = [{ header: "PCN", width: 26 }, { header: "ODS code", width: 10 }, { header: "File", width: 26 }];

export function buildIcbClaimLinesSheet(rollup: Rollup, options: { limit?: number } = {}): OwnedSheet {
  const checked = rollup.pcns.filter((pcn): pcn is CheckedPcn => pcn.kind === "checked");
  const headers = [...LEADING.map((c) => c.header), ...CLAIM_LINE_COLUMNS.map((c) => c.header)];
  // The Month column is as wide as a month here: the PCN's own sheet widens it for its header block's labels.
  const columnWidths = [...LEADING.map((c) => c.width), ...CLAIM_LINE_COLUMNS.map((c, i) => (i === 0 ? 10 : c.width))];
  const title = text(`ARRS claim lines of every PCN ${rollup.financialYear ?? ""}`.trim(), "title");
  const note = text(`One line per person per month with something claimable, as each PCN's own ${OWNED_SHEETS.claimLines} sheet shows it. Money is in pounds and pence.`, "note");
  const count = checked.reduce((total, pcn) => total + countClaimLines(pcn.result), 0);
  const limit = options.limit ?? CLAIM_LINES_SHEET_LIMIT;
  if (count > limit) {
    const tooMany = `${count.toLocaleString("en-GB")} claim lines are too many for one sheet: each PCN's checked copy holds its own, or run "arrs check --claim-lines FILE.csv" on a PCN's workbook.`;
    return { name: ICB_CLAIM_LINES_SHEET, rows: [[title], [note], [], [text(tooMany, "subtitle")]], columnWidths };
  }
  const rows: OutputCell[][] = [[title], [note], [], headers.map((header) => text(header, "header"))];
  const headerRow = rows.length;
  for (const pcn of checked) {
    const leading = identityCells(pcnIdentity(pcn));
    for (const line of claimLines(pcn.result)) rows.push([...leading, ...CLAIM_LINE_COLUMNS.map((column) => claimLineCell(column, line))]);
  }
  return {
    name: ICB_CLAIM_LINES_SHEET,
    rows,
    columnWidths,
    freezeRows: headerRow,
    autoFilter: { top: headerRow, left: 1, bottom: rows.length, right: headers.length },
    print: { landscape: true, fitToWidth: 1, repeatRows: headerRow },
  };
}
