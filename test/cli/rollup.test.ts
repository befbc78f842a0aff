/**
 * `arrs rollup` as an ICB analyst runs it: a folder of PCN workbooks (an .xlsx, an .xlsm, a CSV and
 * one that is not a workbook, beside files the tool must leave alone) → the ICB workbook's four
 * sheets, a row saying why the broken one was not checked, each PCN's figures equal to its own
 * `arrs check --json`, the checked copies beside the inputs, progress on stderr, and exit codes.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { forTerminal } from "../../src/cli/terminal-text";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";
import { dumpWorkbook, fixture, ROOT, SAMPLE } from "../helpers/workbooks";

const tmp = scratchFolders("arrs-rollup-");
const YEAR = ["--year", "2025/26"];

/** A PCN's workbook with its settings stored (ARRS Settings), made as a practice manager would: by checking it once. */
async function pcnWorkbook(source: string, target: string, settings: string[]): Promise<void> {
  const made = await run(["check", source, ...YEAR, ...settings, "--out", target]);
  if (made.code !== 0) throw new Error(made.stderr);
}

/** The same workbook saved as macro-enabled (.xlsm): only the workbook part's content type differs. */
async function asXlsm(source: string, target: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const macro = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  if (macro === types) throw new Error("the workbook part's content type was not found");
  zip.file("[Content_Types].xml", macro);
  writeFileSync(target, await zip.generateAsync({ type: "nodebuffer" }));
}

const CSV = [
  "Name,Role,WTE,Start date,End date,Annual salary,Employer NI,Employer pension",
  "Asha Khan,Clinical Pharmacist,1,01/04/2024,,52000,6000,7500",
  "Ben Ode,Social Prescribing Link Worker,0.8,01/09/2025,,30000,2500,4000",
].join("\n");

/** Three PCNs (xlsx, xlsm, csv), one broken file, and what the roll-up must leave out. */
async function pcnFolder(): Promise<string> {
  const dir = tmp();
  const folder = path.join(dir, "rosters");
  mkdirSync(folder);
  await pcnWorkbook(SAMPLE, path.join(folder, "Northside PCN.xlsx"), ["--pcn-name", "Northside PCN", "--ods-code", "U11111", "--weighted-population", "61000", "--list-size", "58000"]);
  const london = path.join(dir, "london.xlsx");
  await pcnWorkbook(fixture("london-2025-26.xlsx"), london, ["--pcn-name", "Southside PCN", "--ods-code", "U22222", "--weighted-population", "40000", "--region", "inner-london"]);
  await asXlsm(london, path.join(folder, "Southside PCN.xlsm"));
  writeFileSync(path.join(folder, "Eastside PCN.csv"), CSV);
  copyFileSync(fixture("not-a-workbook.xlsx"), path.join(folder, "broken.xlsx"));
  // Left alone: Excel's lock file, an earlier checked copy, an earlier roll-up, another kind of file, a folder inside.
  writeFileSync(path.join(folder, "~$Northside PCN.xlsx"), "lock");
  copyFileSync(path.join(folder, "Northside PCN.xlsx"), path.join(folder, "Westside PCN.arrs.xlsx"));
  writeFileSync(path.join(folder, "notes.txt"), "not a workbook");
  mkdirSync(path.join(folder, "old"));
  copyFileSync(path.join(folder, "Northside PCN.xlsx"), path.join(folder, "old", "Oldside PCN.xlsx"));
  return folder;
}

const ORDER = ["broken.xlsx", "Eastside PCN.csv", "Northside PCN.xlsx", "Southside PCN.xlsm"];

describe("a folder of PCN workbooks", () => {
  let folder: string;
  let out: string;
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    folder = await pcnFolder();
    out = path.join(path.dirname(folder), "icb.xlsx");
    result = await run(["rollup", folder, ...YEAR, "--as-of", "2025-11-30", "--out", out]);
  }, 60_000);

  test("exit 0, progress on stderr in a stable order, and the files the tool must not read left out", () => {
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split("\n")).toEqual(ORDER.map((name, i) => `${i + 1} of 4: ${name}`));
    expect(result.stdout).toContain("3 PCNs checked, 1 not");
    expect(result.stdout).toMatch(/NOT CHECKED {2}broken\.xlsx: .*not an \.xlsx workbook/);
  });

  test("the ICB workbook has the four sheets, a row per PCN, the broken file with why, and totals", async () => {
    const sheets = await dumpWorkbook(out);
    expect(Object.keys(sheets)).toEqual(["ICB Summary", "ICB Roles", "ICB Claim Lines", "ICB Findings"]);
    const summary = sheets["ICB Summary"].join("\n");
    expect(summary).toContain('A5="Eastside PCN"');
    expect(summary).toContain('A6="Northside PCN"');
    expect(summary).toContain('B6="U11111"');
    expect(summary).toContain('A7="Southside PCN"');
    expect(summary).toContain('C7="Southside PCN.xlsm"');
    expect(summary).toContain('A8="Total"');
    expect(summary).toMatch(/A\d+="broken\.xlsx"\|@\nB\d+="This file is not an \.xlsx workbook/);
    // Money as money.
    expect(summary).toMatch(/H6=[\d.]+\|£#,##0\.00/);
    const findings = sheets["ICB Findings"].join("\n");
    expect(findings).toContain('A4="PCN"');
    expect(findings).toMatch(/A\d+="Northside PCN"/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).some((name) => name.startsWith("xl/charts/chart"))).toBe(true);
  });

  test("each PCN's checked copy is beside its workbook, the inputs untouched", () => {
    const names = readdirSync(folder);
    // A macro-enabled workbook's copy is macro-enabled too, and named so.
    for (const name of ["Northside PCN.arrs.xlsx", "Southside PCN.arrs.xlsm", "Eastside PCN.arrs.xlsx"]) expect(names).toContain(name);
    expect(names).not.toContain("broken.arrs.xlsx");
    expect(readFileSync(path.join(folder, "~$Northside PCN.xlsx"), "utf8")).toBe("lock");
  });
});

describe("--json", () => {
  test("each PCN's totals equal its own arrs check --json; the failed file says why; the forecast splits the claim", async () => {
    const folder = await pcnFolder();
    const rolled = await run(["rollup", folder, ...YEAR, "--as-of", "2025-11-30", "--json", "--no-copies", "--out", path.join(folder, "..", "icb.xlsx")]);
    expect(rolled.code).toBe(0);
    const doc = JSON.parse(rolled.stdout);
    expect(Object.keys(doc)).toEqual(["financialYear", "asOf", "output", "pcns", "totals"]);
    expect(doc.financialYear).toBe("2025/26");
    expect(doc.asOf).toBe("2025-11-30");
    expect(doc.pcns.map((p: { file: string }) => path.basename(p.file))).toEqual(ORDER);
    expect(doc.pcns[0]).toEqual({ file: path.join(folder, "broken.xlsx"), error: expect.stringMatching(/not an \.xlsx workbook/) });
    for (const pcn of doc.pcns.slice(1)) {
      const alone = await run(["check", pcn.file, ...YEAR, "--as-of", "2025-11-30", "--json", "--out", path.join(folder, "..", `alone${pcn.file.endsWith(".xlsm") ? ".xlsm" : ".xlsx"}`)]);
      const own = JSON.parse(alone.stdout);
      expect(pcn.totals).toEqual(own.totals);
      expect(Object.keys(pcn)).toEqual(expect.arrayContaining(["file", "pcn", "totals", "forecast", "errors", "warnings"]));
      expect(pcn.forecast.asOf).toBe("2025-11-30");
      expect(pcn.forecast).toEqual(own.forecast);
      expect(Math.round((pcn.forecast.toDate + pcn.forecast.restOfYear) * 100)).toBe(Math.round(pcn.totals.claimable * 100));
    }
    expect(doc.pcns[2].pcn).toMatchObject({ name: "Northside PCN", odsCode: "U11111", weightedPopulation: 61000, listSize: 58000 });
    expect(doc.pcns[3].pcn).toMatchObject({ name: "Southside PCN", region: "inner-london" });
    // A CSV roster has no settings sheet: no name, shown by its file's name in the sheets.
    expect(doc.pcns[1].pcn.name).toBeNull();
    const claimable = doc.pcns.slice(1).reduce((total: number, p: { totals: { claimable: number } }) => total + Math.round(p.totals.claimable * 100), 0);
    expect(Math.round(doc.totals.claimable * 100)).toBe(claimable);
    expect(doc.totals).toMatchObject({ pcns: 3, notChecked: 1 });
    // --no-copies: nothing written beside the inputs.
    expect(readdirSync(folder).filter((name) => name.endsWith(".arrs.xlsx"))).toEqual(["Westside PCN.arrs.xlsx"]);
  }, 60_000);
});

describe("files named one by one", () => {
  test("are checked in the order given; a missing one is a row saying so", async () => {
    const folder = await pcnFolder();
    const files = ["Southside PCN.xlsm", "nowhere.xlsx", "Northside PCN.xlsx"].map((name) => path.join(folder, name));
    const rolled = await run(["rollup", ...files, ...YEAR, "--json", "--no-copies", "--out", path.join(folder, "icb.xlsx")]);
    expect(rolled.code).toBe(0);
    const doc = JSON.parse(rolled.stdout);
    expect(doc.pcns.map((p: { file: string }) => p.file)).toEqual(files);
    expect(doc.pcns[1].error).toMatch(/cannot find/);
  }, 60_000);
});

describe("a checked copy that cannot be written", () => {
  test("is said on stderr; the PCN still counts in the roll-up", async () => {
    const dir = tmp();
    copyFileSync(SAMPLE, path.join(dir, "Northside PCN.xlsx"));
    // A folder where the copy would go: the copy cannot be written there.
    mkdirSync(path.join(dir, "Northside PCN.arrs.xlsx"));
    const result = await run(["rollup", path.join(dir, "Northside PCN.xlsx"), ...YEAR, "--json", "--out", path.join(dir, "icb.xlsx")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^1 of 1: Northside PCN\.xlsx\n {2}checked copy not written: .*is a folder, so nothing can be written there/);
    const doc = JSON.parse(result.stdout);
    expect(doc.pcns[0]).toMatchObject({ copy: null, totals: { claimable: expect.any(Number) } });
  });
});

describe("when nothing can be written: exit 2 and one line", () => {
  test("no workbooks in the folder", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "notes.txt"), "x");
    const result = await run(["rollup", dir, "--out", path.join(dir, "icb.xlsx")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^arrs: no PCN workbooks .* found in/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("--out names a file the tool did not write; --force replaces it; an earlier roll-up is replaced", async () => {
    const dir = tmp();
    copyFileSync(SAMPLE, path.join(dir, "Northside PCN.xlsx"));
    const theirs = path.join(dir, "..", `${path.basename(dir)}-budget.xlsx`);
    copyFileSync(fixture("minimal-2024-25.xlsx"), theirs);
    const before = readFileSync(theirs);
    const refused = await run(["rollup", dir, ...YEAR, "--no-copies", "--out", theirs]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists and is not a roll-up this tool wrote.*--force/);
    expect(refused.stderr).not.toMatch(/of 1:/); // refused before any work
    expect(readFileSync(theirs).equals(before)).toBe(true);

    const out = path.join(dir, "icb.xlsx");
    expect((await run(["rollup", dir, ...YEAR, "--no-copies", "--out", out])).code).toBe(0);
    expect((await run(["rollup", dir, ...YEAR, "--no-copies", "--out", out])).code).toBe(0);
    expect((await run(["rollup", dir, ...YEAR, "--no-copies", "--out", theirs, "--force"])).code).toBe(0);
    expect(Object.keys(await dumpWorkbook(theirs))[0]).toBe("ICB Summary");
  }, 60_000);

  test("usage mistakes", async () => {
    expect((await run(["rollup"])).stderr).toMatch(/Which workbooks/);
    expect((await run(["rollup", "x", "--sheet", "Staff"])).stderr).toMatch(/Unknown option --sheet for arrs rollup/);
    expect((await run(["rollup", "x", "--as-of", "31/02/2026"])).stderr).toMatch(/--as-of needs a date/);
  });
});

describe("progress", () => {
  test("a file name's control characters are printed escaped", () => {
    expect(forTerminal("North\u001b[2Jside\u202e.xlsx")).toBe("North\\x1b[2Jside\\u202e.xlsx");
  });

  test("a file named with an escape sequence is listed escaped", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "evil\u001b[31m.csv"), CSV);
    const result = await run(["rollup", dir, ...YEAR, "--no-copies", "--out", path.join(dir, "icb.xlsx")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("1 of 1: evil\\x1b[31m.csv\n");
  });
});

describe("the real command", () => {
  test("writes arrs-rollup-2025-26.xlsx in the current folder by default", () => {
    const dir = tmp();
    mkdirSync(path.join(dir, "in"));
    writeFileSync(path.join(dir, "in", "Eastside PCN.csv"), CSV);
    const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "arrs.js"), "rollup", "in", ...YEAR, "--no-copies"], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(existsSync(path.join(dir, "arrs-rollup-2025-26.xlsx"))).toBe(true);
  }, 30_000);
});
