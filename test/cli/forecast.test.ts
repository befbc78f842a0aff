/**
 * `arrs check --as-of` on test/fixtures/forecast-2025-26.xlsx: the JSON's forecast equals the figures
 * hand-checked in test/fixtures/README.md, and the planned posts are never claimed.
 */
import * as path from "node:path";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";
import { fixture } from "../helpers/workbooks";

const tmp = scratchFolders("arrs-forecast-");
const FIXTURE = fixture("forecast-2025-26.xlsx");
const ARGS = ["--year", "2025/26", "--weighted-population", "5000", "--as-of", "31/12/2025"];

async function checkJson(extra: string[] = []) {
  const out = path.join(tmp(), "forecast.arrs.xlsx");
  const result = await run(["check", FIXTURE, ...ARGS, "--out", out, "--json", ...extra]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("arrs check --as-of 31/12/2025 on the forecast fixture", () => {
  test("the forecast is the hand-checked one (test/fixtures/README.md)", async () => {
    const json = await checkJson();
    expect(json.forecast).toMatchObject({
      asOf: "2025-12-31", yearEnd: "2026-03-31", monthsToDate: 9,
      toDate: 65046.3, restOfYear: 22563.43, plannedPosts: 15644.4, entitlement: 133155,
      sentence: "At this rate £29,901 of your £133,155 ARRS sum will be unspent on 31 March 2026: enough for about 2.8 WTE of a band 5 role from January.",
    });
    expect(json.forecast.unspent).toBeCloseTo(29900.87, 6);
    expect(json.forecast.unspentWte).toBeCloseTo(29900.87 / 10838, 6);
    expect(json.forecast.planned.map((p: { row: number; label: string | null; amount: number }) => [p.row, p.label, p.amount]))
      .toEqual([[5, "Vacancy", 10225.4], [6, null, 5419]]);
    // to date + rest of year = the year's claim, to the penny.
    expect(Math.round((json.forecast.toDate + json.forecast.restOfYear) * 100)).toBe(Math.round(json.totals.claimable * 100));
  });

  test("planned posts are not claimed: three staff rows, and the claim is the people's alone", async () => {
    const json = await checkJson();
    expect(json.staff.map((s: { row: number; claimable: number }) => [s.row, s.claimable])).toEqual([[2, 61352.4], [3, 19032], [4, 7225.33]]);
    expect(json.totals.claimable).toBe(87609.73);
  });

  test("--unspent-as measures the unspent sum in another role", async () => {
    const json = await checkJson(["--unspent-as", "Clinical Pharmacist"]);
    expect(json.forecast.unspentAs).toEqual({ role: "clinical-pharmacist", roleName: "Clinical Pharmacist", from: "2026-01-01" });
    expect(json.forecast.sentence).toMatch(/enough for about 1\.8 WTE of the Clinical Pharmacist role from January\.$/);
  });

  test("the readable summary prints the figures and the sentence", async () => {
    const result = await run(["check", FIXTURE, ...ARGS, "--out", path.join(tmp(), "summary.arrs.xlsx")]);
    expect(result.stdout).toContain("As of 31/12/2025: claimed to date £65,046.30, rest of the year £22,563.43, 2 planned posts £15,644.40 (forecast only, not claimed)");
    expect(result.stdout).toContain("At this rate £29,901 of your £133,155 ARRS sum will be unspent on 31 March 2026");
  });

  test.each([
    [["--as-of", "31/13/2025"], /--as-of needs a date/],
    [["--unspent-as", "Receptionist"], /--unspent-as "Receptionist" is not an ARRS role/],
  ])("%j is refused with a one-line message", async (bad, message) => {
    const result = await run(["check", FIXTURE, "--out", path.join(tmp(), "bad.arrs.xlsx"), ...bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
