/**
 * The printed summary on a very long roster: every finding is counted, the first of each severity are
 * printed, and the rest are pointed to rather than printed.
 */
import { formatSummary, MAX_PRINTED_PER_SEVERITY } from "../../src/cli/summary";
import { checkRoster } from "../../src/engine";
import { checkResult, finding, person } from "../report/fixtures";
import { makeRow } from "../helpers/rows";

test("prints at most MAX_PRINTED_PER_SEVERITY findings of each severity, then says how many more and where they are", () => {
  const rows = MAX_PRINTED_PER_SEVERITY + 5;
  const staff = Array.from({ length: rows }, (_, i) => person({
    rowNumber: i + 2,
    name: `Person ${i}`,
    findings: [finding("ONCOSTS_ESTIMATED", "warning", "Estimated on-costs.", i + 2), ...(i < 3 ? [finding("UNKNOWN_ROLE", "error", "Not an ARRS role.", i + 2)] : [])],
  }));
  const text = formatSummary(checkResult({ staff }), { workbook: "big.xlsx", sheet: "Staff", headerRow: 1, output: "big.arrs.xlsx" });
  expect(text).toContain(`Findings: 3 errors, ${rows} warnings, 0 notes`);
  expect(text.match(/ WARNING ONCOSTS_ESTIMATED/g)).toHaveLength(MAX_PRINTED_PER_SEVERITY);
  expect(text.match(/ ERROR {3}UNKNOWN_ROLE/g)).toHaveLength(3);
  expect(text).toContain("  … and 5 more warnings: every finding is in the ARRS findings column of the copy, and in --json.");
  expect(text).not.toContain("more errors");
});

test("2026/27: says how much rests on earlier years' maximums, and that the ARRS sum is not confirmed", () => {
  const result = checkRoster({
    rows: [makeRow({ start: "2025-04-01", annualSalary: 50000, employerNi: 6750, employerPension: 7190 })],
    settings: { financialYear: "2026/27", listSize: 50000, weightedPopulation: 60000, region: "national" },
  });
  const text = formatSummary(result, { workbook: "r.xlsx", sheet: "Staff", headerRow: 1, output: null });
  expect(text).toContain("Claimable for the year: £63,940.00 of an ARRS sum of £1,660,080.00 (headroom £1,596,140.00, not confirmed: see RATE_UNCONFIRMED)");
  expect(text).toContain("  of which £63,940.00 rests on earlier years' maximums, this year's not being on record (RATE_FLOOR)");
});
