/**
 * The task pane end to end in Debian's Chromium, outside Excel: built with the project's
 * webpack.config.js (office.js served locally), served from 127.0.0.1, the sample workbook opened
 * through the file input, checked, the claim summary written, the checked copy downloaded and read
 * back with ExcelJS. Screenshots of the pane with results (light and dark) go to test-output/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "examples", "sample-pcn-2025-26.xlsx");
const OUTPUT = path.join(ROOT, "test-output");
const CHROMIUM = "/usr/bin/chromium";
const PANE_WIDTH = 350;
/** The pane after adding the 2026/27 rates sheet, to look at. */
const RATES_SCREENSHOT = "/tmp/pane-rates.png";

jest.setTimeout(600_000);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A tiny static server for the built folder, on 127.0.0.1 only. */
function serve(dir: string): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(pathname);
    const file = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests });
  }));
}

/** webpack.config.js through webpack's Node API, into a temporary folder, with office.js copied in. */
async function build(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as typeof import("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: Record<string, unknown>, argv: Record<string, unknown>) => import("webpack").Configuration;
  const config = makeConfig({ localOffice: true }, { mode: "production" });
  config.output = { ...config.output, path: outDir };
  config.devtool = false;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

const haveChromium = existsSync(CHROMIUM);

(haveChromium ? describe : describe.skip)("the task pane in Chromium, outside Excel", () => {
  let dist: string;
  let site: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), "arrs-taskpane-"));
    await build(dist);
    site = await serve(dist);
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await new Promise((resolve) => site?.server.close(resolve));
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  test("open the sample, check it, write the summary, download the checked copy", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    try {
      const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 900 }, acceptDownloads: true, colorScheme: "light" });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      // The page's Content-Security-Policy must hold for everything the pane does: any violation fails,
      // but for office.js's own telemetry frame, which the policy is there to block (see below).
      const cspViolations: string[] = [];
      page.on("console", (message) => { if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text()); });
      const offsite: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(site.url) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) offsite.push(request.url());
      });

      await page.goto(`${site.url}/taskpane.html`);
      const loaded = Date.now();
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      const input = page.getByLabel("Open a workbook (.xlsx)");
      await input.waitFor({ timeout: 30_000 });
      expect(await page.locator(".fui-FluentProvider").getAttribute("data-theme")).toBe("light");
      const scriptsBefore = site.requests.filter((r) => r.endsWith(".js")).length;

      await input.setInputFiles(SAMPLE);
      const sheet = page.getByRole("combobox", { name: "Roster sheet" });
      await sheet.waitFor({ timeout: 60_000 });
      expect(await sheet.inputValue()).toBe("Roster 2025-26");
      // The ExcelJS adapter arrived only now, as a chunk of its own.
      expect(site.requests.filter((r) => r.endsWith(".js")).length).toBeGreaterThan(scriptsBefore);

      await page.getByRole("button", { name: "Check roster" }).click();
      await page.getByRole("heading", { name: "Results" }).waitFor({ timeout: 60_000 });
      // The counts follow the built-in figures (src/rules/data): the controller on the same file says them.
      const { counts } = await expectedCheck();
      await page.getByText(`Errors (${counts.error})`).waitFor();
      await page.getByText(`Warnings (${counts.warning})`).waitFor();
      await page.getByText(`Notes (${counts.info})`).waitFor();
      const errors = page.getByRole("list", { name: `Errors: ${counts.error}` });
      expect(await errors.getByRole("listitem").count()).toBe(counts.error);
      expect(await errors.getByRole("button").count()).toBe(0);

      // Nothing is wider than the pane.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // What the user sees after a check: the actions, the status, the money and the first errors.
      const scrollToActions = () => page.evaluate(() => {
        const heading = Array.from(document.querySelectorAll("h2")).find((h) => h.textContent === "Check and write");
        window.scrollTo(0, (heading?.getBoundingClientRect().top ?? 0) + window.scrollY - 8);
      });
      await scrollToActions();
      await page.screenshot({ path: path.join(OUTPUT, "taskpane-results.png") });
      await page.screenshot({ path: path.join(OUTPUT, "taskpane-results-full.png"), fullPage: true });

      await page.getByRole("button", { name: "Write claim summary" }).click();
      await page.locator(".fui-MessageBarBody", { hasText: /Wrote the columns "ARRS status"/ }).waitFor({ timeout: 60_000 });
      expect(await page.getByTestId("announcer").textContent()).toMatch(/Wrote the columns/);

      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        page.getByRole("button", { name: "Download checked workbook" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("sample-pcn-2025-26.arrs.xlsx");
      const saved = path.join(dist, "downloaded.xlsx");
      await download.saveAs(saved);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(saved);
      expect(workbook.worksheets.map((ws) => ws.name)).toEqual(expect.arrayContaining(["Roster 2025-26", "ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"]));
      const roster = workbook.getWorksheet("Roster 2025-26")!;
      const headers = (roster.getRow(4).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
      const status = headers.indexOf("ARRS status");
      const findings = headers.indexOf("ARRS findings");
      expect(status).toBeGreaterThan(0);
      expect(findings).toBeGreaterThan(0);
      expect(roster.getRow(10).getCell(status).value).toBe("Error");
      expect(String(roster.getRow(10).getCell(findings).value)).toMatch(/INVALID_DATE/);
      expect(String(workbook.getWorksheet("ARRS Claim Summary")!.getCell("A1").value)).toMatch(/ARRS/);

      // Outside Office the pane follows prefers-color-scheme.
      await page.emulateMedia({ colorScheme: "dark" });
      await page.waitForFunction(() => document.querySelector(".fui-FluentProvider")?.getAttribute("data-theme") === "dark");
      await scrollToActions();
      await page.screenshot({ path: path.join(OUTPUT, "taskpane-results-dark.png") });

      // Outside Office, office.js (o15apptofilemappingtable.js) adds a hidden frame for Microsoft's
      // telemetry proxy 3 s after it loads. The page's frame-src leaves it out, so Chromium blocks the
      // frame before any request. Waiting past that point makes the test see it every time, rather than
      // only on runs slow enough to last 3 s.
      await page.waitForTimeout(Math.max(0, loaded + OFFICE_TELEMETRY_FRAME_DELAY_MS + 1_000 - Date.now()));
      expect(pageErrors).toEqual([]);
      expect(cspViolations.filter((v) => !isBlockedOfficeTelemetryFrame(v))).toEqual([]);
      // No network request but to the add-in's own origin (office.js is served from it in this build).
      expect(offsite).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test("2026/27: the results offer the rates sheet; it goes into the download, and once filled every role claims on it", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    try {
      const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 900 }, acceptDownloads: true, colorScheme: "light" });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(`${site.url}/taskpane.html`);
      const input = page.getByLabel("Open a workbook (.xlsx)");
      await input.waitFor({ timeout: 30_000 });
      await input.setInputFiles(SAMPLE);
      await page.getByRole("combobox", { name: "Roster sheet" }).waitFor({ timeout: 60_000 });

      // The year is set in the settings form, as a practice manager would in December 2026.
      await page.getByRole("button", { name: "Change settings" }).click();
      await page.getByRole("textbox", { name: /Financial year/ }).fill("2026/27");
      expect(await page.getByRole("checkbox", { name: "Claim up to earlier years' maximums while this year's are missing" }).isChecked()).toBe(true);
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByRole("button", { name: "Change settings" }).waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Check roster" }).click();
      await page.getByRole("heading", { name: "Results" }).waitFor({ timeout: 60_000 });
      const sentence = page.locator(".fui-MessageBarBody span").getByText(/^No 2026\/27 maximum amounts are built in for \d+ roles on this roster: until you add them, their claims rest on earlier years' figures\.$/);
      await sentence.waitFor();
      await page.getByText(/of this rests on earlier years' maximums \(RATE_FLOOR\)/).waitFor();

      const add = page.getByRole("button", { name: "Add the 2026/27 rates sheet" });
      await add.click();
      await page.locator(".fui-MessageBarBody span", { hasText: /^Added the sheet "ARRS max reimb 26-27" at the end of the workbook\. Download the workbook/ }).waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.evaluate(() => {
        const heading = Array.from(document.querySelectorAll("h2")).find((h) => h.textContent === "Results");
        window.scrollTo(0, (heading?.getBoundingClientRect().top ?? 0) + window.scrollY - 8);
      });
      await page.screenshot({ path: RATES_SCREENSHOT });

      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        page.getByRole("button", { name: "Download checked workbook" }).click(),
      ]);
      const saved = path.join(dist, "with-rates.xlsx");
      await download.saveAs(saved);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(saved);
      const rates = workbook.getWorksheet("ARRS max reimb 26-27")!;
      expect(rates).toBeTruthy();
      expect(rates.getCell("A7").value).toBe("Clinical Pharmacist");
      expect(rates.getCell("C7").value).toBeNull();

      // Filled in (any figures: each blank a little over last year's), then opened and checked again.
      rates.eachRow((row, rowNumber) => {
        if (rowNumber <= 6) return;
        for (let c = 3; c <= 5; c++) {
          if (row.getCell(c).value === null) row.getCell(c).value = Math.round((Number(row.getCell(c + 4).value) || 50000) * 1.03);
        }
      });
      const filled = path.join(dist, "filled.xlsx");
      await workbook.xlsx.writeFile(filled);
      await input.setInputFiles(filled);
      await page.getByText(/Open: filled\.xlsx/).waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Check roster" }).click();
      await page.getByRole("heading", { name: "Results" }).waitFor({ timeout: 60_000 });
      await page.getByText("Claimable for 2026/27").waitFor();
      expect(await page.getByText(/maximum amounts are built in for/).count()).toBe(0);
      expect(await page.getByText(/rests on earlier years' maximums/).count()).toBe(0);
      expect(await page.getByText(/\(RATE_FLOOR\)|\(NO_RATE\)/).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

/** What the pane's controller finds on the sample, checked in Node: the numbers the pane must show. */
async function expectedCheck() {
  const { TaskpaneController } = await import("../../src/taskpane/controller");
  const { XlsxWorkbook } = await import("../../src/workbook/xlsx/xlsx-workbook");
  const workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(SAMPLE)));
  return new TaskpaneController(workbook).check();
}

/** How long office.js waits, once loaded outside Office, before it adds its telemetry frame (ULSEndpointProxy). */
const OFFICE_TELEMETRY_FRAME_DELAY_MS = 3_000;

/** Chromium's message for the telemetry frame office.js adds, blocked by the page's frame-src. */
function isBlockedOfficeTelemetryFrame(message: string): boolean {
  return /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/.*' violates the following Content Security Policy directive: "frame-src /.test(message)
    && /The request has been blocked/.test(message);
}

if (!haveChromium) {
  test("the browser test", () => {
    console.log("SKIPPED: the browser test needs Chromium (apt-get install chromium); .ci/run installs it");
  });
}
