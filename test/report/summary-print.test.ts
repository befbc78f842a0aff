/**
 * The sample's Claim Summary prints on at most 3 pages, one page wide at full size. The summary sheet alone is
 * written to a workbook (as the adapters write it: landscape, one page wide, its title repeated) and
 * converted to PDF by LibreOffice; pdfinfo counts the pages. Without LibreOffice the test is skipped,
 * saying so; CI installs it (.ci/run).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { newOwnedSheetWorkbookBytes } from "../../src/workbook/xlsx/new-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-pcn-2025-26.xlsx");

function has(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const available = has("soffice") && has("pdfinfo");
if (!available) {
  console.log("Skipped: the Claim Summary print test needs LibreOffice (soffice) and pdfinfo. "
    + "Install them with `apt-get install libreoffice-calc-nogui poppler-utils`, then run `npx jest test/report/summary-print`.");
}

(available ? test : test.skip)("the sample's Claim Summary prints on at most 3 pages, its charts inside the page width", async () => {
  const workbook = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE));
  const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, today: "2025-09-15" });
  if (checked.kind !== "checked") throw new Error(checked.message);
  const summary = checked.output.sheets.find((s) => s.name === "ARRS Claim Summary")!;
  const dir = mkdtempSync(path.join(tmpdir(), "arrs-print-"));
  try {
    const xlsx = path.join(dir, "summary.xlsx");
    writeFileSync(xlsx, await newOwnedSheetWorkbookBytes(summary, { markName: "ARRS_PrintTest" }));
    // A profile of its own, so that a LibreOffice the user has open does not take the job.
    execFileSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx],
      { stdio: "ignore", timeout: 120_000 });
    const info = execFileSync("pdfinfo", [path.join(dir, "summary.pdf")], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    console.log(`The sample's Claim Summary prints on ${pages} page(s).`);
    expect(pages).toBeGreaterThanOrEqual(1);
    // Three: the findings and roles; the year ahead with its chart; the claim by month and notes. The
    // charts sit within columns A to F, so the sheet prints one page wide at full size.
    expect(pages).toBeLessThanOrEqual(3);
    // The footer names the sheet and the page.
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "summary.pdf"), "-"], { encoding: "utf8" });
    expect(text).toMatch(/ARRS Claim Summary[\s\S]*Page 1 of \d/);
  } finally {
    if (!process.env.KEEP_PRINT_TEST) rmSync(dir, { recursive: true, force: true });
    else console.log(`Kept ${dir}`);
  }
}, 180_000);
