/**
 * The backdated uplift, on test/fixtures/uplift-2025-26.xlsx: the workbook's "ARRS max reimb 25-26"
 * sheet gives the amounts after the August 2025 uplift; each claim uses them, and the difference from
 * the claim at the built-in (pre-uplift) amounts is what a one-off uplift claim adds. The arithmetic is
 * worked by hand in test/fixtures/README.md.
 */
import { readFileSync } from "node:fs";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { FileWorkbook } from "../helpers/file-workbook";
import { fixture } from "../helpers/workbooks";

const pence = (n: number) => Math.round(n * 100) / 100;

test("each row claims at the uplifted figures, and its uplift is the difference from the built-in claim", async () => {
  const workbook = await FileWorkbook.fromBuffer(readFileSync(fixture("uplift-2025-26.xlsx")));
  const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, settings: { financialYear: "2025/26" }, today: "2026-12-07" });
  if (checked.kind !== "checked") throw new Error(checked.message);
  const { staff, totals } = checked.result;
  expect(staff.map((s) => [s.name, pence(s.claimable), pence(s.backdatedUplift)])).toEqual([
    ["Priya Shah", 69383, 2411],
    ["Tom Reed", 22456.5, 780.5],
    ["Ana Costa", 60779.2, 2112],
  ]);
  expect(pence(totals.backdatedUplift)).toBe(5303.5);
  expect(staff.every((s) => s.findings.some((f) => f.code === "USER_RATE_USED"))).toBe(true);
});
