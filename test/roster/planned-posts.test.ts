import { isPlaceholderName } from "../../src/roster/planned-posts";
import { readRoster } from "../../src/roster/read-roster";
import { RuleSet } from "../../src/rules/ruleset";
import type { CellValue } from "../../src/common/grid";
import { grid, ROSTER_HEADER, ROSTER_PEOPLE } from "./grids";

const rules = new RuleSet();
const read = (values: CellValue[][]) => readRoster(grid("Staff", values), { rules });

describe("a planned post: a role and no person", () => {
  test.each([
    [null, true], ["", true], ["  ", true],
    ["Vacancy", true], ["VACANT", true], ["tbc", true], ["T.B.C.", true], ["TBA", true], ["Planned", true],
    ["Planned post", true], ["planned-post", true], ["New post", true], ["To be recruited", true], ["Recruiting…", true],
    ["Locum TBC", false], ["Vacancy - J Smith", false], ["Asha Patel", false], ["Tbc Jones", false], ["Planner", false],
  ])("name %j: placeholder %s", (name, placeholder) => {
    expect(isPlaceholderName(name)).toBe(placeholder);
  });

  test("rows with a role and a placeholder or blank name are planned posts, read with their figures; people are people", () => {
    const result = read([
      ROSTER_HEADER,
      ...ROSTER_PEOPLE,
      ["Vacancy", "Clinical Pharmacist", "7", 1, "01/01/2026", null, 45000, 5000, 6471],
      [null, "Pharmacy technician", "5", 0.5, null, null, null, null, null],
      ["TBC", "Paramedic", null, null, "01/02/2026", null, null, null, null],
    ]);
    expect(result.rows.map((r) => r.name)).toEqual(["Asha Patel", "Ben Jones", "Cara Smith"]);
    expect(result.plannedPosts?.map((p) => p.rowNumber)).toEqual([5, 6, 7]);
    expect(result.plannedPosts![0].post).toMatchObject({
      label: "Vacancy", role: "clinical-pharmacist", wte: 1, start: "2026-01-01", annualSalary: 45000, employerNi: 5000, employerPension: 6471,
    });
    // A blank cost is the maximum for the role (the forecast's to work out).
    expect(result.plannedPosts![1].post).toMatchObject({ label: null, role: "pharmacy-technician", wte: 0.5, start: null, annualSalary: null });
    // Without a WTE it is left out of the forecast, with a finding on its row saying what to add.
    expect(result.plannedPosts![2].post).toBeNull();
    expect(result.plannedPosts![2].findings).toEqual([expect.objectContaining({ code: "MISSING_VALUE", severity: "warning", rowNumber: 7, field: "wte" })]);
    expect(result.plannedPosts![2].findings[0].message).toMatch(/enter the WTE/);
  });

  test("a blank-name row without a role stays a row, as does a row with a staff ID", () => {
    const result = read([
      ["Name", "Staff ID", "Role", "WTE", "Start date", "Annual salary"],
      [null, null, null, 1, "01/04/2025", 30000],
      [null, "E123", "Clinical Pharmacist", 1, "01/04/2025", 45000],
    ]);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(result.plannedPosts).toEqual([]);
  });

  test("a roster with no name column has no planned posts: every row is a person, as before", () => {
    const result = read([["Role", "WTE", "Start date", "Annual salary"], ["Clinical Pharmacist", 1, "01/04/2025", 45000]]);
    expect(result.rows).toHaveLength(1);
    expect(result.plannedPosts).toEqual([]);
  });
});
