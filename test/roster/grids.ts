/** Builds grids for roster tests: rows of plain cell values, as an adapter would give them. */
import type { CellValue, Grid } from "../../src/common/grid";

export function grid(sheetName: string, values: CellValue[][], firstRow = 1, firstColumn = 1): Grid {
  return { sheetName, firstRow, firstColumn, values };
}

/** A typical roster: a header and three people. */
export const ROSTER_HEADER: CellValue[] = ["Name", "Role", "Band", "WTE", "Start date", "End date", "Annual salary", "Employer NI", "Employer pension"];

export const ROSTER_PEOPLE: CellValue[][] = [
  ["Asha Patel", "Clinical Pharmacist", "7", 1, "01/04/2024", null, 45000, 5000, 6471],
  ["Ben Jones", "SPLW", 5, 0.8, new Date(Date.UTC(2025, 3, 1)), "ongoing", 24000, 2000, 3451],
  ["Cara Smith", "FCP Physio", "8a", "0.6", 45748, "31/03/2026", "£30,000", "", ""],
];
