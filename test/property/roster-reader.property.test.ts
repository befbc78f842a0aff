/**
 * The roster reader on random grids: whatever a sheet holds, it never throws, and every row below the
 * header that shows anything ends up either as a staff row or in skippedRows with a reason: no row
 * vanishes. Cells are of every type an adapter can give (and some it should not): text of any
 * script, formula-like text, 100,000-character strings, numbers including NaN and infinities,
 * booleans, dates valid, invalid and far outside any plausible range, nulls and blank runs.
 */
import fc from "fast-check";
import { financialYearStarting } from "../../src/common/dates";
import type { CellValue, Grid } from "../../src/common/grid";
import { checkRoster } from "../../src/engine/check";
import { buildWorkbookOutput } from "../../src/report";
import { findRosterSheet, readRoster } from "../../src/roster/read-roster";
import { isOwnedColumnHeader } from "../../src/common/owned";
import { RuleSet } from "../../src/rules/ruleset";
import { runs } from "./settings";

const rules = new RuleSet();

/** What a person would call a cell with something in it, decided without the reader's own helpers. */
function shows(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.replace(/\u00a0/g, " ").trim() !== "";
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "boolean") return true;
  // A Date, even an invalid one or one far outside any plausible year, is something in the cell.
  return true;
}

const ROLE_HEADERS = ["Role", "Job title", "ARRS role", "Post", "Position", "Job Role"];
const OTHER_HEADERS = ["Name", "Staff name", "Staff ID", "First name", "Surname", "Band", "WTE", "FTE", "Hours per week",
  "Sessions", "Start date", "Contract start", "End date", "Leaving date", "Annual salary", "FTE salary", "Salary",
  "Employer NI", "Employer pension", "Date of CCT", "Employed in PCN in last 12 months", "Notes", "Practice"];

const HUGE = ["x".repeat(100_000), `=${"A1+".repeat(33_000)}A1`, "£".repeat(100_000), `Clinical Pharmacist ${"é".repeat(100_000)}`];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("=", "@", "+", "-", "=-", "'=").chain((p) => fc.string({ maxLength: 20 }).map((s) => p + s)),
  fc.constantFrom("=SUM(A1:A9)", "=1+2", "@SUM(A1)", "+44 7700 900123", "-5", "=HYPERLINK(\"http://x\")", "#N/A", "#REF!", "#DIV/0!"),
  fc.constantFrom("", " ", "\u00a0", "\t", "\n", "\u2003", "\ufeff", "-", "—", "n/a", "ongoing", "tbc"),
  fc.constantFrom("Total", "TOTAL", "Grand total", "Sub-total", "ARRS status", "ARRS findings", "ARRS claimable 2025/26"),
  fc.constantFrom(...ROLE_HEADERS, ...OTHER_HEADERS),
  fc.constantFrom("Clinical Pharmacist", "SPLW", "FCP Physio", "ANP", "Salaried GP", "Practice nurse", "Receptionist", "Care co-ordinator", "Clin Pharm (Band 7-8a)"),
  fc.constantFrom("01/04/2025", "31/02/2025", "2025-04-01", "1 April 2025", "April 1, 2025", "13/13/2013", "45748", "00/00/0000", "01/04/99999"),
  fc.constantFrom("£24,000.00", "24,000", "24k", "(1,000)", "-£5", "24,00", "1e309", "£", "0.8", "80%", "37.5 hrs", "6 sessions", "yes", "promoted"),
  fc.constantFrom(...HUGE),
);

const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 18264, max: 73415 }), // Excel serial dates 1950–2100
  fc.integer({ min: 1000, max: 200_000 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1),
);

const date = fc.oneof(
  fc.date({ min: new Date(Date.UTC(2019, 0, 1)), max: new Date(Date.UTC(2027, 11, 31)), noInvalidDate: true }),
  fc.date(), // any date JavaScript can hold, and invalid ones
  fc.constantFrom(new Date(Number.NaN), new Date(Date.UTC(1, 0, 1)), new Date(Date.UTC(9999, 11, 31)), new Date(-8.64e15), new Date(8.64e15), new Date(Date.UTC(1899, 11, 30))),
);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: text },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: date },
);

const row = (maxLength: number) => fc.oneof(
  { weight: 6, arbitrary: fc.array(cell, { maxLength }) },
  { weight: 1, arbitrary: fc.constant([] as CellValue[]) },
  { weight: 1, arbitrary: fc.nat(maxLength).map((n) => new Array<CellValue>(n).fill(null)) }, // a merged-looking blank run
);

/** A header row that qualifies: a role column and at least two others, in any order, junk between. */
const headerRow = fc.record({
  role: fc.constantFrom(...ROLE_HEADERS),
  others: fc.uniqueArray(fc.constantFrom(...OTHER_HEADERS), { minLength: 2, maxLength: 10 }),
  junk: fc.array(fc.oneof(fc.constant(null), fc.string({ maxLength: 8 })), { maxLength: 3 }),
  order: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
}).map(({ role, others, junk, order }) => {
  const cells: CellValue[] = [role, ...others, ...junk];
  return cells.map((c, i) => ({ c, k: order[i % order.length] + i / 100 })).sort((a, b) => a.k - b.k).map((x) => x.c);
});

const placedRoster = fc.record({
  above: fc.array(row(8), { maxLength: 25 }),
  header: headerRow,
  body: fc.array(row(16), { maxLength: 40 }),
  firstRow: fc.integer({ min: 1, max: 1_000_000 }),
  firstColumn: fc.integer({ min: 1, max: 16_000 }),
  sheetName: fc.oneof(fc.string({ maxLength: 31 }), fc.constantFrom("Staff", "ARRS staff 25-26", "Roster 2024/25")),
});

/** A finding the reader adds only when it caught an exception of its own. */
const CAUGHT = /could not be read as a roster/;

function checkEveryRowAccountedFor(grid: Grid): void {
  const result = readRoster(grid, { rules });
  expect(result.findings.map((f) => f.message).filter((m) => CAUGHT.test(m))).toEqual([]);
  const headerIndex = result.headerRowNumber - grid.firstRow;
  const header = grid.values[headerIndex] ?? [];
  // The tool's own columns (an earlier run's output) are not the user's data, and are not read.
  const owned = new Set(header.map((c, i) => (isOwnedColumnHeader(c) ? i : -1)).filter((i) => i >= 0));
  // People, and posts not yet filled (planned posts, read for the forecast only).
  const staff = [...result.rows.map((r) => r.rowNumber), ...(result.plannedPosts ?? []).map((p) => p.rowNumber)];
  const skipped = result.skippedRows.map((r) => r.rowNumber);
  expect(new Set([...staff, ...skipped]).size).toBe(staff.length + skipped.length); // none counted twice
  for (let i = headerIndex + 1; i < grid.values.length; i++) {
    const values = grid.values[i] ?? [];
    if (!values.some((v, c) => !owned.has(c) && shows(v))) continue;
    const rowNumber = grid.firstRow + i;
    expect({ rowNumber, listed: staff.includes(rowNumber) || skipped.includes(rowNumber) }).toEqual({ rowNumber, listed: true });
  }
  for (const r of result.rows) {
    expect(r.rowNumber).toBeGreaterThan(result.headerRowNumber);
    expect(r.wte === null || Number.isFinite(r.wte)).toBe(true);
    expect(r.annualSalary === null || (Number.isFinite(r.annualSalary) && r.annualSalary >= 0)).toBe(true);
    for (const d of [r.start, r.end, r.cctDate]) expect(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d)).toBe(true);
    for (const f of r.findings) expect(f.message.length).toBeLessThan(1000);
  }
  for (const s of result.skippedRows) expect(s.reason.length).toBeLessThan(300);
}

describe("the roster reader on random grids", () => {
  test("a valid header at a random row among junk: never throws, no non-blank row vanishes", () => {
    fc.assert(fc.property(placedRoster, ({ above, header, body, firstRow, firstColumn, sheetName }) => {
      const grid: Grid = { sheetName, firstRow, firstColumn, values: [...above, header, ...body] };
      checkEveryRowAccountedFor(grid);
      const found = findRosterSheet([grid]);
      expect("grid" in found || "problem" in found).toBe(true);
    }), runs(300));
  });

  test("any grid at all: never throws, and when a header is found no row vanishes", () => {
    fc.assert(fc.property(fc.array(row(12), { maxLength: 50 }), fc.string({ maxLength: 40 }), (values, sheetName) => {
      const grid: Grid = { sheetName, firstRow: 1, firstColumn: 1, values };
      expect(() => findRosterSheet([grid, { ...grid, sheetName: `${sheetName} 2` }])).not.toThrow();
      const result = readRoster(grid, { rules });
      expect(result.findings.map((f) => f.message).filter((m) => CAUGHT.test(m))).toEqual([]);
      if (result.columns.length > 0) checkEveryRowAccountedFor(grid);
    }), runs(300));
  });

  test("grids that are not grids (holes, missing rows, odd objects) do not throw", () => {
    const odd = fc.constantFrom<unknown>(undefined, {}, { text: "Role" }, { result: 5 }, { richText: [{ text: "Name" }, null] }, [], Symbol.for("x"), () => 1, 10n);
    fc.assert(fc.property(fc.array(fc.oneof(fc.constant(undefined), fc.array(fc.oneof(cell, odd as fc.Arbitrary<CellValue>), { maxLength: 8 })), { maxLength: 20 }), (values) => {
      const grid = { sheetName: "Odd", firstRow: 1, firstColumn: 1, values: values as CellValue[][] };
      expect(() => findRosterSheet([grid])).not.toThrow();
      const result = readRoster(grid, { rules });
      expect(Array.isArray(result.rows)).toBe(true);
    }), runs(200));
  });

  test("whatever the reader gives, the engine and the report take it without throwing", () => {
    fc.assert(fc.property(placedRoster, fc.integer({ min: 2019, max: 2026 }), fc.constantFrom("national", "outer-london", "inner-london") as fc.Arbitrary<"national">, ({ above, header, body, firstRow, firstColumn, sheetName }, year, region) => {
      const grid: Grid = { sheetName, firstRow, firstColumn, values: [...above, header, ...body] };
      const roster = readRoster(grid, { rules });
      const financialYear = financialYearStarting(year).label;
      const result = checkRoster({ rows: roster.rows, settings: { financialYear, listSize: 50_000, weightedPopulation: 60_000, region }, rules });
      expect(Number.isFinite(result.totals.claimable)).toBe(true);
      const output = buildWorkbookOutput(result, roster, { generatedOn: "2026-01-01", rosterSheet: sheetName, columnMapping: {} });
      expect(output.sheets.length).toBeGreaterThan(0);
    }), runs(150));
  });
});
