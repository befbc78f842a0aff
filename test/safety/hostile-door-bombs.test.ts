/**
 * Zip bombs in every part the file door reads (issue 19, point 1): each is refused with one line and
 * exit code 2, in seconds, by `node bin/arrs.js check` in a child process whose V8 heap is held to
 * 512 MiB and whose peak memory (max RSS, which counts the inflater's buffers too) is measured. The
 * bombs are made in milliseconds (hostile-door-files.ts zeroBomb): a 10 MB file inflating to 10 GB.
 * Uses the built command line (lib/, which `npm test` builds first).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { scratchFolders } from "../helpers/scratch";
import { workbookParts, zeroBomb, zip64Of, zipOf, type Part } from "./hostile-door-files";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "arrs.js");
const folder = scratchFolders("arrs-bombs-");
let dir = "";
beforeAll(() => { dir = folder(); });

const MIB = 1024 ** 2;
const GIB_IN_MIB = 1024;

/**
 * `arrs check FILE` in a child process limited to a 512 MiB heap: exit code, stderr (without the
 * measurement line), seconds, and peak RSS in bytes.
 */
function checkInChild(file: string): { code: number | null; stderr: string; seconds: number; maxRss: number } {
  const measure = `process.on("exit", () => process.stderr.write("\\n@maxRSS " + process.resourceUsage().maxRSS * 1024 + "\\n"));`
    + `process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)});`;
  const started = Date.now();
  const child = spawnSync(process.execPath, ["--max-old-space-size=512", "-e", measure, "check", file], { encoding: "utf8", timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const maxRss = Number(/@maxRSS (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { code: child.status, stderr: child.stderr.replace(/\n?@maxRSS \d+\n/, ""), seconds, maxRss };
}

function expectRefusedInChild(name: string, bytes: Uint8Array, message: RegExp): void {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  const result = checkInChild(file);
  console.log(`${name}: ${(bytes.length / MIB).toFixed(1)} MiB file refused in ${result.seconds.toFixed(2)} s, peak ${Math.round(result.maxRss / MIB)} MiB`);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|something went wrong inside|node:internal|Fatal|bad_alloc/);
  expect(result.code).toBe(2);
  expect(result.seconds).toBeLessThan(5);
  expect(result.maxRss).toBeLessThan(512 * MIB);
  expect(Buffer.compare(readFileSync(file), Buffer.from(bytes))).toBe(0);
}

/** A workbook whose part `name` is a bomb of `mebibytes` MiB of zeros recording `declared` bytes. */
const bombed = (name: string, mebibytes: number, declared: number, parts: Part[] = workbookParts()) =>
  parts.map((p): Part => (p.name === name ? { name, raw: zeroBomb(mebibytes), declared } : p));

describe("a zip bomb in any part is refused in seconds, at bounded memory", () => {
  test("the roster sheet: 10 GB of zeros recorded as 100,000 bytes", () => {
    expectRefusedInChild("sheet-bomb", zipOf(bombed("xl/worksheets/sheet1.xml", 10 * GIB_IN_MIB, 100_000)), /The sheet "Staff" in this workbook is damaged/);
  });

  test("the workbook part: 10 GB recorded as 2,000 bytes", () => {
    expectRefusedInChild("workbook-bomb", zipOf(bombed("xl/workbook.xml", 10 * GIB_IN_MIB, 2000)), /damaged/);
  });

  test("the workbook's relationships: 10 GB recorded as 1,000 bytes", () => {
    expectRefusedInChild("rels-bomb", zipOf(bombed("xl/_rels/workbook.xml.rels", 10 * GIB_IN_MIB, 1000)), /damaged/);
  });

  test("the content types: 10 GB recorded as 1,500 bytes", () => {
    expectRefusedInChild("types-bomb", zipOf(bombed("[Content_Types].xml", 10 * GIB_IN_MIB, 1500)), /damaged/);
  });

  test("the styles: 3 GB, recorded as 3 GB", () => {
    const parts = workbookParts({ styles: "<styleSheet/>" });
    expectRefusedInChild("styles-bomb", zipOf(bombed("xl/styles.xml", 3000, 3000 * MIB, parts)), /"xl\/styles\.xml" .* 3,146 MB; the checker reads at most/);
  });

  test("the shared strings, truthfully 3 GB: refused for its size, not taken for a sheet without a roster", () => {
    const parts = workbookParts({ sharedStrings: "<sst/>" });
    expectRefusedInChild("strings-bomb", zipOf(bombed("xl/sharedStrings.xml", 3000, 3000 * MIB, parts)), /shared text .* 3,146 MB; the checker reads at most 150 MB/);
  });

  test("the roster sheet, recorded as 140 MB (under the size limit) but 1,000 times smaller stored: refused by its ratio", () => {
    expectRefusedInChild("ratio-bomb", zipOf(bombed("xl/worksheets/sheet1.xml", 140, 140 * MIB)), /expand .* more than 100 times/);
  });

  test("a ZIP64 entry recording 10 GB is refused on its recorded size, without inflating it", () => {
    const parts = bombed("xl/worksheets/sheet1.xml", 20, 10 * 1024 * MIB);
    expectRefusedInChild("zip64-bomb", zip64Of(parts), /The sheet "Staff" holds 10,737 MB of data; the checker reads at most 150 MB/);
  });
});
