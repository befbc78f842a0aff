/**
 * The summary's chart as another program draws it: the sample checked and written by the file door,
 * converted to PDF by LibreOffice (which draws charts from the file's cached values and cells), and
 * the chart's title, its value axis title and its months looked for in the PDF's text. Skipped, with a
 * message, where LibreOffice is not installed (CI installs it). The PDF and a PNG of the summary's
 * page are left in test-output/charts/ to look at.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT, SAMPLE } from "../helpers/workbooks";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const CAN_RENDER = has("soffice") && has("pdftotext");
const OUT = path.join(ROOT, "test-output", "charts");

if (!CAN_RENDER) {
  // On a user's machine this says it was skipped; in CI (.ci/run installs both) a missing tool fails.
  test("the chart rendered by LibreOffice", () => {
    if (process.env.CI) throw new Error("CI must install LibreOffice and poppler-utils (soffice, pdftotext): .ci/run does.");
    console.log("SKIPPED: the chart render test needs LibreOffice and pdftotext (apt-get install libreoffice-calc-nogui poppler-utils), then run npx jest test/workbook/xlsx-charts-render");
  });
} else {
  test("LibreOffice draws the summary's chart with its title, axis title and months", async () => {
    const workbook = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE));
    const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, today: "2026-12-07" });
    if (checked.kind !== "checked") throw new Error(checked.message);
    await workbook.write(checked.output);
    const title = checked.output.sheets[0].charts![0].title;

    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, "sample.arrs.xlsx");
    writeFileSync(file, await workbook.toBuffer());
    // A profile of its own, so a LibreOffice already running (or another test's) does not take the job.
    const profile = `file://${path.join(OUT, "profile")}`;
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", OUT, file], { stdio: "ignore", timeout: 170_000 });
    const pdf = path.join(OUT, "sample.arrs.pdf");
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");

    // The title is the chart's alone: no cell holds it.
    const page = pages.findIndex((text) => text.includes(title));
    expect(page).toBeGreaterThanOrEqual(0);
    // The chart's page also has its value axis title and the months along the category axis.
    expect(pages[page]).toMatch(/£/);
    expect(pages[page]).toContain("Apr 2025");
    if (has("pdftoppm")) execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(page + 1), "-l", String(page + 1), pdf, path.join(OUT, "summary")]);
  }, 180_000);
}
