/**
 * "ICB Findings": every error and warning of every PCN, with the PCN, its file, and the sheet and row
 * the finding is about, so an analyst can go back to a PCN with a list of what to fix. Errors first,
 * then warnings, each PCN in turn, row by row; notes (information) stay on the PCNs' own sheets.
 */
import type { CheckResult } from "../engine/types";
import type { Finding } from "../rules/types";
import { blank, integer, SheetRows, text } from "./cells";
import { pcnIdentity } from "./icb-figures";
import { identityCells } from "./icb-summary";
import type { CheckedPcn, Rollup } from "./icb-types";
import type { OwnedSheet } from "./types";
import { SEVERITY_TEXT, truncateForCell } from "./words";

export const ICB_FINDINGS_SHEET = "ICB Findings";

const HEADERS = ["PCN", "ODS code", "File", "Sheet", "Row", "Name", "Severity", "Code", "Message"];

interface Located {
  finding: Finding;
  sheet: string | null;
  name: string | null;
}

/** Errors and warnings of one PCN: its own (the PCN's and the reader's) and each row's, errors first, then by sheet and row. */
export function locatedFindings(result: CheckResult): Located[] {
  const rosterSheet = result.staff.find((person) => person.sheet)?.sheet ?? null;
  const located: Located[] = [
    // A PCN-level finding with a row number is the roster reader's, about the first roster sheet's row.
    ...result.findings.map((finding) => ({ finding, sheet: finding.rowNumber !== undefined ? rosterSheet : null, name: null })),
    ...result.staff.flatMap((person) => person.findings.map((finding) => ({ finding, sheet: person.sheet ?? rosterSheet, name: person.name }))),
  ].filter(({ finding }) => finding.severity === "error" || finding.severity === "warning");
  const rank = (l: Located) => (l.finding.severity === "error" ? 0 : 1);
  return located.sort((a, b) => rank(a) - rank(b) || (a.sheet ?? "").localeCompare(b.sheet ?? "") || (a.finding.rowNumber ?? 0) - (b.finding.rowNumber ?? 0));
}

export function buildIcbFindingsSheet(rollup: Rollup): OwnedSheet {
  const checked = rollup.pcns.filter((pcn): pcn is CheckedPcn => pcn.kind === "checked");
  const sheet = new SheetRows();
  sheet.add(text(`ARRS errors and warnings of every PCN ${rollup.financialYear ?? ""}`.trim(), "title"));
  sheet.add(text("Errors: nothing, or too little, is claimed on the row until it is fixed. Warnings: check the row; the claim may be wrong or limited. Notes are on each PCN's own Claim Summary.", "note"));
  sheet.gap();
  const headerRow = sheet.add(...HEADERS.map((header) => text(header, "header")));
  for (const pcn of checked) {
    const who = identityCells(pcnIdentity(pcn));
    for (const { finding, sheet: where, name } of locatedFindings(pcn.result)) {
      sheet.add(...who, where === null ? blank() : text(where), integer(finding.rowNumber ?? null), name === null ? blank() : text(name),
        text(SEVERITY_TEXT[finding.severity], finding.severity), text(finding.code),
        // Last, on one line, running on into the empty cells to its right, as the roster's findings column does
        // (wrapping would need taller rows, which files do not get: Excel and LibreOffice keep the height stored).
        text(truncateForCell(finding.message)));
    }
  }
  const last = sheet.nextRow - 1;
  if (last === headerRow) sheet.add(text("No errors or warnings.", "note"));
  return {
    name: ICB_FINDINGS_SHEET,
    rows: sheet.rows,
    columnWidths: [26, 10, 26, 18, 6, 22, 9, 22, 100],
    freezeRows: headerRow,
    autoFilter: { top: headerRow, left: 1, bottom: last, right: HEADERS.length },
    print: { landscape: true, fitToWidth: 1, repeatRows: headerRow },
  };
}
