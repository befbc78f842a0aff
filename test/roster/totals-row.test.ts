import { readRoster } from "../../src/roster";
import { RuleSet } from "../../src/rules/ruleset";

const rules = new RuleSet();
const grid = (values: unknown[][]) => ({ sheetName: "Roster", firstRow: 1, firstColumn: 1, values: values as never });

test("a comment mentioning a total beside a real person does not hide the person", () => {
  const result = readRoster(grid([
    ["Name", "Role", "WTE", "Start date", "Annual salary", "Comments"],
    ["Hannah Whitcombe", "Clinical Pharmacist", 0.8, "02/09/2024", 38248, "Total cost £48,735"],
    ["Total", null, 0.8, null, 38248, null],
  ]), { rules });
  expect(result.rows.map((r) => r.name)).toEqual(["Hannah Whitcombe"]);
  expect(result.skippedRows).toEqual([{ rowNumber: 3, reason: "totals row" }]);
});

test("each door names the roster sheet in its own terms when none looks like a roster", async () => {
  const { findRosterSheet } = await import("../../src/roster");
  const junk = [grid([["Budget", 1200], ["Phone", "01632 960000"]])];
  const pane = findRosterSheet(junk, { nameTheSheet: "Choose the roster's sheet in the Roster sheet list" });
  expect("problem" in pane && pane.problem).toContain("Choose the roster's sheet in the Roster sheet list, or add those headers");
  expect("problem" in pane && pane.problem).not.toContain("--sheet");
});
