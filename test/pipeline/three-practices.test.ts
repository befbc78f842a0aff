/**
 * A PCN workbook with a front sheet and a roster sheet per member practice
 * (test/fixtures/three-practices-2025-26.xlsx, figures worked by hand in test/fixtures/README.md):
 * every roster sheet is checked as one PCN, each row knows its sheet and practice, the person on two
 * practices' sheets is found across them, and the tool's columns go beside each roster.
 */
import { readFileSync } from "node:fs";
import { toJson } from "../../src/cli/json";
import { checkWorkbook, type CheckedWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { rosterColumnBlocks } from "../../src/report/roster-columns";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { run } from "../helpers/cli";
import { dumpWorkbook, fixture } from "../helpers/workbooks";
import { scratchFolders } from "../helpers/scratch";

const FILE = fixture("three-practices-2025-26.xlsx");
const SETTINGS = { financialYear: "2025/26", listSize: 40000, weightedPopulation: 42000 };
const TODAY = "2026-11-21";
const pounds = (n: number) => Math.round(n * 100) / 100;
const scratchDir = scratchFolders("arrs-three-practices-");

async function check(options: { sheets?: string[] } = {}): Promise<CheckedWorkbook> {
  const workbook = await XlsxWorkbook.fromBuffer(readFileSync(FILE));
  const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, settings: SETTINGS, today: TODAY, sheets: options.sheets });
  if (checked.kind !== "checked") throw new Error(checked.message);
  return checked;
}

const claimOf = (checked: CheckedWorkbook, sheet: string) => pounds(checked.result.staff.filter((s) => s.sheet === sheet).reduce((t, s) => t + s.claimable, 0));

describe("a roster sheet per member practice, checked as one PCN", () => {
  test("every roster sheet is read, the front sheet passed over with why", async () => {
    const checked = await check();
    expect(checked.sheets).toEqual({
      read: ["Oakwood", "Elm Grove", "Birch Lane"],
      passedOver: [{ sheet: "Front sheet", reason: "no header row with a role or job title column" }],
    });
    expect(checked.rosters.map((r) => r.rows.length)).toEqual([2, 2, 2]);
  });

  test("each sheet's claim and the PCN's total, to the penny, as worked by hand", async () => {
    const checked = await check();
    expect(claimOf(checked, "Oakwood")).toBe(77421.8);
    expect(claimOf(checked, "Elm Grove")).toBe(96059.9);
    expect(claimOf(checked, "Birch Lane")).toBe(76628);
    expect(pounds(checked.result.totals.claimable)).toBe(250109.7);
    // The headroom is the ARRS sum less the claims of all three practices.
    expect(pounds(checked.result.totals.headroom!)).toBe(pounds(checked.result.totals.entitlement! - 250109.7));
  });

  test("each row knows its sheet and practice: the Practice column's, else the sheet's name", async () => {
    const checked = await check();
    expect(checked.result.staff.map((s) => [s.sheet, s.rowNumber, s.practice])).toEqual([
      ["Oakwood", 2, "Oakwood"], ["Oakwood", 3, "Oakwood"],
      ["Elm Grove", 2, "Elm Grove Surgery"], ["Elm Grove", 3, "Elm Grove Surgery"],
      ["Birch Lane", 2, "Birch Lane"], ["Birch Lane", 3, "Birch Lane"],
    ]);
  });

  test("the person on two practices' sheets at 0.6 + 0.6 WTE is found across sheets, and the later row is cut to 1.0 WTE", async () => {
    const checked = await check();
    const sam = checked.result.staff.filter((s) => s.name === "Sam Okafor");
    expect(sam.map((s) => s.sheet)).toEqual(["Oakwood", "Birch Lane"]);
    const duplicate = sam.map((s) => s.findings.find((f) => f.code === "DUPLICATE_PERSON")!);
    expect(duplicate[0].message).toContain("row 2 of Oakwood and row 2 of Birch Lane at 1.2 WTE");
    expect(duplicate[0].severity).toBe("warning");
    expect(duplicate[1].severity).toBe("error");
    expect(duplicate[1].message).toContain("£6,344.00 is removed");
    expect(pounds(sam[0].claimable)).toBe(38064);
    expect(pounds(sam[1].claimable)).toBe(12688);
  });

  test("the tool's columns go beside each roster sheet, each row's beside its own row", async () => {
    const checked = await check();
    const blocks = rosterColumnBlocks(checked.output);
    expect(blocks.map((b) => [b.sheetName, b.firstColumn, b.rows.map((r) => r.rowNumber)])).toEqual([
      ["Oakwood", 10, [2, 3]], ["Elm Grove", 11, [2, 3]], ["Birch Lane", 10, [2, 3]],
    ]);
    // Birch Lane's row 2 is Sam's second row (the error), not Oakwood's row 2.
    expect(blocks[2].rows[0].cells[0].value).toBe("Error");
    expect(blocks[0].rows[0].cells[0].value).toBe("Warning");
  });

  test("JSON: staff[].sheet, staff[].practice and the sheets read and passed over", async () => {
    const checked = await check();
    const json = toJson(checked.result, { workbook: "three-practices-2025-26.xlsx", sheet: "Oakwood; Elm Grove; Birch Lane", output: null, sheets: checked.sheets });
    expect(json.sheets).toEqual(checked.sheets);
    expect(json.staff.map((s) => [s.sheet, s.practice])[2]).toEqual(["Elm Grove", "Elm Grove Surgery"]);
  });

  test("the summary names the sheets read, with their claims, and the sheet passed over", async () => {
    const checked = await check();
    const summary = checked.output.sheets.find((s) => s.name === "ARRS Claim Summary")!;
    const text = summary.rows.map((row) => row.map((c) => c.value ?? "").join("|"));
    expect(text[1]).toMatch(/^Rosters on 3 sheets, checked as one PCN/);
    expect(text).toContain("Sheets read");
    expect(text.find((line) => line.startsWith("Elm Grove|"))).toMatch(/^Elm Grove\|2\|96059\.9\d*\|Elm Grove Surgery$/);
    expect(text).toContain('Not read: "Front sheet"|no header row with a role or job title column');
  });
});

describe("choosing the sheets: --sheet more than once, remembered in ARRS Settings", () => {
  test("two sheets named are checked as one PCN, the others passed over; the choice is stored and read back", async () => {
    const dir = scratchDir();
    const out = `${dir}/chosen.xlsx`;
    const first = await run(["check", FILE, "--sheet", "Oakwood", "--sheet", "birch lane", "--year", "2025/26", "--out", out, "--json"]);
    expect(first.stderr).toBe("");
    const doc = JSON.parse(first.stdout);
    expect(doc.sheets).toEqual({
      read: ["Oakwood", "Birch Lane"],
      passedOver: [
        { sheet: "Front sheet", reason: "not one of the sheets named to check" },
        { sheet: "Elm Grove", reason: "not one of the sheets named to check" },
      ],
    });
    expect(pounds(doc.totals.claimable)).toBe(pounds(77421.8 + 76628));
    const settings = await dumpWorkbook(out, (sheet) => sheet === "ARRS Settings");
    expect(settings["ARRS Settings"]).toContainEqual(expect.stringMatching(/^B\d+="Oakwood; Birch Lane"\|/));

    // Checked again without --sheet: the two stored sheets, not all three.
    const again = await run(["check", out, "--year", "2025/26", "--out", `${dir}/again.xlsx`, "--json"]);
    const second = JSON.parse(again.stdout);
    expect(second.sheets.read).toEqual(["Oakwood", "Birch Lane"]);
    expect(second.sheets.passedOver[1].reason).toBe("not one of the roster sheets the ARRS Settings sheet names");
  });

  test("a sheet named that is not there is a problem, in words", async () => {
    const result = await run(["check", FILE, "--sheet", "Oakwood", "--sheet", "Willow", "--out", `${scratchDir()}/x.xlsx`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no sheet named "Willow"');
  });

  test("the readable summary lists each sheet and names rows with their sheet", async () => {
    const result = await run(["check", FILE, "--year", "2025/26", "--out", `${scratchDir()}/summary.xlsx`]);
    expect(result.stdout).toContain("3 roster sheets checked as one PCN (6 staff rows)");
    expect(result.stdout).toContain('Sheet "Elm Grove": 2 staff rows, claimable £96,059.90');
    expect(result.stdout).toContain('Not read: "Front sheet": no header row with a role or job title column');
    expect(result.stdout).toMatch(/Row 2 of Birch Lane ERROR +DUPLICATE_PERSON/);
  });
});
