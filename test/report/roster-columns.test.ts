import { buildRosterColumns, ownedFirstColumn } from "../../src/report/roster-columns";
import { checkResult, finding, person, rosterRead, samplePcn } from "./fixtures";

describe("roster columns", () => {
  const result = samplePcn();
  const roster = rosterRead({ lastColumn: 8, rowNumbers: [2, 3, 4, 6], skipped: [5, 9] });
  const output = buildRosterColumns(result, roster)!;

  it("go after the roster's last column with one blank column between", () => {
    expect(output.firstColumn).toBe(10);
    expect(output.sheetName).toBe("Staff");
    expect(output.headerRowNumber).toBe(1);
  });

  it("go where an earlier run put them", () => {
    expect(ownedFirstColumn({ lastColumn: 8, ownedColumn: 12 })).toBe(12);
    const again = buildRosterColumns(result, rosterRead({ lastColumn: 8, ownedColumn: 12, rowNumbers: [2, 3, 4, 6] }))!;
    expect(again.firstColumn).toBe(12);
  });

  it("have the status, claimable (with the year) and findings headers, findings last", () => {
    expect(output.headers.map((h) => h.value)).toEqual(["ARRS status", "ARRS claimable 2025/26", "ARRS findings"]);
    expect(output.headers.every((h) => h.style === "header")).toBe(true);
  });

  it("give each row its status in words, its findings as CODE: message, and its claim unrounded", () => {
    const byRow = new Map(output.rows.map((r) => [r.rowNumber, r.cells]));
    expect([...byRow.keys()]).toEqual([2, 3, 4, 6]);
    expect(byRow.get(2)![0].value).toBe("Warning");
    expect(byRow.get(2)![2]).toEqual({ value: "OVER_MAX: Costs more than the maximum.", format: "text" });
    expect(byRow.get(3)![0].value).toBe("OK");
    expect(byRow.get(3)![2].value).toBeNull();
    expect(byRow.get(6)![0].value).toBe("Error");
    const claim = byRow.get(3)![1];
    expect(claim.format).toBe("money");
    expect(claim.value).toBe(result.staff[1].claimable);
  });

  it("say Check for a row with only information, and join several findings on one line", () => {
    const info = checkResult({
      staff: [person({ rowNumber: 5, findings: [finding("USER_RATE_USED", "info", "Own figure.", 5), finding("PART_FUNDED", "info", "Half funded.", 5), finding("PART_FUNDED", "info", "Half funded.", 5)] })],
    });
    const cells = buildRosterColumns(info, rosterRead({ rowNumbers: [5] }))!.rows[0].cells;
    expect(cells[0].value).toBe("Note");
    expect(cells[2].value).toBe("USER_RATE_USED: Own figure.  •  PART_FUNDED: Half funded.");
  });

  it("show a roster row the engine did not return with the reader's own findings", () => {
    const onlyReader = buildRosterColumns(checkResult({ staff: [] }), rosterRead({ rowNumbers: [7], rowFindings: { 7: [finding("INVALID_DATE", "error", "Bad date.", 7)] } }))!;
    expect(onlyReader.rows).toEqual([{ rowNumber: 7, cells: [expect.objectContaining({ value: "Error" }), { value: null }, expect.objectContaining({ value: "INVALID_DATE: Bad date." })] }]);
  });

  it("clear down past skipped rows, and colour status by severity", () => {
    expect(output.clearThroughRow).toBe(9);
    expect(output.statusHighlights).toEqual([
      { text: "Error", style: "error" },
      { text: "Warning", style: "warning" },
      { text: "Note", style: "info" },
    ]);
    expect(output.columnWidths).toHaveLength(3);
  });

  it("are left out when the roster has no header row", () => {
    expect(buildRosterColumns(result, rosterRead({ headerRowNumber: 0, rowNumbers: [] }))).toBeNull();
  });
});
