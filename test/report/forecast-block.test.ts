/**
 * The forecast in the workbook the tool writes: "The year ahead" on the Claim Summary (sentence,
 * figures, running totals with a line chart, planned posts), "Planned post" beside the planned rows of
 * the roster, and the unspent role kept in ARRS Settings, read back on the next run. On the forecast
 * fixture as of 31/12/2025 (hand-checked in test/fixtures/README.md).
 */
import { readFileSync } from "node:fs";
import { OWNED_SHEETS } from "../../src/common/owned";
import { SETTINGS_LABELS } from "../../src/common/settings-keys";
import { checkWorkbook, type CheckedWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import type { OwnedSheet } from "../../src/report/types";
import { FileWorkbook } from "../helpers/file-workbook";
import { fixture } from "../helpers/workbooks";
import { cellAt, rowOf, valueAt } from "./helpers";

async function check(workbook?: FileWorkbook, options: { unspentAs?: "clinical-pharmacist" } = {}): Promise<{ checked: CheckedWorkbook; workbook: FileWorkbook }> {
  const book = workbook ?? await FileWorkbook.fromBuffer(readFileSync(fixture("forecast-2025-26.xlsx")));
  const checked = await checkWorkbook(book, {
    words: COMMAND_LINE_WORDS, today: "2026-11-21", asOf: "2025-12-31", settings: { financialYear: "2025/26", weightedPopulation: 5000 }, ...options,
  });
  if (checked.kind !== "checked") throw new Error(checked.message);
  return { checked, workbook: book };
}

const sheetNamed = (checked: CheckedWorkbook, name: string): OwnedSheet => checked.output.sheets.find((s) => s.name === name)!;

describe("the year ahead on the Claim Summary", () => {
  test("the sentence, the figures in money format, and the running totals by month", async () => {
    const { checked } = await check();
    const summary = sheetNamed(checked, OWNED_SHEETS.summary);
    const top = rowOf(summary, "The year ahead, as of 31/12/2025");
    expect(valueAt(summary, top + 1, 1)).toBe("At this rate £29,901 of your £133,155 ARRS sum will be unspent on 31 March 2026: enough for about 2.8 WTE of a band 5 role from January.");
    const figure = (label: string) => cellAt(summary, rowOf(summary, label, top), 2)!;
    expect(figure("Claimed to date (Apr 2025 – Dec 2025)")).toMatchObject({ value: 65046.3, format: "money" });
    expect(figure("Forecast, rest of year (Jan 2026 – Mar 2026)")).toMatchObject({ value: 22563.43, format: "money" });
    expect(figure("Planned posts (forecast only, not claimed)").value).toBe(15644.4);
    expect(figure("Unspent at 31/03/2026 (ARRS sum less all three)").value).toBeCloseTo(29900.87, 6);

    const header = rowOf(summary, "Month", top);
    expect([1, 2, 3, 4, 5, 6].map((c) => valueAt(summary, header, c))).toEqual(["Month", "ARRS sum", null, "Claimed to date", "Forecast", "With planned posts"]);
    const december = header + 9;
    const march = header + 12;
    expect(valueAt(summary, december, 1)).toBe("Dec 2025");
    // Claimed to date stops at December; the forecast lines start there, so the lines join.
    expect(valueAt(summary, december, 4)).toBeCloseTo(65046.3, 6);
    expect(valueAt(summary, december + 1, 4)).toBeNull();
    expect(valueAt(summary, december - 1, 5)).toBeNull();
    expect(valueAt(summary, december, 5)).toBeCloseTo(65046.3, 6);
    expect(valueAt(summary, march, 5)).toBeCloseTo(87609.73, 6);
    expect(valueAt(summary, march, 6)).toBeCloseTo(87609.73 + 15644.4, 6);
    expect(cellAt(summary, march, 6)?.format).toBe("money");
  });

  test("a line chart of the ARRS sum, claimed to date, forecast and with planned posts, beside the table", async () => {
    const { checked } = await check();
    const summary = sheetNamed(checked, OWNED_SHEETS.summary);
    const header = rowOf(summary, "Month", rowOf(summary, "The year ahead, as of 31/12/2025"));
    const chart = summary.charts!.find((c) => c.type === "line")!;
    expect(chart.series.map((s) => s.name)).toEqual(["ARRS sum", "Claimed to date", "Forecast", "With planned posts"]);
    expect(chart.categories).toEqual({ top: header + 1, left: 1, bottom: header + 12, right: 1 });
    expect(chart.series[3].values).toEqual({ top: header + 1, left: 6, bottom: header + 12, right: 6 });
    // Below the table (a blank row, then its own rows), across columns A to D, inside the printed width.
    expect(chart.anchor).toEqual({ top: header + 14, left: 1, bottom: header + 31, right: 4 });
    // The summary's claim-by-month chart is still there.
    expect(summary.charts!.map((c) => c.type)).toEqual(["line", "column"]);
  });

  test("the planned posts listed, forecast only", async () => {
    const { checked } = await check();
    const summary = sheetNamed(checked, OWNED_SHEETS.summary);
    const first = rowOf(summary, "Row 5: Vacancy");
    expect(summary.rows[first - 1].map((c) => c.value)).toEqual(["Row 5: Vacancy", "Advanced Practitioner", 1, { date: "2026-02-01" }, 10225.4, "forecast only, not claimed"]);
    expect(summary.rows[first].map((c) => c.value)).toEqual(["Row 6", "Pharmacy Technician", 0.5, "not given", 5419, "forecast only, not claimed; no cost given: the maximum"]);
  });
});

describe("beside the roster, and in ARRS Settings", () => {
  test("planned rows say 'Planned post', claim nothing, and say what they add", async () => {
    const { checked } = await check();
    const rows = new Map(checked.output.rosterColumns!.rows.map((r) => [r.rowNumber, r.cells]));
    expect(rows.get(5)!.map((c) => c.value)).toEqual([
      "Planned post", null, "Planned post, forecast only, not claimed: adds £10,225.40 to the forecast as of 31/12/2025 (Feb 2026 – Mar 2026).",
    ]);
    expect(rows.get(5)![0].style).toBe("info");
    expect(rows.get(6)![2].value).toBe("Planned post, forecast only, not claimed: adds £5,419.00 to the forecast as of 31/12/2025 (Jan 2026 – Mar 2026) at the maximum for the role (no cost given).");
    // People are as they always were.
    expect(rows.get(2)![1].value).toBe(61352.4);
  });

  test("the role the unspent sum is measured in is kept, and read back on the next run", async () => {
    const first = await check(undefined, { unspentAs: "clinical-pharmacist" });
    const settings = sheetNamed(first.checked, OWNED_SHEETS.settings);
    expect(valueAt(settings, rowOf(settings, SETTINGS_LABELS.unspentAs), 2)).toBe("Clinical Pharmacist");
    await first.workbook.write(first.checked.output);
    const again = await check(first.workbook);
    expect(again.checked.forecast.unspentAs).toMatchObject({ role: "clinical-pharmacist", isDefault: false });
    expect(again.checked.result.findings.filter((f) => f.field === "unspentAs")).toEqual([]);
  });
});

describe("the role setting", () => {
  test("a stored role the tool does not know is a warning, and the band 5 role is used", async () => {
    const { checkRoster } = await import("../../src/engine/check");
    const { forecastStep } = await import("../../src/pipeline/forecast");
    const { RuleSet } = await import("../../src/rules/ruleset");
    const rules = new RuleSet();
    const result = checkRoster({ rows: [], settings: { financialYear: "2025/26", listSize: null, weightedPopulation: 5000, region: "national" }, rules });
    const step = forecastStep({ result, rosters: [], rules, asOf: "2025-12-31", storedRole: "Receptionist" });
    expect(step.forecast.unspentAs).toMatchObject({ role: "pharmacy-technician", isDefault: true });
    expect(step.findings).toEqual([expect.objectContaining({ severity: "warning", field: "unspentAs", message: expect.stringMatching(/"Receptionist" is not an ARRS role/) })]);
    expect(forecastStep({ result, rosters: [], rules, asOf: "2025-12-31", storedRole: "Clin Pharm" }).forecast.unspentAs?.role).toBe("clinical-pharmacist");
  });
});
