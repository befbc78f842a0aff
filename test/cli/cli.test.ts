/**
 * The arrs command as a user runs it: exit codes, one-line messages, the input never modified, the
 * output written beside it. Runs the command in-process (fast) and once as a real process.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import * as path from "node:path";
import { defaultOutputPath } from "../../src/cli/workbook-files";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";
import { fixture, ROOT, SAMPLE } from "../helpers/workbooks";

const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const tmp = scratchFolders("arrs-cli-");

describe("could not run: exit 2 and one line on stderr", () => {
  const dir = tmp();
  writeFileSync(path.join(dir, "old.xls"), "x");
  writeFileSync(path.join(dir, "data.csv"), "Name,Role\n");
  test.each([
    ["a missing file", ["check", path.join(dir, "nope.xlsx")], /cannot find/],
    ["a text file named .xlsx", ["check", fixture("not-a-workbook.xlsx")], /not an \.xlsx workbook/],
    ["a workbook with no roster", ["check", fixture("no-roster.xlsx"), "--out", path.join(dir, "o.xlsx")], /No roster found/],
    ["an .xls file", ["check", path.join(dir, "old.xls")], /save it as \.xlsx/],
    ["a .csv file with no roster in it (CSV files are read: see test/safety)", ["check", path.join(dir, "data.csv")], /data\.csv: No roster found/],
    ["a folder", ["check", dir], /is a folder/],
    ["no workbook named", ["check"], /Which workbook/],
    ["an unknown option", ["check", SAMPLE, "--colour"], /Unknown option --colour/],
    ["a bad year", ["check", SAMPLE, "--year", "2025/27"], /2025\/26/],
    ["a year before the scheme", ["check", SAMPLE, "--year", "2017/18"], /began on 1 July 2019/],
    ["a bad region", ["check", SAMPLE, "--region", "london"], /outer-london/],
    ["a bad list size", ["check", SAMPLE, "--list-size", "lots"], /positive whole number/],
    ["the input as output", ["check", SAMPLE, "--out", SAMPLE], /never modifies its input/],
    ["a sheet that does not exist", ["check", SAMPLE, "--sheet", "Staff", "--out", path.join(dir, "o2.xlsx")], /no sheet named "Staff"/],
  ])("%s", async (_label, args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(result.stdout).toBe("");
  });
});

describe("a check that runs", () => {
  test("help", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("arrs check <workbook.xlsx>");
  });

  test("writes beside the input by default and leaves the input unchanged", async () => {
    const dir = tmp();
    const input = path.join(dir, "roster.xlsx");
    copyFileSync(SAMPLE, input);
    const before = hash(input);
    const result = await run(["check", input]);
    expect(result.code).toBe(0);
    expect(hash(input)).toBe(before);
    expect(defaultOutputPath(input)).toBe(path.join(dir, "roster.arrs.xlsx"));
    expect(existsSync(path.join(dir, "roster.arrs.xlsx"))).toBe(true);
    expect(result.stdout).toContain("Claimable for the year");
    expect(result.stdout).toContain("your workbook is unchanged");
  });

  test("--json prints one document with the promised fields", async () => {
    const dir = tmp();
    const result = await run(["check", SAMPLE, "--json", "--out", path.join(dir, "out.xlsx")]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.financialYear).toBe("2025/26");
    expect(doc.pcn).toEqual({ listSize: 58214, weightedPopulation: 61532, region: "national" });
    expect(doc.totals.months).toHaveLength(12);
    for (const person of doc.staff) {
      expect(Object.keys(person)).toEqual(expect.arrayContaining(["row", "name", "role", "wte", "start", "end", "annualCost", "claimable", "months", "flags"]));
      expect(person.months).toHaveLength(12);
      for (const f of person.flags) expect(Object.keys(f)).toEqual(expect.arrayContaining(["code", "severity", "message", "source"]));
    }
    expect(Array.isArray(doc.flags)).toBe(true);
  });

  test("flags win over the stored settings", async () => {
    const dir = tmp();
    const result = await run(["check", SAMPLE, "--json", "--list-size", "120000", "--region", "outer-london", "--out", path.join(dir, "out.xlsx")]);
    const doc = JSON.parse(result.stdout);
    expect(doc.pcn).toEqual({ listSize: 120000, weightedPopulation: 61532, region: "outer-london" });
  });

  test("checking its own output again gives the same result", async () => {
    const dir = tmp();
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    const a = JSON.parse((await run(["check", SAMPLE, "--json", "--out", first])).stdout);
    const b = JSON.parse((await run(["check", first, "--json", "--out", second])).stdout);
    expect({ ...b, workbook: null, output: null }).toEqual({ ...a, workbook: null, output: null });
  });
});

describe("the installed command", () => {
  const built = existsSync(path.join(ROOT, "lib", "cli", "main.js"));
  (built ? test : test.skip)("npx arrs runs as a process, with exit code 2 for a missing file", () => {
    const bin = path.join(ROOT, "bin", "arrs.js");
    expect(execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" })).toContain("Usage:");
    const missing = spawnSync(process.execPath, [bin, "check", "missing.xlsx"], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('arrs: cannot find "missing.xlsx". Check the path and try again.');
  });

  (built && existsSync("/bin/sh") ? test : test.skip)("piped into a reader that stops early (| head), it stops quietly, with no stack trace", () => {
    // A summary longer than a pipe's buffer (64 KiB), so that writing it outlasts the reader.
    const dir = tmp();
    const csv = path.join(dir, "long.csv");
    writeFileSync(csv, ["Name,Role,WTE,Start date,Annual salary", ...Array.from({ length: 400 }, () => "Locum TBC,Clinical Pharmacist,0.5,01/04/2025,45000")].join("\n"));
    const bin = path.join(ROOT, "bin", "arrs.js");
    const piped = spawnSync("/bin/sh", ["-c", `"${process.execPath}" "${bin}" check "${csv}" --year 2025/26 | head -c 10 >/dev/null`], { encoding: "utf8" });
    expect(piped.stderr).toBe("");
    expect(piped.status).toBe(0);
    expect(spawnSync(process.execPath, [bin, "check", csv, "--year", "2025/26"], { encoding: "utf8" }).stdout.length).toBeGreaterThan(65536);
  });
});

describe("parts of the workbook the tool does not write", () => {
  test("come through byte for byte: charts, pivot tables, macros and every other part; the input is untouched", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    zip.file("xl/charts/chart1.xml", '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    zip.file("xl/vbaProject.bin", new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const dir = tmp();
    const input = path.join(dir, "with-chart.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const before = hash(input);
    const out = path.join(dir, "j.xlsx");
    const json = JSON.parse((await run(["check", input, "--json", "--out", out])).stdout);
    expect(json.warnings).toEqual([]);
    expect(hash(input)).toBe(before);

    const original = await JSZip.loadAsync(readFileSync(input));
    const written = await JSZip.loadAsync(readFileSync(out));
    // What the tool writes: the roster sheet ("Roster 2025-26", sheet2), its own ARRS Settings sheet
    // (sheet4), the workbook's sheet list and names, its relationships, the content types and the
    // styles; its other sheets are new parts.
    const touched = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet4.xml"]);
    const unchanged: string[] = [];
    for (const name of Object.keys(original.files)) {
      if (original.files[name].dir || touched.has(name)) continue;
      expect([name, Buffer.from(await written.file(name)!.async("uint8array")).equals(Buffer.from(await original.file(name)!.async("uint8array")))]).toEqual([name, true]);
      unchanged.push(name);
    }
    expect(unchanged).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/pivotTables/pivotTable1.xml", "xl/vbaProject.bin", "xl/sharedStrings.xml"]));
  });
});
