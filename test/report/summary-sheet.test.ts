import { buildSummarySheet, textLines } from "../../src/report/summary-sheet";
import type { OwnedSheet } from "../../src/report/types";
import { checkResult, finding, person, samplePcn } from "./fixtures";
import { allCells, blockBelow, cellAt, rowOf, valueAt } from "./helpers";

const options = { generatedOn: "2025-09-15", rosterSheet: "Staff" };

function sumOf(values: unknown[]): number {
  return values.reduce<number>((s, v) => s + (v as number), 0);
}

describe("claim summary sheet", () => {
  const result = samplePcn();
  const sheet = buildSummarySheet(result, options);

  it("is named as the tool's own sheet and titled with the PCN year", () => {
    expect(sheet.name).toBe("ARRS Claim Summary");
    expect(cellAt(sheet, 1, 1)).toMatchObject({ value: "ARRS claim summary 2025/26", style: "title" });
    expect(valueAt(sheet, 2, 1)).toBe('Roster on sheet "Staff", checked on 15/09/2025.');
  });

  it("lists the settings used", () => {
    const top = rowOf(sheet, "Settings used");
    expect(blockBelow(sheet, top + 1).map((row) => row.map((c) => c.value))).toEqual([
      ["Setting", "Value"],
      ["Financial year", "2025/26"],
      ["List size", 60000],
      ["Weighted population", 50000],
      ["Region", "National"],
      ["Claim up to earlier maximums when a figure is missing", "Yes: see RATE_FLOOR"],
    ]);
  });

  it("says when list size and weighted population were not given", () => {
    const bare = buildSummarySheet(checkResult({ staff: [], listSize: null, weightedPopulation: null, region: "inner-london" }), options);
    const top = rowOf(bare, "Settings used");
    expect(valueAt(bare, top + 3, 2)).toBe("not given");
    expect(valueAt(bare, top + 4, 2)).toBe("not given");
    expect(valueAt(bare, top + 5, 2)).toBe("Inner London");
  });

  describe("by role", () => {
    const header = rowOf(sheet, "By role") + 1;
    const total = rowOf(sheet, "Total", header);
    const body = sheet.rows.slice(header, total - 1);

    it("has a header row a practice manager can read", () => {
      expect(sheet.rows[header - 1].map((c) => c.value)).toEqual(["Role", "Headcount", "WTE", "Claimable 2025/26", "Cost above the maximum (PCN funds)", "Cap use"]);
    });

    it("has a row per role, and one for roles not recognised", () => {
      expect(body.map((r) => r[0].value)).toEqual(["Clinical pharmacist", "Social prescribing link worker", "Role not recognised"]);
      expect(body.map((r) => r[1].value)).toEqual([2, 1, 1]);
      expect(body[0][2].value).toBeCloseTo(1.6, 10);
      expect(body[0][3]).toMatchObject({ value: result.byRole[0].claimable, format: "money" });
      expect(body.map((r) => r[5].value)).toEqual(["no cap", "no cap", ""]);
    });

    it("totals the unrounded rows", () => {
      const totals = sheet.rows[total - 1];
      expect(totals.every((c) => c.style === "total")).toBe(true);
      for (const column of [1, 2, 3, 4]) {
        expect(totals[column].value).toBeCloseTo(sumOf(body.map((r) => r[column].value)), 9);
      }
      expect(totals[3].value).toBeCloseTo(result.totals.claimable, 9);
    });

    it("puts data bars on the claimable column of the role rows", () => {
      expect(sheet.dataBars).toEqual([{ range: { top: header + 1, left: 4, bottom: total - 1, right: 4 } }]);
    });

    it("shows cap use against the cap", () => {
      const capped = checkResult({
        staff: [person({ rowNumber: 2, role: "advanced-practitioner", wte: 1 }), person({ rowNumber: 3, role: "advanced-practitioner", wte: 1 }), person({ rowNumber: 4, role: "advanced-practitioner", wte: 1 })],
        caps: { "advanced-practitioner": { limit: 6, peakWte: 3 } },
      });
      const capSheet = buildSummarySheet(capped, options);
      expect(valueAt(capSheet, rowOf(capSheet, "Advanced practitioner"), 6)).toBe("3.0 of 6 WTE");
      const over = checkResult({ staff: [person({ rowNumber: 2, role: "digital-transformation-lead" })], caps: { "digital-transformation-lead": { limit: 1, peakWte: 1.5 } } });
      const overSheet = buildSummarySheet(over, options);
      expect(valueAt(overSheet, rowOf(overSheet, "Digital transformation lead"), 6)).toBe("1.5 of 1 WTE (over the cap)");
    });

    it("says so when there are no staff", () => {
      const empty = buildSummarySheet(checkResult({ staff: [] }), options);
      const h = rowOf(empty, "By role") + 1;
      expect(valueAt(empty, h + 1, 1)).toBe("No staff were found on the roster.");
      expect(valueAt(empty, h + 2, 1)).toBe("Total");
      expect(valueAt(empty, h + 2, 4)).toBe(0);
      expect(empty.dataBars).toEqual([]);
    });
  });

  describe("against the ARRS sum", () => {
    const labelled = (s: OwnedSheet, label: string) => valueAt(s, rowOf(s, label), 2);

    it("shows total claimable, entitlement and headroom", () => {
      expect(labelled(sheet, "Total claimable 2025/26")).toBe(result.totals.claimable);
      expect(labelled(sheet, "ARRS sum (the PCN's entitlement)")).toBeCloseTo(50000 * 26.631, 6);
      expect(labelled(sheet, "Headroom (ARRS sum less total claimable)")).toBeCloseTo(50000 * 26.631 - result.totals.claimable, 6);
      expect(labelled(sheet, "Cost above the maximum amounts, funded by the PCN")).toBe(result.totals.overMaxGap);
    });

    it("asks for the weighted population when the entitlement is not known", () => {
      const unknown = buildSummarySheet(checkResult({ staff: [], weightedPopulation: null }), options);
      expect(labelled(unknown, "ARRS sum (the PCN's entitlement)")).toBe("not known — enter weighted population");
      expect(labelled(unknown, "Headroom (ARRS sum less total claimable)")).toBe("not known");
      const noRate = buildSummarySheet(checkResult({ staff: [], entitlementRate: null }), options);
      expect(labelled(noRate, "ARRS sum (the PCN's entitlement)")).toBe("not known — no ARRS sum rate on record for 2025/26");
    });

    it("marks a negative headroom and shows a GP ring-fenced part", () => {
      const over = checkResult({ staff: [person({ rowNumber: 2 })], weightedPopulation: 100, gpRingFenced: 130.3 });
      const s = buildSummarySheet(over, options);
      expect(cellAt(s, rowOf(s, "Headroom (ARRS sum less total claimable)"), 2)).toMatchObject({ style: "error", format: "money" });
      expect(labelled(s, "   of which ring-fenced for GPs")).toBe(130.3);
    });

    it("lists the PCN findings with severity and message", () => {
      const header = rowOf(sheet, "Findings for the PCN") + 1;
      expect(blockBelow(sheet, header).map((r) => r.map((c) => c.value))).toEqual([
        ["Message", "Code", "Severity"],
        ["Built-in 2025/26 maxima predate the August 2025 uplift.", "RATE_BEFORE_UPLIFT", "Note"],
        ["List size taken from the settings sheet.", "SETTING_ASSUMED", "Note"],
      ]);
      expect(cellAt(sheet, header + 1, 3)!.style).toBe("info");
      const none = buildSummarySheet(checkResult({ staff: [] }), options);
      expect(valueAt(none, rowOf(none, "Findings for the PCN") + 1, 1)).toBe("None.");
      const warned = buildSummarySheet(checkResult({ staff: [], findings: [finding("ENTITLEMENT_EXCEEDED", "warning", "Over.")] }), options);
      expect(cellAt(warned, rowOf(warned, "Over.") , 3)).toMatchObject({ value: "Warning", style: "warning" });
    });
  });

  describe("by month", () => {
    const header = rowOf(sheet, "By month") + 1;

    it("has April to March, then a total of the unrounded months", () => {
      const months = sheet.rows.slice(header, header + 12);
      expect(months.map((r) => r[0].value)).toEqual(["Apr 2025", "May 2025", "Jun 2025", "Jul 2025", "Aug 2025", "Sep 2025", "Oct 2025", "Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026"]);
      expect(months.map((r) => r[1].value)).toEqual(result.totals.months);
      const total = sheet.rows[header + 12];
      expect(total[0].value).toBe("Total");
      expect(total[1].value).toBeCloseTo(sumOf(months.map((r) => r[1].value)), 9);
      expect(total[1].value).toBeCloseTo(result.totals.claimable, 9);
    });

    it("has a column chart over the months", () => {
      expect(sheet.charts).toEqual([{
        type: "column",
        title: "Claimable by month, 2025/26",
        categories: { top: header + 1, left: 1, bottom: header + 12, right: 1 },
        series: [{ name: "Claimable", values: { top: header + 1, left: 2, bottom: header + 12, right: 2 } }],
        anchor: { top: header, left: 4, bottom: header + 13, right: 6 },
        valueAxisTitle: "£",
      }]);
    });
  });

  it("notes the date, the DES, and which figures came from the workbook's own sheet", () => {
    // Each note may run over several rows (one line each, so that it prints whole): read them joined.
    const notesOf = (s: OwnedSheet) => blockBelow(s, rowOf(s, "Notes", rowOf(s, "By month")) + 1).map((r) => r[0].value as string).join(" ");
    const notes = notesOf(sheet);
    expect(notes).toMatch(/^Generated on 15\/09\/2025/);
    expect(notes).toContain("Network Contract DES for 2025/26");
    expect(notes).toContain('Maximum amounts from the "ARRS max reimb 25-26" sheet in this workbook: Social prescribing link worker.');
    const plain = buildSummarySheet(checkResult({ staff: [person({ rowNumber: 2, role: "paramedic", rateConfidence: "inferred" })] }), { ...options, settingsNote: "List size from --list-size." });
    const plainNotes = notesOf(plain);
    expect(plainNotes).toContain('No maximum amounts were taken from an "ARRS max reimb" sheet in this workbook.');
    expect(plainNotes).toContain("Inferred or third-party maximum amounts (unconfirmed) were used for: Paramedic.");
    expect(plainNotes).toMatch(/List size from --list-size\.$/);
  });

  describe("what an ICB reads first", () => {
    const staff = [
      person({ rowNumber: 2, name: "Asha Patel", findings: [finding("INVALID_DATE", "error", "Bad date.", 2), finding("ONCOSTS_ESTIMATED", "warning", "Estimated.", 2)] }),
      person({ rowNumber: 5, name: "Ben Jones", role: "paramedic", rateConfidence: "inferred", findings: [finding("RATE_UNCONFIRMED", "warning", "Inferred.", 5)] }),
    ];
    const icb = buildSummarySheet(checkResult({ staff, findings: [finding("SETTING_ASSUMED", "info", "Financial year assumed 2025/26 from the sheet's name.")] }), {
      ...options,
      reading: {
        unusedColumns: [{ sheet: "Staff", column: "N", header: "Comments", reason: "header not recognised" }],
        skippedRows: [{ sheet: "Staff", row: 27, reason: "totals row" }],
        notes: ['Monthly amounts were read × 12 as a year\'s: "Monthly salary" (column E).'],
      },
    });
    const firstColumn = (from: string) => blockBelow(icb, rowOf(icb, from) + 1).map((r) => r.map((c) => c.value));

    it("counts errors, warnings and notes, and lists the rows with errors and their codes", () => {
      expect(firstColumn("Findings")).toEqual([
        ["Severity", "Count", "What it means"],
        ["Errors", 1, "nothing, or too little, is claimed on these rows until they are fixed"],
        ["Warnings", 2, "check these: the claim may be wrong or limited"],
        ["Notes", 1, "worth reading; nothing to fix"],
      ]);
      expect(firstColumn("Errors").length).toBeGreaterThan(0);
      const rows = blockBelow(icb, rowOf(icb, "Rows with errors")).map((r) => r.map((c) => c.value));
      expect(rows).toEqual([["Rows with errors", "Code"], ["Row 2: Asha Patel", "INVALID_DATE"],
        ["Each row's findings are beside it on the roster, in the ARRS findings column."]]);
    });

    it("says which figures are not confirmed, and which settings were assumed", () => {
      expect(firstColumn("Figures not confirmed").flat().join(" ")).toContain("not confirmed against the DES, for: Paramedic");
      const assumed = firstColumn("Settings assumed");
      expect(assumed[0]).toEqual(["Financial year assumed 2025/26 from the sheet's name."]);
      // The claim's header, blank until given, is said to be missing here too.
      expect(assumed.slice(1).flat().join(" ")).toMatch(/^Not given yet: PCN name, PCN ODS code, ICB and Lead or paying practice\./);
      expect(firstColumn("Figures not confirmed").length).toBeGreaterThan(0);
      const none = buildSummarySheet(checkResult({ staff: [] }), options);
      expect(valueAt(none, rowOf(none, "Settings assumed") + 1, 1)).toMatch(/^None: every setting was given/);
      expect(valueAt(none, rowOf(none, "Figures not confirmed") + 1, 1)).toMatch(/^None: every maximum amount/);
    });

    it("lists the columns not used, the rows skipped and the reader's notes", () => {
      expect(firstColumn("How the roster was read").map((r) => r[0])).toEqual([
        'Monthly amounts were read × 12 as a year\'s: "Monthly salary" (column E).',
        "Columns not used",
        'Column N "Comments": header not recognised.',
        "Rows skipped (not people)",
        "Row 27: totals row.",
      ]);
    });

    it("prints landscape, one page wide, with its title on every page; the Code column fits every code", () => {
      expect(icb.print).toEqual({ landscape: true, fitToWidth: 1, repeatRows: 1 });
      const codeWidth = icb.columnWidths[1];
      expect(codeWidth).toBeGreaterThanOrEqual("MHP_AGREEMENT_UNKNOWN".length * 1.2);
    });

    it("breaks long text into lines that fit, between words", () => {
      expect(textLines("one two three four", 9)).toEqual(["one two", "three", "four"]);
      expect(textLines("", 9)).toEqual([""]);
    });
  });

  it("keeps money unrounded and every string a literal", () => {
    const money = allCells(sheet).filter((c) => c.format === "money" && typeof c.value === "number");
    expect(money.length).toBeGreaterThan(10);
    expect(money.some((c) => !Number.isInteger((c.value as number) * 100))).toBe(true);
  });
});
