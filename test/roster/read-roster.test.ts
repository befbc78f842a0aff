import { findRosterSheet, readRoster } from "../../src/roster/read-roster";
import { RuleSet } from "../../src/rules/ruleset";
import type { CellValue } from "../../src/common/grid";
import type { RosterReadResult } from "../../src/roster/types";
import { grid, ROSTER_HEADER, ROSTER_PEOPLE } from "./grids";

const rules = new RuleSet();
const read = (values: CellValue[][], options: { mapping?: Record<string, string | number>; firstRow?: number; firstColumn?: number } = {}): RosterReadResult =>
  readRoster(grid("Staff", values, options.firstRow, options.firstColumn), { rules, mapping: options.mapping });

describe("readRoster: finding the header row", () => {
  test.each([
    ["on row 1", [] as CellValue[][], 1],
    ["on row 4 under a title and a merged-looking blank", [["PCN ARRS staff 2025/26"], [null, null, null], ["Updated 01/04/2025"]], 4],
    ["on row 9 under eight rows of notes", Array.from({ length: 8 }, (_, i): CellValue[] => (i % 2 ? [] : [`Note ${i}`])), 9],
  ])("header %s", (_name, above, headerRow) => {
    const result = read([...above, ROSTER_HEADER, ...ROSTER_PEOPLE]);
    expect(result.headerRowNumber).toBe(headerRow);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([headerRow + 1, headerRow + 2, headerRow + 3]);
    expect(result.columns.map((c) => c.field)).toEqual(["name", "role", "band", "wte", "start", "end", "annualSalary", "employerNi", "employerPension"]);
    expect(result.findings).toEqual([]);
  });

  test("row and column numbers follow the grid's position on the sheet", () => {
    const result = read([ROSTER_HEADER, ROSTER_PEOPLE[0]], { firstRow: 3, firstColumn: 2 });
    expect(result.headerRowNumber).toBe(3);
    expect(result.rows[0].rowNumber).toBe(4);
    expect(result.columns[0]).toEqual({ field: "name", header: "Name", column: 2 });
    expect(result.lastColumn).toBe(10);
  });

  test("no header row at all is one sheet-level finding, not an exception", () => {
    const result = read([["hello"], [1, 2, 3]]);
    expect(result.rows).toEqual([]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ code: "MISSING_VALUE", severity: "error" });
    expect(result.findings[0].message).toMatch(/No header row was found on sheet "Staff"/);
  });

  test("a header with no role column gives a sheet-level finding and still reads rows", () => {
    const result = read([["Name", "WTE", "Start date"], ["Asha", 1, "01/04/2025"]]);
    expect(result.findings).toEqual([expect.objectContaining({ code: "MISSING_VALUE", severity: "error", field: "role", rowNumber: 1 })]);
    expect(result.findings[0].message).toMatch(/No role or job title column/);
    expect(result.rows[0]).toMatchObject({ name: "Asha", roleText: null, role: null, wte: 1, start: "2025-04-01" });
  });
});

describe("readRoster: reading values", () => {
  const result = read([ROSTER_HEADER, ...ROSTER_PEOPLE]);

  test("a full row", () => {
    expect(result.rows[0]).toEqual({
      rowNumber: 2, name: "Asha Patel", staffId: null, roleText: "Clinical Pharmacist", role: "clinical-pharmacist",
      band: "7", wte: 1, wteBasis: "wte", start: "2024-04-01", end: null, annualSalary: 45000, salaryBasis: "actual",
      fullTimeSalary: null, employerNi: 5000, employerPension: 6471, cctDate: null, employedInLast12Months: null, mhpAgreement: null, findings: [],
    });
  });

  test("aliases, Date cells, serials, 'ongoing' and text amounts", () => {
    expect(result.rows[1]).toMatchObject({ role: "social-prescribing-link-worker", band: "5", start: "2025-04-01", end: null });
    expect(result.rows[2]).toMatchObject({ role: "first-contact-physiotherapist", wte: 0.6, start: "2025-04-01", end: "2026-03-31", annualSalary: 30000 });
  });

  test("blank on-costs are left null, with no finding (the engine decides)", () => {
    expect(result.rows[2]).toMatchObject({ employerNi: null, employerPension: null, findings: [] });
  });

  test.each([
    ["a role the tool does not know", "Receptionist", null, null],
    ["a role with a band in brackets", "Clinical Pharmacist (Band 7-8a)", null, "clinical-pharmacist"],
    ["a band-dependent role", "Practice nurse", "Band 6", "experienced-general-practice-nurse"],
    ["a band-dependent role without a band", "Practice nurse", null, null],
  ])("%s: %p", (_name, roleText, band, role) => {
    const rows = read([["Name", "Role", "Band", "WTE"], ["X", roleText, band, 1]]).rows;
    expect(rows[0]).toMatchObject({ roleText, role, findings: [] });
  });

  test("first name and surname are combined into one name", () => {
    const rows = read([["Surname", "First name", "Role", "WTE"], ["Patel", "Asha", "Pharmacist", 1], [null, "Ben", "SPLW", 1]]).rows;
    expect(rows.map((r) => r.name)).toEqual(["Asha Patel", "Ben"]);
  });

  test("a Name column wins over first name and surname", () => {
    const result = read([["First name", "Surname", "Name", "Role", "WTE"], ["A", "P", "Asha Patel", "Pharmacist", 1]]);
    expect(result.rows[0].name).toBe("Asha Patel");
    expect(result.columns.filter((c) => c.field === "name")).toEqual([{ field: "name", header: "Name", column: 3 }]);
  });

  test.each([
    ["hours / 37.5", ["Name", "Role", "Hours per week"], 30, 0.8, "hours"],
    ["hours as text", ["Name", "Role", "Hrs/wk"], "22.5 hrs", 0.6, "hours"],
    ["GP sessions / 9", ["Name", "Role", "Sessions"], 6, 6 / 9, "sessions"],
    ["WTE as a percentage", ["Name", "Role", "FTE"], "80%", 0.8, "wte"],
    ["exactly 1.0 WTE", ["Name", "Role", "WTE"], 1, 1, "wte"],
    ["exactly 37.5 hours", ["Name", "Role", "Hours per week"], 37.5, 1, "hours"],
    ["exactly 9 sessions", ["Name", "Role", "Sessions"], 9, 1, "sessions"],
  ])("WTE from %s", (_name, header, value, wte, basis) => {
    const row = read([[...header, "Start"], ["X", "GP", value, "01/04/2025"]]).rows[0];
    expect(row.wte).toBeCloseTo(wte, 10);
    expect(row.wteBasis).toBe(basis);
    expect(row.findings).toEqual([]);
  });

  test("WTE wins over hours and sessions; a blank WTE falls back to hours", () => {
    const rows = read([["Name", "Role", "WTE", "Hours", "Sessions"], ["A", "GP", 0.5, 30, 9], ["B", "GP", null, 30, 9], ["C", "GP", null, null, 4.5]]).rows;
    expect(rows.map((r) => [r.wte, r.wteBasis])).toEqual([[0.5, "wte"], [0.8, "hours"], [0.5, "sessions"]]);
  });

  test("a full-time salary is scaled by WTE", () => {
    const rows = read([["Name", "Role", "WTE", "FTE salary"], ["A", "Paramedic", 0.6, "£50,000"], ["B", "Paramedic", null, 50000]]).rows;
    expect(rows[0]).toMatchObject({ annualSalary: 30000, salaryBasis: "full-time", fullTimeSalary: 50000 });
    expect(rows[1]).toMatchObject({ annualSalary: null, salaryBasis: "full-time", fullTimeSalary: 50000 });
  });

  test("an actual salary wins over a full-time one", () => {
    const row = read([["Name", "Role", "WTE", "Salary", "Full time salary"], ["A", "Paramedic", 0.5, 26000, 50000]]).rows[0];
    expect(row).toMatchObject({ annualSalary: 26000, salaryBasis: "actual", fullTimeSalary: 50000 });
  });

  test("staff id, CCT date and previous employment", () => {
    const row = read([["Staff ID", "Name", "Role", "WTE", "CCT date", "Employed in PCN in last 12 months"],
      [10234, "Dr A", "Salaried GP", 0.5, "01/08/2024", "Promoted"]]).rows[0];
    expect(row).toMatchObject({ staffId: "10234", role: "general-practitioner", cctDate: "2024-08-01", employedInLast12Months: "promoted" });
  });
});

describe("readRoster: findings on cells", () => {
  const header: CellValue[] = ["Name", "Role", "WTE", "Start date", "End date", "Annual salary", "Employer NI", "Employed in last 12 months"];
  const findingsFor = (cells: CellValue[]) => read([header, cells]).rows[0].findings;

  test("an impossible date", () => {
    const [finding] = findingsFor(["A", "CP", 1, "31/02/2025"]);
    expect(finding).toEqual({
      code: "INVALID_DATE", severity: "error", rowNumber: 2, column: "Start date", field: "start",
      source: "Roster reader: dates are read in UK order (DD/MM/YYYY)",
      message: expect.stringMatching(/^Start date: "31\/02\/2025" is not a real date: February 2025 has no day 31\. Enter it as DD\/MM\/YYYY/),
      details: { value: "31/02/2025" },
    });
  });

  test("an end date's message says how to write 'still in post'", () => {
    const [finding] = findingsFor(["A", "CP", 1, "01/04/2025", "soon"]);
    expect(finding).toMatchObject({ code: "INVALID_DATE", field: "end", column: "End date" });
    expect(finding.message).toMatch(/"ongoing"/);
  });

  test.each([
    ["negative", "(1,000)", /is negative/],
    ["words", "tbc", /"tbc" is not an amount/],
    ["an hourly rate in the salary column", 15.5, /less than £1,000 a year.*hourly rate/],
  ])("a salary that is %s", (_name, value, message) => {
    const [finding] = findingsFor(["A", "CP", 1, null, null, value]);
    expect(finding).toMatchObject({ code: "INVALID_AMOUNT", severity: "error", field: "annualSalary", column: "Annual salary", rowNumber: 2 });
    expect(finding.message).toMatch(message);
    expect(finding.message).toMatch(/Enter the annual amount in pounds/);
  });

  test("a zero employer NI is allowed (below the threshold)", () => {
    expect(findingsFor(["A", "CP", 1, null, null, 9000, 0])).toEqual([]);
  });

  test.each([
    ["0", 0, /is not above 0/],
    ["negative", -0.5, /is not above 0/],
    ["just over 1", 1.2, /more than 1\.0 WTE/],
    ["hours in the WTE column", 30, /looks like hours per week \(30 hours = 0\.8 WTE\)/],
    ["a percentage without the sign", 80, /looks like a percentage.*0\.8 or 80%/],
    ["text", "full time", /is not a number/],
    ["a date", new Date(Date.UTC(2025, 0, 1)), /is a date/],
  ])("a WTE that is %s", (_name, value, message) => {
    const row = read([header, ["A", "CP", value]]).rows[0];
    expect(row.wte).toBeNull();
    expect(row.findings).toEqual([expect.objectContaining({ code: "INVALID_WTE", severity: "error", field: "wte", column: "WTE" })]);
    expect(row.findings[0].message).toMatch(message);
  });

  test.each([
    ["more than 37.5 hours", ["Name", "Role", "Hours"], 40, /more than 37\.5 hours/],
    ["more than 9 sessions", ["Name", "Role", "Sessions"], 10, /more than 9 sessions/],
  ])("%s is INVALID_WTE", (_name, head, value, message) => {
    const row = read([head, ["A", "GP", value]]).rows[0];
    expect(row.findings[0]).toMatchObject({ code: "INVALID_WTE", severity: "error" });
    expect(row.findings[0].message).toMatch(message);
  });

  test("a WTE typed in the hours column is used but warned about", () => {
    const row = read([["Name", "Role", "Hours"], ["A", "CP", 0.8]]).rows[0];
    expect(row.wte).toBeCloseTo(0.8 / 37.5);
    expect(row.findings).toEqual([expect.objectContaining({ code: "INVALID_WTE", severity: "warning" })]);
  });

  test("1 hour a week is still warned about; just over 1 is not", () => {
    const rows = read([["Name", "Role", "Hours"], ["A", "CP", 1], ["B", "CP", 1.5]]).rows;
    expect(rows[0].findings).toEqual([expect.objectContaining({ code: "INVALID_WTE", severity: "warning", field: "hoursPerWeek" })]);
    expect(rows[0].findings[0].message).toMatch(/^Hours: "1" hours a week is 0\.03 WTE; it looks like a WTE entered as hours/);
    expect(rows[1].findings).toEqual([]);
  });

  test("an unreadable yes/no is a warning and left blank", () => {
    const row = read([header, ["A", "GPN", 1, null, null, null, null, "maybe"]]).rows[0];
    expect(row.employedInLast12Months).toBeNull();
    expect(row.findings).toEqual([expect.objectContaining({ code: "MISSING_VALUE", severity: "warning", field: "employedInLast12Months" })]);
  });

  test("blank cells give no findings", () => {
    expect(findingsFor(["A", "CP", null, null, null, null, null, null])).toEqual([]);
  });

  test("huge strings, formulas, unicode and booleans never throw, and quotes are cut short", () => {
    const huge = "9".repeat(50000);
    const result = read([header,
      ["=1+1", "@SUM(A1:A2)", huge, true, false, "😀 £ ü", "=HYPERLINK(\"x\")", "∞"],
      [huge, "Clinical pharmacist", "1", "01/04/2025", "ongoing", "£45,000", "£5,000", "no"]]);
    const [odd, normal] = result.rows;
    expect(odd.name).toBe("=1+1");
    expect(odd.roleText).toBe("@SUM(A1:A2)");
    expect(odd.findings.map((f) => f.code)).toEqual(["INVALID_WTE", "INVALID_DATE", "INVALID_DATE", "INVALID_AMOUNT", "INVALID_AMOUNT", "MISSING_VALUE"]);
    for (const finding of odd.findings) expect(finding.message.length).toBeLessThan(400);
    expect(normal).toMatchObject({ role: "clinical-pharmacist", wte: 1, annualSalary: 45000, employedInLast12Months: "no", findings: [] });
  });

  test("jagged rows, undefined cells and an empty grid", () => {
    const jagged = [["Name", "Role", "WTE", "Start"], ["A"], ["B", "CP", 1, "01/04/2025", "extra"], [undefined as unknown as CellValue, "CP"]];
    const result = read(jagged);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([3]);
    // A role and no name: a planned post (planned-posts.test.ts), here one without a WTE.
    expect(result.plannedPosts?.map((p) => p.rowNumber)).toEqual([4]);
    expect(result.skippedRows).toEqual([{ rowNumber: 2, reason: expect.stringMatching(/only one cell filled \("A"\)/) }]);
    expect(read([]).rows).toEqual([]);
    expect(() => readRoster({ sheetName: "Bad", firstRow: 1, firstColumn: 1, values: null as unknown as CellValue[][] }, { rules })).not.toThrow();
  });
});

describe("readRoster: rows passed over on purpose", () => {
  test("blank, totals, repeated header and heading rows are listed in skippedRows", () => {
    const result = read([
      ["Staff list"],
      ROSTER_HEADER,
      ["Clinical pharmacists"],
      ROSTER_PEOPLE[0],
      [],
      [null, "   ", null],
      ROSTER_HEADER,
      ROSTER_PEOPLE[1],
      ["Total", null, null, 1.8, null, null, 69000],
      [null, "Grand total", null, 1.8],
      ["SUM"],
      [],
      [],
    ]);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([4, 8]);
    expect(result.skippedRows).toEqual([
      { rowNumber: 3, reason: expect.stringMatching(/heading or note/) },
      { rowNumber: 5, reason: "blank row" },
      { rowNumber: 6, reason: "blank row" },
      { rowNumber: 7, reason: "repeated header row" },
      { rowNumber: 9, reason: "totals row" },
      { rowNumber: 10, reason: "totals row" },
      { rowNumber: 11, reason: "totals row" },
    ]);
  });

  test("a role such as 'Total triage lead' is not a totals row", () => {
    const result = read([["Name", "Role", "WTE"], ["A", "Total triage lead", 1]]);
    expect(result.rows).toHaveLength(1);
  });

  test("a row with only a role is a planned post, not a person, and says it needs a WTE", () => {
    const result = read([["Name", "Role", "WTE"], [null, "Paramedic", null]]);
    expect(result.rows).toHaveLength(0);
    expect(result.plannedPosts).toEqual([{ rowNumber: 2, post: null, findings: [expect.objectContaining({ field: "wte", severity: "warning" })] }]);
  });
});

describe("readRoster: the user's column mapping", () => {
  const values: CellValue[][] = [["Who", "Job", "Begin", "Salary", "Pay"], ["Asha", "Pharmacist", "01/04/2025", 45000, 50000]];

  test("by header text, letter and number, overriding detection", () => {
    const result = read(values, { mapping: { name: "who", role: "B", start: 3, annualSalary: "Pay" } });
    expect(result.headerRowNumber).toBe(1);
    expect(result.columns).toEqual([
      { field: "name", header: "Who", column: 1 },
      { field: "role", header: "Job", column: 2 },
      { field: "start", header: "Begin", column: 3 },
      { field: "annualSalary", header: "Pay", column: 5 },
    ]);
    expect(result.rows[0]).toMatchObject({ name: "Asha", role: "clinical-pharmacist", start: "2025-04-01", annualSalary: 50000 });
    expect(result.findings).toEqual([]);
  });

  test("a mapping that points nowhere is a warning and detection stands", () => {
    const result = read([["Name", "Role", "WTE"], ["A", "CP", 1]], { mapping: { wte: "Whole time thing", start: 40 } });
    expect(result.rows[0].wte).toBe(1);
    expect(result.findings).toHaveLength(2);
    expect(result.findings[0]).toMatchObject({ code: "MISSING_VALUE", severity: "warning", field: "wte" });
    expect(result.findings[0].message).toMatch(/"Whole time thing".*was ignored/);
  });

  test("a mapped column holds only the mapped field", () => {
    const result = read([["Name", "Role", "Salary"], ["A", "CP", 0.8]], { mapping: { wte: "Salary" } });
    expect(result.columns.map((c) => c.field)).toEqual(["name", "role", "wte"]);
    expect(result.rows[0]).toMatchObject({ wte: 0.8, annualSalary: null });
  });
});

describe("readRoster: a second run", () => {
  test("the tool's own columns are ignored and located", () => {
    const result = read([
      ["Name", "Role", "WTE", null, "ARRS status", "ARRS findings", "ARRS claimable 2025/26"],
      ["A", "CP", 1, null, "Error", "UNKNOWN_ROLE: ...", 1234],
      ["B", "SPLW", 0.5, null, "OK", "", 100],
    ]);
    expect(result.columns.map((c) => c.field)).toEqual(["name", "role", "wte"]);
    expect(result.ownedColumn).toBe(5);
    expect(result.lastColumn).toBe(3);
    expect(result.rows).toHaveLength(2);
  });

  test("lastColumn includes the user's unrecognised columns", () => {
    const result = read([["Name", "Role", "WTE", "Notes"], ["A", "CP", 1, "on leave"]]);
    expect(result.ownedColumn).toBeNull();
    expect(result.lastColumn).toBe(4);
  });
});

describe("findRosterSheet", () => {
  const roster = grid("Staff 2025", [["ARRS staff"], ROSTER_HEADER, ...ROSTER_PEOPLE]);
  const thin = grid("Contacts", [["Name", "Role", "Phone"], ["A", "CP", "0123"]]);
  const rates = grid("ARRS max reimb 25-26", [["Role", "Name", "WTE", "Start date", "Max reimbursement"]]);
  const summary = grid("ARRS Claim Summary", [["Name", "Role", "WTE", "Start date", "Salary", "Band", "Employer NI"]]);
  const notes = grid("Notes", [["Read me"]]);

  test("the sheet whose header row scores highest, skipping the tool's and rate sheets", () => {
    const found = findRosterSheet([notes, summary, rates, thin, roster], {});
    expect("grid" in found && found.grid.sheetName).toBe("Staff 2025");
  });

  test("a named sheet, case-insensitively", () => {
    const found = findRosterSheet([roster, thin], { sheetName: "contacts" });
    expect("grid" in found && found.grid.sheetName).toBe("Contacts");
  });

  test("a named sheet that is missing lists the sheets", () => {
    const found = findRosterSheet([roster, thin], { sheetName: "Staf" });
    expect(found).toEqual({ problem: 'No sheet is named "Staf". The workbook\'s sheets are: "Staff 2025", "Contacts".' });
  });

  test("no roster anywhere says what a roster needs", () => {
    const found = findRosterSheet([notes, thin, rates], {});
    expect("problem" in found && found.problem).toMatch(
      /^No roster found: no sheet has a header row with a role or job title column and at least two of name, WTE\/hours, start date, salary\. Name the sheet with --sheet/);
    expect("problem" in found && found.problem).toMatch(/Sheets looked at: "Notes", "Contacts"\.$/);
  });

  test("a tie goes to the first sheet", () => {
    const other = grid("Copy", [ROSTER_HEADER, ...ROSTER_PEOPLE]);
    const found = findRosterSheet([roster, other], {});
    expect("grid" in found && found.grid.sheetName).toBe("Staff 2025");
  });
});

describe("readRoster: a mental health practitioner's written agreement", () => {
  const rules = new RuleSet();
  test.each([
    ["Yes", "yes"], ["100%", "yes"], [1, "yes"], ["Table 3b", "yes"],
    ["No", "no"], ["50%", "no"], [0.5, "no"], ["Table 3a", "no"],
    ["", null],
  ])("%p reads as %p", (cell, expected) => {
    const sheet = grid("Staff", [["Name", "Role", "Band", "WTE", "Start date", "Annual salary", "Written agreement"],
      ["A", "Mental Health Practitioner", "6", 1, "01/04/2025", 40000, cell]]);
    expect(readRoster(sheet, { rules }).rows[0].mhpAgreement).toBe(expected);
  });

  test("an answer it cannot read is a warning, read as blank", () => {
    const sheet = grid("Staff", [["Name", "Role", "Band", "WTE", "Start date", "Annual salary", "MHP funding"],
      ["A", "Mental Health Practitioner", "6", 1, "01/04/2025", 40000, "maybe"]]);
    const row = readRoster(sheet, { rules }).rows[0];
    expect(row.mhpAgreement).toBeNull();
    expect(row.findings.map((f) => [f.code, f.severity])).toEqual([["MISSING_VALUE", "warning"]]);
  });
});
