/**
 * The sample, as an ICB would check it: every amount in whole pence, the lines add up to the months,
 * the months and rows to the PCN, each line's parts to its cost, no line claims more than its cost,
 * and nobody is claimed above 1.0 WTE on any month.
 */
import { readFileSync } from "node:fs";
import { checkWorkbook, type CheckedWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { claimLines } from "../../src/report/claim-lines-sheet";
import { FileWorkbook } from "../helpers/file-workbook";
import { SAMPLE } from "../helpers/workbooks";

const pence = (pounds: number) => Math.round(pounds * 100);

let checked: CheckedWorkbook;
beforeAll(async () => {
  const result = await checkWorkbook(await FileWorkbook.fromBuffer(readFileSync(SAMPLE)), { words: COMMAND_LINE_WORDS, today: "2026-12-07" });
  if (result.kind !== "checked") throw new Error(result.message);
  checked = result;
});

test("every amount is whole pence, and the rows, the months and the lines add up to the PCN's total exactly", () => {
  const { staff, totals } = checked.result;
  const all = [totals.claimable, ...totals.months, ...staff.flatMap((s) => [s.claimable, ...s.months.map((m) => m.claimable)])];
  expect(all.every((amount) => Math.abs(amount * 100 - pence(amount)) < 1e-6)).toBe(true);
  expect(staff.reduce((sum, s) => sum + pence(s.claimable), 0)).toBe(pence(totals.claimable));
  expect(totals.months.reduce((sum, m) => sum + pence(m), 0)).toBe(pence(totals.claimable));
  for (const s of staff) expect(s.months.reduce((sum, m) => sum + pence(m.claimable), 0)).toBe(pence(s.claimable));
  const lines = [...claimLines(checked.result)];
  expect(lines.reduce((sum, l) => sum + pence(l.claim.claimable), 0)).toBe(pence(totals.claimable));
});

test("on every line the salary, NI and pension add up to the cost, and the claim is no more than the cost", () => {
  for (const { claim } of claimLines(checked.result)) {
    const parts = claim.parts!;
    expect(pence(parts.salary) + pence(parts.employerNi) + pence(parts.employerPension) + pence(parts.supplierFee)).toBe(pence(claim.cost));
    expect(pence(claim.claimable)).toBeLessThanOrEqual(pence(claim.cost));
  }
});

test("nobody is claimed above 1.0 WTE in any month", () => {
  const byPerson = new Map<string, number[]>();
  for (const s of checked.result.staff) {
    const key = (s.staffId ?? s.name ?? `row ${s.rowNumber}`).toLowerCase();
    const months = byPerson.get(key) ?? new Array(12).fill(0);
    s.months.forEach((m, i) => { if (m.claimable > 0) months[i] += m.wte; });
    byPerson.set(key, months);
  }
  for (const [person, months] of byPerson) expect({ person, most: Math.max(...months) <= 1 + 1e-9 }).toEqual({ person, most: true });
});
