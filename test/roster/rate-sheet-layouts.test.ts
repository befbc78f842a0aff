/**
 * The rates reader on sheets as people fill them: the tool's template typed into, the DES's Table 2
 * pasted from the PDF (a whole line in one cell, or split over cells), title rows and notes, the MHP
 * tables by name and by percentage, and a sheet of national figures only. Each case lists the
 * overrides it must give (role, region, amount, band, table, row) and the findings (code, severity, row).
 */
import { readRateSheet } from "../../src/roster/rate-sheet";
import { financialYearStarting } from "../../src/common/dates";
import type { CellValue } from "../../src/common/grid";
import { RuleSet } from "../../src/rules/ruleset";
import { grid } from "./grids";

const rules = new RuleSet();
const read = (name: string, values: CellValue[][]) => readRateSheet(grid(name, values), { rules, checkedYear: financialYearStarting(2026) });
type Row = [string, string, number, string?, string?, number?];
const overridesOf = (result: ReturnType<typeof read>): Row[] => result.overrides.map((o) => [o.role, o.region, o.amount, o.band, o.mhpTable, o.rowNumber]);
const findingsOf = (result: ReturnType<typeof read>) => result.findings.map((f) => [f.code, f.severity, f.rowNumber ?? null]);

const MHP_3A = "Mental Health Practitioner: first MHP in band (50%, Table 3a)";
const MHP_3B = "Mental Health Practitioner: further MHPs with written agreement (100%, Table 3b)";

interface Layout {
  name: string;
  sheet: string;
  values: CellValue[][];
  overrides: Row[];
  findings: [string, string, number | null][];
}

const LAYOUTS: Layout[] = [
  {
    name: "the template typed into: three regions, MHP rows by band and table, last year's columns ignored",
    sheet: "ARRS max reimb 26-27",
    values: [
      ["ARRS maximum reimbursable amounts 2026/27"],
      ["Copy the figures from the Network Contract DES Contract specification 2026/27, Tables 2, 3a, 3b and 3c."],
      ["Annual amounts per 1.0 WTE, including employer NI and pension. Shaded cells are to be filled in."],
      [],
      ["Role", "AfC band", "National", "Outer London", "Inner London", "Source", "2025/26 National (for reference)", "2025/26 Outer London (for reference)", "2025/26 Inner London (for reference)"],
      ["Clinical Pharmacist", "7-8a", 69383, 76803, 79956, "To fill in from the DES 2026/27, Table 2.", 66972, 74392, 77545],
      ["Paramedic", "7", "£67,250", null, null, "To fill in from the DES 2026/27, Table 2.", 64907, 72327, 75480],
      [MHP_3A, "6", 27620, 31466, 33099, "To fill in from the DES 2026/27, Table 3a.", 26660, 30370, 31946],
      [MHP_3B, "6", 55240, 62931, 66198, "To fill in from the DES 2026/27, Table 3b.", 53319, 60739, 63892],
      ["Dietitian", "7", null, null, null, "To fill in from the DES 2026/27, Table 2.", 64907, 72327, 75480],
    ],
    overrides: [
      ["clinical-pharmacist", "national", 69383, undefined, undefined, 6],
      ["clinical-pharmacist", "outer-london", 76803, undefined, undefined, 6],
      ["clinical-pharmacist", "inner-london", 79956, undefined, undefined, 6],
      ["paramedic", "national", 67250, undefined, undefined, 7],
      ["mental-health-practitioner", "national", 27620, "6", "first-in-band", 8],
      ["mental-health-practitioner", "outer-london", 31466, "6", "first-in-band", 8],
      ["mental-health-practitioner", "inner-london", 33099, "6", "first-in-band", 8],
      ["mental-health-practitioner", "national", 55240, "6", "with-agreement", 9],
      ["mental-health-practitioner", "outer-london", 62931, "6", "with-agreement", 9],
      ["mental-health-practitioner", "inner-london", 66198, "6", "with-agreement", 9],
    ],
    // The dietitian's row has no figure: one note lists it.
    findings: [["RATE_SHEET_PROBLEM", "info", null]],
  },
  {
    name: "Table 2 pasted from the PDF, each line in one cell, under a title",
    sheet: "ARRS max reimb 26-27",
    values: [
      ["Table 2: Maximum reimbursable amounts 2026/27"],
      ["Role AfC band National Outer London Inner London"],
      ["Clinical Pharmacist 7-8a £69,383 £76,803 £79,956"],
      ["Pharmacy Technician Band 5 £44,913 £51,766 £54,050"],
      ["Advanced Practitioner 8a £75,974 £83,661 £86,927"],
      ["Care Co-ordinator 4 £37,451"],
    ],
    overrides: [
      ["clinical-pharmacist", "national", 69383, undefined, undefined, 3],
      ["clinical-pharmacist", "outer-london", 76803, undefined, undefined, 3],
      ["clinical-pharmacist", "inner-london", 79956, undefined, undefined, 3],
      ["pharmacy-technician", "national", 44913, undefined, undefined, 4],
      ["pharmacy-technician", "outer-london", 51766, undefined, undefined, 4],
      ["pharmacy-technician", "inner-london", 54050, undefined, undefined, 4],
      ["advanced-practitioner", "national", 75974, undefined, undefined, 5],
      ["advanced-practitioner", "outer-london", 83661, undefined, undefined, 5],
      ["advanced-practitioner", "inner-london", 86927, undefined, undefined, 5],
      ["care-coordinator", "national", 37451, undefined, undefined, 6],
    ],
    findings: [],
  },
  {
    name: "Table 2 pasted from the PDF split over cells, amounts as text and as numbers, no header row",
    sheet: "ARRS max reimb 2026-27",
    values: [
      ["Network Contract DES 2026/27"],
      ["Clinical Pharmacist", "7-8a", "£69,383", "£76,803", "£79,956"],
      ["First Contact", "Physiotherapist 7-8a", "£69,383", "£76,803", "£79,956"],
      ["Social prescribing link worker", "Band 5", 44913, 51766, 54050],
      ["Practice nurse", "6", "£55,238"],
      ["Clinical Pharmacsit", "7-8a", "£69,383", "£76,803", "£79,956"],
    ],
    overrides: [
      ["clinical-pharmacist", "national", 69383, undefined, undefined, 2],
      ["clinical-pharmacist", "outer-london", 76803, undefined, undefined, 2],
      ["clinical-pharmacist", "inner-london", 79956, undefined, undefined, 2],
      ["first-contact-physiotherapist", "national", 69383, undefined, undefined, 3],
      ["first-contact-physiotherapist", "outer-london", 76803, undefined, undefined, 3],
      ["first-contact-physiotherapist", "inner-london", 79956, undefined, undefined, 3],
      ["social-prescribing-link-worker", "national", 44913, undefined, undefined, 4],
      ["social-prescribing-link-worker", "outer-london", 51766, undefined, undefined, 4],
      ["social-prescribing-link-worker", "inner-london", 54050, undefined, undefined, 4],
      // "Practice nurse" at band 6 is the experienced practice nurse.
      ["experienced-general-practice-nurse", "national", 55238, undefined, undefined, 5],
    ],
    // The misspelt role is listed with its row, not dropped.
    findings: [["RATE_SHEET_PROBLEM", "warning", 6]],
  },
  {
    name: "a typed table under title rows, with notes below it that mention amounts",
    sheet: "ARRS max reimb 26-27",
    values: [
      ["Oakwood Vale PCN"],
      ["Maximum reimbursable amounts 2026/27, from the DES"],
      [],
      ["Role", "Band", "Max reimbursement (national)", "Max reimbursement (outer London)", "Monthly max"],
      ["Clin Pharm", "7", "69,383", "76,803", "5,782"],
      ["ANP", "8a", 75974, null, 6331],
      ["Total", null, 145357, null, null],
      [],
      ["Note: the care co-ordinator figure (£37,451) is our own, until the DES is out."],
      ["Figures include employer NI and pension."],
    ],
    overrides: [
      ["clinical-pharmacist", "national", 69383, undefined, undefined, 5],
      ["clinical-pharmacist", "outer-london", 76803, undefined, undefined, 5],
      ["advanced-practitioner", "national", 75974, undefined, undefined, 6],
    ],
    findings: [],
  },
  {
    name: "the MHP tables pasted by name: a heading, then rows that give only the band",
    sheet: "ARRS max reimb 26-27",
    values: [
      ["Table 3a: first mental health practitioner per AfC band (reimbursed at 50%)"],
      ["Band 4 £18,739 £21,791 £22,565"],
      ["Band 8a £38,013 £41,860 £43,493"],
      ["Table 3b: further mental health practitioners, with a written agreement with the provider"],
      ["Band 4", "£37,478", "£43,582", "£45,130"],
      ["Table 3c: General Practitioners"],
      ["General Practitioner £109,800 £112,700"],
    ],
    overrides: [
      ["mental-health-practitioner", "national", 18739, "4", "first-in-band", 2],
      ["mental-health-practitioner", "outer-london", 21791, "4", "first-in-band", 2],
      ["mental-health-practitioner", "inner-london", 22565, "4", "first-in-band", 2],
      ["mental-health-practitioner", "national", 38013, "8a", "first-in-band", 3],
      ["mental-health-practitioner", "outer-london", 41860, "8a", "first-in-band", 3],
      ["mental-health-practitioner", "inner-london", 43493, "8a", "first-in-band", 3],
      ["mental-health-practitioner", "national", 37478, "4", "with-agreement", 5],
      ["mental-health-practitioner", "outer-london", 43582, "4", "with-agreement", 5],
      ["mental-health-practitioner", "inner-london", 45130, "4", "with-agreement", 5],
      // Table 3c: one London rate for GPs, so two figures are national and London.
      ["general-practitioner", "national", 109800, undefined, undefined, 7],
      ["general-practitioner", "outer-london", 112700, undefined, undefined, 7],
      ["general-practitioner", "inner-london", 112700, undefined, undefined, 7],
    ],
    findings: [],
  },
  {
    name: "the MHP tables by percentage, in a typed table with a Table column, and an MHP row that says neither",
    sheet: "ARRS max reimb 26-27",
    values: [
      ["Role", "Band", "Table", "National"],
      ["MHP", "Band 5", "50%", 22457],
      ["Mental health practitioner", "5", "100%", 44913],
      ["Mental health practitioner", "7-8a", "100%", 67250],
      ["Mental health practitioner", "6", null, 55238],
    ],
    overrides: [
      ["mental-health-practitioner", "national", 22457, "5", "first-in-band", 2],
      ["mental-health-practitioner", "national", 44913, "5", "with-agreement", 3],
    ],
    // A band range and a missing table are each a warning on their row.
    findings: [["RATE_SHEET_PROBLEM", "warning", 4], ["RATE_SHEET_PROBLEM", "warning", 5]],
  },
  {
    name: "a sheet with only national figures",
    sheet: "ARRS max reimb 26-27",
    values: [
      ["Role", "Maximum"],
      ["Clinical pharmacist", 69383],
      ["Health & wellbeing coach", "£44,913.00"],
      ["GP", "109,800"],
      ["Dietitian", "tbc"],
    ],
    overrides: [
      ["clinical-pharmacist", "national", 69383, undefined, undefined, 2],
      ["health-and-wellbeing-coach", "national", 44913, undefined, undefined, 3],
      ["general-practitioner", "national", 109800, undefined, undefined, 4],
    ],
    findings: [["RATE_SHEET_PROBLEM", "warning", 5]],
  },
];

describe("readRateSheet on realistic layouts", () => {
  test.each(LAYOUTS.map((layout) => [layout.name, layout] as const))("%s", (_name, layout) => {
    const result = read(layout.sheet, layout.values);
    expect(result.financialYear.label).toBe("2026/27");
    expect(overridesOf(result)).toEqual(layout.overrides);
    expect(findingsOf(result)).toEqual(layout.findings);
    for (const o of result.overrides) expect([o.from, o.to]).toEqual(["2026-04-01", "2027-03-31"]);
  });
});

describe("rows the reader cannot use say why", () => {
  test.each([
    ["two figures for a role other than a GP", ["Paramedic 7 £67,250 £74,900"], /two amounts.*not clear which regions/],
    ["more than three figures", ["Paramedic 7 £67,250 £74,900 £78,060 £80,000"], /more than three amounts/],
    ["an MHP line with no band", ["Table 3a first MHP"], null],
    ["a band with no role outside an MHP table", ["Band 5 £44,913"], /no role/],
  ])("%s", (_label, line, message) => {
    const result = read("ARRS max reimb 26-27", [line as CellValue[]]);
    expect(result.overrides).toEqual([]);
    if (message) expect(result.findings.map((f) => f.message).join(" ")).toMatch(message);
  });

  test("a year in a title is not an amount, and a title alone is no table", () => {
    const result = read("ARRS max reimb 26-27", [["Maximum reimbursable amounts 2026/27 (DES 2026)"]]);
    expect(result.overrides).toEqual([]);
    expect(result.findings).toEqual([expect.objectContaining({ code: "RATE_SHEET_PROBLEM", severity: "warning" })]);
    expect(result.findings[0].message).toMatch(/"Role" column.*paste the DES table's lines/);
  });

  test("before 2025/26 an MHP figure is for every band and table", () => {
    const result = readRateSheet(grid("ARRS max reimb 24-25", [["Role", "Maximum"], ["Mental health practitioner", 60000]]), { rules, checkedYear: financialYearStarting(2024) });
    expect(result.overrides).toEqual([expect.objectContaining({ role: "mental-health-practitioner", amount: 60000 })]);
    expect(result.overrides[0].band).toBeUndefined();
    expect(result.overrides[0].mhpTable).toBeUndefined();
  });
});
