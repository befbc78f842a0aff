/**
 * The pipeline's roll-up over workbooks handed to it: each checked by checkWorkbook with its own
 * stored settings, the batch never stopped by one that cannot be opened or checked, progress told as
 * each starts, the checked copy kept through the door's function, and a PCN of another year than the
 * batch's left out with why.
 */
import { readFileSync } from "node:fs";
import { toJson } from "../../src/cli/json";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { rollUp, type RollupSource } from "../../src/pipeline/rollup";
import { pcnFigures } from "../../src/report/icb-figures";
import type { CheckedPcn } from "../../src/report/icb-types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { fixture, SAMPLE } from "../helpers/workbooks";

const TODAY = "2026-11-21";
const source = (file: string, bytes: () => Uint8Array): RollupSource<XlsxWorkbook> => ({ file, open: async () => XlsxWorkbook.fromBuffer(bytes()) });
const sample = () => readFileSync(SAMPLE);

describe("rollUp", () => {
  test("checks each workbook in turn, tells progress, and keeps going past one that fails", async () => {
    const progress: string[] = [];
    const kept: string[] = [];
    const rollup = await rollUp([
      source("a.xlsx", sample),
      source("b.xlsx", () => readFileSync(fixture("not-a-workbook.xlsx"))),
      source("c.xlsx", () => readFileSync(fixture("no-roster.xlsx"))),
      { file: "d.xlsx", open: async () => { throw new Error("disk on fire"); } },
      source("e.xlsx", () => readFileSync(fixture("three-practices-2025-26.xlsx"))),
    ], {
      financialYear: "2025/26",
      today: TODAY,
      asOf: "2025-12-31",
      words: COMMAND_LINE_WORDS,
      progress: ({ index, count, file }) => progress.push(`${index}/${count} ${file}`),
      keep: async (pcn) => { kept.push(pcn.file); return `${pcn.file}.copy`; },
      describeError: (error, file) => `${file}: ${(error as Error).message}`,
    });
    expect(progress).toEqual(["1/5 a.xlsx", "2/5 b.xlsx", "3/5 c.xlsx", "4/5 d.xlsx", "5/5 e.xlsx"]);
    expect(rollup.pcns.map((p) => p.kind)).toEqual(["checked", "failed", "failed", "failed", "checked"]);
    expect(rollup.pcns[1]).toMatchObject({ error: expect.stringMatching(/^b\.xlsx: .*not an \.xlsx workbook/) });
    expect(rollup.pcns[2]).toMatchObject({ error: expect.stringMatching(/No roster found/) });
    expect(rollup.pcns[3]).toMatchObject({ error: "d.xlsx: disk on fire" });
    expect(kept).toEqual(["a.xlsx", "e.xlsx"]);
    expect(rollup).toMatchObject({ financialYear: "2025/26", asOf: "2025-12-31", generatedOn: TODAY });
    const first = rollup.pcns[0] as CheckedPcn;
    expect(first.copy).toBe("a.xlsx.copy");
    expect(first.forecast).toMatchObject({ asOf: "2025-12-31", monthsToDate: 9 });
  });

  test("a PCN's result is exactly what checkWorkbook gives for its workbook alone", async () => {
    const rollup = await rollUp([source("a.xlsx", sample)], { financialYear: "2025/26", today: TODAY, words: COMMAND_LINE_WORDS, describeError: String });
    const alone = await checkWorkbook(await XlsxWorkbook.fromBuffer(sample()), { settings: { financialYear: "2025/26" }, today: TODAY, words: COMMAND_LINE_WORDS });
    if (alone.kind !== "checked") throw new Error(alone.message);
    const where = { workbook: "a.xlsx", sheet: "", output: null };
    expect(toJson((rollup.pcns[0] as CheckedPcn).result, where)).toEqual(toJson(alone.result, where));
    // The as-of date is today when not given.
    expect(rollup.asOf).toBe(TODAY);
  });

  test("without --year, the year most PCNs give; a PCN of another year (here the current one, its workbook giving none) is a row saying so", async () => {
    const rollup = await rollUp([
      source("2024.xlsx", () => readFileSync(fixture("minimal-2024-25.xlsx"))),
      source("a.xlsx", sample),
      source("b.xlsx", sample),
    ], { today: TODAY, words: COMMAND_LINE_WORDS, describeError: String });
    expect(rollup.financialYear).toBe("2025/26");
    expect(rollup.pcns.map((p) => p.kind)).toEqual(["failed", "checked", "checked"]);
    expect(rollup.pcns[0]).toMatchObject({ error: expect.stringMatching(/checked for 2026\/27 .*--year 2025\/26/) });
  });

  test("the forecast fixture's hand-checked year ahead (test/fixtures/README.md) is the roll-up's, planned posts included", async () => {
    const rollup = await rollUp([source("forecast.xlsx", () => readFileSync(fixture("forecast-2025-26.xlsx")))], {
      financialYear: "2025/26", today: TODAY, asOf: "2025-12-31", words: COMMAND_LINE_WORDS, describeError: String,
    });
    const figures = pcnFigures(rollup.pcns[0] as CheckedPcn);
    expect({ toDate: figures.toDate, restOfYear: figures.restOfYear, plannedPosts: figures.plannedPosts }).toEqual({ toDate: 65046.3, restOfYear: 22563.43, plannedPosts: 15644.4 });
  });

  test("nothing to check: no year, no PCNs", async () => {
    const rollup = await rollUp([], { today: TODAY, words: COMMAND_LINE_WORDS, describeError: String });
    expect(rollup).toEqual({ financialYear: null, asOf: TODAY, generatedOn: TODAY, pcns: [] });
  });
});
