import { COLUMN_MAPPING_LABEL_PREFIX, SETTINGS_LABELS } from "../../src/common/settings-keys";
import { OWNED_SHEET_NAMES } from "../../src/common/owned";
import { buildSettingsSheet } from "../../src/report/settings-sheet";
import { buildWorkbookOutput } from "../../src/report/build";
import { rangeAddress } from "../../src/report/cells";
import { checkResult, rosterRead, samplePcn } from "./fixtures";

describe("settings sheet", () => {
  it("is a title, then Setting | Value rows in the shared layout, then the column mappings", () => {
    const sheet = buildSettingsSheet(checkResult({ staff: [], listSize: 120000, weightedPopulation: null, region: "outer-london" }), {
      rosterSheet: "Staff 25-26",
      columnMapping: { wte: "FTE", annualSalary: "Pay" },
    });
    expect(sheet.name).toBe("ARRS Settings");
    expect(sheet.rows[0][0]).toMatchObject({ value: "ARRS settings", style: "title" });
    expect(sheet.rows.slice(1).map((r) => r.map((c) => c.value))).toEqual([
      ["Setting", "Value"],
      [SETTINGS_LABELS.financialYear, "2025/26"],
      [SETTINGS_LABELS.listSize, 120000],
      [SETTINGS_LABELS.weightedPopulation, null],
      [SETTINGS_LABELS.region, "outer-london"],
      [SETTINGS_LABELS.rateFloor, "Yes"],
      [SETTINGS_LABELS.rosterSheet, "Staff 25-26"],
      // The claim header, blank until given (test/roster/settings-sheet.test.ts reads it back).
      [SETTINGS_LABELS.pcnName, null],
      [SETTINGS_LABELS.odsCode, null],
      [SETTINGS_LABELS.icb, null],
      [SETTINGS_LABELS.payingPractice, null],
      [`${COLUMN_MAPPING_LABEL_PREFIX}wte`, "FTE"],
      [`${COLUMN_MAPPING_LABEL_PREFIX}annualSalary`, "Pay"],
    ]);
    // "2025/26" must stay text, or Excel may take it for a date.
    expect(sheet.rows[2][1].format).toBe("text");
  });
});

describe("buildWorkbookOutput", () => {
  const output = buildWorkbookOutput(samplePcn(), rosterRead({ lastColumn: 8, rowNumbers: [2, 3, 4, 6] }), { generatedOn: "2025-09-15", rosterSheet: "Staff" });

  it("builds the roster columns and the three owned sheets, in that order", () => {
    expect(output.rosterColumns?.firstColumn).toBe(10);
    expect(output.sheets.map((s) => s.name)).toEqual([...OWNED_SHEET_NAMES]);
  });

  it("writes no formulas: every value is data", () => {
    const strings = output.sheets.flatMap((s) => s.rows.flat()).filter((c) => typeof c.value === "string");
    expect(strings.some((c) => (c.value as string).startsWith("="))).toBe(true);
    expect(strings.filter((c) => (c.value as string).startsWith("=")).every((c) => c.format === "text")).toBe(true);
  });
});

describe("rangeAddress", () => {
  it("writes A1 ranges", () => {
    expect(rangeAddress({ top: 5, left: 2, bottom: 16, right: 2 })).toBe("B5:B16");
    expect(rangeAddress({ top: 1, left: 27, bottom: 1, right: 27 })).toBe("AA1");
  });
});
