/**
 * Golden files: each sample and fixture workbook through the whole pipeline, the JSON result and the
 * cells the tool wrote compared with files committed beside this test, so any change in behaviour
 * shows as a readable diff. After an intended change: UPDATE_GOLDEN=1 npx jest test/golden, then
 * read the diff before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { toJson } from "../../src/cli/json";
import { OWNED_SHEET_NAMES } from "../../src/common/owned";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { NUMBER_FORMATS } from "../../src/report/formats";
import { rosterColumnBlocks } from "../../src/report/roster-columns";
import type { RequestedSettings } from "../../src/pipeline/settings";
import { FileWorkbook } from "../helpers/file-workbook";
import { dumpWorkbook, fixture, SAMPLE } from "../helpers/workbooks";

const GOLDEN = path.join(__dirname, "files");
const TODAY = "2026-11-21";

const CASES: { name: string; file: string; settings: RequestedSettings }[] = [
  { name: "sample-pcn-2025-26", file: SAMPLE, settings: {} },
  { name: "minimal-2024-25", file: fixture("minimal-2024-25.xlsx"), settings: { financialYear: "2024/25", listSize: 45000, weightedPopulation: 48000 } },
  { name: "caps-2023-24-small-pcn", file: fixture("caps-2023-24.xlsx"), settings: { listSize: 99999, weightedPopulation: 90000 } },
  { name: "caps-2023-24-large-pcn", file: fixture("caps-2023-24.xlsx"), settings: { listSize: 100000, weightedPopulation: 110000 } },
  { name: "london-2025-26", file: fixture("london-2025-26.xlsx"), settings: { financialYear: "2025/26", region: "outer-london", listSize: 70000, weightedPopulation: 76000 } },
  { name: "messy", file: fixture("messy.xlsx"), settings: { financialYear: "2025/26" } },
  { name: "three-practices-2025-26", file: fixture("three-practices-2025-26.xlsx"), settings: { financialYear: "2025/26", listSize: 40000, weightedPopulation: 42000 } },
];

/** Money to the penny and WTE to 4 places, so the files read as a person would check them. */
function tidy(value: unknown): unknown {
  if (typeof value === "number" && !Number.isInteger(value)) return Math.round(value * 10000) / 10000;
  if (Array.isArray(value)) return value.map(tidy);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]));
  return value;
}

function compare(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    if (process.env.CI && !process.env.UPDATE_GOLDEN) throw new Error(`Golden file ${path.basename(file)} is missing: run UPDATE_GOLDEN=1 npx jest test/golden and commit it.`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe.each(CASES)("$name", ({ name, file, settings }) => {
  test("JSON result and the cells written match the golden files", async () => {
    const workbook = await FileWorkbook.fromBuffer(readFileSync(file));
    const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, settings, today: TODAY });
    if (checked.kind !== "checked") throw new Error(checked.message);
    const json = toJson(checked.result, { workbook: path.basename(file), sheet: checked.sheets.read.join("; "), sheets: checked.sheets, output: null, forecast: checked.forecast });
    compare(path.join(GOLDEN, `${name}.json`), `${JSON.stringify(tidy(json), null, 2)}\n`);

    await workbook.write(checked.output);
    // Where each roster sheet's own columns begin (one roster sheet per member practice, or just one).
    const ownedFrom = new Map(rosterColumnBlocks(checked.output).map((block) => [block.sheetName, block.firstColumn]));
    const cells = await dumpWorkbook(Buffer.from(await workbook.toBuffer()), (sheet) => OWNED_SHEET_NAMES.includes(sheet) || ownedFrom.has(sheet));
    const text = Object.entries(cells).map(([sheet, lines]) => {
      // On a roster sheet, only the tool's own columns are its output.
      const from = ownedFrom.get(sheet);
      const kept = from !== undefined ? lines.filter((l) => columnNumber(l.split("=")[0]) >= from) : lines;
      return `## ${sheet}\n${kept.map(asShown).join("\n")}`;
    }).join("\n\n");
    compare(path.join(GOLDEN, `${name}.cells.txt`), `${text}\n`);
  });
});

const POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const TWO_PLACES = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

/**
 * A dumped cell (`A1=value|format`) with its number as Excel shows it in that format: money in pounds
 * and pence, WTE to two places. So the files read as a person checks them, and a change in the order
 * of a sum, a millionth of a penny, is not a diff.
 */
function asShown(line: string): string {
  const equals = line.indexOf("=");
  const bar = line.lastIndexOf("|");
  const [address, value, format] = [line.slice(0, equals), line.slice(equals + 1, bar), line.slice(bar + 1)];
  if (!/^-?[0-9.e+-]+$/.test(value)) return line;
  if (format === NUMBER_FORMATS.money) return `${address}=${POUNDS.format(Number(value))}|${format}`;
  if (format === NUMBER_FORMATS.wte) return `${address}=${TWO_PLACES.format(Number(value))}|${format}`;
  return line;
}

function columnNumber(address: string): number {
  const letters = /^[A-Z]+/.exec(address)![0];
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}
