import { parseRegion, readSettingsSheet } from "../../src/roster/settings-sheet";
import { COLUMN_MAPPING_LABEL_PREFIX, SETTINGS_LABELS } from "../../src/common/settings-keys";
import type { CellValue } from "../../src/common/grid";
import { grid } from "./grids";

const sheet = (rows: CellValue[][]) => readSettingsSheet(grid("ARRS Settings", rows));

describe("readSettingsSheet", () => {
  test("round trip of the labels the tool writes", () => {
    const { settings, findings } = sheet([
      ["ARRS settings"],
      ["Setting", "Value"],
      [SETTINGS_LABELS.financialYear, "2025/26"],
      [SETTINGS_LABELS.listSize, 45210],
      [SETTINGS_LABELS.weightedPopulation, 51234.5],
      [SETTINGS_LABELS.region, "outer-london"],
      [SETTINGS_LABELS.rosterSheet, "Staff 2025"],
      [`${COLUMN_MAPPING_LABEL_PREFIX}wte`, "FTE (contracted)"],
      [`${COLUMN_MAPPING_LABEL_PREFIX}start`, "D"],
      [`${COLUMN_MAPPING_LABEL_PREFIX}hoursPerWeek`, 7],
    ]);
    expect(findings).toEqual([]);
    expect(settings).toEqual({
      financialYear: "2025/26",
      listSize: 45210,
      weightedPopulation: 51234.5,
      region: "outer-london",
      rosterSheet: "Staff 2025",
      columnMapping: { wte: "FTE (contracted)", start: "D", hoursPerWeek: 7 },
    });
  });

  test("labels in any case and column, values as text with commas", () => {
    const { settings, findings } = sheet([
      [null, "FINANCIAL YEAR:", "25-26"],
      [null, "list size", "45,210"],
      [null, "Weighted Population", " 51,234 "],
      [null, "region", "Inner  London"],
      [null, "column: Hours per week", "Hrs"],
    ]);
    expect(findings).toEqual([]);
    expect(settings).toEqual({ financialYear: "2025/26", listSize: 45210, weightedPopulation: 51234, region: "inner-london", columnMapping: { hoursPerWeek: "Hrs" } });
  });

  test("the claim header: text as written, an ODS code typed as a number too; blank until given", () => {
    const { settings, findings } = sheet([
      ["Setting", "Value"],
      [SETTINGS_LABELS.pcnName, " North Town PCN "],
      [SETTINGS_LABELS.odsCode, "U12345"],
      [SETTINGS_LABELS.icb, "NHS Somewhere ICB"],
      [SETTINGS_LABELS.payingPractice, null],
    ]);
    expect(findings).toEqual([]);
    expect(settings).toEqual({ pcnName: "North Town PCN", odsCode: "U12345", icb: "NHS Somewhere ICB" });
    expect(sheet([["pcn ods code", 12345]]).settings).toEqual({ odsCode: "12345" });
    expect(sheet([["Lead or paying practice", "=Riverside Surgery"]]).settings).toEqual({ payingPractice: "=Riverside Surgery" });
  });

  test("blank values are simply not given", () => {
    expect(sheet([[SETTINGS_LABELS.listSize, null], [SETTINGS_LABELS.region, ""]])).toEqual({ settings: {}, findings: [] });
  });

  test.each([
    [SETTINGS_LABELS.financialYear, "next year", /"Financial year".*"next year".*ignored.*2025\/26/],
    [SETTINGS_LABELS.listSize, "about 40k", /"List size".*ignored.*a number above 0/],
    [SETTINGS_LABELS.weightedPopulation, -5, /"Weighted population".*ignored/],
    [SETTINGS_LABELS.region, "Scotland", /"Region".*"Scotland".*national, outer London or inner London/],
    [`${COLUMN_MAPPING_LABEL_PREFIX}shoe size`, "C", /names no roster field/],
  ])("an unreadable %p is ignored with a warning", (label, value, message) => {
    const { settings, findings } = sheet([["Setting", "Value"], [label, value]]);
    expect(settings).toEqual({});
    expect(findings).toEqual([expect.objectContaining({ code: "MISSING_VALUE", severity: "warning", rowNumber: 2 })]);
    expect(findings[0].message).toMatch(message);
  });

  test("a setting given twice keeps the first and warns", () => {
    const { settings, findings } = sheet([[SETTINGS_LABELS.region, "national"], [SETTINGS_LABELS.region, "inner london"]]);
    expect(settings.region).toBe("national");
    expect(findings).toEqual([expect.objectContaining({ rowNumber: 2, message: expect.stringMatching(/more than once/) })]);
  });

  test("an empty or malformed grid does not throw", () => {
    expect(sheet([])).toEqual({ settings: {}, findings: [] });
    expect(readSettingsSheet({ sheetName: "x", firstRow: 1, firstColumn: 1, values: [null as unknown as CellValue[]] })).toEqual({ settings: {}, findings: [] });
  });
});

describe("parseRegion", () => {
  test.each([
    ["national", "national"], ["National", "national"], ["outer London", "outer-london"], ["OUTER-LONDON", "outer-london"],
    ["inner london", "inner-london"], ["London (inner)", "inner-london"], [" Inner  London ", "inner-london"], ["London", null], [3, null],
  ])("%p → %p", (input, expected) => {
    expect(parseRegion(input)).toBe(expected);
  });
});

describe("the rate floor setting", () => {
  test.each([["Yes", true], ["No", false], [true, true]])("%p reads as %p", (value, expected) => {
    const read = sheet([["Setting", "Value"], [SETTINGS_LABELS.rateFloor, value]]);
    expect(read.settings.rateFloor).toBe(expected);
  });

  test("anything else is ignored with a warning", () => {
    const read = sheet([["Setting", "Value"], [SETTINGS_LABELS.rateFloor, "perhaps"]]);
    expect(read.settings.rateFloor).toBeUndefined();
    expect(read.findings).toHaveLength(1);
  });
});
