/**
 * How the tool's own sheets print (issue 18): landscape, one page wide, the header rows on every page,
 * and a footer with the sheet's name and "Page 2 of 3". Every adapter writes what printSettingsOf gives.
 */
import type { OwnedSheet, PrintSettings } from "./types";

/** The footer, in Excel's header/footer codes: &A is the sheet's name, &P the page, &N the pages. */
export const PRINT_FOOTER = { left: "&A", right: "Page &P of &N" } as const;

/** A sheet's own print settings, else landscape, one page wide, repeating its frozen header rows. */
export function printSettingsOf(sheet: OwnedSheet): PrintSettings {
  if (sheet.print) return sheet.print;
  return { landscape: true, fitToWidth: 1, ...(sheet.freezeRows ? { repeatRows: sheet.freezeRows } : {}) };
}
